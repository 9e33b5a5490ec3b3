import { describe, expect, it } from 'vitest';
import type { Connection } from '../../model/types.js';
import { placeAcross } from './across.js';
import { placeZoneNotes, routeChannel } from './channels.js';
import type { LayeredGraph, LNode } from './graph.js';
import { countCrossings, gapSegments, orderRanks } from './order.js';
import { assignPins, spreadOffsets, straightenPins } from './ports.js';
import { assignRanks, breakCycles, normalize } from './rank.js';

/** A tiny layered graph for stage tests: atoms of the given sizes, edges between them. */
function tinyGraph(
  atoms: readonly { id: string; across?: number; container?: number }[],
  edges: readonly [string, string][],
  containers: readonly { id: string; parent?: number }[] = [],
): LayeredGraph {
  const nodes: LNode[] = atoms.map((a, i) => ({
    id: a.id,
    kind: 'atom',
    container: a.container ?? -1,
    along: 3,
    across: a.across ?? 9,
    boxAlong: 3,
    boxAcross: a.across ?? 9,
    rank: 0,
    order: 0,
    sequence: i,
  }));
  const index = new Map(atoms.map((a, i) => [a.id, i]));
  const connection = (from: string, to: string): Connection => ({
    id: `${from}->${to}`,
    from,
    to,
    direction: 'forward',
    style: 'solid',
  });
  return {
    nodes,
    containers: containers.map((c, i) => ({
      id: c.id,
      host: {
        kind: 'host',
        id: c.id,
        label: c.id,
        direction: 'auto',
        titleAt: 'band',
        children: [],
      },
      parent: c.parent ?? -1,
      depth: 0,
      title: [],
      titleGeometry: {
        place: 'none',
        band: 0,
        rule: false,
        below: 0,
        inner: 0,
        firstRow: 0,
        cut: false,
      },
      padding: { top: 1, right: 2, bottom: 1, left: 2 },
      firstRank: 0,
      lastRank: 0,
      sequence: atoms.length + i,
    })),
    edges: edges.map(([from, to]) => ({
      connection: connection(from, to),
      from: index.get(from) as number,
      to: index.get(to) as number,
      reversed: false,
      chain: [],
    })),
    rankEdges: [],
    trunks: true,
  };
}

const ranked = (graph: LayeredGraph): LayeredGraph => {
  breakCycles(graph);
  assignRanks(graph);
  normalize(graph);
  return graph;
};
/** Every cell of both sides but the corners. */
const all = (n: { boxAcross: number }) => {
  const cells = Array.from({ length: n.boxAcross - 2 }, (_, i) => i + 1);
  return { before: cells, after: cells };
};
const rankOf = (graph: LayeredGraph, id: string): number =>
  graph.nodes.find((n) => n.id === id)?.rank ?? -1;

describe('rank', () => {
  it('puts targets below sources and breaks cycles in model order', () => {
    const graph = ranked(
      tinyGraph(
        [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ],
      ),
    );
    expect(['a', 'b', 'c'].map((id) => rankOf(graph, id))).toEqual([0, 1, 2]);
    expect(graph.edges.map((e) => e.reversed)).toEqual([false, false, true]);
  });

  it('splits long edges into dummies, one per rank', () => {
    const graph = ranked(
      tinyGraph(
        [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ],
      ),
    );
    const long = graph.edges[2];
    expect(long?.chain.map((v) => graph.nodes[v]?.kind)).toEqual(['atom', 'dummy', 'atom']);
  });

  it('keeps a node with no connection beside its connected siblings', () => {
    const graph = ranked(
      tinyGraph(
        [{ id: 'top' }, { id: 'x', container: 0 }, { id: 'lonely', container: 0 }],
        [['top', 'x']],
        [{ id: 'box' }],
      ),
    );
    expect(rankOf(graph, 'lonely')).toBe(rankOf(graph, 'x'));
  });

  it('keeps a node with no connection beside the connected sibling written before it', () => {
    const graph = ranked(
      tinyGraph(
        [
          { id: 'first', container: 0 },
          { id: 'x', container: 0 },
          { id: 'y', container: 0 },
          { id: 'z', container: 0 },
          { id: 'after', container: 0 },
        ],
        [
          ['x', 'y'],
          ['y', 'z'],
        ],
        [{ id: 'box' }],
      ),
    );
    // at the end of the list: beside the last box, not up by the first
    expect(rankOf(graph, 'after')).toBe(rankOf(graph, 'z'));
    // before every connected sibling: beside the first of them
    expect(rankOf(graph, 'first')).toBe(rankOf(graph, 'x'));
  });
});

