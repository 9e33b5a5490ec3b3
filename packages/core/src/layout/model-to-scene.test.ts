import { describe, expect, it } from 'vitest';
import { DiagramaError } from '../errors.js';
import type { DiagramInput } from '../model/input.js';
import { parseDiagram } from '../model/parse.js';
import { stripHints } from '../model/transform.js';
import type { Point, Scene, SceneBox, SceneText } from '../scene/types.js';
import { modelToScene } from './model-to-scene.js';

const architecture = (hints: boolean) =>
  parseDiagram({
    nodes: [
      {
        kind: 'host',
        id: 'host',
        label: 'Docker HOST( MI PC)',
        // the hand-drawn original is a column in model order; without hints, the layered layout
        ...(hints
          ? { direction: 'down', hints: { padding: { top: 1, right: 13, bottom: 1, left: 11 } } }
          : {}),
        children: [
          {
            kind: 'client',
            id: 'client',
            label: 'Cliente (Terminal)',
            ...(hints ? { hints: { width: 59, labelOffset: 1 } } : {}),
          },
          { kind: 'api', id: 'api', label: 'Rest API', ...(hints ? { hints: { width: 59 } } : {}) },
        ],
      },
    ],
    connections: [
      {
        from: 'client',
        to: 'api',
        note: 'Cliente se comunica con el Server\na través la Rest API',
        ...(hints ? { hints: { length: 3, join: false } } : {}),
      },
    ],
  });

const box = (scene: Scene, id: string): SceneBox => {
  const found = scene.boxes.find((b) => b.id === id);
  if (!found) throw new Error(`no box ${id}`);
  return found;
};

/** Bends of a connector: points where it turns. */
const bends = (scene: Scene, id: string): number =>
  Math.max(0, (scene.connectors.find((c) => c.id === id)?.points.length ?? 2) - 2);

/** A DNS in front of two regions, each an instance over a database, joined by replication. */
const twoRegions = () =>
  parseDiagram({
    nodes: [
      { id: 'dns', kind: 'external', label: 'Global DNS' },
      {
        id: 'ra',
        label: 'Region A',
        children: [
          { id: 'ia', label: 'Instance' },
          { id: 'dba', kind: 'database', label: 'Primary DB' },
        ],
      },
      {
        id: 'rb',
        label: 'Region B',
        children: [
          { id: 'ib', label: 'Instance' },
          { id: 'dbb', kind: 'database', label: 'Replica DB' },
        ],
      },
    ],
    connections: [
      { from: 'dns', to: 'ia' },
      { from: 'dns', to: 'ib' },
      { from: 'ia', to: 'dba' },
      { from: 'ib', to: 'dbb' },
      { from: 'dba', to: 'dbb', note: 'replication', style: 'dashed' },
    ],
  });

/** The DiagramaError `run` throws; fails the test when it throws nothing, or something else. */
function thrownBy(run: () => unknown): DiagramaError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DiagramaError);
  return caught as DiagramaError;
}

describe('modelToScene', () => {
  it('sizes boxes to their content and centres labels without hints', () => {
    const scene = modelToScene(architecture(false));
    const api = box(scene, 'api');
    expect(api.width).toBe('Rest API'.length + 2 + 4);
    const label = scene.texts.find((t) => t.owner === 'api' && t.role === 'label');
    expect(label?.x).toBe(api.x + 3);
    const connector = scene.connectors[0];
    expect(connector?.join).toBe(true);
    const client = box(scene, 'client');
    expect(connector?.points).toEqual([
      { x: client.x + Math.floor(client.width / 2), y: client.y + client.height - 1 },
      { x: api.x + Math.floor(api.width / 2), y: api.y },
    ]);
    expect(api.y - (client.y + client.height)).toBe(4);
  });

  it('follows hints: fixed widths, padding, label offsets, connector length', () => {
    const scene = modelToScene(architecture(true));
    const host = box(scene, 'host');
    const client = box(scene, 'client');
    expect(host.width).toBe(85);
    expect(client).toMatchObject({ x: 12, y: 4, width: 59, height: 3 });
    expect(scene.texts.find((t) => t.owner === 'client')?.x).toBe(13 + 20);
    expect(box(scene, 'api').y).toBe(client.y + client.height + 3);
    const notes = scene.texts.filter((t) => t.role === 'note');
    expect(notes.map((n) => [n.x, n.y])).toEqual([
      [43, 8],
      [43, 9],
    ]);
  });

  it('is JSON-round-trippable and deterministic', () => {
    const scene = modelToScene(architecture(false));
    expect(JSON.parse(JSON.stringify(scene))).toEqual(scene);
    expect(modelToScene(architecture(false))).toEqual(scene);
  });

  it('draws a stack as one joined box, newest layer on top, with badges and caption', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            kind: 'stack',
            id: 'image',
            label: 'Image',
            caption: 'read-only layers',
            layers: [
              { id: 'base', label: 'ubuntu', instruction: 'FROM', readOnly: true },
              { id: 'top', label: 'nginx', instruction: 'RUN' },
            ],
          },
        ],
      }),
    );
    expect(box(scene, 'top').y).toBeLessThan(box(scene, 'base').y);
    // the title band's rule, then one between the two layers
    expect(scene.dividers.map((d) => d.id)).toEqual(['image#title', 'image#0']);
    expect(scene.texts.find((t) => t.role === 'title')).toMatchObject({ text: 'Image', y: 1 });
    expect(scene.texts.filter((t) => t.role === 'badge').map((t) => t.text)).toEqual([
      'RUN · RW',
      'FROM · RO',
    ]);
    expect(scene.texts.at(-1)).toMatchObject({ role: 'caption', text: 'read-only layers' });
  });

  it('reports layout problems with model paths', () => {
    const tooNarrow = () =>
      modelToScene(
        parseDiagram({ nodes: [{ kind: 'api', label: 'Rest API', hints: { width: 5 } }] }),
      );
    expect(tooNarrow).toThrowError(DiagramaError);
    try {
      tooNarrow();
    } catch (error) {
      expect((error as DiagramaError).diagnostics[0]).toMatchObject({
        code: 'layout/too-narrow',
        path: ['nodes', 0, 'hints', 'width'],
        expected: 'at least 14 columns, or no width hint',
      });
    }
    const separate = parseDiagram({
      nodes: [
        { kind: 'api', id: 'a', label: 'A' },
        { kind: 'api', id: 'b', label: 'B' },
        {
          kind: 'stack',
          id: 's',
          label: 'S',
          hints: { layout: 'separate' },
          layers: [{ label: 'one' }, { label: 'two' }],
        },
      ],
      connections: [{ from: 'a', to: 's' }],
    });
    expect(thrownBy(() => modelToScene(separate)).diagnostics[0]).toMatchObject({
      code: 'layout/unsupported-connection',
      path: ['connections', 0],
    });
    const longNote = parseDiagram({
      nodes: [
        { kind: 'api', id: 'a', label: 'A' },
        { kind: 'api', id: 'b', label: 'B' },
      ],
      connections: [{ from: 'a', to: 'b', note: '1\n2\n3', hints: { length: 2 } }],
    });
    expect(() => modelToScene(longNote)).toThrowError(/note has 3 lines/);
  });
});

describe('stacks drawn the seed way', () => {
  const layered = (hints: boolean) =>
    parseDiagram({
      nodes: [
        {
          kind: 'stack',
          id: 'image',
          label: 'Image',
          caption: 'RO',
          ...(hints ? { hints: { layout: 'separate', captionAt: 'diagram' } } : {}),
          layers: [
            { id: 'base', label: 'base', readOnly: true },
            { id: 'top', label: 'top', readOnly: true },
          ],
        },
      ],
      connections: [{ from: 'top', to: 'base', note: 'builds on' }],
    });

  it('draws one box per layer joined by a connector with the note, caption under all', () => {
    const scene = modelToScene(layered(true));
    expect(scene.boxes.map((b) => [b.id, b.kind, b.readOnly])).toEqual([
      ['top', 'layer', true],
      ['base', 'layer', true],
    ]);
    expect(scene.connectors[0]?.id).toBe('top->base');
    expect(scene.texts.find((t) => t.role === 'note')?.text).toBe('builds on');
    expect(scene.texts.at(-1)).toMatchObject({ role: 'caption', x: 0, y: scene.height - 1 });
  });

  it('puts connection notes inside the joined box without hints', () => {
    const scene = modelToScene(stripHints(layered(true)));
    expect(scene.connectors).toEqual([]);
    const note = scene.texts.find((t) => t.role === 'note');
    const top = box(scene, 'top');
    expect(note).toMatchObject({ text: 'builds on', y: top.y + 2 });
    expect(scene.texts.at(-1)).toMatchObject({ role: 'caption', x: 0, y: scene.height - 1 });
  });

  it('rejects stack hints on other kinds', () => {
    expect(() =>
      parseDiagram({ nodes: [{ kind: 'api', label: 'x', hints: { layout: 'separate' } }] }),
    ).toThrowError(/not allowed on an api/);
  });
});

describe('routed connections', () => {
  /** Each cell a connector passes through (ends excluded), keyed by position. */
  const cells = (points: readonly { x: number; y: number }[]) => {
    const out: { key: string; across: boolean }[] = [];
    for (let k = 1; k < points.length; k++) {
      const a = points[k - 1] as { x: number; y: number };
      const b = points[k] as { x: number; y: number };
      const dx = Math.sign(b.x - a.x);
      const dy = Math.sign(b.y - a.y);
      for (let x = a.x + dx, y = a.y + dy; x !== b.x || y !== b.y; x += dx, y += dy) {
        out.push({ key: `${x},${y}`, across: dy === 0 });
      }
    }
    return out;
  };

  it('gives parallel connections around a box separate lanes, with arrowheads and notes', () => {
    const scene = modelToScene(
      parseDiagram({
        direction: 'down',
        nodes: [
          { kind: 'api', id: 'a', label: 'A wide source box' },
          { kind: 'box', id: 'b', label: 'B, wider than both, is in the way' },
          { kind: 'daemon', id: 'c', label: 'C wide target box' },
        ],
        connections: [
          { id: 'one', from: 'a', to: 'c', note: 'first', direction: 'forward' },
          { id: 'two', from: 'a', to: 'c', note: 'second', direction: 'both' },
          { id: 'three', from: 'c', to: 'a', direction: 'forward' },
        ],
      }),
    );
    const routed = scene.connectors.filter((c) => c.routed);
    expect(routed.map((c) => c.id).sort()).toEqual(['one', 'three', 'two']);
    const seen = new Map<string, boolean>();
    for (const c of routed) {
      expect(c.points.length).toBeGreaterThan(2);
      for (const { key, across } of cells(c.points)) {
        expect(seen.get(key), `${c.id} shares ${key}`).not.toBe(across);
        seen.set(key, across);
      }
    }
    expect(routed.find((c) => c.id === 'two')).toMatchObject({ arrowStart: true, arrowEnd: true });
    const notes = scene.texts.filter((t) => t.role === 'note').map((t) => t.text);
    expect(notes.sort()).toEqual(['first', 'second']);
  });

  it('leaves containers their own padding when the routes fit without more room', () => {
    // a row of steps (a group) over a host of spans, each step feeding the host: the lines
    // are the router's, and fit, so neither container gains blank rows or columns
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'outer',
            label: 'Orchestrator',
            children: [
              {
                kind: 'group',
                id: 'steps',
                direction: 'right',
                children: [
                  { kind: 'box', id: 'a', label: 'Planner' },
                  { kind: 'box', id: 'b', label: 'Executor' },
                ],
              },
              {
                id: 'ctx',
                label: 'Span context',
                direction: 'right',
                children: [
                  { kind: 'box', id: 's1', label: 'Span 1' },
                  { kind: 'box', id: 's2', label: 'Span 2' },
                ],
              },
            ],
          },
        ],
        connections: [
          { from: 'a', to: 'b' },
          { from: 'a', to: 'ctx' },
          { from: 'b', to: 'ctx' },
        ],
      }),
    );
    expect(scene.connectors.filter((c) => c.to === 'ctx').every((c) => c.routed)).toBe(true);
    const [ctx, s1, outer, steps] = ['ctx', 's1', 'outer', 'steps'].map((id) => box(scene, id));
    // a band of three rows, one blank row, the spans; two columns in from the border
    expect((s1?.y ?? 0) - (ctx?.y ?? 0)).toBe(4);
    expect((s1?.x ?? 0) - (ctx?.x ?? 0)).toBe(3);
    expect((steps?.y ?? 0) - (outer?.y ?? 0)).toBe(4);
  });

  it('turns a row into a column, then wraps, to fit a width, and says when it cannot', () => {
    const wide = parseDiagram({
      direction: 'right',
      nodes: [
        { kind: 'client', id: 'a', label: 'a client with a long label' },
        { kind: 'daemon', id: 'b', label: 'a daemon with a long label' },
      ],
      connections: [{ from: 'a', to: 'b', note: 'talks to' }],
    });
    expect(modelToScene(wide).width).toBeGreaterThan(60);
    expect(modelToScene(wide, { width: 60 }).width).toBeLessThanOrEqual(60);
    const narrow = modelToScene(wide, { width: 20 });
    expect(narrow.width).toBeLessThanOrEqual(20);
    const lines = narrow.texts.filter((t) => t.owner === 'a').map((t) => t.text);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('a client with a long label');
    expect(() => modelToScene(wide, { width: 8 })).toThrowError(/needs at least 1\d columns/);
    expect(() => modelToScene(wide, { width: 0 })).toThrowError(/whole number of columns/);
  });
});

describe('routing answers to the limits', () => {
  it('stops a diagram with thousands of routes at its time budget', () => {
    const nodes = Array.from({ length: 900 }, (_, i) => ({
      kind: 'box' as const,
      id: `b${i}`,
      label: `${i}`,
    }));
    const connections = Array.from({ length: 3000 }, (_, i) => ({
      from: `b${(i * 7) % 900}`,
      to: `b${(i * 13 + 451) % 900}`,
      id: `c${i}`,
    }));
    const limits = { maxConnections: 10_000, timeBudgetMs: 100 };
    const big = parseDiagram({ direction: 'grid', nodes, connections }, { limits });
    expect(thrownBy(() => modelToScene(big, { limits })).diagnostics[0]?.code).toBe(
      'limit/time-budget',
    );
  });
});

describe('a peer of one box of a fan', () => {
  it('stands on the far side of it, not between the boxes of the fan', () => {
    // the multi-container Fibonacci app: the server writes to Redis and Postgres, and the
    // worker subscribes to Redis both ways
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'api', id: 'express', label: 'Express server' },
          { kind: 'database', id: 'redis', label: 'Redis' },
          { kind: 'database', id: 'pg', label: 'Postgres' },
          { kind: 'daemon', id: 'worker', label: 'Worker' },
        ],
        connections: [
          { from: 'express', to: 'redis' },
          { from: 'express', to: 'pg' },
          { from: 'worker', to: 'redis', direction: 'both', note: 'subscribe' },
        ],
      }),
    );
    const x = (id: string) => (scene.boxes.find((b) => b.id === id) as SceneBox).x;
    const [redis, pg, worker] = [x('redis'), x('pg'), x('worker')];
    // the worker beside Redis, and not between Redis and Postgres
    expect(worker < Math.min(redis, pg) || worker > Math.max(redis, pg)).toBe(true);
    const line = scene.connectors.find((c) => c.from === 'worker')?.points ?? [];
    expect(line).toHaveLength(2);
  });
});

