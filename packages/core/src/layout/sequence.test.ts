import { describe, expect, it } from 'vitest';
import { DiagramaError } from '../errors.js';
import { describeDiagram } from '../model/describe.js';
import type { DiagramInput } from '../model/input.js';
import { parseDiagram } from '../model/parse.js';
import type { Scene, SceneConnector } from '../scene/types.js';
import { modelToScene } from './model-to-scene.js';
import { lifelineId } from './sequence.js';

const layOut = (input: DiagramInput): Scene => modelToScene(parseDiagram(input));
const codes = (input: DiagramInput): string[] => {
  try {
    layOut(input);
    return [];
  } catch (error) {
    if (!(error instanceof DiagramaError)) throw error;
    return error.diagnostics.map((d) => d.code);
  }
};
const connector = (scene: Scene, id: string): SceneConnector => {
  const found = scene.connectors.find((c) => c.id === id);
  if (!found) throw new Error(`no connector ${id}`);
  return found;
};

const login: DiagramInput = {
  direction: 'sequence',
  nodes: [
    { kind: 'user', id: 'user', label: 'User' },
    { kind: 'client', id: 'app', label: 'App' },
    { kind: 'box', id: 'auth', label: 'Auth Server' },
  ],
  connections: [
    { from: 'user', to: 'app', note: 'Log in' },
    { from: 'app', to: 'auth', note: 'Where do I log in?' },
    { from: 'auth', to: 'user', note: 'Login form', style: 'dashed' },
    { from: 'app', to: 'app', note: 'Keep the token' },
  ],
};