describe('order', () => {
  it('uncrosses a twisted pair and keeps model order when it costs nothing', () => {
    const graph = ranked(
      tinyGraph(
        [{ id: 'a' }, { id: 'b' }, { id: 'x' }, { id: 'y' }],
        [
          ['a', 'y'],
          ['b', 'x'],
        ],
      ),
    );
    const layers = orderRanks(graph);
    const names = layers.map((layer) => layer.map((v) => graph.nodes[v]?.id));
    expect(names[0]).toEqual(['a', 'b']);
    expect(names[1]).toEqual(['y', 'x']);
  });

  it('keeps a container together in every rank', () => {
    const graph = ranked(
      tinyGraph(
        [
          { id: 'a' },
          { id: 'in1', container: 0 },
          { id: 'out' },
          { id: 'in2', container: 0 },
          { id: 'b' },
        ],
        [
          ['a', 'in1'],
          ['a', 'out'],
          ['a', 'in2'],
          ['in1', 'b'],
        ],
        [{ id: 'c' }],
      ),
    );
    const layers = orderRanks(graph);
    const rank1 = (layers[1] ?? []).map((v) => graph.nodes[v]?.id);
    expect(Math.abs(rank1.indexOf('in1') - rank1.indexOf('in2'))).toBe(1);
  });

  it('leaves a plateau where the sweeps stall: services whose lines below tie', () => {
    // a gateway over four services; the second and third feed stores the first and fourth
    // share, so in model order two lines cross whichever way the stores below are sorted
    const graph = ranked(
      tinyGraph(
        ['gw', 'users', 'products', 'orders', 'payments', 'pg', 'mongo', 'redis', 'mq'].map(
          (id) => ({ id }),
        ),
        [
          ['gw', 'users'],
          ['gw', 'products'],
          ['gw', 'orders'],
          ['gw', 'payments'],
          ['users', 'pg'],
          ['orders', 'pg'],
          ['products', 'mongo'],
          ['products', 'redis'],
          ['orders', 'mq'],
          ['payments', 'mq'],
        ],
      ),
    );
    const layers = orderRanks(graph);
    const position = Int32Array.from(graph.nodes, (n) => n.order);
    const crossings = gapSegments(graph, layers.length).reduce(
      (sum, list) => sum + countCrossings(list, position),
      0,
    );
    expect(crossings).toBe(0);
  });

  it('counts crossings as inversions', () => {
    const position = Int32Array.from([0, 1, 1, 0]);
    expect(
      countCrossings(
        [
          [0, 2],
          [1, 3],
        ],
        position,
      ),
    ).toBe(1);
  });
});