describe('steps between siblings', () => {
  /** p leads to u and v, and u hands on to v: the hand-drawn shape of a pipeline under a hub. */
  const triangle = (order: readonly string[], note?: string) =>
    parseDiagram({
      nodes: order.map((id) => ({ kind: 'daemon', id, label: id === 'p' ? 'Hub' : `Stage ${id}` })),
      connections: [
        { id: 'c1', from: 'p', to: 'u', direction: 'forward' },
        { id: 'c2', from: 'p', to: 'v', direction: 'forward' },
        { id: 'c3', from: 'u', to: 'v', direction: 'forward', ...(note ? { note } : {}) },
      ],
    });
  const box = (scene: Scene, id: string) => scene.boxes.find((b) => b.id === id) as SceneBox;

  it('puts them side by side, the step straight across from the source to the target', () => {
    for (const order of [
      ['p', 'u', 'v'],
      ['p', 'v', 'u'],
    ]) {
      const scene = modelToScene(triangle(order));
      const u = box(scene, 'u');
      const v = box(scene, 'v');
      expect(u.y).toBe(v.y);
      expect(u.x + u.width).toBeLessThan(v.x);
      const step = scene.connectors.find((c) => c.id === 'c3');
      expect(step?.points).toEqual([
        { x: u.x + u.width - 1, y: u.y + 1 },
        { x: v.x, y: v.y + 1 },
      ]);
    }
  });

  it('sets a box that steps to two between them, one on each side', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'api', id: 'api', label: 'Backend API' },
          { kind: 'daemon', id: 'worker', label: 'Worker' },
          { kind: 'database', id: 'pg', label: 'PostgreSQL' },
          { kind: 'database', id: 'redis', label: 'Redis' },
        ],
        connections: [
          { from: 'api', to: 'pg' },
          { from: 'api', to: 'redis' },
          { from: 'api', to: 'worker' },
          { from: 'worker', to: 'redis' },
          { from: 'worker', to: 'pg' },
        ],
      }),
    );
    const [worker, pg, redis] = [box(scene, 'worker'), box(scene, 'pg'), box(scene, 'redis')];
    const middle = (b: SceneBox) => b.y + Math.floor(b.height / 2);
    expect(middle(pg)).toBe(middle(worker));
    expect(middle(redis)).toBe(middle(worker));
    const sides = [pg, redis].map((b) => Math.sign(b.x - worker.x)).sort();
    expect(sides).toEqual([-1, 1]);
    for (const id of ['worker->pg', 'worker->redis'])
      expect(scene.connectors.find((c) => c.id === id)?.points.length, id).toBe(2);
  });

  it('makes room for the note over the step', () => {
    const scene = modelToScene(triangle(['p', 'u', 'v'], 'hands off'));
    const u = box(scene, 'u');
    const v = box(scene, 'v');
    const note = scene.texts.find((t) => t.role === 'note');
    expect(note).toMatchObject({ text: 'hands off', y: u.y });
    expect(note?.x).toBeGreaterThan(u.x + u.width);
    expect((note?.x ?? 0) + (note?.width ?? 0)).toBeLessThan(v.x);
  });

  describe('whose ends other lines rank apart', () => {
    // a dashboard reading the API and the database, the API writing to the database and
    // queueing work whose worker writes there too: the worker's line puts the database three
    // ranks below the API, so the API's line to it cannot run across between neighbours
    const dashboard = (notes: boolean) =>
      parseDiagram({
        nodes: [
          { kind: 'client', id: 'ui', label: 'Dashboard UI' },
          { kind: 'api', id: 'api', label: 'API Server' },
          { kind: 'database', id: 'db', label: 'PostgreSQL DB' },
          { kind: 'queue', id: 'redis', label: 'Redis (Queue)' },
          { kind: 'daemon', id: 'worker', label: 'Worker Service' },
        ],
        connections: [
          { from: 'ui', to: 'api', ...(notes ? { note: 'API Queries' } : {}) },
          { from: 'ui', to: 'db', ...(notes ? { note: 'Reads Status' } : {}) },
          { from: 'api', to: 'db', ...(notes ? { note: 'Write Job Metadata' } : {}) },
          { from: 'api', to: 'redis', ...(notes ? { note: 'Enqueue Job' } : {}) },
          { from: 'redis', to: 'worker', ...(notes ? { note: 'Fetch Job' } : {}) },
          { from: 'worker', to: 'db', ...(notes ? { note: 'Update status' } : {}) },
        ],
      });

    it('draws the line along the flow, out of the bottom and into the top', () => {
      const scene = modelToScene(dashboard(false));
      const [api, db] = [box(scene, 'api'), box(scene, 'db')];
      const points = scene.connectors.find((c) => c.id === 'api->db')?.points ?? [];
      expect(points[0]?.y).toBe(api.y + api.height - 1);
      expect(points.at(-1)?.y).toBe(db.y);
      // down all the way: never back up, never out of a side
      for (let i = 1; i < points.length; i++)
        expect(points[i]?.y).toBeGreaterThanOrEqual(points[i - 1]?.y ?? 0);
    });

    it('finds its note a place beside the line where it leaves the fan', () => {
      const scene = modelToScene(dashboard(true));
      const note = scene.texts.find((t) => t.role === 'note' && t.text === 'Write Job Metadata');
      const points = scene.connectors.find((c) => c.id === 'api->db')?.points ?? [];
      const api = box(scene, 'api');
      expect(note).toBeDefined();
      // beside a vertical run of its own line, below the API and above the next rank's boxes
      const beside = points.some(
        (p, i) =>
          i > 0 &&
          p.x === points[i - 1]?.x &&
          Math.abs((note?.x ?? 0) - p.x) <= 2 &&
          (note?.y ?? 0) > Math.min(p.y, points[i - 1]?.y ?? 0) &&
          (note?.y ?? 0) < Math.max(p.y, points[i - 1]?.y ?? 0),
      );
      expect(beside).toBe(true);
      expect(note?.y).toBeGreaterThan(api.y + api.height);
      expect(note?.y).toBeLessThan(box(scene, 'redis').y);
    });
  });

  it('keeps a chain that nothing else joins in its ranks', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'daemon', id: 'a', label: 'A' },
          { kind: 'daemon', id: 'b', label: 'B' },
        ],
        connections: [{ from: 'a', to: 'b' }],
      }),
    );
    expect(box(scene, 'b').y).toBeGreaterThan(box(scene, 'a').y);
  });
});

describe('straight lines after placement', () => {
  it('leaves a trunk for a long line that runs straight down under its box', () => {
    // a control plane over a worker node: API Server fans out to three boxes in its rank and
    // calls Kubelet two ranks down; the line to Kubelet leaves on its own, not out of the trunk
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            label: 'Control Plane',
            children: [
              { id: 'api', label: 'API Server' },
              { id: 'etcd', label: 'etcd: Cluster State Database' },
              { id: 'cm', label: 'Controller Manager' },
              { id: 'sched', label: 'Scheduler' },
            ],
          },
          {
            label: 'Worker Node',
            children: [
              { id: 'kubelet', label: 'Kubelet' },
              { id: 'runtime', label: 'Container Runtime' },
            ],
          },
        ],
        connections: [
          { from: 'api', to: 'etcd' },
          { from: 'api', to: 'cm' },
          { from: 'api', to: 'sched' },
          { from: 'sched', to: 'kubelet' },
          { from: 'kubelet', to: 'runtime' },
          { from: 'kubelet', to: 'api', note: 'watches' },
          { from: 'api', to: 'kubelet' },
        ],
      }),
    );
    const start = (id: string) => scene.connectors.find((c) => c.id === id)?.points[0];
    expect(start('api->kubelet')).not.toEqual(start('api->etcd'));
    expect(start('api->etcd')).toEqual(start('api->cm'));
    // the line up from Kubelet runs straight into API Server
    expect(bends(scene, 'kubelet->api')).toBe(0);
  });
});

describe('lines that can be straight', () => {
  /** Whether two connectors' paths share a cell other than their ends (a crossing). */
  const cells = (scene: Scene, id: string): Set<string> => {
    const points = scene.connectors.find((c) => c.id === id)?.points ?? [];
    const out = new Set<string>();
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [
        points[i] as { x: number; y: number },
        points[i + 1] as { x: number; y: number },
      ];
      const steps = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y));
      for (let s = 0; s <= steps; s++) {
        const x = a.x + Math.sign(b.x - a.x) * s;
        const y = a.y + Math.sign(b.y - a.y) * s;
        out.add(`${x},${y}`);
      }
    }
    return out;
  };

  it('win over the branches of a fan, which bend anyway', () => {
    // a gateway fans out to three services; the outer ones each feed one store of a wide row
    // below (a social network's architecture): each service sits over its store, the fan widens
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'gw', label: 'API Gateway' },
          { id: 'feed', label: 'Feed Service' },
          { id: 'media', label: 'Media Service' },
          { id: 'dm', label: 'DM Service' },
          { id: 'pg', label: 'PostgreSQL Cluster (sharded)' },
          { id: 'redis', label: 'Redis Cluster (feed, session, cache)' },
          { id: 's3', label: 'S3 / Object Storage' },
          { id: 'kafka', label: 'Kafka Cluster (events)' },
          { id: 'cass', label: 'Cassandra Cluster (DMs)' },
        ],
        connections: [
          { from: 'gw', to: 'feed' },
          { from: 'gw', to: 'media' },
          { from: 'gw', to: 'dm' },
          { from: 'feed', to: 'pg' },
          { from: 'media', to: 'redis' },
          { from: 'media', to: 's3' },
          { from: 'media', to: 'kafka' },
          { from: 'dm', to: 'cass' },
        ],
      }),
    );
    expect(bends(scene, 'feed->pg')).toBe(0);
    expect(bends(scene, 'dm->cass')).toBe(0);
  });

  it('never by moving a pin past another, which would cross their lines', () => {
    // a runtime and a proxy both feed the pods; the runtime's line may bend, not cross the
    // proxy's (the worker node of a Kubernetes overview)
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            label: 'Worker Node(s)',
            children: [
              { id: 'kubelet', label: 'Kubelet' },
              { id: 'runtime', label: 'Container Runtime: e.g., Docker' },
              { id: 'proxy', label: 'Kube-Proxy' },
              { id: 'svc', label: 'Services / Load Balancing' },
              { id: 'pods', label: 'Pods: Containers Group' },
            ],
          },
        ],
        connections: [
          { from: 'kubelet', to: 'runtime', note: 'creates/manages Pods' },
          { from: 'proxy', to: 'svc', note: 'manages network rules' },
          { from: 'runtime', to: 'pods', note: 'runs' },
          { from: 'proxy', to: 'pods', note: 'load balances traffic to' },
          { from: 'svc', to: 'proxy' },
        ],
      }),
    );
    const runs = cells(scene, 'runtime->pods');
    const shared = [...cells(scene, 'proxy->pods')].filter((c) => runs.has(c));
    expect(shared).toEqual([]);
  });
});

describe('a cycle', () => {
  const cycle = (flow: 'down' | 'right') =>
    modelToScene(
      parseDiagram({
        flow,
        nodes: [
          { id: 'dc', label: 'Debt Collector\n(Catalogs)' },
          { id: 'ra', label: 'Risk Assessor\n(Scores)' },
          { id: 'sp', label: 'Sprint Planner\n(Packages)' },
        ],
        connections: [
          { from: 'dc', to: 'ra' },
          { from: 'ra', to: 'sp' },
          { from: 'sp', to: 'dc', note: '(New debt discovered)' },
        ],
      }),
    );

  it.each(['down', 'right'] as const)(
    'keeps its steps in line and loops the way back around them (flow %s)',
    (flow) => {
      // a workflow drawn by hand: three steps in a row, the last feeding the first again
      const scene = cycle(flow);
      expect(bends(scene, 'dc->ra')).toBe(0);
      expect(bends(scene, 'ra->sp')).toBe(0);
      expect(bends(scene, 'sp->dc')).toBe(2);
      const note = scene.texts.find((t) => t.text === '(New debt discovered)');
      expect(note).toBeDefined();
    },
  );
});

describe('where lines meet a box', () => {
  it('keeps off the cell beside a corner on a long side, and off a title band', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'cli', label: 'docker CLI' },
          {
            id: 'vm',
            label: 'VM',
            direction: 'down',
            children: [
              { id: 'engine', label: 'Docker Engine', children: [{ id: 'd', label: 'dockerd' }] },
            ],
          },
          { id: 'reg', label: 'Registry' },
        ],
        connections: [
          { from: 'cli', to: 'engine', note: 'deploys', hints: { toSide: 'left' } },
          { from: 'reg', to: 'd', style: 'dashed' },
          { from: 'cli', to: 'reg' },
        ],
      }),
    );
    for (const connector of scene.connectors) {
      for (const point of [connector.points[0], connector.points.at(-1)]) {
        if (point === undefined) continue;
        const at =
          scene.boxes.find(
            (b) =>
              (point.x === b.x || point.x === b.x + b.width - 1) &&
              point.y >= b.y &&
              point.y < b.y + b.height,
          ) ??
          scene.boxes.find(
            (b) =>
              (point.y === b.y || point.y === b.y + b.height - 1) &&
              point.x >= b.x &&
              point.x < b.x + b.width,
          );
        if (at === undefined) continue;
        const onSide = point.x === at.x || point.x === at.x + at.width - 1;
        const offset = onSide ? point.y - at.y : point.x - at.x;
        const length = onSide ? at.height : at.width;
        if (length >= 9) {
          expect(offset, `${connector.id} on ${at.id}`).toBeGreaterThanOrEqual(2);
          expect(offset, `${connector.id} on ${at.id}`).toBeLessThanOrEqual(length - 3);
        }
        const rule = scene.dividers.find((d) => d.box === at.id);
        if (onSide && rule) expect(point.y, `${connector.id} on ${at.id}`).toBeGreaterThan(rule.y);
      }
    }
  });
});

describe('notes across a right flow', () => {
  it('keep a column off the border of the box their line leaves', () => {
    // a web app and a worker both feed a job queue; the API's note sits by its own stub
    const scene = modelToScene(
      parseDiagram({
        flow: 'right',
        nodes: [
          { id: 'web', label: 'Next.js Web\n(port 3000)' },
          { id: 'api', label: 'Elysia API\n(port 3002)' },
          { id: 'redis', label: 'Redis + BullMQ\nJob Queue' },
          { id: 'worker', label: 'mitt-worker\n(Python)' },
        ],
        connections: [
          { from: 'web', to: 'api' },
          { from: 'api', to: 'redis', note: 'Queues jobs' },
          { from: 'worker', to: 'redis' },
        ],
      }),
    );
    const note = scene.texts.find((t) => t.text === 'Queues jobs');
    const api = box(scene, 'api');
    expect(note?.x).toBe(api.x + api.width + 1);
  });
});

describe('a band title crossed by lines', () => {
  const tier = (title: string) =>
    modelToScene(
      parseDiagram({
        nodes: [
          { id: 'lb', label: 'Load Balancer' },
          {
            id: 'apps',
            label: title,
            children: [1, 2, 3].map((n) => ({ id: `a${n}`, label: `App Server ${n}` })),
          },
        ],
        connections: [1, 2, 3].map((n) => ({ from: 'lb', to: `a${n}` })),
      }),
    );
  /** Columns where lines cross a row. */
  const crossings = (scene: Scene, y: number): number[] =>
    scene.connectors.flatMap((c) =>
      c.points.slice(1).flatMap((b, i) => {
        const a = c.points[i] as { x: number; y: number };
        return a.x === b.x && Math.min(a.y, b.y) <= y && Math.max(a.y, b.y) >= y ? [a.x] : [];
      }),
    );

  it('takes no more width when the lines leave it a stretch, and sits at the band start', () => {
    // a load balancer over an application tier of three servers (a web tier drawn by hand)
    const scene = tier('Application tier');
    const apps = box(scene, 'apps');
    const servers = [1, 2, 3].map((n) => box(scene, `a${n}`));
    const content =
      Math.max(...servers.map((b) => b.x + b.width)) - Math.min(...servers.map((b) => b.x));
    // the padding and the borders, nothing for the title
    expect(apps.width).toBeLessThanOrEqual(content + 6);
    const title = scene.texts.find((t) => t.role === 'title' && t.owner === 'apps');
    expect(title).toBeDefined();
    const lines = crossings(scene, title?.y ?? 0).sort((a, b) => a - b);
    const x = title?.x ?? 0;
    expect(lines.every((c) => c < x - 1 || c > x + (title?.width ?? 0))).toBe(true);
    // in the band's corner, two cells in from the border as a label is, the line past it
    expect(x).toBe(apps.x + 3);
    expect(scene.texts.find((t) => t.owner === 'apps')?.align).toBe('left');
  });

  it('keeps a blank cell from the borders when a line pushes it aside', () => {
    // a DNS in front of two regions, the second's line passing through the first's band
    const scene = modelToScene(twoRegions());
    for (const id of ['ra', 'rb']) {
      const region = box(scene, id);
      const title = scene.texts.find((t) => t.role === 'title' && t.owner === id);
      expect(title?.x).toBeGreaterThanOrEqual(region.x + 2);
      expect((title?.x ?? 0) + (title?.width ?? 0)).toBeLessThanOrEqual(
        region.x + region.width - 2,
      );
    }
  });

  it('still gets its room when no stretch between the lines holds it', () => {
    const scene = tier('The application tier of this system, behind the load balancer');
    const title = scene.texts.find((t) => t.role === 'title' && t.owner === 'apps');
    const lines = crossings(scene, title?.y ?? 0);
    const x = title?.x ?? 0;
    expect(lines.every((c) => c < x - 1 || c > x + (title?.width ?? 0))).toBe(true);
  });
});

describe('a container arranged by hand among boxes placed from their lines', () => {
  it('keeps its own spacing when lines end at its border', () => {
    // two tools feeding a terrarium of agents laid out in a row (an agent system's README)
    const terrarium = (lines: boolean) =>
      modelToScene(
        parseDiagram({
          nodes: [
            { id: 'edit', label: 'Edit' },
            { id: 'chat', label: 'Chat' },
            {
              id: 'terr',
              label: 'TERRARIUM',
              direction: 'right',
              children: [{ label: 'B-gent' }, { label: 'L-gent' }],
            },
          ],
          connections: lines
            ? [
                { from: 'edit', to: 'terr' },
                { from: 'chat', to: 'terr' },
              ]
            : [],
        }),
      );
    const [fed, alone] = [terrarium(true), terrarium(false)];
    expect(box(fed, 'terr').height).toBe(box(alone, 'terr').height);
    expect(box(fed, 'terr').width).toBe(box(alone, 'terr').width);
  });
});

describe('cycles the ranking meets late', () => {
  it('draws two zones whose boxes call each other both ways, a line to a zone among them', () => {
    // found by a random search: the line from Box 1.1 back to Box 0.1 is turned after the
    // cycles were broken, beside the rank edge the line from Box 0.1 to Zone 1 set the other
    // way; ranking refused the drawing as an internal error
    const model = parseDiagram({
      nodes: [
        {
          id: 'c0',
          label: 'Zone 0',
          children: [
            { id: 'c0k0', label: 'Box 0.0' },
            { id: 'c0k1', label: 'Box 0.1' },
          ],
        },
        {
          id: 'c1',
          label: 'Zone 1',
          children: [
            { id: 'c1k0', label: 'Box 1.0' },
            { id: 'c1k1', label: 'Box 1.1' },
          ],
        },
      ],
      connections: [
        { from: 'c0k1', to: 'c1k0' },
        { from: 'c0k0', to: 'c1', note: 'note 1' },
        { from: 'c1k1', to: 'c0k1' },
        { from: 'c0k1', to: 'c1' },
        { from: 'c0k0', to: 'c1k0' },
      ],
    });
    const scene = modelToScene(model);
    expect(scene.connectors.map((c) => c.id).sort()).toEqual(
      ['c0k0->c1', 'c0k0->c1k0', 'c0k1->c1', 'c0k1->c1k0', 'c1k1->c0k1'].sort(),
    );
  });
});

