import { describe, expect, it } from 'vitest';
import type { DiagramInput } from '../model/input.js';
import { parseDiagram } from '../model/parse.js';
import type { Diagram, HostNode } from '../model/types.js';
import { stackPeers } from './peers.js';

const regions = (extra: Partial<DiagramInput> = {}): DiagramInput => ({
  nodes: [
    {
      id: 'us',
      label: 'US',
      children: [
        { id: 'us-gw', label: 'gw' },
        { id: 'us-app', label: 'app' },
        { id: 'us-db', label: 'db' },
      ],
    },
    {
      id: 'eu',
      label: 'EU',
      children: [
        { id: 'eu-gw', label: 'gw' },
        { id: 'eu-app', label: 'app' },
        { id: 'eu-db', label: 'db' },
      ],
    },
  ],
  connections: [
    { from: 'us-gw', to: 'eu-gw', direction: 'both' },
    { from: 'us-db', to: 'eu-db', direction: 'both' },
  ],
  ...extra,
});

const directions = (diagram: Diagram): string[] =>
  diagram.nodes.map((n) => (n as HostNode).direction);

describe('stackPeers', () => {
  it('lists the members of two mirrored containers one under the other', () => {
    expect(directions(stackPeers(parseDiagram(regions())))).toEqual(['down', 'down']);
  });

  it('leaves them to the ranks in a flow to the right, which set peers along it', () => {
    const diagram = parseDiagram(regions({ flow: 'right' }));
    expect(stackPeers(diagram)).toBe(diagram);
  });

  it('leaves a container alone when its members are joined inside, or by a line one way', () => {
    const inside = regions();
    inside.connections = [...(inside.connections ?? []), { from: 'us-gw', to: 'us-app' }];
    expect(directions(stackPeers(parseDiagram(inside)))).toEqual(['auto', 'down']);
    const oneWay = regions();
    oneWay.connections = [
      { from: 'us-gw', to: 'eu-gw' },
      { from: 'us-db', to: 'eu-db' },
    ];
    const diagram = parseDiagram(oneWay);
    expect(stackPeers(diagram)).toBe(diagram);
  });

  it('keeps the direction the model asks for', () => {
    const input = regions();
    (input.nodes?.[0] as { direction?: string }).direction = 'right';
    expect(directions(stackPeers(parseDiagram(input)))).toEqual(['right', 'down']);
  });
});