describe('ports', () => {
  it('spreads pins at a fixed spacing around the preferred cell, clear of reserved cells', () => {
    expect(spreadOffsets([1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 5)).toEqual([5]);
    expect(spreadOffsets([1, 2, 3, 4, 5, 6, 7, 8, 9], 2, 5)).toEqual([3, 7]);
    expect(spreadOffsets([4, 5, 6, 7, 8, 9], 2, 5)).toEqual([4, 8]);
    expect(spreadOffsets([1], 2, 1)).toEqual([1]);
  });

  it('shares one pin between the branches of a fan-out, not between a parallel pair', () => {
    const graph = ranked(
      tinyGraph(
        [{ id: 'hub', across: 15 }, { id: 'x' }, { id: 'y' }],
        [
          ['hub', 'x'],
          ['hub', 'y'],
          ['hub', 'x'],
        ],
      ),
    );
    orderRanks(graph);
    const pins = assignPins(graph, all, (n) => Math.floor(n.boxAcross / 2));
    const upper = [0, 1, 2].map((e) => pins.get(`${e}:0`)?.upperKey);
    expect(upper[0]).toBe(upper[1]);
    expect(upper[2]).not.toBe(upper[0]);
  });

  it('gives a long line its own pin where lines from the rank above gather', () => {
    const graph = ranked(
      tinyGraph(
        [{ id: 'a' }, { id: 'b' }, { id: 'c', across: 15 }],
        [
          ['a', 'b'],
          ['a', 'c'],
          ['b', 'c'],
        ],
      ),
    );
    orderRanks(graph);
    const pins = assignPins(graph, all, (n) => Math.floor(n.boxAcross / 2));
    // a → c passes b's rank (a dummy there): its last segment is 1:1; b → c is 2:0
    expect(pins.get('1:1')?.lowerKey).toBeDefined();
    expect(pins.get('1:1')?.lowerKey).not.toBe(pins.get('2:0')?.lowerKey);
  });

  it('draws every source to every target as one bus, and nothing less than that', () => {
    const pinsOf = (edges: [string, string][]) => {
      const graph = ranked(
        tinyGraph([{ id: 'a' }, { id: 'b' }, { id: 'x' }, { id: 'y' }, { id: 'z' }], edges),
      );
      orderRanks(graph);
      return assignPins(graph, all, (n) => Math.floor(n.boxAcross / 2));
    };
    const complete = pinsOf([
      ['a', 'x'],
      ['a', 'y'],
      ['a', 'z'],
      ['b', 'x'],
      ['b', 'y'],
      ['b', 'z'],
    ]);
    // a→x and b→x meet at one pin on x: the net of all six is one bus on one track
    expect(complete.get('0:0')?.lowerKey).toBe(complete.get('3:0')?.lowerKey);
    expect(complete.get('0:0')?.upperKey).toBe(complete.get('1:0')?.upperKey);
    const segments = [...complete].map(([key, p]) => ({
      key,
      top: p.upper,
      bottom: p.lower,
      topPin: p.upperKey,
      bottomPin: p.lowerKey,
    }));
    expect(new Set(routeChannel(segments).track.values()).size).toBe(1);
    // b misses z: a bus would say b reaches z, so the fan-ins keep their own pins
    const partial = pinsOf([
      ['a', 'x'],
      ['a', 'y'],
      ['a', 'z'],
      ['b', 'x'],
      ['b', 'y'],
    ]);
    expect(partial.get('0:0')?.lowerKey).not.toBe(partial.get('3:0')?.lowerKey);
  });
});

describe('straightening pins', () => {
  it('lets a long line leave a trunk only for a pin two cells clear of it', () => {
    // hub fans out to a (next rank) and z (two ranks down, through a dummy under hub)
    const graph = ranked(
      tinyGraph(
        [{ id: 'hub', across: 15 }, { id: 'a' }, { id: 'b' }, { id: 'z' }],
        [
          ['hub', 'a'],
          ['hub', 'z'],
          ['a', 'b'],
          ['b', 'z'],
        ],
      ),
    );
    orderRanks(graph);
    const pins = assignPins(graph, all, (n) => Math.floor(n.boxAcross / 2));
    const trunk = pins.get('0:0');
    expect(trunk?.upperKey).toBe(pins.get('1:0')?.upperKey);
    const dummy = graph.edges[1]?.chain[1] as number;
    const at = graph.nodes.map(() => 0);
    // the dummy's column one cell right of the trunk, a to the left, z under the dummy
    for (const [id, x] of [
      ['a', -10],
      ['b', -10],
    ] as const)
      at[graph.nodes.findIndex((n) => n.id === id)] = x;
    at[dummy] = (trunk?.upper ?? 0) + 1;
    at[graph.nodes.findIndex((n) => n.id === 'z')] = (trunk?.upper ?? 0) + 1 - 4;
    straightenPins(graph, Int32Array.from(at), pins, all);
    const own = pins.get('1:0')?.upper ?? 0;
    const left = pins.get('0:0')?.upper ?? 0;
    expect(own === left || Math.abs(own - left) >= 2, `${own} ${left}`).toBe(true);
  });
});

describe('across', () => {
  it('lines a chain up on one axis and keeps neighbours apart', () => {
    const graph = ranked(
      tinyGraph(
        [{ id: 'a', across: 9 }, { id: 'b', across: 13 }, { id: 'c' }, { id: 'd' }],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['b', 'd'],
        ],
      ),
    );
    graph.trunks = false;
    const layers = orderRanks(graph);
    const cells = (n: { boxAcross: number }) => {
      const list = Array.from({ length: n.boxAcross - 2 }, (_, i) => i + 1);
      return { before: list, after: list };
    };
    const pins = assignPins(graph, cells, (n) => Math.floor(n.boxAcross / 2));
    const at = placeAcross(graph, layers, pins, {
      gap: 3,
      lineGap: 1,
      insets: () => ({ start: 3, end: 3, min: 0, terminal: 2 }),
      reach: (v) => ({ before: 0, after: (graph.nodes[v]?.across ?? 1) - 1 }),
    });
    const pin = pins.get('0:0');
    expect((at.node[0] ?? 0) + (pin?.upper ?? 0)).toBe((at.node[1] ?? 0) + (pin?.lower ?? 0));
    // nine cells of box, then three blank ones
    expect((at.node[3] ?? 0) - (at.node[2] ?? 0)).toBeGreaterThanOrEqual(9 + 3);
  });

  it('puts a box that fans out to two in the middle of them, as dot balances', () => {
    const graph = ranked(
      tinyGraph(
        [
          { id: 'lb', across: 9 },
          { id: 'a', across: 15 },
          { id: 'b', across: 15 },
        ],
        [
          ['lb', 'a'],
          ['lb', 'b'],
        ],
      ),
    );
    const centre = centresOf(graph);
    const middle = (centre(1) + centre(2)) / 2;
    expect(Math.abs(centre(0) - middle)).toBeLessThanOrEqual(1);
  });

  it('takes along what hangs from a box when it centres it over two', () => {
    const graph = ranked(
      tinyGraph(
        [
          { id: 'client', across: 11 },
          { id: 'gateway', across: 9 },
          { id: 'a', across: 15 },
          { id: 'b', across: 15 },
        ],
        [
          ['client', 'gateway'],
          ['gateway', 'a'],
          ['gateway', 'b'],
        ],
      ),
    );
    const centre = centresOf(graph);
    const middle = (centre(2) + centre(3)) / 2;
    expect(Math.abs(centre(1) - middle)).toBeLessThanOrEqual(1);
    // the client stays straight above the gateway
    expect(centre(0)).toBe(centre(1));
  });
});