describe('zones in a row', () => {
  it('start on one row and keep their private subnets on one row, however one zone gathers', () => {
    // a region of three availability zones: the first's public subnet leads to an instance,
    // and the instance and every zone's private subnet reach one database
    const zone = (n: number, extra: object[] = []) => ({
      id: `az${n}`,
      label: `AZ ${n}`,
      children: [...extra, { id: `p${n}`, label: 'Private Subnet' }],
    });
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'region',
            label: 'Region',
            children: [
              zone(1, [
                { id: 'pub', label: 'Public Subnet' },
                { id: 'ec2', label: 'EC2' },
              ]),
              zone(2),
              zone(3),
              { id: 'rds', kind: 'database', label: 'RDS' },
            ],
          },
        ],
        connections: [
          { from: 'pub', to: 'ec2' },
          { from: 'ec2', to: 'rds' },
          ...[1, 2, 3].map((n) => ({ from: `p${n}`, to: 'rds' })),
        ],
      }),
    );
    const at = (id: string) => box(scene, id);
    expect(new Set(['p1', 'p2', 'p3', 'ec2'].map((id) => at(id).y)).size).toBe(1);
    expect(new Set(['az1', 'az2', 'az3'].map((id) => at(id).y)).size).toBe(1);
    // the public subnet's line to the instance is no longer than a line between two ranks
    expect(at('ec2').y - (at('pub').y + at('pub').height)).toBeLessThanOrEqual(3);
  });

  it('keep a line from above entering a zone through its top', () => {
    // users over a cluster: two worker nodes beside the control plane, the users' calls
    // reaching each node's proxy; a node does not start up beside the control plane, where
    // the calls would have to come in through its side
    const node = (n: number) => ({
      id: `node${n}`,
      label: `Node ${n}`,
      children: [{ id: `proxy${n}`, label: 'Kube-Proxy' }],
    });
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'users', kind: 'user', label: 'Calls to application' },
          {
            id: 'cluster',
            label: 'Cluster',
            children: [
              node(1),
              node(2),
              {
                id: 'cp',
                label: 'Control plane',
                children: [
                  { id: 'api', label: 'API Server' },
                  { id: 'sched', label: 'Scheduler' },
                ],
              },
            ],
          },
        ],
        connections: [
          { from: 'users', to: 'proxy1' },
          { from: 'users', to: 'proxy2' },
          { from: 'api', to: 'sched' },
          { from: 'api', to: 'proxy1' },
          { from: 'api', to: 'proxy2' },
        ],
      }),
    );
    for (const n of [1, 2]) {
      const zone = box(scene, `node${n}`);
      const line = scene.connectors.find((c) => c.id === `users->proxy${n}`);
      const points = line?.points ?? [];
      const throughTop = points.some((p, i) => {
        const q = points[i + 1];
        return (
          q !== undefined &&
          p.x === q.x &&
          p.x > zone.x &&
          p.x < zone.x + zone.width - 1 &&
          Math.min(p.y, q.y) < zone.y &&
          Math.max(p.y, q.y) > zone.y
        );
      });
      expect(throughTop).toBe(true);
    }
  });
});

describe('a container at the end of a fan', () => {
  const tenant = (n: number) => ({
    id: `t${n}`,
    label: `Tenant ${n}`,
    children: [{ id: `s${n}`, label: `stores of tenant ${n}` }],
  });

  it('sends its lines out of the middle of its border as one trunk that branches', () => {
    // a platform console provisioning three tenants, drawn by hand as a tree
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'p', label: 'Platform', children: [{ id: 'admin', label: 'Admin dashboard' }] },
          tenant(1),
          tenant(2),
          tenant(3),
        ],
        connections: [1, 2, 3].map((n) => ({ from: 'p', to: `t${n}` })),
      }),
    );
    const platform = box(scene, 'p');
    const starts = [1, 2, 3].map((n) => scene.connectors.find((c) => c.id === `p->t${n}`));
    // one cell of the border, its middle, for all three
    for (const line of starts) {
      expect(line?.points[0]).toEqual(starts[0]?.points[0]);
      expect(line?.points[0]?.x).toBe(platform.x + Math.floor(platform.width / 2));
    }
    // each branch drops into the middle of its tenant, not by a corner
    for (const n of [1, 2, 3]) {
      const t = box(scene, `t${n}`);
      const end = starts[n - 1]?.points.at(-1);
      expect(Math.abs((end?.x ?? 0) - (t.x + t.width / 2))).toBeLessThanOrEqual(1);
    }
  });

  it('gathers lines from two boxes into one arrow, the boxes centred over the container', () => {
    // a client over two proxies that both reach a cluster of three nodes
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'client', kind: 'client', label: 'Client' },
          { id: 'p1', label: 'HAProxy 1' },
          { id: 'p2', label: 'HAProxy 2' },
          {
            id: 'cluster',
            label: 'Galera Cluster',
            children: [1, 2, 3].map((n) => ({ id: `n${n}`, kind: 'database', label: `node${n}` })),
          },
        ],
        connections: [
          { from: 'client', to: 'p1' },
          { from: 'client', to: 'p2' },
          { from: 'p1', to: 'cluster' },
          { from: 'p2', to: 'cluster' },
        ],
      }),
    );
    const cluster = box(scene, 'cluster');
    const middle = cluster.x + Math.floor(cluster.width / 2);
    const ends = ['p1', 'p2'].map(
      (p) => scene.connectors.find((c) => c.id === `${p}->cluster`)?.points.at(-1)?.x,
    );
    expect(ends).toEqual([middle, middle]);
    const [p1, p2, client] = [box(scene, 'p1'), box(scene, 'p2'), box(scene, 'client')];
    // the proxies stand evenly either side of the arrow, the client over it
    const [left, right] = [middle - (p1.x + p1.width / 2), p2.x + p2.width / 2 - middle];
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
    expect(Math.abs(client.x + client.width / 2 - middle)).toBeLessThanOrEqual(1);
  });

  it('centres a box over the two containers it feeds, with the boxes that hang above it', () => {
    // two users sign in through a dashboard that sends each to a namespace
    const namespace = (id: string) => ({
      id,
      label: id,
      children: [
        { id: `${id}-rb`, label: 'Role\nBinding' },
        { id: `${id}-res`, label: 'Resources\nNotebooks\nPipelines' },
      ],
    });
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'cluster',
            label: 'Kubernetes cluster',
            children: [
              { id: 'ua', kind: 'user', label: 'User A\n(email)' },
              { id: 'ub', kind: 'user', label: 'User B\n(email)' },
              { id: 'dash', label: 'Central Dashboard\n(Authentication Gateway)' },
              namespace('nsa'),
              namespace('nsb'),
            ],
          },
        ],
        connections: [
          { from: 'ua', to: 'dash' },
          { from: 'ub', to: 'dash' },
          { from: 'dash', to: 'nsa' },
          { from: 'dash', to: 'nsb' },
          { from: 'nsa-rb', to: 'nsa-res' },
          { from: 'nsb-rb', to: 'nsb-res' },
        ],
      }),
    );
    const centre = (id: string): number => {
      const b = box(scene, id);
      return b.x + b.width / 2;
    };
    const between = (centre('nsa') + centre('nsb')) / 2;
    expect(Math.abs(centre('dash') - between)).toBeLessThanOrEqual(1);
    expect(Math.abs((centre('ua') + centre('ub')) / 2 - between)).toBeLessThanOrEqual(1);
  });
});

describe('branches of a trunk into containers', () => {
  it('drop into the middle of a container around one box, top and bottom', () => {
    // a load balancer over three servers, each running one agent, all feeding one queue
    const server = (n: number) => ({
      id: `s${n}`,
      label: `Server ${n}`,
      children: [{ id: `a${n}`, label: 'Agent' }],
    });
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'lb', label: 'Load Balancer' },
          server(1),
          server(2),
          server(3),
          { id: 'mq', label: 'Queue' },
        ],
        connections: [1, 2, 3].flatMap((n) => [
          { from: 'lb', to: `s${n}` },
          { from: `s${n}`, to: 'mq' },
        ]),
      }),
    );
    for (const n of [1, 2, 3]) {
      const host = box(scene, `s${n}`);
      const middle = host.x + Math.floor(host.width / 2);
      const into = scene.connectors.find((c) => c.id === `lb->s${n}`);
      const out = scene.connectors.find((c) => c.id === `s${n}->mq`);
      expect(into?.points.at(-1)?.x).toBe(middle);
      expect(out?.points[0]?.x).toBe(middle);
    }
  });

  it('drop into the middle of a container around two boxes, and so does a single line', () => {
    // a daemon that runs containers and builds images, each a host of two; then a service
    // with one line into a deployment of two pods
    const two = (id: string, a: string, b: string) => ({
      id,
      label: id,
      children: [
        { id: a, label: a },
        { id: b, label: b },
      ],
    });
    const fan = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'daemon', id: 'daemon', label: 'Docker daemon' },
          two('containers', 'web', 'db'),
          two('images', 'nginx', 'postgres'),
        ],
        connections: [
          { from: 'daemon', to: 'containers', note: 'runs' },
          { from: 'daemon', to: 'images', note: 'builds' },
        ],
      }),
    );
    const one = modelToScene(
      parseDiagram({
        nodes: [{ kind: 'api', id: 'svc', label: 'NodePort Service' }, two('deploy', 'p1', 'p2')],
        connections: [{ from: 'svc', to: 'deploy' }],
      }),
    );
    for (const [scene, id] of [
      [fan, 'containers'],
      [fan, 'images'],
      [one, 'deploy'],
    ] as const) {
      const host = box(scene, id);
      const into = scene.connectors.find((c) => c.to === id);
      const middle = host.x + host.width / 2;
      expect(Math.abs((into?.points.at(-1)?.x ?? 0) - middle)).toBeLessThanOrEqual(1);
    }
  });
});

describe('a tree of fans', () => {
  it('centres each parent over its children, as a tree is drawn by hand', () => {
    // a global service over two sites, each over two servers, each site's servers feeding
    // its vault, the vaults replicating: the sites' lines up are branches of the top fan
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'global', label: 'GLOBAL PAM' },
          { id: 'dc', label: 'DC SITE' },
          { id: 'dr', label: 'DR SITE' },
          ...['pa', 'pb', 'pc', 'pd'].map((id) => ({ id, label: id.toUpperCase() })),
          { kind: 'database', id: 'va', label: 'Vault-A' },
          { kind: 'database', id: 'vb', label: 'Vault-B' },
        ],
        connections: [
          ['global', 'dc'],
          ['global', 'dr'],
          ['dc', 'pa'],
          ['dc', 'pb'],
          ['dr', 'pc'],
          ['dr', 'pd'],
          ['pa', 'va'],
          ['pb', 'va'],
          ['pc', 'vb'],
          ['pd', 'vb'],
        ]
          .map(([from, to]) => ({ from: from as string, to: to as string, direction: 'none' }))
          .concat([{ from: 'va', to: 'vb', direction: 'both' }]),
      }),
    );
    const middle = (id: string) => box(scene, id).x + box(scene, id).width / 2;
    const between = (a: string, b: string) => (middle(a) + middle(b)) / 2;
    expect(Math.abs(middle('dc') - between('pa', 'pb'))).toBeLessThanOrEqual(1);
    expect(Math.abs(middle('dr') - between('pc', 'pd'))).toBeLessThanOrEqual(1);
    expect(Math.abs(middle('global') - between('dc', 'dr'))).toBeLessThanOrEqual(1);
  });
});

describe('a pipeline whose stages may each stop it', () => {
  // each stage passes to the next or fails to a stop of its own: the stages are the spine,
  // one straight line down (or across), the stops hang off it
  const pipeline = (flow?: 'right') =>
    parseDiagram({
      ...(flow ? { flow } : {}),
      nodes: [
        { kind: 'user', id: 'push', label: 'git push' },
        { id: 'lint', label: 'Lint & Format' },
        { id: 'types', label: 'Type Check' },
        { id: 'tests', label: 'Run Tests' },
        { id: 'deploy', label: 'Deploy' },
        ...['lint', 'types', 'tests'].map((s) => ({ id: `${s}-stop`, label: `Fix ${s}` })),
      ],
      connections: [
        { from: 'push', to: 'lint' },
        { from: 'lint', to: 'types', note: 'Pass' },
        { from: 'types', to: 'tests', note: 'Pass' },
        { from: 'tests', to: 'deploy', note: 'Pass' },
        ...['lint', 'types', 'tests'].map((s) => ({ from: s, to: `${s}-stop`, note: 'Fail' })),
      ],
    });

  it.each([['down'], ['right']] as const)('keeps the stages in line (flow %s)', (flow) => {
    const scene = modelToScene(pipeline(flow === 'right' ? 'right' : undefined));
    // (the last stage's two ways both end: a fork with no spine, centred)
    for (const id of ['push->lint', 'lint->types', 'types->tests']) {
      const points = scene.connectors.find((c) => c.id === id)?.points ?? [];
      expect(points, id).toHaveLength(2);
    }
    // and every stop is off that line, on one side
    const across = (b: SceneBox) => (flow === 'right' ? b.y : b.x);
    const stage = across(box(scene, 'lint'));
    const sides = ['lint', 'types', 'tests'].map((s) =>
      Math.sign(across(box(scene, `${s}-stop`)) - stage),
    );
    expect(new Set(sides).size).toBe(1);
    expect(sides[0]).not.toBe(0);
  });

  it('still centres a parent over three children of which one goes on', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'api', label: 'Orders API' },
          { id: 'jobs', label: 'Jobs' },
          { id: 'db', label: 'Orders DB' },
          { id: 'pay', label: 'Payments' },
          { id: 'worker', label: 'Worker' },
        ],
        connections: [
          { from: 'api', to: 'jobs' },
          { from: 'api', to: 'db' },
          { from: 'api', to: 'pay' },
          { from: 'jobs', to: 'worker' },
        ],
      }),
    );
    const middle = (id: string) => box(scene, id).x + box(scene, id).width / 2;
    const children = ['jobs', 'db', 'pay'].map(middle);
    const centre = (Math.min(...children) + Math.max(...children)) / 2;
    expect(Math.abs(middle('api') - centre)).toBeLessThanOrEqual(2);
  });
});
describe('a fan-in gathered inside a container', () => {
  it('meets under the middle of its branches, the box it feeds centred there', () => {
    // two nodes of a cluster, each with a backend, both calling one database outside
    const node = (n: number) => ({
      id: `node${n}`,
      label: `Node ${n}`,
      children: [
        { id: `fe${n}`, label: 'frontend' },
        { id: `be${n}`, label: 'backend' },
      ],
    });
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'api', id: 'ingress', label: 'Ingress Controller' },
          { id: 'cluster', label: 'Kubernetes Cluster', children: [node(1), node(2)] },
          { kind: 'database', id: 'db', label: 'Cloud SQL' },
        ],
        connections: [
          { from: 'ingress', to: 'fe1' },
          { from: 'ingress', to: 'fe2' },
          { from: 'fe1', to: 'be1' },
          { from: 'fe2', to: 'be2' },
          { from: 'be1', to: 'db' },
          { from: 'be2', to: 'db' },
        ],
      }),
    );
    const middle = (id: string) => box(scene, id).x + box(scene, id).width / 2;
    expect(Math.abs(middle('db') - (middle('be1') + middle('be2')) / 2)).toBeLessThanOrEqual(1);
  });
});

describe('among equally good placements', () => {
  it('takes the narrowest: a host fed on its border from above does not slide aside', () => {
    // two cloud services feed a machine's border; the machine holds a browser over a cluster
    // whose notes and boxes fit under the cloud's width
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'cloud',
            label: 'External services',
            children: [
              { id: 'github', label: 'GitHub (Repos/Webhooks)' },
              { id: 'harness', label: 'Harness SaaS' },
            ],
          },
          {
            id: 'local',
            label: 'Local machine (macOS + OrbStack Kubernetes)',
            children: [
              { id: 'browser', kind: 'client', label: 'Browser' },
              {
                id: 'k8s',
                label: 'Kubernetes cluster',
                children: [
                  { id: 'api', label: 'control-api (Go REST API)' },
                  { id: 'delegate', label: 'Harness Delegate' },
                  { id: 'mongo', label: 'MongoDB' },
                  { id: 'workloads', label: 'Project Workloads' },
                ],
              },
            ],
          },
        ],
        connections: [
          { from: 'github', to: 'local', note: 'webhook push' },
          { from: 'harness', to: 'local', note: 'delegate polling' },
          { from: 'browser', to: 'k8s', note: 'HTTP/REST' },
          { from: 'api', to: 'mongo', note: 'client-go (in-cluster)' },
          { from: 'delegate', to: 'workloads', note: 'deploys' },
        ],
      }),
    );
    const [cloud, local] = [box(scene, 'cloud'), box(scene, 'local')];
    expect(scene.width).toBe(Math.max(cloud.width, local.width));
  });

  it('lets a box beside a note start under it, clear of its line', () => {
    // the note on api -> mongo sits in the gap above MongoDB; Project Workloads, beside
    // MongoDB, starts under the note's end while the line into it stays clear of the note
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'api', label: 'control-api (Go REST API)' },
          { id: 'delegate', label: 'Harness Delegate' },
          { id: 'mongo', label: 'MongoDB' },
          { id: 'workloads', label: 'Project Workloads (one namespace per environment)' },
        ],
        connections: [
          { from: 'api', to: 'mongo', note: 'client-go (in-cluster) calls' },
          { from: 'delegate', to: 'workloads' },
        ],
      }),
    );
    const note = scene.texts.find((t) => t.role === 'note');
    const workloads = box(scene, 'workloads');
    const into = scene.connectors.find((c) => c.id === 'delegate->workloads');
    expect(note?.owner).toBe('api->mongo');
    const noteEnd = (note?.x ?? 0) + (note?.width ?? 0);
    expect(workloads.x).toBeLessThan(noteEnd);
    expect(into?.points.at(-1)?.x).toBeGreaterThan(noteEnd);
  });
});