describe('sequences', () => {
  it('sets participants side by side, bottoms in line, each with a lifeline from its box', () => {
    const scene = layOut(login);
    const boxes = ['user', 'app', 'auth'].map((id) => scene.boxes.find((b) => b.id === id));
    const bottoms = boxes.map((b) => (b ? b.y + b.height : -1));
    expect(new Set(bottoms).size).toBe(1);
    const xs = boxes.map((b) => b?.x ?? -1);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
    for (const box of boxes) {
      const stub = connector(scene, lifelineId(box?.id ?? ''));
      expect(stub.points[0]).toEqual({
        x: stub.points[0]?.x,
        y: (box?.y ?? 0) + (box?.height ?? 0) - 1,
      });
      expect(stub.style).toBe('dashed');
    }
  });

  it('draws the messages one below the other in model order, each from lifeline to lifeline', () => {
    const scene = layOut(login);
    const rows = login.connections?.map((c, i) => {
      const line = scene.connectors.find(
        (s) => s.from === c.from && s.to === c.to && !s.id.includes('~'),
      );
      if (!line) throw new Error(`no message ${i}`);
      return line.points[0]?.y ?? -1;
    });
    expect(rows).toEqual([...(rows ?? [])].sort((p, q) => p - q));
    const column = (id: string): number => connector(scene, lifelineId(id)).points[0]?.x ?? -1;
    const toUser = scene.connectors.find((c) => c.from === 'auth' && c.to === 'user');
    expect(toUser?.points.map((p) => p.x)).toEqual([column('auth'), column('user')]);
    expect(toUser?.arrowEnd).toBe(true);
    // a message to itself loops out to the right and back
    const loop = scene.connectors.find(
      (c) => c.from === 'app' && c.to === 'app' && !c.id.includes('~'),
    );
    expect(loop?.points[0]?.x).toBe(column('app'));
    expect(loop?.points[1]?.x).toBeGreaterThan(column('app'));
  });

  it('puts each note over its message between the lifelines, clear of the others', () => {
    const scene = layOut(login);
    const column = (id: string): number => connector(scene, lifelineId(id)).points[0]?.x ?? -1;
    const note = scene.texts.find((t) => t.role === 'note' && t.text === 'Login form');
    const line = scene.connectors.find((c) => c.from === 'auth' && c.to === 'user');
    expect(note?.y).toBe((line?.points[0]?.y ?? 0) - 1);
    // from the sender's end: between the app's lifeline and the auth server's
    expect(note?.x).toBeGreaterThan(column('app') + 1);
    expect((note?.x ?? 0) + (note?.width ?? 0)).toBeLessThan(column('auth'));
  });

  it('breaks a lifeline where a message passes over it, so the message does not join it', () => {
    const scene = layOut(login);
    const passing = scene.connectors.find((c) => c.from === 'auth' && c.to === 'user');
    const row = passing?.points[0]?.y ?? -1;
    const pieces = scene.connectors.filter((c) => c.id.startsWith(lifelineId('app')));
    const joinedThere = pieces.some(
      (c) => c.join && (c.points[0]?.y === row || c.points[1]?.y === row),
    );
    expect(joinedThere).toBe(false);
    expect(pieces.filter((c) => !c.join).some((c) => c.points[1]?.y === row)).toBe(true);
  });

  it('lists the messages in order in the text description, a loop as talking to itself', () => {
    const text = describeDiagram(parseDiagram(login));
    expect(text).toContain('The messages, in order from top to bottom:');
    expect(text.indexOf('Log in')).toBeLessThan(text.indexOf('Login form'));
    expect(text).toContain('“App” talks to itself: Keep the token.');
  });

  it('draws a message to itself as a step down its lifeline, not as a loop round the box', () => {
    const scene = modelToScene(parseDiagram(login));
    const self = login.connections?.find((c) => c.from === c.to);
    const drawn = scene.connectors.find((c) => c.id === `${self?.from}->${self?.to}`);
    const box = scene.boxes.find((b) => b.id === self?.from);
    // below the participant's box, on its lifeline: a loop would start on the box's border
    expect(drawn?.points[0]?.y).toBeGreaterThan((box?.y ?? 0) + (box?.height ?? 0));
  });

  it('refuses a container as a participant, and a message from outside', () => {
    expect(
      codes({
        direction: 'sequence',
        nodes: [
          { kind: 'box', id: 'a', label: 'A' },
          { kind: 'host', id: 'h', label: 'H', children: [{ kind: 'box', id: 'b', label: 'B' }] },
        ],
        connections: [{ from: 'a', to: 'b' }],
      }),
    ).toContain('layout/unsupported-participant');
    expect(
      codes({
        direction: 'sequence',
        nodes: [{ kind: 'box', id: 'a', label: 'A' }],
        connections: [{ to: 'a', note: 'request' }],
      }),
    ).toContain('layout/unsupported-connection');
  });

  it('keeps a sequence a sequence when fitting a width: notes wrap, participants stay in a row', () => {
    const full = layOut(login);
    const scene = modelToScene(parseDiagram(login), { width: full.width - 4 });
    expect(scene.width).toBeLessThanOrEqual(full.width - 4);
    const tops = ['user', 'app', 'auth'].map((id) => {
      const b = scene.boxes.find((box) => box.id === id);
      return (b?.y ?? -1) + (b?.height ?? 0);
    });
    expect(new Set(tops).size).toBe(1);
    expect(scene.connectors.some((c) => c.id === lifelineId('auth'))).toBe(true);
  });

  it('refuses a sequence too big to draw with the canvas limit, not by running out of memory', () => {
    // every message passes over every lifeline: lifelines past a bound are drawn whole
    const nodes = Array.from({ length: 1500 }, (_, i) => ({
      kind: 'box' as const,
      id: `p${i}`,
      label: `p${i}`,
    }));
    const connections = Array.from({ length: 15000 }, () => ({ from: 'p0', to: 'p1499' }));
    expect(codes({ direction: 'sequence', nodes, connections })).toEqual(['limit/canvas']);
  });

  it('lays out a sequence inside a host like any block', () => {
    const scene = layOut({
      nodes: [
        { kind: 'client', id: 'cli', label: 'CLI' },
        {
          kind: 'host',
          id: 'h',
          label: 'Server',
          direction: 'sequence',
          children: [
            { kind: 'api', id: 'api', label: 'API' },
            { kind: 'database', id: 'db', label: 'DB' },
          ],
        },
      ],
      connections: [
        { from: 'cli', to: 'h' },
        { from: 'api', to: 'db', note: 'query' },
        { from: 'db', to: 'api', note: 'rows', style: 'dashed' },
      ],
    });
    const host = scene.boxes.find((b) => b.id === 'h');
    const query = scene.connectors.find((c) => c.from === 'api' && c.to === 'db');
    expect(query?.points.every((p) => p.y === query.points[0]?.y)).toBe(true);
    expect(query?.points[0]?.y).toBeGreaterThan(host?.y ?? 0);
    expect(query?.points[0]?.y).toBeLessThan((host?.y ?? 0) + (host?.height ?? 0));
  });
});