describe('channels', () => {
  it('runs a straight net without a track, and nets that would overlap on separate tracks', () => {
    const straight = routeChannel([{ key: 's', top: 5, bottom: 5, topPin: 'a', bottomPin: 'b' }]);
    expect(straight.tracks).toBe(0);
    const crossing = routeChannel([
      { key: 'p', top: 2, bottom: 8, topPin: 'p1', bottomPin: 'p2' },
      { key: 'q', top: 6, bottom: 12, topPin: 'q1', bottomPin: 'q2' },
    ]);
    expect(crossing.tracks).toBe(2);
    expect(crossing.track.get('p')).not.toBe(crossing.track.get('q'));
  });

  it('puts a net whose upper pin is over another net’s lower pin above it', () => {
    const channel = routeChannel([
      { key: 'a', top: 10, bottom: 2, topPin: 'a1', bottomPin: 'a2' },
      { key: 'b', top: 4, bottom: 10, topPin: 'b1', bottomPin: 'b2' },
    ]);
    expect(channel.track.get('a')).toBeLessThan(channel.track.get('b') as number);
  });

  it('gives a fan-out one track', () => {
    const channel = routeChannel([
      { key: 'x', top: 10, bottom: 2, topPin: 'hub', bottomPin: 'x' },
      { key: 'y', top: 10, bottom: 18, topPin: 'hub', bottomPin: 'y' },
    ]);
    expect(channel.tracks).toBe(1);
  });

  it('places notes beside their lines, on the other side or lower when blocked', () => {
    const notes = placeZoneNotes(
      [
        { key: 'a', pin: 10, across: 5, along: 1, side: 1 },
        { key: 'b', pin: 15, across: 3, along: 1, side: 1 },
      ],
      new Set([10, 15]),
      2,
      () => ({ low: -100, high: 100 }),
    );
    expect(notes.placed).toEqual([
      { key: 'a', start: 4, row: 0 },
      { key: 'b', start: 17, row: 0 },
    ]);
  });
});

/** Orders, pins and places a ranked graph; returns each node's centre across. */
function centresOf(graph: LayeredGraph): (v: number) => number {
  const layers = orderRanks(graph);
  const cells = (n: { boxAcross: number }) => {
    const list = Array.from({ length: n.boxAcross - 2 }, (_, i) => i + 1);
    return { before: list, after: list };
  };
  const pins = assignPins(graph, cells, (n) => Math.floor(n.boxAcross / 2));
  const at = placeAcross(graph, layers, pins, {
    gap: 3,
    lineGap: 1,
    insets: () => ({ start: 3, end: 3, min: 0, terminal: 2 }),
    reach: (v) => ({ before: 0, after: (graph.nodes[v]?.across ?? 1) - 1 }),
  });
  return (v) => (at.node[v] ?? 0) + Math.floor((graph.nodes[v]?.across ?? 0) / 2);
}