describe('containers joined one way', () => {
  it('come one after the other along the flow, not interleaved in the ranks they share', () => {
    // a cluster's exporters feed an observability host: chains of two and one inside the
    // cluster, each ending in a line to the host, which the flow puts wholly after the cluster
    const scene = modelToScene(
      parseDiagram({
        flow: 'right',
        nodes: [
          {
            id: 'k3s',
            label: 'k3s cluster',
            children: [
              { id: 'apps', label: 'apps' },
              { id: 'prom', label: 'Prometheus 1d' },
              { id: 'stdout', label: 'stdout' },
              { id: 'alloy', label: 'Alloy' },
              { id: 'traces', label: 'traces' },
            ],
          },
          {
            id: 'vps',
            label: 'observability-vps',
            children: [
              { id: 'prom30', label: 'Prometheus 30d' },
              { id: 'loki', label: 'Loki' },
              { id: 'tempo', label: 'Tempo' },
            ],
          },
        ],
        connections: [
          { from: 'apps', to: 'prom' },
          { from: 'stdout', to: 'alloy' },
          { from: 'prom', to: 'prom30', note: 'remote write' },
          { from: 'alloy', to: 'loki', note: 'push' },
          { from: 'traces', to: 'tempo', note: 'OTLP' },
        ],
      }),
    );
    const [k3s, vps] = [box(scene, 'k3s'), box(scene, 'vps')];
    expect(vps.x).toBeGreaterThanOrEqual(k3s.x + k3s.width);
    // each line runs straight across the gap between the two hosts
    for (const id of ['prom->prom30', 'alloy->loki', 'traces->tempo']) {
      expect(scene.connectors.find((c) => c.id === id)?.points).toHaveLength(2);
    }
  });
});

describe('a box joined one way to the only container', () => {
  it('comes before all of it, so its line enters from above, not beside the first rank', () => {
    // users reach one of two services in a cluster; the other service must not pull the
    // cluster up level with the users, whose line would then come in through the side
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'users', kind: 'user', label: 'Users' },
          {
            id: 'k8s',
            label: 'Kubernetes Cluster',
            children: [
              { id: 'fs', label: 'frontend-service' },
              { id: 'fp', label: 'frontend-pod' },
              { id: 'bs', label: 'backend-service' },
              { id: 'bp', label: 'backend-pod' },
            ],
          },
        ],
        connections: [
          { from: 'users', to: 'fs' },
          { from: 'fs', to: 'fp' },
          { from: 'bs', to: 'bp' },
        ],
      }),
    );
    const [users, k8s] = [box(scene, 'users'), box(scene, 'k8s')];
    expect(k8s.y).toBeGreaterThanOrEqual(users.y + users.height);
    expect(box(scene, 'fs').y).toBe(box(scene, 'bs').y);
    expect(bends(scene, 'users->fs')).toBe(0);
  });
});

describe('a row of boxes down the flow', () => {
  it('starts on one line whatever their heights, so the arrows into them end level', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'edge', label: 'Edge / Gateway' },
          { id: 'game', label: 'Game Server\n(authoritative\ngame loop)' },
          { id: 'match', label: 'Match/Queue\nService' },
          { id: 'tour', label: 'Tournament Svc' },
        ],
        connections: [
          { from: 'edge', to: 'game' },
          { from: 'edge', to: 'match' },
          { from: 'edge', to: 'tour' },
        ],
      }),
    );
    const tops = ['game', 'match', 'tour'].map((id) => box(scene, id).y);
    expect(new Set(tops).size).toBe(1);
  });

  it('lines up with the first row inside a container arranged by hand beside them', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'edit', label: 'Edit' },
          {
            id: 't',
            label: 'TERRARIUM\nagents',
            direction: 'down',
            children: [{ id: 'b', label: 'B-gent' }],
          },
        ],
      }),
    );
    expect(box(scene, 'edit').y).toBe(box(scene, 'b').y);
  });
});

describe('a line back to the start of a row', () => {
  it('goes round under the row with two bends, not up through a narrow gap beside a box', () => {
    const scene = modelToScene(
      parseDiagram({
        flow: 'right',
        nodes: [
          { id: 'browser', kind: 'client', label: 'Browser' },
          { id: 'gw', kind: 'api', label: 'API Gateway\n:3000' },
          { id: 'sh', label: 'Shortener\n:3001' },
          { id: 'redis', kind: 'database', label: 'Redis\n:6379' },
        ],
        connections: [
          { from: 'browser', to: 'gw' },
          { from: 'gw', to: 'sh' },
          { from: 'sh', to: 'redis' },
          { from: 'sh', to: 'browser' },
        ],
      }),
    );
    expect(bends(scene, 'sh->browser')).toBe(2);
  });
});

describe('a fan across a container border', () => {
  /** Columns where lines cross the row `y` (a border), from the connectors' vertical runs. */
  const crossings = (scene: Scene, y: number): Set<number> => {
    const xs = new Set<number>();
    for (const c of scene.connectors) {
      c.points.forEach((p, k) => {
        const q = c.points[k + 1];
        if (q && p.x === q.x && Math.min(p.y, q.y) < y && Math.max(p.y, q.y) > y) xs.add(p.x);
      });
    }
    return xs;
  };
  const cluster = (children: string[]) => ({
    id: 'ecs',
    label: 'ECS Cluster',
    children: children.map((id) => ({ id, label: `Task ${id}` })),
  });

  it('enters once and branches inside, under the title band', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [{ id: 'alb', label: 'ALB' }, cluster(['a', 'b', 'c'])],
        connections: ['a', 'b', 'c'].map((to) => ({ from: 'alb', to })),
      }),
    );
    const ecs = box(scene, 'ecs');
    expect(crossings(scene, ecs.y).size).toBe(1);
    const rule = scene.dividers.find((d) => d.box === 'ecs')?.y ?? ecs.y;
    // every branch turns below the band's rule, inside the container
    for (const to of ['a', 'b', 'c']) {
      const points = scene.connectors.find((c) => c.id === `alb->${to}`)?.points ?? [];
      for (const p of points.slice(1, -1)) expect(p.y).toBeGreaterThan(rule);
    }
  });

  it('beside a taller box in the rank it enters, sets its border beside that box', () => {
    // the gateway beside the cluster takes the rank the gate is in: the cluster's border and
    // title go in that rank's rows, not in rows of their own above an empty stretch
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'alb', label: 'ALB' },
          { id: 'igw', label: 'Internet Gateway\n• Ingress/Egress\n• Public IPs' },
          cluster(['a', 'b']),
        ],
        connections: [
          { from: 'alb', to: 'igw' },
          { from: 'alb', to: 'a' },
          { from: 'alb', to: 'b' },
        ],
      }),
    );
    const [igw, ecs] = [box(scene, 'igw'), box(scene, 'ecs')];
    expect(ecs.y).toBeGreaterThan(igw.y);
    expect(crossings(scene, ecs.y).size).toBe(1);
  });

  it('takes no rows for its gate when another line of the fan passes it further down', () => {
    // the gateway's line to the payment service (ranked below an event bus) passes the
    // gate's rank: the two lines through the gate still branch right under the band
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'gw', label: 'API Gateway' },
          {
            id: 'svc',
            label: 'Services',
            children: [
              { id: 'users', label: 'User Service' },
              { id: 'orders', label: 'Order Service' },
              { id: 'pay', label: 'Payment Service' },
            ],
          },
          { id: 'bus', kind: 'queue', label: 'Event Bus' },
        ],
        connections: [
          ...['users', 'orders', 'pay'].map((to) => ({ from: 'gw', to })),
          { from: 'orders', to: 'bus' },
          { from: 'bus', to: 'pay' },
        ],
      }),
    );
    const rule = scene.dividers.find((d) => d.box === 'svc')?.y as number;
    const users = scene.connectors.find((c) => c.id === 'gw->users')?.points ?? [];
    // under the rule: a row of padding, then the branch
    const branch = users.find((p, k) => k > 0 && p.y > rule);
    expect(branch?.y).toBe(rule + 2);
  });

  it('gathers the lines of boxes that each reach the very same boxes, and leaves once', () => {
    // three replicas, each writing to the database and the queue: one bus, not six lines
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          cluster(['a', 'b', 'c']),
          { id: 'db', kind: 'database', label: 'PostgreSQL' },
          { id: 'mq', kind: 'queue', label: 'RabbitMQ' },
        ],
        connections: ['a', 'b', 'c'].flatMap((from) => [
          { from, to: 'db' },
          { from, to: 'mq' },
        ]),
      }),
    );
    const ecs = box(scene, 'ecs');
    expect(crossings(scene, ecs.y + ecs.height - 1).size).toBe(1);
    // each target is met at one cell, all three lines arriving there together
    for (const id of ['db', 'mq']) {
      const ends = new Set(
        scene.connectors
          .filter((c) => c.to === id)
          .map((c) => JSON.stringify(c.points[c.points.length - 1])),
      );
      expect(ends.size).toBe(1);
    }
  });

  it('gathers inside and leaves once', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [cluster(['a', 'b', 'c']), { id: 'gw', label: 'API Gateway' }],
        connections: ['a', 'b', 'c'].map((from) => ({ from, to: 'gw' })),
      }),
    );
    const ecs = box(scene, 'ecs');
    expect(crossings(scene, ecs.y + ecs.height - 1).size).toBe(1);
  });
});

describe('peers across a flow to the right', () => {
  it('sit along it, a chain of them in one row like the hand drawing', () => {
    const scene = modelToScene(
      parseDiagram({
        flow: 'right',
        nodes: ['client', 'api', 'worker', 'provider'].map((id) => ({ id, label: id })),
        connections: [
          { from: 'client', to: 'api', direction: 'both' },
          { from: 'api', to: 'worker', direction: 'both' },
          { from: 'worker', to: 'provider', direction: 'both' },
        ],
      }),
    );
    const ys = ['client', 'api', 'worker', 'provider'].map((id) => box(scene, id).y);
    expect(new Set(ys).size).toBe(1);
    for (const id of ['client->api', 'api->worker', 'worker->provider']) {
      expect(bends(scene, id)).toBe(0);
    }
  });

  it('in mirrored containers, each pair straight across', () => {
    const scene = modelToScene(
      parseDiagram({
        flow: 'right',
        nodes: [
          {
            id: 'x',
            label: 'X',
            children: [
              { id: 'x1', label: 'x1' },
              { id: 'x2', label: 'x2' },
            ],
          },
          {
            id: 'y',
            label: 'Y',
            children: [
              { id: 'y1', label: 'y1' },
              { id: 'y2', label: 'y2' },
            ],
          },
        ],
        connections: [
          { from: 'x1', to: 'y1', direction: 'both' },
          { from: 'x2', to: 'y2', direction: 'both' },
        ],
      }),
    );
    expect(bends(scene, 'x1->y1')).toBe(0);
    expect(bends(scene, 'x2->y2')).toBe(0);
    expect(box(scene, 'y').x).toBeGreaterThan(box(scene, 'x').x + box(scene, 'x').width);
  });
});

describe('a line between two boxes side by side, both over a third', () => {
  it('stays a step and leaves both lines down to the third', () => {
    // two workers joined by a line, both writing to one database: the second worker's line
    // is no step beside the first (the first leads to the database only across a step)
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'lb', label: 'Load Balancer' },
          { id: 'w1', label: 'Worker' },
          { id: 'w2', label: 'Worker' },
          { id: 'pg', kind: 'database', label: 'PostgreSQL Cluster' },
        ],
        connections: [
          { from: 'lb', to: 'w1' },
          { from: 'lb', to: 'w2' },
          { from: 'w1', to: 'w2', direction: 'both' },
          { from: 'w1', to: 'pg' },
          { from: 'w2', to: 'pg' },
        ],
      }),
    );
    const [w1, w2, pg] = [box(scene, 'w1'), box(scene, 'w2'), box(scene, 'pg')];
    expect(w1.y).toBe(w2.y);
    expect(pg.y).toBeGreaterThan(w2.y + w2.height);
    // both lines leave their worker's bottom and meet the database as one fan-in
    const line = (id: string) => scene.connectors.find((c) => c.id === id)?.points ?? [];
    expect(line('w1->pg')[0]?.y).toBe(w1.y + w1.height - 1);
    expect(line('w2->pg')[0]?.y).toBe(w2.y + w2.height - 1);
    expect(line('w1->pg').at(-1)).toEqual(line('w2->pg').at(-1));
  });
});

describe('a database across a right flow with two lines in', () => {
  it('grows for its lid so both meet its side, the long one straight', () => {
    const scene = modelToScene(
      parseDiagram({
        flow: 'right',
        nodes: [
          { id: 'ui', kind: 'client', label: 'UI' },
          { id: 'cmd', kind: 'api', label: 'Command API' },
          { id: 'qry', kind: 'api', label: 'Query API' },
          { id: 'es', kind: 'database', label: 'Event Store' },
          { id: 'proj', kind: 'daemon', label: 'Projector' },
          { id: 'rm', kind: 'database', label: 'Read Model' },
        ],
        connections: [
          { from: 'ui', to: 'cmd' },
          { from: 'ui', to: 'qry' },
          { from: 'cmd', to: 'es' },
          { from: 'es', to: 'proj' },
          { from: 'proj', to: 'rm', note: 'update' },
          { from: 'qry', to: 'rm', note: 'read' },
        ],
      }),
    );
    expect(bends(scene, 'qry->rm')).toBe(0);
    const rm = box(scene, 'rm');
    for (const id of ['qry->rm', 'proj->rm']) {
      expect(scene.connectors.find((c) => c.id === id)?.points.at(-1)?.x).toBe(rm.x);
    }
  });
});

describe('containers joined one way but reached from elsewhere too', () => {
  it('stay side by side: two regions behind one DNS, joined by a replication line', () => {
    const scene = modelToScene(twoRegions());
    const [a, b] = [box(scene, 'ra'), box(scene, 'rb')];
    expect(a.y).toBe(b.y);
    expect(b.x).toBeGreaterThan(a.x + a.width);
  });
});

describe('tiers', () => {
  const tier = (id: string, labels: string[]) => ({
    id,
    label: `${id} layer`,
    children: labels.map((label, i) => ({ id: `${id}${i}`, label })),
  });
  const tiers = (equalHeights?: boolean) =>
    modelToScene(
      parseDiagram({
        ...(equalHeights === undefined ? {} : { equalHeights }),
        nodes: [
          tier('clients', ['Web', 'H5', 'Mini program']),
          tier('gateway', ['Nginx', 'Rate Limit', 'Auth']),
          tier('services', ['API Server (FastAPI)', 'Async Worker', 'Scheduler (APScheduler)']),
        ],
        connections: [
          { from: 'clients', to: 'gateway', note: 'HTTP/WebSocket' },
          { from: 'gateway', to: 'services' },
        ],
      }),
    );

  it('stacked along the flow and joined at their borders share one width', () => {
    const scene = tiers();
    const bands = ['clients', 'gateway', 'services'].map((id) => box(scene, id));
    expect(new Set(bands.map((b) => `${b.x}:${b.width}`)).size).toBe(1);
    // a widened tier's boxes sit in its middle
    const gateway = box(scene, 'gateway');
    const first = box(scene, 'gateway0');
    const last = box(scene, 'gateway2');
    const left = first.x - gateway.x;
    const right = gateway.x + gateway.width - (last.x + last.width);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
  });

  it('keep their own widths when equalHeights is off', () => {
    const scene = tiers(false);
    const widths = ['clients', 'gateway', 'services'].map((id) => box(scene, id).width);
    expect(new Set(widths).size).toBeGreaterThan(1);
  });

  // three kinds of service, each a chain inside its own box, stacked by `direction: down`
  const stacked = (crossing: boolean) =>
    modelToScene(
      parseDiagram({
        direction: 'down',
        nodes: [
          { ...tier('ip', ['Pod', 'Service']), direction: 'right' },
          { ...tier('port', ['Internet', 'Node:30080', 'Service', 'Pods']), direction: 'right' },
          { ...tier('lb', ['Internet', 'LB', 'Service']), direction: 'right' },
        ],
        connections: [
          { from: 'ip0', to: 'ip1' },
          { from: 'port0', to: 'port1' },
          { from: 'lb0', to: 'lb1' },
          ...(crossing ? [{ from: 'lb2', to: 'port3' }] : []),
        ],
      }),
    );

  it("set one under another share the widest one's width, what they hold kept on the axis", () => {
    const scene = stacked(false);
    const bands = ['ip', 'port', 'lb'].map((id) => box(scene, id));
    expect(new Set(bands.map((b) => `${b.x}:${b.width}`)).size).toBe(1);
    const ip = box(scene, 'ip');
    const [pod, service] = [box(scene, 'ip0'), box(scene, 'ip1')];
    const left = pod.x - ip.x;
    const right = ip.x + ip.width - (service.x + service.width);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
  });

  it('joined along the flow share one width when one is laid out as a block (direction down)', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'cp',
            label: 'Control plane',
            direction: 'down',
            children: [
              { kind: 'group', children: [{ label: 'API Server' }, { label: 'etcd' }] },
              { id: 's', label: 'Scheduler: where each pod goes' },
            ],
          },
          tier('wn', ['kubelet', 'kube-proxy']),
        ],
        connections: [{ from: 'cp', to: 'wn', note: 'watch' }],
      }),
    );
    const [cp, wn] = [box(scene, 'cp'), box(scene, 'wn')];
    expect(`${cp.x}:${cp.width}`).toBe(`${wn.x}:${wn.width}`);
    // the line between them stays straight
    const line = scene.connectors.find((c) => c.from === 'cp' && c.to === 'wn');
    expect(new Set(line?.points.map((p) => p.x)).size).toBe(1);
  });

  it('set one under another keep their widths when a line reaches across a border', () => {
    const scene = stacked(true);
    const widths = ['ip', 'port', 'lb'].map((id) => box(scene, id).width);
    expect(new Set(widths).size).toBe(3);
  });
});

