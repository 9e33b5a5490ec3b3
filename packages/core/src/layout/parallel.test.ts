import { describe, expect, it } from 'vitest';
import type { DiagramInput } from '../model/input.js';
import { parseDiagram } from '../model/parse.js';
import { modelToScene } from './model-to-scene.js';
import { sideLines } from './parallel.js';

/** An OAuth client and its authorization server: four lines between the two. */
const conversation = (extra: Partial<DiagramInput> = {}): DiagramInput => ({
  nodes: [
    { kind: 'client', id: 'app', label: 'Client App' },
    { kind: 'api', id: 'authz', label: 'Authorization Server' },
  ],
  connections: [
    { from: 'app', to: 'authz', note: '2. authorize' },
    { from: 'authz', to: 'app', note: '4. code' },
    { from: 'app', to: 'authz', note: '5. code + secret' },
    { from: 'authz', to: 'app', note: '6. access token' },
  ],
  ...extra,
});

const sides = (input: DiagramInput) =>
  sideLines(parseDiagram(input)).connections.map((c) => [c.hints?.fromSide, c.hints?.toSide]);

describe('sideLines', () => {
  it('sends the third and fourth lines between two boxes round the right and the left', () => {
    expect(sides(conversation())).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      ['right', 'right'],
      ['left', 'left'],
    ]);
    expect(sides(conversation({ flow: 'right' })).slice(2)).toEqual([
      ['bottom', 'bottom'],
      ['top', 'top'],
    ]);
  });

  it('leaves two lines, a sequence and sides asked for as they are', () => {
    const two = parseDiagram({
      ...conversation(),
      connections: conversation().connections?.slice(0, 2),
    });
    expect(sideLines(two)).toBe(two);
    const sequence = parseDiagram(conversation({ direction: 'sequence' }));
    expect(sideLines(sequence)).toBe(sequence);
    const asked = conversation();
    const third = asked.connections?.[2];
    if (third) third.hints = { fromSide: 'left', toSide: 'left' };
    expect(sides(asked)[2]).toEqual(['left', 'left']);
    // the line asked for goes its own way, uncounted: the fourth is the third free one
    expect(sides(asked)[3]).toEqual(['right', 'right']);
  });

  it('lets a conversation of four lines with notes lay out, every note clear of the lines', () => {
    const scene = modelToScene(parseDiagram(conversation()));
    expect(scene.connectors).toHaveLength(4);
    const notes = scene.texts.filter((t) => t.role === 'note');
    expect(notes.map((n) => n.text).sort()).toEqual(
      ['2. authorize', '4. code', '5. code + secret', '6. access token'].sort(),
    );
  });
});