describe('containers side by side in a flow down', () => {
  const row = (equalHeights?: boolean) =>
    modelToScene(
      parseDiagram({
        ...(equalHeights === undefined ? {} : { equalHeights }),
        nodes: [
          {
            id: 'plane',
            label: 'Control plane',
            direction: 'right',
            children: [
              { id: 'api', kind: 'api', label: 'API server' },
              { id: 'ctl', kind: 'daemon', label: 'controller' },
            ],
          },
          {
            id: 'obs',
            label: 'Observability',
            direction: 'right',
            children: [
              { id: 'prom', kind: 'database', label: 'Prometheus' },
              { id: 'graf', label: 'Grafana' },
            ],
          },
        ],
        connections: [
          { from: 'api', to: 'ctl', direction: 'both' },
          { from: 'prom', to: 'graf' },
        ],
      }),
    );

  it('share one height, their tops and bottoms in line', () => {
    const scene = row();
    const [plane, obs] = [box(scene, 'plane'), box(scene, 'obs')];
    expect(plane.y).toBe(obs.y);
    expect(plane.height).toBe(obs.height);
  });

  it('keep their own heights when equalHeights is off', () => {
    const scene = row(false);
    expect(box(scene, 'plane').height).not.toBe(box(scene, 'obs').height);
  });
});

describe("zones fed by one balancer, a server of one writing to the other's database", () => {
  const zones = (across: boolean) =>
    modelToScene(
      parseDiagram({
        nodes: [
          { id: 'alb', label: 'Application Load Balancer' },
          {
            id: 'aza',
            label: 'AZ a',
            children: [
              { id: 'ec2a', label: 'EC2 web-a' },
              { id: 'rdsa', kind: 'database', label: 'RDS primary' },
            ],
          },
          {
            id: 'azb',
            label: 'AZ b',
            children: [
              { id: 'ec2b', label: 'EC2 web-b' },
              { id: 'rdsb', kind: 'database', label: 'RDS standby' },
            ],
          },
        ],
        connections: [
          { from: 'alb', to: 'ec2a' },
          { from: 'alb', to: 'ec2b' },
          { from: 'ec2a', to: 'rdsa' },
          ...(across ? [{ from: 'ec2b', to: 'rdsa' }] : []),
          { from: 'rdsa', to: 'rdsb', note: 'sync replication' },
        ],
      }),
    );

  it('comes down to it along the flow: the zones stay right under the balancer', () => {
    const [alone, joined] = [zones(false), zones(true)];
    expect(box(joined, 'aza').y).toBe(box(alone, 'aza').y);
    expect(box(joined, 'ec2b').y).toBe(box(joined, 'ec2a').y);
    expect(box(joined, 'rdsb').y).toBe(box(joined, 'rdsa').y);
  });
});

describe('a host arranged down the flow', () => {
  const server = (direction: 'down' | 'auto', back = false, out = true) =>
    modelToScene(
      parseDiagram({
        nodes: [
          { id: 'user', kind: 'user', label: 'User' },
          {
            id: 'server',
            label: 'Server',
            direction,
            children: [
              { id: 'nginx', kind: 'api', label: 'nginx' },
              { id: 'app', kind: 'daemon', label: 'Application' },
              { id: 'cache', label: 'Cache' },
            ],
          },
          { id: 'db', kind: 'database', label: 'Postgres' },
        ],
        connections: [
          { from: 'user', to: 'nginx' },
          back ? { from: 'app', to: 'nginx' } : { from: 'nginx', to: 'app' },
          ...(out ? [{ from: 'app', to: 'db' }] : [{ from: 'user', to: 'db' }]),
        ],
      }),
    );

  it('is entered from above by a line from above, as the auto layout does', () => {
    const scene = server('down');
    const into = scene.connectors.find((c) => c.id === 'user->nginx');
    const nginx = box(scene, 'nginx');
    const end = into?.points.at(-1);
    expect(into?.points.length).toBe(2);
    expect(end?.y).toBeLessThan(nginx.y + 1);
    expect(scene.connectors.find((c) => c.id === 'app->db')?.points.length).toBe(2);
  });

  it('keeps its children one below the other in model order, their middles in line', () => {
    const scene = server('down', false, false);
    const [nginx, app, cache] = [box(scene, 'nginx'), box(scene, 'app'), box(scene, 'cache')];
    expect(nginx.y).toBeLessThan(app.y);
    // the cache, which no line reaches, still comes after the application, under its middle
    expect(app.y).toBeLessThan(cache.y);
    const middle = (b: SceneBox) => b.x + Math.floor(b.width / 2);
    expect(Math.abs(middle(cache) - middle(app))).toBeLessThanOrEqual(1);
  });

  it('stays a column of its own when a line inside runs against its order', () => {
    const scene = server('down', true);
    const [nginx, app] = [box(scene, 'nginx'), box(scene, 'app')];
    expect(nginx.y).toBeLessThan(app.y);
  });
});

describe('a line out of a container whose way leads back into it', () => {
  it('runs against the flow from a box nothing feeds, so the container stays one band', () => {
    // a VPC as a Mermaid graph has it: the instance goes out through NAT and the internet
    // gateway to the load balancer that feeds the containers beside it in the same subnet
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'user', id: 'user', label: 'User' },
          {
            id: 'public',
            label: 'Public Subnets',
            children: [
              { id: 'alb', label: 'Application Load Balancer' },
              { id: 'igw', label: 'Internet Gateway' },
            ],
          },
          {
            id: 'private',
            label: 'Private Subnet 1',
            children: [
              { id: 'ec2', label: 'EC2 Instance' },
              { id: 'frontend', label: 'Frontend Container' },
              { id: 'backend', label: 'Backend Container' },
            ],
          },
          { id: 'nat', label: 'NAT Gateway' },
        ],
        connections: [
          { from: 'user', to: 'alb' },
          { from: 'alb', to: 'frontend' },
          { from: 'alb', to: 'backend' },
          { from: 'ec2', to: 'nat', note: 'Outbound Traffic' },
          { from: 'nat', to: 'igw' },
          { from: 'igw', to: 'alb' },
        ],
      }),
    );
    const [publicNet, privateNet, nat, ec2, frontend] = [
      'public',
      'private',
      'nat',
      'ec2',
      'frontend',
    ].map((id) => box(scene, id)) as [SceneBox, SceneBox, SceneBox, SceneBox, SceneBox];
    // the subnets one under the other, the NAT gateway over the public one
    expect(privateNet.y).toBeGreaterThan(publicNet.y + publicNet.height);
    expect(nat.y + nat.height).toBeLessThan(publicNet.y);
    // the instance in the subnet's first row, not ranks above its containers
    expect(ec2.y).toBeGreaterThan(privateNet.y);
    expect(ec2.y).toBeLessThanOrEqual(frontend.y);
    // its line still leaves it and reaches the gateway
    const out = scene.connectors.find((c) => c.from === 'ec2')?.points ?? [];
    expect(out.at(-1)?.y).toBeGreaterThanOrEqual(nat.y);
    expect(out.at(-1)?.y).toBeLessThan(nat.y + nat.height);
  });

  it('keeps the flow when the box is fed from elsewhere: workers report back to the API', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'client', id: 'cli', label: 'kubectl' },
          { id: 'plane', label: 'Control Plane', children: [{ id: 'api', label: 'API Server' }] },
          { id: 'worker', label: 'Worker Node', children: [{ id: 'kubelet', label: 'Kubelet' }] },
        ],
        connections: [
          { from: 'cli', to: 'api' },
          { from: 'api', to: 'kubelet' },
          { from: 'kubelet', to: 'api', note: 'watches' },
        ],
      }),
    );
    expect(box(scene, 'worker').y).toBeGreaterThan(box(scene, 'plane').y);
  });
});

describe('a line back into a container from a box one of its members feeds', () => {
  it('runs against the flow when the gateway over the row feeds its target too', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'gw', kind: 'api', label: 'API Gateway' },
          {
            kind: 'group',
            id: 'services',
            label: 'Microservices',
            border: 'dashed',
            children: [
              { id: 'users', label: 'User Service' },
              { id: 'orders', label: 'Order Service' },
              { id: 'payments', label: 'Payment Service' },
            ],
          },
          { id: 'mq', kind: 'queue', label: 'RabbitMQ' },
          { id: 'pg', kind: 'database', label: 'PostgreSQL' },
        ],
        connections: [
          { from: 'gw', to: 'users' },
          { from: 'gw', to: 'orders' },
          { from: 'gw', to: 'payments' },
          { from: 'users', to: 'pg' },
          { from: 'orders', to: 'mq', note: 'order events' },
          { from: 'mq', to: 'payments' },
        ],
      }),
    );
    const [orders, payments, mq, services] = ['orders', 'payments', 'mq', 'services'].map((id) =>
      box(scene, id),
    ) as [SceneBox, SceneBox, SceneBox, SceneBox];
    expect(payments.y).toBe(orders.y);
    expect(mq.y).toBeGreaterThanOrEqual(services.y + services.height);
  });

  it('runs against the flow when nothing else feeds its target, and only the first of a loop', () => {
    // a database's change feed through Debezium into the Kafka beside it, Kafka on to Spark
    const scene = modelToScene(
      parseDiagram({
        flow: 'right',
        nodes: [
          {
            id: 'sources',
            label: 'Sources',
            children: [
              { id: 'pg', kind: 'database', label: 'Postgres' },
              { id: 'kafka', kind: 'queue', label: 'Kafka' },
            ],
          },
          {
            id: 'ingest',
            label: 'Ingestion',
            children: [
              { id: 'debezium', label: 'Debezium' },
              { id: 'spark', label: 'Spark Streaming' },
            ],
          },
          { id: 'raw', kind: 'database', label: 'raw' },
        ],
        connections: [
          { from: 'pg', to: 'debezium', note: 'CDC' },
          { from: 'debezium', to: 'kafka' },
          { from: 'kafka', to: 'spark' },
          { from: 'spark', to: 'raw' },
        ],
      }),
    );
    const [sources, ingest, raw] = [box(scene, 'sources'), box(scene, 'ingest'), box(scene, 'raw')];
    expect(sources.x + sources.width).toBeLessThan(ingest.x);
    expect(ingest.x + ingest.width).toBeLessThan(raw.x);
  });
});

describe('containers a line leaves from their border', () => {
  it('leave it under the box that gathers their fan-in, the box below centred there', () => {
    // a hand-drawn backend: two controllers over one service, the database under the server
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'client', id: 'app', label: 'HarmonyOS App (liyang)' },
          {
            id: 'backend',
            label: 'Backend (Spring Boot)',
            children: [
              { id: 'api', label: 'api/\nREST' },
              { id: 'admin', label: 'admin/\n管理页面' },
              { id: 'service', label: 'Service\n业务逻辑' },
            ],
          },
          { kind: 'database', id: 'mysql', label: 'MySQL 8.0\nt_user | t_song | t_playlist' },
        ],
        connections: [
          { from: 'app', to: 'backend' },
          { from: 'api', to: 'service', direction: 'none' },
          { from: 'admin', to: 'service', direction: 'none' },
          { from: 'backend', to: 'mysql' },
        ],
      }),
    );
    const middle = (id: string) => box(scene, id).x + Math.floor(box(scene, id).width / 2);
    const out = scene.connectors.find((c) => c.from === 'backend')?.points ?? [];
    expect(out).toHaveLength(2);
    expect(Math.abs((out[0]?.x ?? 0) - middle('service'))).toBeLessThanOrEqual(1);
    expect(Math.abs(middle('mysql') - middle('service'))).toBeLessThanOrEqual(1);
  });

  it('set what they feed in model order, whatever the ids', () => {
    // a service writing to three stores: the stores come as written, not as their ids sort
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'svc',
            label: 'Scheduler',
            children: [
              { id: 'cron', label: 'Cron' },
              { id: 'api', label: 'REST API' },
            ],
          },
          { id: 'sap', label: 'SAP HANA' },
          { id: 'pg', label: 'PostgreSQL' },
          { id: 'kafka', label: 'Kafka' },
        ],
        connections: [
          { from: 'cron', to: 'api' },
          { from: 'svc', to: 'sap' },
          { from: 'svc', to: 'pg' },
          { from: 'svc', to: 'kafka' },
        ],
      }),
    );
    const xs = ['sap', 'pg', 'kafka'].map((id) => box(scene, id).x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('keep a box no line reaches beside its first connected sibling, not down the last rank', () => {
    // a line leaving the system's border ranks its members above the wiki, but it does not
    // tie the scheduler to the bottom: it sits beside the engine, as drawn by hand
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'sys',
            label: 'Mnemos System',
            children: [
              { id: 'ingest', label: 'Ingest Engine' },
              { id: 'sched', label: 'Scheduler' },
              { kind: 'database', id: 'db', label: 'SQLite' },
            ],
          },
          { id: 'wiki', label: 'Wiki Directory' },
        ],
        connections: [
          { from: 'ingest', to: 'db' },
          { from: 'sys', to: 'wiki' },
        ],
      }),
    );
    expect(box(scene, 'sched').y).toBe(box(scene, 'ingest').y);
    expect(box(scene, 'db').y).toBeGreaterThan(box(scene, 'ingest').y);
  });

  it('pull what they feed under them, so no line crosses another', () => {
    // the auth host's lines leave its border; the registry's leaves its box inside: the
    // order weighs both, not the containers' unconnected boxes where they stand
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'ingress', label: 'Ingress' },
          { id: 'reg', label: 'registry', children: [{ id: 'api', label: 'OCI API' }] },
          { id: 'auth', label: 'auth', children: [{ id: 'rbac', label: 'RBAC engine' }] },
          {
            id: 'oidc',
            label: 'OIDC',
            children: [
              { id: 'gh', label: 'GitHub' },
              { id: 'google', label: 'Google' },
            ],
          },
          {
            id: 'storage',
            label: 'Storage',
            children: [
              { id: 's3', label: 'S3' },
              { id: 'gcs', label: 'GCS' },
            ],
          },
        ],
        connections: [
          { from: 'ingress', to: 'reg' },
          { from: 'ingress', to: 'auth' },
          { from: 'auth', to: 'oidc' },
          { from: 'api', to: 'storage' },
        ],
      }),
    );
    expect(box(scene, 'storage').x).toBeLessThan(box(scene, 'oidc').x);
    for (const id of ['api->storage', 'auth->oidc'])
      expect(scene.connectors.find((c) => c.id === id)?.points.length, id).toBe(2);
  });
});

describe('a note on one branch of a fan-in', () => {
  it('sits beside its branch, not beside the trunk the branches share', () => {
    const group = (id: string, children: { id: string; label: string }[]) => ({
      kind: 'group',
      id,
      label: id,
      border: 'dashed',
      children,
    });
    const scene = modelToScene(
      parseDiagram({
        flow: 'right',
        nodes: [
          group('producers', [
            { id: 'web', label: 'Web app' },
            { id: 'mobile', label: 'Mobile app' },
            { id: 'iot', label: 'IoT devices' },
          ]),
          { id: 'kafka', kind: 'queue', label: 'Kafka' },
        ],
        connections: [
          { from: 'web', to: 'kafka' },
          { from: 'mobile', to: 'kafka' },
          { from: 'iot', to: 'kafka', note: 'MQTT bridge' },
        ],
      }),
    );
    const iot = box(scene, 'iot');
    const note = scene.texts.find((t) => t.role === 'note');
    expect(note?.y).toBeGreaterThanOrEqual(iot.y - 1);
    expect(note?.y).toBeLessThan(iot.y + iot.height);
    expect((note?.x ?? 0) + (note?.width ?? 0)).toBeLessThan(
      box(scene, 'producers').x + box(scene, 'producers').width,
    );
  });
});

describe('a note on one branch of a fan-out', () => {
  it('sits beside its branch, below the split, when straightening the other branch would take its room', () => {
    // the wide box's pin slides under the gateway to keep its line straight; into the note's
    // room it must not, or the note falls back beside the trunk and reads as both lines'
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'gw', label: 'Gateway' },
          { id: 'edge', label: 'Resolver' },
          { id: 'mesh', label: 'Internal Service Mesh / Load Balancer' },
        ],
        connections: [
          { from: 'gw', to: 'mesh' },
          { from: 'gw', to: 'edge', note: 'Fetch aggregate data' },
          { from: 'edge', to: 'mesh' },
        ],
      }),
    );
    const line = scene.connectors.find((c) => c.id === 'gw->edge');
    const note = scene.texts.find((t) => t.role === 'note');
    // the branch's last segment runs down into the resolver: the note is beside it
    const [a, b] = (line?.points.slice(-2) ?? []) as [Point, Point];
    expect(a.x).toBe(b.x);
    expect(note?.y).toBeGreaterThan(a.y);
    expect(note?.y).toBeLessThan(b.y);
    expect(note?.x).toBe(a.x + 2);
    // and no other line runs through it
    for (const c of scene.connectors) {
      for (const [p, q] of c.points.slice(1).map((q, k) => [c.points[k] as Point, q] as const)) {
        if (p.x !== q.x || c.id === 'gw->edge') continue;
        const x = p.x;
        const crosses =
          x >= (note?.x ?? 0) - 1 &&
          x <= (note?.x ?? 0) + (note?.width ?? 0) &&
          Math.min(p.y, q.y) <= (note?.y ?? 0) &&
          Math.max(p.y, q.y) >= (note?.y ?? 0);
        expect(crosses, c.id).toBe(false);
      }
    }
  });
});

describe('a line past the boxes of a fan to the box they all lead into', () => {
  it('runs straight down between them, clear of both, and meets the fan-in at its trunk', () => {
    // a system feeding two gateways and, past them, the broker both gateways feed
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'ext', label: 'External systems' },
          { id: 'devices', label: 'IoT devices' },
          { id: 'ble', label: 'BLE gateway' },
          { id: 'broker', label: 'MQTT broker' },
        ],
        connections: [
          { from: 'ext', to: 'devices' },
          { from: 'ext', to: 'broker' },
          { from: 'ext', to: 'ble' },
          { from: 'devices', to: 'broker' },
          { from: 'ble', to: 'broker' },
        ],
      }),
    );
    const [left, right] = [box(scene, 'devices'), box(scene, 'ble')].sort((a, b) => a.x - b.x) as [
      SceneBox,
      SceneBox,
    ];
    const line = scene.connectors.find((c) => c.id === 'ext->broker');
    expect(line?.points.length).toBe(2);
    const x = line?.points[0]?.x ?? 0;
    expect(x).toBeGreaterThanOrEqual(left.x + left.width + 2);
    expect(x).toBeLessThan(right.x - 2);
    // the three lines into the broker end on one cell: one trunk, the long line through it
    const ends = scene.connectors
      .filter((c) => c.to === 'broker')
      .map((c) => JSON.stringify(c.points[c.points.length - 1]));
    expect(new Set(ends).size).toBe(1);
  });
});

describe('a band title that lines crossing the band leave no room for', () => {
  it('goes after the last line, the container no wider than that, its lines in one block', () => {
    // two pod nodes under a service and a deployment that each reach a pod in both
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'user', id: 'internet', label: 'Internet Users' },
          { id: 'npa', label: 'NodePort 32051\nExternal' },
          { kind: 'api', id: 'sa', label: 'ClusterIP user-service' },
          { kind: 'api', id: 'sb', label: 'ClusterIP order-service' },
          { id: 'da', label: 'Deployment: user-service' },
          { id: 'db', label: 'Deployment: order-service' },
          {
            label: 'Node 1\nIP: 192.168.29.13',
            id: 'node1',
            children: [
              { kind: 'daemon', id: 'pa1', label: 'Pod A1\nuser-service\nIP: 192.168.199.74' },
              { kind: 'daemon', id: 'pb1', label: 'Pod B1\norder-service\nIP: 192.168.199.76' },
            ],
          },
          {
            label: 'Node 2\nIP: 192.168.29.14',
            id: 'node2',
            children: [
              { kind: 'daemon', id: 'pa2', label: 'Pod A2\nuser-service\nIP: 192.168.199.75' },
            ],
          },
        ],
        connections: [
          { from: 'internet', to: 'npa' },
          { from: 'npa', to: 'sa' },
          { from: 'sa', to: 'pa1', note: 'app=user-service' },
          { from: 'sa', to: 'pa2', note: 'app=user-service' },
          { from: 'sb', to: 'pb1', note: 'app=order-service' },
          { from: 'da', to: 'pa1' },
          { from: 'da', to: 'pa2' },
          { from: 'db', to: 'pb1' },
          { from: 'pa1', to: 'sb', note: 'DNS: order-service' },
          { from: 'pa2', to: 'sb', note: 'DNS: order-service' },
        ],
      }),
    );
    const node2 = box(scene, 'node2');
    const pod = box(scene, 'pa2');
    // the pod sits at the container's padding, not 30 columns in behind an empty title stretch
    expect(pod.x - node2.x).toBeLessThanOrEqual(3);
    const [name, ip] = scene.texts.filter((t) => t.owner === 'node2' && t.role === 'title') as [
      SceneText,
      SceneText,
    ];
    expect(Math.abs(name.x + name.width / 2 - (ip.x + ip.width / 2))).toBeLessThanOrEqual(0.5);
  });
});

describe('a line that gathers with others at a gate', () => {
  it('leaves its box on a pin of its own, so the gate joins no other source to the trunk', () => {
    // the order and payment services both write to Postgres outside the cluster (one gate);
    // the payment service also calls Stripe: in one trunk with that line, the junction would
    // draw the order service calling Stripe too
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'k8s',
            label: 'Kubernetes cluster',
            children: [
              { id: 'ingress', kind: 'api', label: 'Ingress (nginx)' },
              { id: 'cart', kind: 'daemon', label: 'Cart service' },
              { id: 'orders', kind: 'daemon', label: 'Order service' },
              { id: 'payments', kind: 'daemon', label: 'Payment service' },
              { id: 'redis', kind: 'database', label: 'Redis' },
            ],
          },
          { id: 'pg', kind: 'database', label: 'PostgreSQL (managed)' },
          { id: 'stripe', kind: 'external', label: 'Stripe API' },
        ],
        connections: [
          { from: 'ingress', to: 'cart' },
          { from: 'ingress', to: 'orders' },
          { from: 'ingress', to: 'payments' },
          { from: 'cart', to: 'redis' },
          { from: 'orders', to: 'pg' },
          { from: 'payments', to: 'pg' },
          { from: 'payments', to: 'stripe' },
        ],
      }),
    );
    const starts = scene.connectors
      .filter((c) => c.from === 'payments')
      .map((c) => c.points[0]?.x ?? 0);
    expect(starts.length).toBe(2);
    const [a, b] = starts as [number, number];
    expect(Math.abs(a - b), `${a} ${b}`).toBeGreaterThanOrEqual(2);
  });
});

describe('a step across a right flow', () => {
  it('runs a cell of line before its head, with a note or without', () => {
    for (const note of [undefined, 'enqueue']) {
      const scene = modelToScene(
        parseDiagram({
          flow: 'right',
          nodes: [
            { id: 'browser', kind: 'client', label: 'Browser' },
            { id: 'api', kind: 'api', label: 'API' },
            { id: 'pg', kind: 'database', label: 'Postgres' },
            { id: 'redis', kind: 'database', label: 'Redis' },
          ],
          connections: [
            { from: 'browser', to: 'api' },
            { from: 'api', to: 'pg' },
            {
              from: 'api',
              to: 'redis',
              ...(note ? { note } : {}),
              hints: { fromSide: 'bottom', toSide: 'top' },
            },
          ],
        }),
      );
      const line = scene.connectors.find((c) => c.id === 'api->redis');
      const [start, end] = [line?.points[0], line?.points.at(-1)];
      // first and last points sit on the cells next to the borders: two cells of line at least
      expect((end?.y ?? 0) - (start?.y ?? 0), String(note)).toBeGreaterThanOrEqual(1);
      expect(
        box(scene, 'redis').y - (box(scene, 'api').y + box(scene, 'api').height),
        String(note),
      ).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('a line with a head at each end', () => {
  it('keeps a cell of line between its heads, across ranks and down a column', () => {
    for (const direction of ['auto', 'down'] as const) {
      const scene = modelToScene(
        parseDiagram({
          nodes: [
            {
              id: 'h',
              label: 'H',
              direction,
              children: [
                { id: 'a', label: 'Auth service' },
                { id: 'b', label: 'OIDC provider' },
              ],
            },
          ],
          connections: [{ from: 'a', to: 'b', direction: 'both', hints: { fromSide: 'bottom' } }],
        }),
      );
      const line = scene.connectors.find((c) => c.id === 'a->b');
      const [start, end] = [line?.points[0], line?.points.at(-1)];
      expect(line?.points.length, direction).toBe(2);
      // the heads sit on the first and last cells between the boxes; one more cell between them
      expect(Math.abs((end?.y ?? 0) - (start?.y ?? 0)), direction).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('a step between databases', () => {
  it('runs on a label row, never along a lid', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'app', label: 'App server' },
          { kind: 'database', id: 'primary', label: 'Primary DB' },
          { kind: 'database', id: 'replica', label: 'Read replica' },
        ],
        connections: [
          { from: 'app', to: 'primary' },
          { from: 'app', to: 'replica' },
          { from: 'primary', to: 'replica', note: 'replication', style: 'dashed' },
        ],
      }),
    );
    const step = scene.connectors.find((c) => c.id === 'primary->replica');
    const primary = box(scene, 'primary');
    // a database is drawn as its top border, its lid, then its label
    expect(step?.points.every((p) => p.y === primary.y + 2)).toBe(true);
  });
});

describe('titles written into a border', () => {
  it('set their lines under the first in line with it, clear of the side border', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'pa',
            label: 'Public Subnet\nAZ-a',
            titleAt: 'border',
            children: [{ id: 'alb', label: 'ALB' }],
          },
        ],
      }),
    );
    const [first, second] = [0, 1].map((i) => scene.texts.find((t) => t.id === `pa:title:${i}`));
    expect(second?.x).toBe(first?.x);
    expect(second?.x).toBeGreaterThan(box(scene, 'pa').x + 1);
  });

  it('move off a routed line that ends at the border, arrowhead and all', () => {
    // found by the browser audit on a generated diagram: a line from a host's bottom into a
    // layer of a stack, its arrowhead on the stack's title
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'outer',
            label: '0',
            children: [
              { kind: 'client', id: 'a', label: '(' },
              { id: 'inner', label: '0', children: [{ kind: 'client', id: 'b', label: '(' }] },
            ],
          },
          {
            kind: 'stack',
            id: 'image',
            label: 'A',
            titleAt: 'border',
            layers: [{ id: 'base', label: '0', instruction: 'FROM' }],
          },
        ],
        connections: [
          { from: 'outer', direction: 'none' },
          { from: 'outer', to: 'base', direction: 'both' },
        ],
      }),
    );
    const title = scene.texts.find((t) => t.id === 'image:title:0');
    const line = scene.connectors.find((c) => c.id === 'outer->base');
    const column = line?.points.at(-1)?.x ?? -1;
    expect(title).toBeDefined();
    expect(column >= 0).toBe(true);
    const { x, width } = title as { x: number; width: number };
    expect(column < x - 2 || column > x + width + 1).toBe(true);
  });
});

describe('routes and titles in borders', () => {
  it('leave a box beside its title, never through it', () => {
    // found by the browser audit: a side asked for, on a stack whose wide title fills its border
    for (const from of ['image', 'base']) {
      const scene = modelToScene(
        parseDiagram({
          nodes: [
            { kind: 'client', id: 'cli', label: '0' },
            {
              kind: 'stack',
              id: 'image',
              label: '客户端 (终端)',
              titleAt: 'border',
              layers: [{ id: 'base', label: '0', instruction: 'FROM' }],
            },
          ],
          connections: [{ from, to: 'cli', direction: 'none', hints: { fromSide: 'top' } }],
        }),
      );
      const title = scene.texts.find((t) => t.id === 'image:title:0') as {
        x: number;
        width: number;
        y: number;
      };
      const start = scene.connectors[0]?.points[0] as { x: number; y: number };
      expect(start.y).toBe(title.y);
      expect(start.x < title.x - 2 || start.x > title.x + title.width + 1).toBe(true);
    }
  });
});

describe('lines both ways from a hub', () => {
  it('fan a box talking both ways to three along the flow, peers of two stay side by side', () => {
    // a hand-drawn NestJS system: the app talks both ways to its database, queue and cache
    // under it, while the frontend, balancer and proxy stand in a row
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'client', id: 'fe', label: 'Frontend' },
          { kind: 'api', id: 'lb', label: 'Load Balancer' },
          { id: 'nginx', label: 'nginx' },
          { kind: 'api', id: 'app', label: 'NestJS App' },
          { kind: 'database', id: 'mongo', label: 'MongoDB' },
          { kind: 'queue', id: 'rmq', label: 'RabbitMQ' },
          { kind: 'database', id: 'redis', label: 'Redis' },
        ],
        connections: [
          { from: 'fe', to: 'lb', direction: 'both' },
          { from: 'lb', to: 'nginx', direction: 'both' },
          { from: 'app', to: 'lb' },
          { from: 'app', to: 'mongo', direction: 'both' },
          { from: 'app', to: 'rmq', direction: 'both' },
          { from: 'app', to: 'redis', direction: 'both' },
        ],
      }),
    );
    const app = box(scene, 'app');
    for (const id of ['mongo', 'rmq', 'redis']) expect(box(scene, id).y).toBeGreaterThan(app.y);
    expect(box(scene, 'fe').y).toBe(box(scene, 'lb').y);
    expect(box(scene, 'nginx').y).toBe(box(scene, 'lb').y);
  });
});

describe('a fan out of a container', () => {
  it('keeps its targets in model order whatever the lines are called', () => {
    // a video platform: the API server in its gateway layer fans out to four services in the
    // layer below, with Auth beside it; the lines' ids sort the other way round
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'gwl',
            label: 'API GATEWAY LAYER',
            children: [
              { kind: 'api', id: 'api', label: 'API Server' },
              { id: 'auth', label: 'Auth' },
            ],
          },
          {
            id: 'ms',
            label: 'MICROSERVICES LAYER',
            children: [
              { id: 'up', label: 'Upload' },
              { id: 'tc', label: 'Transcode' },
              { id: 'st', label: 'Stream' },
              { id: 'au', label: 'Audio' },
            ],
          },
        ],
        connections: [
          { id: 'z', from: 'api', to: 'auth', direction: 'none' },
          { id: 'd', from: 'api', to: 'up' },
          { id: 'c', from: 'api', to: 'tc' },
          { id: 'b', from: 'api', to: 'st' },
          { id: 'a', from: 'api', to: 'au' },
        ],
      }),
    );
    const xs = ['up', 'tc', 'st', 'au'].map((id) => box(scene, id).x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // one line leaves the gateway layer, under Auth's rank, and branches in the layer below
    const gwl = box(scene, 'gwl');
    const bottom = gwl.y + gwl.height - 1;
    const crossing = new Set<number>();
    for (const c of scene.connectors) {
      const points = c.points;
      for (let i = 0; i + 1 < points.length; i++) {
        const [p, q] = [
          points[i] as { x: number; y: number },
          points[i + 1] as { x: number; y: number },
        ];
        if (p.x === q.x && Math.min(p.y, q.y) < bottom && Math.max(p.y, q.y) > bottom)
          crossing.add(p.x);
      }
    }
    expect(crossing.size).toBe(1);
  });
});

describe('steps between boxes that lead to the same boxes', () => {
  it('set a chain whose boxes all write to the same two side by side, over them', () => {
    // a hand-drawn agent loop: planner, builder and reviewer in a row, each writing to the
    // board and the repository below
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'smith', label: 'forge-smith' },
          { id: 'worker', label: 'worker' },
          { id: 'reviewer', label: 'reviewer' },
          { id: 'kanban', label: 'Kaneo Kanban' },
          { id: 'repo', label: 'GitHub repo' },
        ],
        connections: [
          { from: 'smith', to: 'worker' },
          { from: 'worker', to: 'reviewer' },
          ...['smith', 'worker', 'reviewer'].flatMap((from) => [
            { from, to: 'kanban' },
            { from, to: 'repo' },
          ]),
        ],
      }),
    );
    const row = ['smith', 'worker', 'reviewer'].map((id) => box(scene, id));
    for (const b of row) expect(b.y).toBe(row[0]?.y);
    expect(row.map((b) => b.x)).toEqual(row.map((b) => b.x).sort((a, b) => a - b));
    expect(box(scene, 'kanban').y).toBeGreaterThan((row[0]?.y ?? 0) + 2);
    expect(box(scene, 'repo').y).toBe(box(scene, 'kanban').y);
  });

  it('keep a triangle with one shared target in a column', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'app', label: 'App' },
          { id: 'cache', label: 'Cache' },
          { id: 'db', label: 'DB' },
        ],
        connections: [
          { from: 'app', to: 'cache' },
          { from: 'app', to: 'db' },
          { from: 'cache', to: 'db' },
        ],
      }),
    );
    expect(box(scene, 'cache').y).toBeGreaterThan(box(scene, 'app').y);
  });
});

describe('state machines', () => {
  const cells = (scene: Scene): Set<string> => {
    const out = new Set<string>();
    for (const c of scene.connectors) {
      c.points.forEach((q, k) => {
        const p = c.points[k - 1] ?? q;
        const [dx, dy] = [Math.sign(q.x - p.x), Math.sign(q.y - p.y)];
        for (let x = p.x, y = p.y; ; x += dx, y += dy) {
          out.add(`${x},${y}`);
          if (x === q.x && y === q.y) break;
        }
      });
    }
    return out;
  };

  it('keep two services that each talk both ways to one store side by side above it', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'client', label: 'Client' },
          { id: 'gw', label: 'API Gateway' },
          { id: 's1', label: 'Service 1' },
          { id: 's2', label: 'Service 2' },
          { id: 'db', label: 'Database' },
        ],
        connections: [
          { from: 'client', to: 'gw' },
          { from: 'gw', to: 's1' },
          { from: 'gw', to: 's2' },
          { from: 's1', to: 'db' },
          { from: 's2', to: 'db' },
          { from: 'db', to: 's1' },
          { from: 'db', to: 's2' },
        ],
      }),
    );
    const [s1, s2, db] = [box(scene, 's1'), box(scene, 's2'), box(scene, 'db')];
    expect(s1.y).toBe(s2.y);
    expect(s1.y + s1.height).toBeLessThan(db.y);
  });

  it('keep a cycle in model order: no state is a step beside another', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'closed', label: 'CLOSED' },
          { id: 'open', label: 'OPEN' },
          { id: 'half', label: 'HALF_OPEN' },
        ],
        connections: [
          { from: 'closed', to: 'open', note: 'failures >= threshold' },
          { from: 'open', to: 'half', note: 'timeout elapsed' },
          { from: 'half', to: 'closed', note: 'probe succeeds' },
          { from: 'half', to: 'open', note: 'probe fails' },
        ],
      }),
    );
    const [closed, open, half] = ['closed', 'open', 'half'].map((id) => box(scene, id).y);
    expect(closed).toBeLessThan(open as number);
    expect(open).toBeLessThan(half as number);
  });

  it('never run a line right beside a note', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: ['pending', 'running', 'completed', 'failed', 'dead'].map((id) => ({
          id,
          label: id,
        })),
        connections: [
          { from: 'pending', to: 'running', note: 'claim' },
          { from: 'running', to: 'completed', note: 'ack' },
          { from: 'running', to: 'failed', note: 'fail' },
          { from: 'failed', to: 'pending', note: 'retry (backoff)' },
          { from: 'failed', to: 'dead', note: 'max attempts' },
          { from: 'running', to: 'pending', note: 'lease expired' },
        ],
      }),
    );
    const taken = cells(scene);
    const notes = scene.texts.filter((t) => t.role === 'note');
    expect(notes).toHaveLength(6);
    for (const note of notes) {
      expect(taken.has(`${note.x - 1},${note.y}`), note.text).toBe(false);
      expect(taken.has(`${note.x + note.width},${note.y}`), note.text).toBe(false);
    }
  });
});

describe('lines between members of containers side by side', () => {
  it('run across when one box feeds the containers, keeping them in model order', () => {
    // repmgr's three nodes behind one balancer, the primary streaming WAL to both standbys
    const node = (n: number) => ({
      id: `n${n}`,
      label: `Node ${n}`,
      children: [
        { kind: 'daemon' as const, id: `r${n}`, label: 'repmgrd' },
        { kind: 'database' as const, id: `pg${n}`, label: 'PostgreSQL' },
      ],
    });
    const scene = modelToScene(
      parseDiagram({
        nodes: [{ kind: 'api', id: 'lb', label: 'Load Balancer' }, node(1), node(2), node(3)],
        connections: [
          { from: 'lb', to: 'n1' },
          { from: 'lb', to: 'n2' },
          { from: 'lb', to: 'n3' },
          { from: 'r1', to: 'pg1' },
          { from: 'r2', to: 'pg2' },
          { from: 'r3', to: 'pg3' },
          { from: 'pg1', to: 'pg2', note: 'WAL Streaming' },
          { from: 'pg1', to: 'pg3' },
        ],
      }),
    );
    const [n1, n2, n3] = ['n1', 'n2', 'n3'].map((id) => box(scene, id)) as [
      SceneBox,
      SceneBox,
      SceneBox,
    ];
    expect(n1.x).toBeLessThan(n2.x);
    expect(n2.x).toBeLessThan(n3.x);
    expect(n2.y).toBe(n1.y);
    expect(n3.y).toBe(n1.y);
    expect(box(scene, 'pg2').y).toBe(box(scene, 'pg1').y);
    expect(box(scene, 'pg3').y).toBe(box(scene, 'pg1').y);
    const wal = scene.connectors.find((c) => c.id === 'pg1->pg2');
    expect(wal?.points).toHaveLength(2);
  });
});

describe('a bus between two rows', () => {
  it('runs a line straight through it where a target sits a cell off its source', () => {
    // Spring Cloud services each registering, fetching config and tracing: one bus from the
    // three services to the three servers; Payment sits right over the registry
    const services = ['order', 'payment', 'product'];
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'api', id: 'gw', label: 'Cloud Gateway' },
          { id: 'order', label: 'Order Service\n:8082' },
          { id: 'payment', label: 'Payment Service' },
          { id: 'product', label: 'Product Service' },
          { id: 'config', label: 'Config Server' },
          { id: 'registry', label: 'Service Registry' },
          { id: 'zipkin', label: 'Zipkin' },
        ],
        connections: [
          ...services.map((to) => ({ from: 'gw', to })),
          ...services.flatMap((from) =>
            ['config', 'registry', 'zipkin'].map((to) => ({ from, to })),
          ),
        ],
      }),
    );
    const line = scene.connectors.find((c) => c.id === 'payment->registry');
    expect(line?.points).toHaveLength(2);
  });

  it('carries the note every line into a target shares, once on its branch', () => {
    // two web servers each checking the cache and querying the database
    const model = (cacheNote: string) =>
      parseDiagram({
        flow: 'right',
        nodes: [
          { id: 'lb', label: 'Load Balancer' },
          { kind: 'api', id: 'ws1', label: 'Web Server 1' },
          { kind: 'api', id: 'ws2', label: 'Web Server 2' },
          { kind: 'database', id: 'c', label: 'Cache' },
          { kind: 'database', id: 'db', label: 'Database' },
        ],
        connections: [
          { from: 'lb', to: 'ws1' },
          { from: 'lb', to: 'ws2' },
          { from: 'ws1', to: 'c', note: 'Check cache' },
          { from: 'ws2', to: 'c', note: cacheNote },
          { from: 'ws1', to: 'db', note: 'Query' },
          { from: 'ws2', to: 'db', note: 'Query' },
        ],
      });
    const notes = (scene: Scene) =>
      scene.texts
        .filter((t) => t.role === 'note')
        .map((t) => t.text)
        .sort();
    const ends = (scene: Scene, to: string) =>
      new Set(
        scene.connectors
          .filter((c) => c.to === to)
          .map((c) => JSON.stringify(c.points[c.points.length - 1])),
      ).size;
    const bus = modelToScene(model('Check cache'));
    expect(notes(bus)).toEqual(['Check cache', 'Query']);
    expect([ends(bus, 'c'), ends(bus, 'db')]).toEqual([1, 1]);
    // lines into one target that say different things keep their own notes, and their own lines
    const apart = modelToScene(model('Read'));
    expect(notes(apart)).toEqual(['Check cache', 'Query', 'Query', 'Read']);
  });
});

describe('lines there and back', () => {
  it('keep each pair side by side when a box has pairs with two others, never crossing trunks', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'client', id: 'c', label: 'Browser' },
          { kind: 'api', id: 'api', label: 'API' },
          { kind: 'database', id: 'db', label: 'Postgres' },
          { kind: 'database', id: 'cache', label: 'Redis' },
        ],
        connections: [
          { from: 'c', to: 'api', note: 'request' },
          { from: 'api', to: 'c', note: 'response', style: 'dashed' },
          { from: 'api', to: 'db', note: 'query' },
          { from: 'db', to: 'api', note: 'rows', style: 'dashed' },
          { from: 'api', to: 'cache', note: 'get' },
          { from: 'cache', to: 'api', note: 'miss', style: 'dashed' },
        ],
      }),
    );
    const at = (id: string, end: 'first' | 'last'): number => {
      const points = scene.connectors.find((c) => c.id === id)?.points ?? [];
      return (end === 'first' ? points[0] : points.at(-1))?.x ?? Number.NaN;
    };
    const onApi = [
      at('api->db', 'first'),
      at('db->api', 'last'),
      at('api->cache', 'first'),
      at('cache->api', 'last'),
    ];
    expect(onApi).toEqual([...onApi].sort((a, b) => a - b));
    expect(new Set(onApi).size).toBe(4);
  });
});

describe('containers stacked against a line through one of them', () => {
  it('keeps the ranks acyclic when stacking would turn lines against a container line', () => {
    // found by the property test: a host joined whole to another (n7 to n0) while a box of
    // n0 reaches into n7 and back; stacking the two turned the way back against n7 → n0
    const input = {
      direction: 'auto',
      flow: 'down',
      nodes: [
        {
          kind: 'host',
          label: '客户端 (终端)',
          direction: 'auto',
          children: [
            { kind: 'client', label: '客户端 (终端)', id: 'n1' },
            { kind: 'client', label: '客户端 (终端)', id: 'n2' },
            { kind: 'client', label: '客户端 (终端)', id: 'n3' },
            {
              kind: 'host',
              label: '0',
              direction: 'auto',
              children: [{ kind: 'client', label: '客户端 (终端)', id: 'n5' }],
              id: 'n4',
            },
          ],
          id: 'n0',
        },
        { kind: 'client', label: '客户端 (终端)', id: 'n6' },
        {
          kind: 'host',
          label: '-',
          direction: 'auto',
          children: [
            {
              kind: 'group',
              label: '0',
              direction: 'auto',
              children: [
                { kind: 'client', label: '客户端 (终端)', id: 'n9' },
                { kind: 'client', label: '客户端 (终端)', id: 'n10' },
              ],
              id: 'n8',
            },
          ],
          id: 'n7',
        },
        { kind: 'client', label: '(', id: 'n11' },
      ],
      connections: [
        { from: 'n7', to: 'n0', direction: 'none', style: 'solid' },
        { from: 'n1', to: 'n9', direction: 'none', style: 'solid' },
        { from: 'n9', to: 'n2', direction: 'none', style: 'solid' },
      ],
      annotations: [],
    };
    const scene = modelToScene(parseDiagram(input as DiagramInput));
    expect(scene.connectors.map((c) => c.id).sort()).toEqual(['n1->n9', 'n7->n0', 'n9->n2']);
  });
});

describe('two boxes joined both ways', () => {
  it('come in the order the model lists them, whatever the lines are called', () => {
    // ids sort the lines from the source to `alpha` first: the model's order must still win
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'client', id: 'src', label: 'Browser' },
          { id: 'zeta', label: 'frontend' },
          { id: 'alpha', label: 'backend' },
        ],
        connections: [
          { from: 'src', to: 'zeta' },
          { from: 'src', to: 'alpha' },
          { from: 'zeta', to: 'alpha' },
          { from: 'alpha', to: 'zeta' },
        ],
      }),
    );
    expect(box(scene, 'zeta').y).toBeLessThan(box(scene, 'alpha').y);
  });
});

describe('notes of lines into a container', () => {
  const compose = () =>
    modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'client', id: 'browser', label: 'Browser' },
          {
            kind: 'host',
            id: 'dc',
            label: 'docker-compose',
            children: [
              { id: 'fe', label: 'frontend\nlocal port: 80\npublic port: 4201' },
              { kind: 'api', id: 'be', label: 'backend\nlocal port: 8888\npublic port: 8889' },
              { kind: 'database', id: 'db', label: 'mariadb' },
            ],
          },
        ],
        connections: [
          { from: 'browser', to: 'fe', note: '(web) http://localhost:4201/...' },
          { from: 'browser', to: 'be', note: '(REST) http://localhost:8889/...' },
          { from: 'fe', to: 'be', note: 'backend:8888' },
          { from: 'be', to: 'fe', note: 'frontend:80' },
          { from: 'be', to: 'db', note: 'mariadb:3306' },
        ],
      }),
    );
  const note = (scene: Scene, owner: string) => {
    const text = scene.texts.find((t) => t.owner === owner && t.role === 'note');
    if (!text) throw new Error(`no note for ${owner}`);
    return text;
  };

  it('widen only the containers holding both ends of their line', () => {
    const scene = compose();
    const web = note(scene, 'browser->fe');
    const host = box(scene, 'dc');
    // the note sits over the container, beside the line crossing its border
    expect(web.y).toBeLessThan(host.y);
    expect(web.x + web.width).toBeGreaterThan(host.x + host.width + 4);
  });

  it('go beside the other end of a line hemmed in by two others, not into more room', () => {
    const scene = compose();
    const up = note(scene, 'be->fe');
    const fe = box(scene, 'fe');
    // the line up between the line from outside and the line down has its note under the
    // box it reaches, and the picture keeps its usual gaps: the frontend two rows into the host
    expect(up.y).toBe(fe.y + fe.height);
    expect(fe.y - box(scene, 'dc').y).toBeLessThanOrEqual(4);
    // and it reads as its own line's: nearer to it than to the line from outside beside it
    const column = (id: string): number => {
      const points = scene.connectors.find((c) => c.id === id)?.points ?? [];
      const run = points.findIndex(
        (p, i) =>
          points[i + 1]?.x === p.x &&
          Math.min(p.y, points[i + 1]?.y ?? p.y) <= up.y &&
          Math.max(p.y, points[i + 1]?.y ?? p.y) >= up.y,
      );
      return points[run]?.x ?? Number.NaN;
    };
    const own = column('be->fe') - (up.x + up.width);
    const other = up.x - column('browser->be') - 1;
    expect(own).toBeLessThan(other);
  });
});

describe('containers whose members one box feeds', () => {
  it('stand side by side, a line between their members running straight across', () => {
    // a balancer to the first box of each of two app servers, the primary replicating to
    // the replica in the other server
    const server = (n: number) => ({
      kind: 'host' as const,
      id: `server${n}`,
      label: `App Server ${n}`,
      children: [
        { kind: 'api' as const, id: `web${n}`, label: 'Nginx' },
        { kind: 'database' as const, id: `db${n}`, label: n === 1 ? 'Primary' : 'Replica' },
      ],
    });
    const scene = modelToScene(
      parseDiagram({
        nodes: [{ kind: 'api', id: 'lb', label: 'Load balancer' }, server(1), server(2)],
        connections: [
          { from: 'lb', to: 'web1' },
          { from: 'lb', to: 'web2' },
          { from: 'web1', to: 'db1' },
          { from: 'web2', to: 'db2' },
          { from: 'db1', to: 'db2', note: 'replication' },
        ],
      }),
    );
    expect(box(scene, 'db1').y).toBe(box(scene, 'db2').y);
    expect(box(scene, 'server1').y).toBe(box(scene, 'server2').y);
    expect(bends(scene, 'db1->db2')).toBe(0);
  });
});

describe('lines beside a heading', () => {
  const ruleRows = (scene: Scene): Set<number> => new Set(scene.dividers.map((d) => d.y));
  const rows = (scene: Scene, id: string): number[] =>
    (scene.connectors.find((c) => c.id === id)?.points ?? []).map((p) => p.y);

  it('never meet a box where the rule under its heading meets its side', () => {
    const boxes = [
      { id: 'pi', label: 'raspberry pi\n---\n$ ssh -R22:localhost:22 remotemoe' },
      { kind: 'api' as const, id: 'moe', label: 'remotemoe\n---\nmaps services to tunnels' },
    ];
    // side by side (a line both ways between peers), and along a flow to the right
    const peers = modelToScene(
      parseDiagram({
        nodes: boxes,
        connections: [{ from: 'pi', to: 'moe', direction: 'both', note: 'ssh tunnel' }],
      }),
    );
    const right = modelToScene(
      parseDiagram({ flow: 'right', nodes: boxes, connections: [{ from: 'pi', to: 'moe' }] }),
    );
    for (const scene of [peers, right]) {
      const ruled = ruleRows(scene);
      expect(ruled.size).toBeGreaterThan(0);
      expect(rows(scene, 'pi->moe').some((y) => ruled.has(y))).toBe(false);
    }
  });
});

describe('sibling containers joined both ways', () => {
  it('stack when one ends on the same rank as the other', () => {
    // the load balancer feeds the tasks, one task reaches back to the NAT gateway beside it:
    // the public subnet goes wholly above the private one, as AWS drawings have it
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'vpc',
            label: 'VPC',
            children: [
              {
                id: 'pub',
                label: 'Public Subnet',
                children: [
                  { kind: 'api', id: 'alb', label: 'Load Balancer' },
                  { id: 'nat', label: 'NAT Gateway' },
                ],
              },
              {
                id: 'priv',
                label: 'Private Subnet',
                children: [
                  { kind: 'daemon', id: 'task', label: 'Task' },
                  { kind: 'database', id: 'db', label: 'RDS' },
                ],
              },
            ],
          },
        ],
        connections: [
          { from: 'alb', to: 'task' },
          { from: 'task', to: 'db' },
          { from: 'task', to: 'nat', style: 'dashed', note: 'egress' },
        ],
      }),
    );
    const [pub, priv] = [box(scene, 'pub'), box(scene, 'priv')];
    expect(pub.y + pub.height).toBeLessThanOrEqual(priv.y);
  });
});

describe('boxes with no line', () => {
  /** A load balancer before a CDN and a private network, three services into one database. */
  const privateNetwork = () =>
    modelToScene(
      parseDiagram({
        nodes: [
          { id: 'lb', label: 'Cloud Load Balancer' },
          { id: 'cdn', label: 'CDN / Bucket' },
          {
            id: 'net',
            label: 'Private Network',
            children: [
              { kind: 'api', id: 'kong', label: 'Kong Gateway' },
              { id: 'next', label: 'Next.js Frontend' },
              { id: 'auth', label: 'Auth\nService' },
              { id: 'offers', label: 'Offers\nService' },
              { id: 'bff', label: 'BFF' },
              {
                kind: 'database',
                id: 'pg',
                label: 'Managed PostgreSQL\n• Private IP • Per-service DBs',
              },
              { kind: 'database', id: 'redis', label: 'Managed Redis' },
              { id: 'secrets', label: 'Secret Manager' },
            ],
          },
        ],
        connections: [
          { from: 'lb', to: 'cdn' },
          { from: 'lb', to: 'kong' },
          { from: 'lb', to: 'next' },
          ...['auth', 'offers', 'bff'].map((to) => ({ from: 'kong', to })),
          ...['auth', 'offers', 'bff'].map((from) => ({ from, to: 'pg' })),
        ],
      }),
    );

  it('stand beside the box written before them, not over the boxes lines come into', () => {
    const scene = privateNetwork();
    expect(box(scene, 'redis').y).toBe(box(scene, 'pg').y);
    expect(box(scene, 'secrets').y).toBe(box(scene, 'pg').y);
    expect(box(scene, 'kong').y).toBeLessThan(box(scene, 'pg').y);
  });

  it('leave a fan into a container in model order: the box written first stays left', () => {
    const scene = privateNetwork();
    const [cdn, net] = [box(scene, 'cdn'), box(scene, 'net')];
    expect(cdn.x + cdn.width).toBeLessThanOrEqual(net.x);
  });

  it('let the middle of three lines into one box leave its box from the middle', () => {
    const scene = privateNetwork();
    const offers = box(scene, 'offers');
    const start = scene.connectors.find((c) => c.id === 'offers->pg')?.points[0];
    expect(Math.abs((start?.x ?? 0) - (offers.x + (offers.width - 1) / 2))).toBeLessThanOrEqual(1);
  });

  it('never stand between the two ends of a line drawn across', () => {
    // repmgr: each node a daemon over PostgreSQL, its metadata written after; the primary
    // streams to the standby beside it
    const node = (n: number) => ({
      id: `n${n}`,
      label: `Node ${n}`,
      children: [
        { kind: 'daemon' as const, id: `r${n}`, label: 'repmgrd' },
        { kind: 'database' as const, id: `pg${n}`, label: 'PostgreSQL' },
        { id: `m${n}`, label: 'repmgr\nmetadata' },
      ],
    });
    const scene = modelToScene(
      parseDiagram({
        nodes: [node(1), node(2)],
        connections: [
          { from: 'r1', to: 'pg1' },
          { from: 'r2', to: 'pg2' },
          { from: 'pg1', to: 'pg2', note: 'WAL Streaming' },
        ],
      }),
    );
    expect(scene.connectors.find((c) => c.id === 'pg1->pg2')?.points).toHaveLength(2);
  });
});

describe('a box joined both ways to one that feeds another', () => {
  it('shares its row, taking what it feeds down along', () => {
    // an API beside its broker, the broker feeding a worker; the API over its database
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'fe', label: 'Frontend' },
          { kind: 'api', id: 'api', label: 'FastAPI' },
          { kind: 'queue', id: 'redis', label: 'Redis Broker' },
          { kind: 'daemon', id: 'celery', label: 'Celery Worker' },
          { kind: 'database', id: 'pg', label: 'PostgreSQL' },
        ],
        connections: [
          { to: 'fe', note: 'Webhook' },
          { from: 'fe', to: 'api' },
          { from: 'api', to: 'redis', direction: 'both' },
          { from: 'redis', to: 'celery', note: 'tasks' },
          { from: 'api', to: 'pg' },
        ],
      }),
    );
    expect(box(scene, 'redis').y).toBe(box(scene, 'api').y);
    expect(scene.connectors.find((c) => c.id === 'api->redis')?.points).toHaveLength(2);
    expect(box(scene, 'celery').y).toBeGreaterThan(box(scene, 'redis').y);
  });
});

describe('boxes joined both ways across two zones', () => {
  it('share a row, their line straight, when one zone can move down as a whole', () => {
    // an agent in the public zone reaches an MCP server in the secure zone through a broker
    // in each, the brokers replicating both ways across the boundary
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'public',
            kind: 'group',
            label: 'Public Zone',
            children: [
              { id: 'agent', kind: 'client', label: 'AI Agent' },
              { id: 'kpub', kind: 'queue', label: 'Kafka\nPublic Broker' },
            ],
          },
          {
            id: 'secure',
            kind: 'group',
            label: 'Secure Zone',
            children: [
              { id: 'mcp', kind: 'api', label: 'MCP Server' },
              { id: 'ksec', kind: 'queue', label: 'Kafka\nSecure Broker' },
            ],
          },
        ],
        connections: [
          { from: 'agent', to: 'kpub', note: 'Encrypted request' },
          { from: 'kpub', to: 'ksec', direction: 'both', note: 'Firewall Rules' },
          { from: 'ksec', to: 'mcp', note: 'Consumer Group' },
        ],
      }),
    );
    expect(scene.connectors.find((c) => c.id === 'kpub->ksec')?.points).toHaveLength(2);
    expect(box(scene, 'ksec').y).toBe(box(scene, 'kpub').y);
  });
});

describe('a row of containers whose boxes have no line', () => {
  it('stack each one’s boxes in a column, their middles lined up', () => {
    // a control plane over three worker nodes, each running kubelet, kube-proxy and pods
    const worker = (n: number) => ({
      id: `w${n}`,
      label: `WORKER NODE ${n}`,
      children: [
        { kind: 'daemon' as const, id: `k${n}`, label: 'kubelet' },
        { id: `p${n}`, label: 'kube-proxy' },
        { id: `pods${n}`, label: 'Pods' },
      ],
    });
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'cp',
            label: 'CONTROL PLANE',
            children: [
              { kind: 'api', id: 'api', label: 'API Server' },
              { kind: 'database', id: 'etcd', label: 'etcd' },
            ],
          },
          worker(1),
          worker(2),
          worker(3),
        ],
        connections: [1, 2, 3].map((n) => ({ from: 'cp', to: `w${n}` })),
      }),
    );
    const middle = (b: SceneBox): number => b.x + b.width / 2;
    for (const n of [1, 2, 3]) {
      const [k, p, pods] = [box(scene, `k${n}`), box(scene, `p${n}`), box(scene, `pods${n}`)];
      expect(k.y + k.height).toBeLessThan(p.y);
      expect(p.y + p.height).toBeLessThan(pods.y);
      expect(Math.abs(middle(pods) - middle(p))).toBeLessThanOrEqual(1);
    }
  });

  it('keep them side by side when two such containers stand together', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'a', label: 'Builtin', children: [{ id: 'tools', label: 'Tools' }] },
          {
            id: 'b',
            label: 'External',
            children: [
              { id: 's1', label: 'Server1' },
              { id: 's2', label: 'Server2' },
            ],
          },
        ],
        connections: [],
      }),
    );
    expect(box(scene, 's1').y).toBe(box(scene, 's2').y);
  });
});

describe('a chain of peers', () => {
  it('moves as one to stand beside the box that feeds it, every link straight', () => {
    // an ML platform: the frontend talks both ways with kafka, kafka with the producers, and
    // feeds prometheus, which talks with grafana, which talks with the alert manager
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'reflex', label: 'Reflex\nFrontend' },
          { id: 'kafka', kind: 'queue', label: 'Kafka' },
          { id: 'producers', label: 'Producers' },
          { id: 'river', label: 'River' },
          { id: 'sklearn', label: 'Sklearn' },
          { id: 'mlflow', label: 'MLflow' },
          { id: 'pg', kind: 'database', label: 'PostgreSQL' },
          { id: 'minio', kind: 'database', label: 'MinIO' },
          { id: 'prom', label: 'Prometheus' },
          { id: 'grafana', label: 'Grafana' },
          { id: 'alert', label: 'Alertmgr' },
        ],
        connections: [
          { from: 'reflex', to: 'kafka', direction: 'both' },
          { from: 'kafka', to: 'producers', direction: 'both' },
          { from: 'reflex', to: 'river' },
          { from: 'sklearn', to: 'river' },
          { from: 'river', to: 'pg' },
          { from: 'sklearn', to: 'pg' },
          { from: 'kafka', to: 'minio' },
          { from: 'mlflow', to: 'pg', direction: 'both' },
          { from: 'reflex', to: 'prom' },
          { from: 'prom', to: 'grafana', direction: 'both' },
          { from: 'grafana', to: 'alert', direction: 'both' },
        ],
      }),
    );
    for (const id of ['reflex->kafka', 'kafka->producers', 'prom->grafana', 'grafana->alert']) {
      expect(scene.connectors.find((c) => c.id === id)?.points, id).toHaveLength(2);
    }
  });
});

describe('a note no place fits', () => {
  it('is wrapped at its spaces and the whole laid out again, where it used to be an error', () => {
    // found by a random-graph fuzz: five boxes in a cycle, one long note among six short
    const input: DiagramInput = {
      nodes: [
        { id: 'n0', kind: 'queue', label: 'Node 0' },
        { id: 'n1', kind: 'client', label: 'Node 1' },
        { id: 'n2', kind: 'database', label: 'Node 2\n(detail)' },
        { id: 'n3', kind: 'user', label: 'Node 3' },
        { id: 'n4', kind: 'box', label: 'Node 4' },
      ],
      connections: [
        { from: 'n0', to: 'n2', note: 'Update status' },
        { from: 'n4', to: 'n1', note: 'cache lookups' },
        { from: 'n3', to: 'n0', note: 'Enqueue Job' },
        { from: 'n1', to: 'n2', note: 'watches API Server for changes' },
        { from: 'n2', to: 'n4', note: 'HTTP' },
        { from: 'n3', to: 'n2', note: 'HTTP' },
        { from: 'n3', to: 'n1', note: 'Enqueue Job' },
      ],
    };
    const lines = modelToScene(parseDiagram(input)).texts.map((t) => t.text);
    expect(lines).toContain('changes');
    expect(lines).not.toContain('watches API Server for changes');
  });
});

describe('two boxes side by side with a line each way between their facing sides', () => {
  it('grow a row for each line, where the single row they had left no room for the second', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'a', label: 'web mongodb' },
          { id: 'b', label: 'web server' },
        ],
        connections: [
          { from: 'b', to: 'a', hints: { fromSide: 'left', toSide: 'right' } },
          { from: 'a', to: 'b', hints: { fromSide: 'right', toSide: 'left' } },
        ],
      }),
    );
    const [a, b] = [box(scene, 'a'), box(scene, 'b')];
    expect(a.x + a.width).toBeLessThan(b.x);
    expect(a.height).toBeGreaterThanOrEqual(4);
    // each line straight across, on a row of its own
    const rows = scene.connectors.map((c) => new Set(c.points.map((p) => p.y)));
    expect(rows.every((r) => r.size === 1)).toBe(true);
    expect(new Set(rows.map((r) => [...r][0])).size).toBe(2);
  });
});

describe('a line across the flow out of a host', () => {
  it('runs straight to a taller box beside the host, the shorter box set where they share a row', () => {
    // a service in a message bus talking both ways to the cache beside the bus (a cylinder,
    // one row taller than the service)
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'api', label: 'API' },
          { kind: 'host', id: 'bus', label: 'Bondy', children: [{ id: 'core', label: 'Core' }] },
          { kind: 'database', id: 'db', label: 'Redis' },
        ],
        connections: [
          { from: 'api', to: 'core' },
          { from: 'core', to: 'db', direction: 'both' },
        ],
      }),
    );
    expect(box(scene, 'core').x).toBeLessThan(box(scene, 'db').x);
    expect(bends(scene, 'core->db')).toBe(0);
  });
});

describe('a caption under a group that lines cross', () => {
  it('takes the room between the lines as placed, not room for any fall of them', () => {
    // availability zones holding a public and a private subnet: the balancer feeds the
    // server below, whose outbound line goes back up to the NAT gateway beside the balancer
    const zone = (n: number) => ({
      kind: 'host' as const,
      id: `az${n}`,
      label: `Availability Zone ${n}`,
      children: [
        {
          kind: 'group' as const,
          id: `pub${n}`,
          label: 'Public subnet',
          children: [
            { id: `alb${n}`, label: 'ALB node' },
            { id: `nat${n}`, label: 'NAT gateway' },
          ],
        },
        {
          kind: 'group' as const,
          id: `priv${n}`,
          label: 'Private subnet',
          children: [{ id: `app${n}`, label: 'App server' }],
        },
      ],
    });
    const scene = modelToScene(
      parseDiagram({
        nodes: [{ id: 'igw', label: 'Internet Gateway' }, zone(1), zone(2)],
        connections: [1, 2].flatMap((n) => [
          { from: 'igw', to: `alb${n}` },
          { from: `alb${n}`, to: `app${n}` },
          { from: `app${n}`, to: `nat${n}` },
        ]),
      }),
    );
    const [alb, nat, az] = [box(scene, 'alb1'), box(scene, 'nat1'), box(scene, 'az1')];
    // the zone is as wide as its row of two boxes and its margins, not three captions wide
    expect(az.width).toBeLessThanOrEqual(nat.x + nat.width - alb.x + 8);
    // and the caption is clear of both lines
    const caption = scene.texts.find((t) => t.owner === 'pub1');
    expect(caption).toBeDefined();
    const y = caption?.y ?? 0;
    const busy = scene.connectors.flatMap((c) =>
      c.points.flatMap((p, k) => {
        const q = c.points[k + 1];
        return q && p.x === q.x && Math.min(p.y, q.y) <= y && Math.max(p.y, q.y) >= y ? [p.x] : [];
      }),
    );
    expect(busy.length).toBeGreaterThanOrEqual(2);
    const x = caption?.x ?? 0;
    expect(busy.every((c) => c < x - 1 || c > x + (caption?.width ?? 0))).toBe(true);
  });
});

describe('containers a box outside their parent feeds', () => {
  it('stand side by side inside it, a line between their members running straight across', () => {
    // a discovery service over the pods of a data plane, each pod's proxy passing to the next
    const pod = (n: number) => ({
      kind: 'host' as const,
      id: `pod${n}`,
      label: `Service ${n} Pod`,
      children: [{ id: `proxy${n}`, label: 'Sidecar Proxy' }],
    });
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'disc', label: 'Service Discovery' },
          { kind: 'host', id: 'plane', label: 'Data Plane', children: [pod(1), pod(2), pod(3)] },
        ],
        connections: [
          ...[1, 2, 3].map((n) => ({ from: 'disc', to: `proxy${n}`, note: 'xDS' })),
          { from: 'proxy1', to: 'proxy2', note: 'mTLS' },
          { from: 'proxy2', to: 'proxy3', note: 'mTLS' },
        ],
      }),
    );
    const [a, b, c] = [box(scene, 'pod1'), box(scene, 'pod2'), box(scene, 'pod3')];
    expect(new Set([a.y, b.y, c.y]).size).toBe(1);
    expect(a.x < b.x && b.x < c.x).toBe(true);
    expect(bends(scene, 'proxy1->proxy2')).toBe(0);
    expect(bends(scene, 'proxy2->proxy3')).toBe(0);
  });
});

describe('a box whose side has no room for its lines', () => {
  it('grows a row for each trunk it sends out, not for each line in them', () => {
    // a scheduler in its own zone, three dashed runs into processing, two solid lines into
    // observability: two trunks leave its right side
    const scene = modelToScene(
      parseDiagram({
        flow: 'right',
        nodes: [
          {
            kind: 'host',
            id: 'orch',
            label: 'Orchestration',
            children: [{ id: 'af', label: 'Airflow DAGs\nschedule, retries, backfills' }],
          },
          {
            kind: 'host',
            id: 'proc',
            label: 'Processing',
            children: [
              { id: 'etl', label: 'Batch ETL' },
              { id: 'dbt', label: 'dbt' },
              { id: 'dq', label: 'Data Quality' },
            ],
          },
          {
            kind: 'host',
            id: 'obs',
            label: 'Observability',
            children: [
              { id: 'logs', label: 'Structured Logs' },
              { id: 'metrics', label: 'Run Metrics' },
            ],
          },
        ],
        connections: [
          ...['etl', 'dbt', 'dq'].map((to) => ({ from: 'af', to, style: 'dashed' as const })),
          { from: 'af', to: 'logs' },
          { from: 'af', to: 'metrics' },
          { from: 'etl', to: 'logs' },
        ],
      }),
    );
    // two label rows, a row for each of the two trunks and one between: no taller
    expect(box(scene, 'af').height).toBeLessThanOrEqual(6);
  });
});
