import { describe, expect, it } from 'vitest';
import { DiagramaError } from '../errors.js';
import { describeDiagram } from '../model/describe.js';
import type { DiagramInput } from '../model/input.js';
import { parseDiagram } from '../model/parse.js';
import type { Scene, SceneBox, SceneText } from '../scene/types.js';
import { modelToScene } from './model-to-scene.js';

// #14: the model for diagrams people draw — groups, title places, borders, shapes, open ends,
// sides, and hints that either work or are errors.

const layOut = (input: DiagramInput): Scene => modelToScene(parseDiagram(input));
const box = (scene: Scene, id: string): SceneBox => {
  const found = scene.boxes.find((b) => b.id === id);
  if (!found) throw new Error(`no box ${id}`);
  return found;
};
const texts = (scene: Scene, owner: string): SceneText[] =>
  scene.texts.filter((t) => t.owner === owner);
const codes = (input: DiagramInput): string[] => {
  try {
    layOut(input);
    return [];
  } catch (error) {
    if (!(error instanceof DiagramaError)) throw error;
    return error.diagnostics.map((d) => d.code);
  }
};

describe('groups', () => {
  const row = (extra: object = {}): DiagramInput => ({
    nodes: [
      {
        kind: 'group',
        id: 'g',
        direction: 'right',
        ...extra,
        children: [
          { kind: 'box', id: 'a', label: 'a' },
          { kind: 'box', id: 'b', label: 'b' },
        ],
      },
    ],
  });

  it('arranges its children without a border and without room for one', () => {
    const scene = layOut(row());
    const g = box(scene, 'g');
    expect(g).toMatchObject({ kind: 'group', border: 'none' });
    expect(box(scene, 'a').x).toBe(g.x);
    expect(box(scene, 'a').y).toBe(g.y);
    expect(box(scene, 'b').x + box(scene, 'b').width).toBe(g.x + g.width);
    expect(scene.height).toBe(box(scene, 'a').height);
  });

  it('puts its title under its children, or in its border when it has one', () => {
    const under = layOut(row({ label: 'Clients' }));
    const g = box(under, 'g');
    expect(texts(under, 'g')).toEqual([
      expect.objectContaining({ role: 'title', text: 'Clients', y: g.y + g.height }),
    ]);
    const bordered = layOut(row({ label: 'Trust boundary', border: 'dashed' }));
    const b = box(bordered, 'g');
    expect(b.border).toBe('dashed');
    expect(texts(bordered, 'g')).toEqual([
      expect.objectContaining({ text: 'Trust boundary', y: b.y, x: b.x + 3, cut: true }),
    ]);
  });

  it('keeps two groups joined both ways in model order, the lines back against the flow', () => {
    for (const flow of ['down', 'right'] as const) {
      const scene = layOut({
        flow,
        nodes: [
          {
            kind: 'group',
            id: 'services',
            children: [
              { kind: 'box', id: 'web', label: 'WEB' },
              { kind: 'box', id: 'php', label: 'PHP' },
              { kind: 'database', id: 'db', label: 'DB' },
            ],
          },
          {
            kind: 'group',
            id: 'volumes',
            children: [
              { kind: 'box', id: 'conf', label: 'nginx.conf' },
              { kind: 'box', id: 'app', label: 'app' },
              { kind: 'box', id: 'data', label: 'data' },
            ],
          },
        ],
        connections: [
          { from: 'conf', to: 'web' },
          { from: 'app', to: 'web' },
          { from: 'app', to: 'php' },
          { from: 'db', to: 'data' },
        ],
      });
      const end = (id: string) =>
        flow === 'down'
          ? box(scene, id).y + box(scene, id).height
          : box(scene, id).x + box(scene, id).width;
      const start = (id: string) => (flow === 'down' ? box(scene, id).y : box(scene, id).x);
      const services = Math.max(...['web', 'php', 'db'].map(end));
      for (const id of ['conf', 'app', 'data']) expect(start(id)).toBeGreaterThan(services);
    }
  });

  it('lets a line from a box something feeds run as it goes between containers joined both ways', () => {
    const server = (x: string) => ({
      kind: 'host' as const,
      id: `server-${x}`,
      label: `Server ${x}`,
      children: [
        { kind: 'box' as const, id: `nginx-${x}`, label: 'nginx' },
        { kind: 'api' as const, id: `app-${x}`, label: 'app' },
        { kind: 'database' as const, id: `db-${x}`, label: 'db' },
      ],
    });
    const scene = layOut({
      nodes: [{ kind: 'box', id: 'lb', label: 'LB' }, server('a'), server('b')],
      connections: [
        { from: 'lb', to: 'nginx-a' },
        { from: 'lb', to: 'nginx-b' },
        { from: 'nginx-a', to: 'app-a' },
        { from: 'nginx-b', to: 'app-b' },
        { from: 'app-a', to: 'db-a' },
        { from: 'app-b', to: 'db-a' },
        { from: 'db-a', to: 'db-b', style: 'dashed' },
      ],
    });
    // server B's app writes to server A's database from above, level with server A's app
    expect(box(scene, 'app-b').y).toBe(box(scene, 'app-a').y);
    expect(box(scene, 'app-b').y).toBeLessThan(box(scene, 'db-a').y);
  });

  it('refuses a line to a group that has no outline', () => {
    expect(
      codes({
        nodes: [
          { kind: 'group', id: 'g', children: [{ kind: 'box', id: 'a', label: 'a' }] },
          { kind: 'box', id: 'b', label: 'b' },
        ],
        connections: [{ from: 'b', to: 'g' }],
      }),
    ).toEqual(['layout/unsupported-connection']);
  });
});

describe('titles and borders', () => {
  const host = (titleAt: string, extra: object = {}): DiagramInput => ({
    nodes: [
      {
        kind: 'host',
        id: 'h',
        label: 'Docker host',
        titleAt,
        ...extra,
        children: [{ kind: 'box', id: 'a', label: 'a' }],
      },
    ] as DiagramInput['nodes'],
  });

  it('writes a border title into the top border, cut out of the line', () => {
    const scene = layOut(host('border'));
    const h = box(scene, 'h');
    expect(texts(scene, 'h')).toEqual([
      expect.objectContaining({ y: h.y, x: h.x + 3, cut: true, align: 'left' }),
    ]);
    expect(scene.dividers).toEqual([]);
  });

  it('puts a caption under the box and nothing for none', () => {
    const below = layOut(host('below'));
    const h = box(below, 'h');
    expect(texts(below, 'h')[0]?.y).toBe(h.y + h.height);
    expect(below.height).toBe(h.height + 1);
    expect(texts(layOut(host('none')), 'h')).toEqual([]);
  });

  it('aligns a band title as labelAlign says', () => {
    const scene = layOut(host('band', { hints: { labelAlign: 'left' } }));
    expect(texts(scene, 'h')[0]).toMatchObject({ x: box(scene, 'h').x + 1, align: 'left' });
  });

  it('widens a container only as much as its band title lacks beside the line crossing it', () => {
    const title = 'FASTAPI API (Webhook Handler)';
    const scene = layOut({
      nodes: [
        { kind: 'client', id: 'c', label: 'CLIENT' },
        {
          kind: 'host',
          id: 'api',
          label: title,
          children: [{ kind: 'box', id: 'verify', label: '1. Verify webhook signature' }],
        },
      ],
      connections: [{ from: 'c', to: 'verify' }],
    });
    const band = texts(scene, 'api')[0] as SceneText;
    const line = scene.connectors[0]?.points ?? [];
    const x = line.find((p) => p.y === band.y)?.x ?? line[0]?.x ?? 0;
    expect(x < band.x - 1 || x > band.x + band.width).toBe(true);
    // the reserve for a title anywhere the line may fall would be two titles wide
    expect(box(scene, 'api').width).toBeLessThan(2 * (title.length + 2));
  });

  it('keeps a line that crosses a border title clear of it', () => {
    const scene = layOut({
      nodes: [
        { kind: 'client', id: 'c', label: 'c' },
        host('border').nodes[0] as DiagramInput['nodes'][number],
      ],
      connections: [{ from: 'c', to: 'a', direction: 'forward' }],
    });
    const title = texts(scene, 'h')[0] as SceneText;
    const crossing = scene.connectors[0]?.points.find((p) => p.y === title.y);
    const x = crossing?.x ?? scene.connectors[0]?.points[0]?.x ?? 0;
    expect(x < title.x - 1 || x > title.x + title.width).toBe(true);
  });

  it('records each box border style in the scene', () => {
    const scene = layOut({
      direction: 'right',
      nodes: ['single', 'double', 'heavy', 'rounded', 'dashed'].map((border) => ({
        kind: 'box' as const,
        id: border,
        label: border,
        border: border as 'single',
      })),
    });
    expect(scene.boxes.map((b) => b.border)).toEqual([
      'single',
      'double',
      'heavy',
      'rounded',
      'dashed',
    ]);
  });
});

describe('a host with nothing in it', () => {
  it('is a box around its title, in the chain of lines like any box', () => {
    const scene = layOut({
      nodes: [
        { kind: 'host', id: 'pc', label: 'Arch Linux host', children: [] },
        { kind: 'box', id: 'node', label: 'Kind node' },
      ],
      connections: [{ from: 'pc', to: 'node', note: 'HTTP' }],
    });
    const pc = box(scene, 'pc');
    expect(pc).toMatchObject({ kind: 'host', height: 3 });
    expect(texts(scene, 'pc')).toEqual([
      expect.objectContaining({ text: 'Arch Linux host', y: pc.y + 1, align: 'center' }),
    ]);
    // straight down to the node under it
    const line = scene.connectors[0];
    expect(line?.points).toHaveLength(2);
    expect(box(scene, 'node').y).toBeGreaterThan(pc.y + pc.height);
  });
});

describe('kinds with shapes', () => {
  it('reserves the cells each drawing takes: a lid, a figure, a pipe end', () => {
    const scene = layOut({
      direction: 'right',
      nodes: [
        { kind: 'box', id: 'plain', label: 'x' },
        { kind: 'database', id: 'db', label: 'x' },
        { kind: 'user', id: 'user', label: 'x' },
        { kind: 'queue', id: 'queue', label: 'x' },
        { kind: 'external', id: 'ext', label: 'x' },
      ],
    });
    const plain = box(scene, 'plain');
    expect(box(scene, 'db').height).toBe(plain.height + 1);
    expect(box(scene, 'user').height).toBe(plain.height + 2);
    expect(box(scene, 'queue').width).toBe(plain.width + 2);
    expect(box(scene, 'db').border).toBe('rounded');
    expect(box(scene, 'ext').border).toBe('dashed');
    expect(texts(scene, 'db')[0]?.y).toBe(box(scene, 'db').y + 2);
    expect(scene.description).toContain('the database “x”');
    expect(scene.description).toContain('the external system “x”');
  });
});

describe('open-ended connections', () => {
  it('draws a line from outside with its note at the open end', () => {
    const scene = layOut({
      nodes: [{ kind: 'api', id: 'api', label: 'Gateway' }],
      connections: [{ to: 'api', note: 'HTTPS requests', direction: 'forward' }],
    });
    const connector = scene.connectors[0];
    expect(connector).toMatchObject({ id: '->api', to: 'api', arrowEnd: true });
    const note = texts(scene, '->api')[0] as SceneText;
    expect(note).toMatchObject({ role: 'note', text: 'HTTPS requests', y: 0 });
    // the line starts at the note's row, right under it, and ends on the gateway's top
    expect(connector?.points[0]).toMatchObject({ y: 0 });
    expect(connector?.points.at(-1)?.y).toBe(box(scene, 'api').y);
    expect(scene.description).toContain('Something outside talks to “Gateway”: HTTPS requests.');
  });

  it('brings a line from outside into a box inside containers across their borders', () => {
    // a scheduled DAG inside Airflow, triggered daily: the trigger comes from outside Airflow
    const scene = layOut({
      nodes: [
        {
          kind: 'host',
          id: 'airflow',
          label: 'Airflow (scheduled)',
          children: [
            {
              kind: 'host',
              id: 'dags',
              label: 'DAGs',
              children: [{ kind: 'box', id: 'ingest', label: 'data_ingestion_dag' }],
            },
          ],
        },
      ],
      connections: [{ to: 'ingest', note: 'daily 02:00' }],
    });
    const airflow = box(scene, 'airflow');
    const note = texts(scene, '->ingest')[0] as SceneText;
    expect(note.y).toBeLessThan(airflow.y);
    const points = scene.connectors[0]?.points ?? [];
    expect(points[0]?.y).toBeLessThan(airflow.y);
    expect(points.at(-1)?.y).toBe(box(scene, 'ingest').y);
    // a host arranged by hand keeps its open ends inside, where its order puts them
    const arranged = layOut({
      nodes: [
        {
          kind: 'host',
          id: 'h',
          label: 'Host',
          direction: 'down',
          children: [{ kind: 'box', id: 'a', label: 'a' }],
        },
      ],
      connections: [{ to: 'a', note: 'in' }],
    });
    expect((texts(arranged, '->a')[0] as SceneText).y).toBeGreaterThan(box(arranged, 'h').y);
  });

  it('draws a line out of the diagram, in every arrangement', () => {
    for (const direction of ['down', 'right', 'auto'] as const) {
      const scene = layOut({
        direction,
        nodes: [
          { kind: 'daemon', id: 'w', label: 'Worker' },
          { kind: 'box', id: 'x', label: 'x' },
        ],
        connections: [{ from: 'w', note: 'metrics', direction: 'forward' }],
      });
      expect(scene.connectors.map((c) => c.from)).toEqual(['w']);
      expect(texts(scene, 'w->')[0]?.text).toBe('metrics');
    }
  });

  it('keeps a line to its open end straight, moving the node rather than bending it', () => {
    const scene = layOut({
      nodes: [
        { kind: 'box', id: 'w', label: 'Celery worker' },
        { kind: 'box', id: 'a', label: 'W1' },
        { kind: 'box', id: 'b', label: 'W2' },
      ],
      connections: [
        { from: 'w', to: 'a' },
        { from: 'w', to: 'b' },
        { from: 'a', note: 'Execute the task' },
        { from: 'b', note: 'Execute the task' },
      ],
    });
    const open = scene.connectors.filter((c) => c.from === 'a' || c.from === 'b');
    expect(open).toHaveLength(2);
    for (const c of open) expect(c.points).toHaveLength(2);
    // each text centred on its line, a cell at least between the two
    const notes = scene.texts.filter((t) => t.role === 'note');
    for (const [i, c] of open.entries()) {
      const t = notes[i] as SceneText;
      expect(Math.abs(t.x + t.width / 2 - (c.points[0]?.x ?? 0))).toBeLessThanOrEqual(1);
    }
    expect((notes[1]?.x ?? 0) - ((notes[0]?.x ?? 0) + (notes[0]?.width ?? 0))).toBeGreaterThan(0);
  });

  it('hangs a pipeline’s open ends across the flow, leaving the flow to the pipeline', () => {
    const stages = ['ui', 'queue', 'sender', 'smtp'];
    const scene = layOut({
      flow: 'right',
      nodes: stages.map((id) => ({ kind: 'box', id, label: id })),
      connections: [
        ...stages.slice(1).map((to, i) => ({ from: stages[i] as string, to })),
        ...stages.map((from) => ({ from, note: `${from}.log` })),
      ],
    });
    // the stages stay on one row, every line between them straight
    const tops = stages.map((id) => box(scene, id).y);
    expect(new Set(tops).size).toBe(1);
    for (const id of stages) {
      const b = box(scene, id);
      const line = scene.connectors.find((c) => c.id === `${id}->`);
      // each log hangs straight down from its stage, the last one too (most of the row does)
      expect(line?.points).toHaveLength(2);
      expect(line?.points[0]).toMatchObject({ y: b.y + b.height - 1 });
      const note = texts(scene, `${id}->`)[0] as SceneText;
      expect(note.y).toBeGreaterThan(b.y + b.height);
    }
    // a sink's own line out, with nothing else leaving it, keeps to the flow
    const alone = layOut({
      flow: 'right',
      nodes: [
        { kind: 'box', id: 'a', label: 'a' },
        { kind: 'box', id: 'b', label: 'b' },
      ],
      connections: [
        { from: 'a', to: 'b' },
        { from: 'b', note: 'out' },
      ],
    });
    const out = alone.connectors.find((c) => c.id === 'b->');
    expect(out?.points.map((p) => p.y)).toEqual([out?.points[0]?.y, out?.points[0]?.y]);
  });

  it('brings a line from outside across when other lines already reach the node', () => {
    const scene = layOut({
      nodes: [
        { kind: 'client', id: 'c', label: 'Client' },
        { kind: 'api', id: 'api', label: 'API' },
      ],
      connections: [
        { from: 'c', to: 'api' },
        { to: 'api', note: 'cron' },
      ],
    });
    const line = scene.connectors.find((c) => c.id === '->api');
    const api = box(scene, 'api');
    expect(line?.points.at(-1)).toMatchObject({ x: api.x });
    expect(line?.points.every((p) => p.y === line.points[0]?.y)).toBe(true);
  });

  it('chooses the same side for an open end whatever the order of the connections', () => {
    // found by the property test: two opposite lines and a line from outside into one end
    const connections = [
      { from: 'n2', to: 'n1', direction: 'none' as const },
      { to: 'n1', direction: 'none' as const, note: 'cron' },
      { from: 'n1', to: 'n2', direction: 'none' as const },
    ];
    const scene = (order: typeof connections) => {
      const { description: _, ...geometry } = layOut({
        nodes: [
          {
            kind: 'host',
            id: 'n0',
            label: 'host',
            children: [
              { kind: 'client', id: 'n1', label: '0' },
              { kind: 'client', id: 'n2', label: '(' },
            ],
          },
        ],
        connections: order,
      });
      return geometry;
    };
    expect(scene([...connections].reverse())).toEqual(scene(connections));
  });

  it('says when the open end has no room (a layer inside its stack)', () => {
    expect(
      codes({
        nodes: [{ kind: 'stack', id: 's', label: 's', layers: [{ id: 'l', label: 'l' }] }],
        connections: [{ from: 'l' }],
      }),
    ).toEqual(['layout/unsupported-connection']);
  });

  it('is refused without either end', () => {
    expect(() =>
      parseDiagram({ nodes: [{ kind: 'box', label: 'a' }], connections: [{ note: 'x' }] }),
    ).toThrowError(/missing `from` or `to`/);
  });
});

describe('a container wider than what it holds', () => {
  it.each(['band', 'border'] as const)('centres its content under a long title (%s)', (titleAt) => {
    const scene = layOut({
      nodes: [
        {
          kind: 'host',
          id: 'h',
          label: 'A very long container title here',
          titleAt,
          children: [
            { kind: 'box', id: 'a', label: 'A' },
            { kind: 'box', id: 'b', label: 'B' },
          ],
        },
      ],
      connections: [{ from: 'a', to: 'b' }],
    });
    const h = box(scene, 'h');
    const a = box(scene, 'a');
    const left = a.x - h.x;
    const right = h.x + h.width - (a.x + a.width);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
  });
});

describe('a heading over a rule', () => {
  const ruled = (hints: object = {}): DiagramInput => ({
    nodes: [{ kind: 'box', id: 'b', label: 'Step 1: Build\n---\n- compile\n\n- test it', hints }],
  });

  it('draws the rule across the box and sets the text under it left', () => {
    const scene = layOut(ruled());
    const b = box(scene, 'b');
    expect(scene.dividers).toEqual([{ id: 'b#rule1', box: 'b', y: b.y + 2 }]);
    const lines = texts(scene, 'b');
    expect(lines.map((t) => t.text)).toEqual(['Step 1: Build', '- compile', '- test it']);
    // the heading centred; the text under it from the left padding, the blank line kept
    expect(lines.map((t) => t.align)).toEqual(['center', 'left', 'left']);
    expect(lines[1]?.x).toBe(b.x + 3);
    expect(lines.map((t) => t.y - b.y)).toEqual([1, 3, 5]);
    // the rule takes a row and no width: the box is as wide as its widest text
    expect(b.width).toBe('Step 1: Build'.length + 6);
  });

  it('lines everything up as the labelAlign hint asks', () => {
    const lines = texts(layOut(ruled({ labelAlign: 'right' })), 'b');
    expect(lines.map((t) => t.align)).toEqual(['right', 'right', 'right']);
  });

  it('reads a rule as a dash in the text description', () => {
    expect(describeDiagram(parseDiagram(ruled()))).toContain(
      '“Step 1: Build — - compile - test it”',
    );
  });
});

describe('a list in a label', () => {
  const listed = (label: string, hints: object = {}): DiagramInput => ({
    nodes: [{ kind: 'box', id: 'b', label, hints }],
  });

  it('sets two or more bulleted lines left, under a centred heading', () => {
    const scene = layOut(listed('API Server\n(Hono/Bun)\n- Webhooks\n- Auth\n└─ REST API'));
    const b = box(scene, 'b');
    const lines = texts(scene, 'b');
    expect(lines.map((t) => t.align)).toEqual(['center', 'center', 'left', 'left', 'left']);
    expect(new Set(lines.slice(2).map((t) => t.x))).toEqual(new Set([b.x + 3]));
  });

  it('leaves a single bulleted line centred, and follows the labelAlign hint', () => {
    expect(texts(layOut(listed('Backend\n- FastAPI')), 'b').map((t) => t.align)).toEqual([
      'center',
      'center',
    ]);
    const hinted = texts(layOut(listed('Backend\n• one\n• two', { labelAlign: 'center' })), 'b');
    expect(hinted.map((t) => t.align)).toEqual(['center', 'center', 'center']);
  });

  it('reads numbered lines as a list, and an indented label as set out by hand', () => {
    const numbered = texts(layOut(listed('Handler\n1. Verify signature\n2) Parse payload')), 'b');
    expect(numbered.map((t) => t.align)).toEqual(['center', 'left', 'left']);
    const code = layOut(listed('queue.enqueue(\n  "worker.job",\n  timeout="10m"\n)'));
    const lines = texts(code, 'b');
    expect(lines.map((t) => t.align)).toEqual(['left', 'left', 'left', 'left']);
    // one left edge: the indents are the label's own spaces
    expect(new Set(lines.map((t) => t.x)).size).toBe(1);
    // a label with a rule keeps its heading centred, indents or not
    const ruled = texts(layOut(listed('Loop\n---\nwhile True:\n  work()')), 'b');
    expect(ruled.map((t) => t.align)).toEqual(['center', 'left', 'left']);
  });
});

describe('sides asked for', () => {
  it('leaves and enters on the sides the hints name', () => {
    const scene = layOut({
      nodes: [
        { kind: 'api', id: 'api', label: 'API' },
        { kind: 'database', id: 'cache', label: 'Cache' },
      ],
      connections: [{ from: 'api', to: 'cache', hints: { fromSide: 'right', toSide: 'left' } }],
    });
    const api = box(scene, 'api');
    const cache = box(scene, 'cache');
    const points = scene.connectors[0]?.points ?? [];
    expect(points[0]?.x).toBe(api.x + api.width - 1);
    expect(points.at(-1)?.x).toBe(cache.x);
    // side by side, not one under the other
    expect(cache.x).toBeGreaterThan(api.x + api.width);
  });

  it('takes a straight link in a column only when it honours them', () => {
    const scene = layOut({
      direction: 'down',
      nodes: [
        { kind: 'box', id: 'a', label: 'a' },
        { kind: 'box', id: 'b', label: 'b' },
      ],
      connections: [{ from: 'a', to: 'b', hints: { fromSide: 'left', toSide: 'left' } }],
    });
    const points = scene.connectors[0]?.points ?? [];
    expect(points[0]?.x).toBe(box(scene, 'a').x);
    expect(points.at(-1)?.x).toBe(box(scene, 'b').x);
  });

  // a hand-drawn ITSM stack: services over a data network, and a cron worker drawn under the
  // network with its arrow pointing up
  const under = (hints: object, target = 'db'): DiagramInput => ({
    nodes: [
      { kind: 'api', id: 'web', label: 'web' },
      {
        kind: 'host',
        id: 'net',
        label: 'data',
        children: [{ kind: 'database', id: 'db', label: 'db' }],
      },
      { kind: 'daemon', id: 'cron', label: 'cron' },
    ],
    connections: [
      { from: 'web', to: 'net' },
      { from: 'cron', to: target, hints },
    ],
  });

  it('puts a source under its target when its line leaves from the top or enters from below', () => {
    for (const [hints, target] of [
      [{ fromSide: 'top' }, 'db'],
      [{ toSide: 'bottom' }, 'db'],
      [{ fromSide: 'top', toSide: 'bottom' }, 'net'],
    ] as const) {
      const scene = layOut(under(hints, target));
      const net = box(scene, 'net');
      const cron = box(scene, 'cron');
      expect(cron.y).toBeGreaterThan(net.y + net.height);
      const points = scene.connectors.find((c) => c.from === 'cron')?.points ?? [];
      expect(points[0]?.y).toBe(cron.y);
      const into = box(scene, target);
      expect(points.at(-1)?.y).toBe(into.y + into.height - 1);
    }
  });

  it('puts a source right of its target in a flow to the right when it leaves from the left', () => {
    const scene = layOut({
      flow: 'right',
      nodes: [
        { kind: 'box', id: 'a', label: 'a' },
        { kind: 'box', id: 'b', label: 'b' },
      ],
      connections: [{ from: 'a', to: 'b', hints: { fromSide: 'left', toSide: 'right' } }],
    });
    expect(box(scene, 'a').x).toBeGreaterThan(box(scene, 'b').x + box(scene, 'b').width);
  });

  it('keeps the flow when sides against it would close a cycle', () => {
    const scene = layOut({
      nodes: [
        { kind: 'box', id: 'a', label: 'a' },
        { kind: 'box', id: 'b', label: 'b' },
      ],
      connections: [
        { from: 'a', to: 'b', note: 'x' },
        { from: 'a', to: 'b', note: 'y', hints: { fromSide: 'top' } },
      ],
    });
    // the first line ranks a over b; the second still leaves a from the top, routed round
    expect(box(scene, 'b').y).toBeGreaterThan(box(scene, 'a').y);
    const second = scene.connectors[1]?.points ?? [];
    expect(second[0]?.y).toBe(box(scene, 'a').y);
  });
});

describe('hints either work or are errors', () => {
  it('refuses noteRow between nodes side by side', () => {
    expect(
      codes({
        direction: 'right',
        nodes: [
          { kind: 'box', id: 'a', label: 'a' },
          { kind: 'box', id: 'b', label: 'b' },
        ],
        connections: [{ from: 'a', to: 'b', note: 'n', hints: { noteRow: 1 } }],
      }),
    ).toEqual(['layout/unsupported-hint']);
  });

  it('refuses padding on a separate stack and width on a joined stack layer', () => {
    const stack = (hints: object, layerHints: object = {}): DiagramInput => ({
      nodes: [
        {
          kind: 'stack',
          id: 's',
          label: 's',
          hints,
          layers: [{ id: 'l', label: 'l', hints: layerHints }],
        },
      ],
    });
    expect(codes(stack({ layout: 'separate', padding: { left: 3 } }))).toEqual([
      'layout/unsupported-hint',
    ]);
    expect(codes(stack({}, { width: 30 }))).toEqual(['layout/unsupported-hint']);
  });

  it('pads a joined stack and lets a layer align its own row', () => {
    const scene = layOut({
      nodes: [
        {
          kind: 'stack',
          id: 's',
          label: 's',
          hints: { padding: { left: 4, right: 4 } },
          layers: [
            { id: 'base', label: 'base' },
            { id: 'top', label: 'top', hints: { labelAlign: 'right' } },
          ],
        },
      ],
    });
    const s = box(scene, 's');
    expect(texts(scene, 'base')[0]?.x).toBe(s.x + 1 + 4);
    const top = texts(scene, 'top')[0] as SceneText;
    expect(top.x + top.width).toBe(s.x + s.width - 1 - 4);
  });

  it('sizes the layers of a separate stack with its width', () => {
    const scene = layOut({
      nodes: [
        {
          kind: 'stack',
          id: 's',
          label: 's',
          hints: { layout: 'separate', width: 30 },
          layers: [
            { id: 'a', label: 'a' },
            { id: 'b', label: 'b', hints: { width: 20 } },
          ],
        },
      ],
    });
    expect(box(scene, 'a').width).toBe(30);
    expect(box(scene, 'b').width).toBe(20);
  });
});

describe('annotations', () => {
  it('keep an annotation under a container under it, a blank column off the line leaving it', () => {
    // a Raspberry Pi host whose line out runs just right of where its note would start
    const scene = layOut({
      nodes: [
        {
          kind: 'host',
          id: 'arch',
          label: 'Arquitectura MQTT',
          children: [
            { id: 's1', label: 'ESP32\nSensor 1' },
            { id: 's2', label: 'ESP32\nSensor 2' },
            {
              kind: 'host',
              id: 'pi',
              label: 'Raspberry Pi',
              children: [
                { kind: 'queue', id: 'broker', label: 'Mosquitto\nBroker' },
                { kind: 'daemon', id: 'gw', label: 'Rust\nGateway\nHandler' },
              ],
            },
            { kind: 'external', id: 'cloud', label: 'Cloud\nService' },
          ],
        },
      ],
      connections: [
        { from: 's1', to: 'broker' },
        { from: 's2', to: 'broker' },
        { from: 'broker', to: 'gw' },
        { from: 'gw', to: 'cloud', note: 'HTTPS' },
      ],
      annotations: [{ node: 'pi', at: 'below', text: 'MQTT Sub\n(localhost)' }],
    });
    const pi = box(scene, 'pi');
    const lines = texts(scene, '(annotation 1)');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.x).toBeGreaterThanOrEqual(pi.x);
      expect(line.x + line.width).toBeLessThanOrEqual(pi.x + pi.width);
      expect(line.y).toBeGreaterThanOrEqual(pi.y + pi.height);
      for (const c of scene.connectors) {
        for (let k = 0; k + 1 < c.points.length; k++) {
          const [a, b] = [c.points[k], c.points[k + 1]];
          if (a === undefined || b === undefined || a.x !== b.x) continue;
          if (line.y < Math.min(a.y, b.y) || line.y > Math.max(a.y, b.y)) continue;
          expect(a.x < line.x - 1 || a.x > line.x + line.width).toBe(true);
        }
      }
    }
  });

  const input: DiagramInput = {
    nodes: [
      { kind: 'api', id: 'api', label: 'API' },
      { kind: 'database', id: 'db', label: 'DB' },
    ],
    connections: [{ from: 'api', to: 'db' }],
    annotations: [
      { text: 'TLS everywhere', at: 'top' },
      { text: 'stateless', node: 'api' },
      { text: 'backed up', node: 'db', at: 'below' },
      { text: 'Figure 1' },
    ],
  };

  it('draws each where the model puts it, and lists it in the description', () => {
    const scene = layOut(input);
    const text = (owner: string) => texts(scene, owner)[0] as SceneText;
    const api = box(scene, 'api');
    const db = box(scene, 'db');
    expect(text('(annotation 1)')).toMatchObject({ role: 'annotation', y: 0 });
    expect(api.y).toBeGreaterThan(0);
    expect(text('(annotation 2)').x).toBeGreaterThan(api.x + api.width);
    expect(text('(annotation 2)').y).toBeGreaterThanOrEqual(api.y);
    expect(text('(annotation 3)').y).toBe(db.y + db.height);
    expect(text('(annotation 4)').y).toBe(scene.height - 1);
    expect(scene.description).toContain('Note beside “API”: stateless.');
    expect(scene.description).toContain('Note: Figure 1.');
  });

  it('goes under a node in a row, where lines leave it on the right', () => {
    const scene = layOut({
      ...input,
      direction: 'right',
      annotations: [{ text: 'x', node: 'api' }],
    });
    const api = box(scene, 'api');
    expect(texts(scene, '(annotation 1)')[0]?.y).toBe(api.y + api.height);
  });

  it('goes under a container laid out with the diagram, lines into it kept straight', () => {
    // an importer keeps the text beside a drawing's boxes as an annotation under its host
    const scene = layOut({
      nodes: [
        { kind: 'client', id: 'browser', label: 'Browser' },
        {
          id: 'host',
          label: 'Host',
          children: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
        },
      ],
      connections: [
        { from: 'browser', to: 'a' },
        { from: 'a', to: 'b' },
      ],
      annotations: [{ text: '← logs every request', node: 'host', at: 'below' }],
    });
    const host = box(scene, 'host');
    const note = texts(scene, '(annotation 1)')[0] as SceneText;
    expect(note).toMatchObject({ role: 'annotation', y: host.y + host.height });
    expect(note.x + note.width).toBeLessThanOrEqual(host.x + host.width);
    expect(scene.connectors.find((c) => c.id === 'browser->a')?.points).toHaveLength(2);
  });

  it('refuses a place that does not fit where it is', () => {
    expect(() =>
      parseDiagram({ ...input, annotations: [{ text: 'x', node: 'api', at: 'top' }] }),
    ).toThrowError(/right of it or below it/);
    expect(() =>
      parseDiagram({ ...input, annotations: [{ text: 'x', at: 'below' }] }),
    ).toThrowError(/names none/);
    expect(() =>
      parseDiagram({ ...input, annotations: [{ text: 'x', node: 'nope' }] }),
    ).toThrowError(/no node has the id "nope"/);
    // a layer is drawn inside its stack, with no room beside it: the stack takes the note
    expect(() =>
      parseDiagram({
        nodes: [
          { kind: 'stack', id: 'img', label: 'Image', layers: [{ id: 'l1', label: 'base' }] },
        ],
        annotations: [{ text: 'read-only', node: 'l1' }],
      }),
    ).toThrowError(/"l1" is a layer of a stack/);
  });
});

describe('tiled stacks', () => {
  const android: DiagramInput = {
    nodes: [
      {
        kind: 'stack',
        id: 's',
        label: 'Android',
        layers: [
          {
            cells: [
              { id: 'kernel', label: 'Linux kernel' },
              { id: 'hal', label: 'HAL', span: 3 },
            ],
          },
          { id: 'libs', label: 'Native libraries' },
          { id: 'fw', label: 'Framework' },
          { id: 'apps', label: 'Apps' },
        ],
      },
    ],
  };

  it('puts cells side by side and a spanning cell in a column beside the layers it spans', () => {
    const scene = layOut(android);
    const [s, hal, kernel, libs, fw, apps] = ['s', 'hal', 'kernel', 'libs', 'fw', 'apps'].map(
      (id) => box(scene, id),
    ) as [SceneBox, SceneBox, SceneBox, SceneBox, SceneBox, SceneBox];
    // HAL: the right column, from the framework's top border to the stack's bottom
    expect(hal.x + hal.width).toBe(s.x + s.width);
    expect(hal.y).toBe(fw.y);
    expect(hal.y + hal.height).toBe(s.y + s.height);
    // the three layers it spans end where it starts; the one above spans the whole stack
    for (const b of [kernel, libs, fw]) expect(b.x + b.width - 1).toBe(hal.x);
    expect(apps.width).toBe(s.width);
    // the cells share borders: each layer's bottom border is the next one's top
    expect(fw.y + fw.height - 1).toBe(libs.y);
    expect(libs.y + libs.height - 1).toBe(kernel.y);
    expect(scene.description).toContain('“Linux kernel” and “HAL” (over 3 layers) side by side');
  });

  it('refuses a span too tall, in the middle of a layer, or on a layer itself', () => {
    const spans = (cells: object[], extra: object = {}) =>
      checkCodes({
        nodes: [
          {
            kind: 'stack',
            label: 's',
            layers: [{ cells, ...extra }, { label: 'top' }],
          },
        ],
      });
    expect(spans([{ label: 'a' }, { label: 'b', span: 3 }])).toEqual(['model/invalid-span']);
    expect(spans([{ label: 'a' }, { label: 'b', span: 2 }, { label: 'c' }])).toEqual([
      'model/invalid-span',
    ]);
    expect(spans([{ label: 'a' }], { span: 2 })).toEqual(['model/misplaced-property']);
  });
});

function checkCodes(input: DiagramInput): string[] {
  try {
    parseDiagram(input);
    return [];
  } catch (error) {
    if (!(error instanceof DiagramaError)) throw error;
    return error.diagnostics.map((d) => d.code);
  }
}

describe('where notes go', () => {
  const note = (scene: Scene, id: string) => texts(scene, id).find((t) => t.role === 'note');

  it('honours noteSide and noteAt in a layered region', () => {
    const scene = layOut({
      nodes: [
        { kind: 'client', id: 'a', label: 'Browser' },
        { kind: 'api', id: 'b', label: 'API' },
      ],
      connections: [
        { from: 'a', to: 'b', note: 'n', hints: { noteSide: 'left', noteAt: 'start' } },
      ],
    });
    const line = scene.connectors[0]?.points ?? [];
    const n = note(scene, 'a->b') as SceneText;
    expect(n.x + n.width).toBeLessThan(line[0]?.x ?? 0);
    // near the start: closer to the source's bottom than to the target's top
    expect(n.y - (line[0]?.y ?? 0)).toBeLessThan((line.at(-1)?.y ?? 0) - n.y);
  });

  it('honours them between neighbours in a column and in a row', () => {
    const column = layOut({
      direction: 'down',
      nodes: [
        { kind: 'box', id: 'a', label: 'aaaa' },
        { kind: 'box', id: 'b', label: 'bbbb' },
      ],
      connections: [
        { from: 'a', to: 'b', note: 'left', hints: { noteSide: 'left', noteAt: 'end' } },
      ],
    });
    const n = note(column, 'a->b') as SceneText;
    const x = column.connectors[0]?.points[0]?.x ?? 0;
    expect(n).toMatchObject({ align: 'right', x: x - 1 - n.width });
    expect(n.y).toBe((column.connectors[0]?.points.at(-1)?.y ?? 0) - 1);
    const row = layOut({
      direction: 'right',
      nodes: [
        { kind: 'box', id: 'a', label: 'a' },
        { kind: 'box', id: 'b', label: 'b' },
      ],
      connections: [{ from: 'a', to: 'b', note: 'under', hints: { noteSide: 'below' } }],
    });
    expect(note(row, 'a->b')?.y).toBe((row.connectors[0]?.points[0]?.y ?? 0) + 1);
  });

  it('says a note every branch of a fan shares once, beside the trunk, in both flows', () => {
    for (const flow of ['down', 'right'] as const) {
      const fan = (second: string) =>
        layOut({
          flow,
          nodes: [
            { kind: 'box', id: 'config', label: 'config.py' },
            { kind: 'box', id: 'fe', label: 'Frontend' },
            { kind: 'box', id: 'be', label: 'Backend' },
          ],
          connections: [
            { from: 'config', to: 'fe', note: 'reads' },
            { from: 'config', to: 'be', note: second },
          ],
        });
      const same = fan('reads');
      const drawn = same.texts.filter((t) => t.role === 'note');
      expect(drawn.map((t) => t.text)).toEqual(['reads']);
      // beside the trunk: nearer the source than either target
      const source = box(same, 'config');
      const n = drawn[0] as SceneText;
      const gap =
        flow === 'down' ? n.y - (source.y + source.height) : n.x - (source.x + source.width);
      const targets = ['fe', 'be'].map((id) => box(same, id));
      const toTarget = Math.min(...targets.map((t) => (flow === 'down' ? t.y - n.y : t.x - n.x)));
      expect(gap).toBeLessThan(toTarget);
      // different notes stay on their own branches
      expect(
        fan('writes')
          .texts.filter((t) => t.role === 'note')
          .map((t) => t.text)
          .sort(),
      ).toEqual(['reads', 'writes']);
      // and a fan-in: one note over the arrowhead all its branches share
      const fanIn = layOut({
        flow,
        nodes: [
          { kind: 'box', id: 'web', label: 'Web' },
          { kind: 'box', id: 'mobile', label: 'Mobile' },
          { kind: 'api', id: 'gateway', label: 'Gateway' },
        ],
        connections: [
          { from: 'web', to: 'gateway', note: 'HTTPS' },
          { from: 'mobile', to: 'gateway', note: 'HTTPS' },
        ],
      });
      expect(fanIn.texts.filter((t) => t.role === 'note').map((t) => t.text)).toEqual(['HTTPS']);
    }
  });
});

describe('steps between siblings', () => {
  it('puts a box that several siblings step into below them all, not beside one', () => {
    const services = ['users', 'orders', 'products'];
    const scene = layOut({
      nodes: [
        { kind: 'api', id: 'gateway', label: 'Gateway' },
        ...services.map((id) => ({ kind: 'box' as const, id, label: id })),
        { kind: 'daemon', id: 'eureka', label: 'Eureka' },
      ],
      connections: [
        ...services.map((id) => ({ from: 'gateway', to: id })),
        ...services.map((id) => ({ from: id, to: 'eureka', style: 'dashed' as const })),
        { from: 'gateway', to: 'eureka', style: 'dashed' },
      ],
    });
    const bottom = Math.max(...services.map((id) => box(scene, id).y + box(scene, id).height));
    expect(box(scene, 'eureka').y).toBeGreaterThan(bottom);
  });

  it('draws a step whose boxes came out with no row in common, with a jog; images over containers', () => {
    // nginx → app, both fed by the daemon and by an image each: app sits a row lower
    const scene = layOut({
      nodes: [
        { kind: 'daemon', id: 'dockerd', label: 'dockerd' },
        {
          kind: 'host',
          id: 'containers',
          label: 'Containers',
          children: [
            { kind: 'box', id: 'web', label: 'nginx' },
            { kind: 'api', id: 'app', label: 'app' },
            { kind: 'database', id: 'db', label: 'postgres' },
          ],
        },
        {
          kind: 'host',
          id: 'images',
          label: 'Images',
          children: [
            { kind: 'box', id: 'i1', label: 'nginx:alpine' },
            { kind: 'box', id: 'i2', label: 'app:1.2' },
            { kind: 'box', id: 'i3', label: 'postgres:16' },
          ],
        },
      ],
      connections: [
        { from: 'i1', to: 'web', style: 'dotted' },
        { from: 'i2', to: 'app', style: 'dotted' },
        { from: 'i3', to: 'db', style: 'dotted' },
        { from: 'dockerd', to: 'web' },
        { from: 'dockerd', to: 'app' },
        { from: 'dockerd', to: 'db' },
        { from: 'web', to: 'app' },
        { from: 'app', to: 'db' },
      ],
    });
    // the images each feed their container: the Images host comes wholly before Containers,
    // though the daemon reaches the containers too
    const images = box(scene, 'images');
    expect(images.y + images.height).toBeLessThanOrEqual(box(scene, 'containers').y);
    const step = scene.connectors.find((c) => c.from === 'web' && c.to === 'app');
    expect(step).toBeDefined();
    const [web, app] = [box(scene, 'web'), box(scene, 'app')];
    expect(step?.points[0]?.x).toBe(web.x + web.width - 1);
    expect(step?.points.at(-1)?.x).toBe(app.x);
  });

  it('sets a step beside its source on the other side when the first is taken', () => {
    // ms1 leads to notify and to monitor, which steps into notify; ms2's lines keep notify
    // off monitor's right, so it goes on its left, the step read right to left
    const scene = layOut({
      nodes: [
        { kind: 'api', id: 'gw', label: 'API Gateway' },
        { kind: 'box', id: 'ms1', label: 'Microservice 1' },
        { kind: 'box', id: 'ms2', label: 'Microservice 2' },
        { kind: 'database', id: 'db', label: 'Database' },
        { kind: 'box', id: 'notify', label: 'Notification Service' },
        { kind: 'box', id: 'logs', label: 'Logging Service' },
        { kind: 'box', id: 'monitor', label: 'Monitoring' },
      ],
      connections: [
        { from: 'gw', to: 'ms1' },
        { from: 'gw', to: 'ms2' },
        { from: 'ms1', to: 'db' },
        { from: 'ms1', to: 'notify' },
        { from: 'ms1', to: 'monitor' },
        { from: 'ms2', to: 'db' },
        { from: 'ms2', to: 'logs' },
        { from: 'ms2', to: 'monitor' },
        { from: 'monitor', to: 'notify' },
      ],
    });
    const monitor = box(scene, 'monitor');
    const notify = box(scene, 'notify');
    expect(notify.y + notify.height).toBe(monitor.y + monitor.height);
    expect(notify.x + notify.width).toBeLessThan(monitor.x);
    expect(scene.connectors.find((c) => c.id === 'monitor->notify')?.points.length).toBe(2);
  });

  it('ranks a step like any line when the order cannot set its boxes side by side', () => {
    // a hub leads to a stage and to three boxes the stage steps into: the stage has two
    // sides, so the third step is ranked, its box below the stage, not looped under the others
    const scene = layOut({
      nodes: [
        { kind: 'api', id: 'hub', label: 'Hub' },
        { kind: 'daemon', id: 'u', label: 'Stage' },
        { kind: 'box', id: 'a', label: 'A' },
        { kind: 'box', id: 'b', label: 'B' },
        { kind: 'box', id: 'c', label: 'C' },
      ],
      connections: [
        { from: 'hub', to: 'u' },
        { from: 'hub', to: 'a' },
        { from: 'hub', to: 'b' },
        { from: 'hub', to: 'c' },
        { from: 'u', to: 'a' },
        { from: 'u', to: 'b' },
        { from: 'u', to: 'c' },
      ],
    });
    const u = box(scene, 'u');
    const beside = ['a', 'b', 'c'].filter((id) => box(scene, id).y === u.y);
    const below = ['a', 'b', 'c'].filter((id) => box(scene, id).y > u.y + u.height);
    expect(beside.length).toBe(2);
    expect(below.length).toBe(1);
  });
});

describe('containers a line goes into and back out of', () => {
  it('stack one above the other rather than one inside the span of the other', () => {
    const scene = layOut({
      nodes: [
        { kind: 'api', id: 'gw', label: 'API Gateway' },
        {
          kind: 'host',
          id: 'services',
          label: 'Microservices',
          children: [
            { kind: 'box', id: 'a', label: 'Service A' },
            { kind: 'box', id: 'b', label: 'Service B' },
            { kind: 'box', id: 'c', label: 'Service C' },
          ],
        },
        {
          kind: 'host',
          id: 'messaging',
          label: 'Messaging',
          children: [{ kind: 'queue', id: 'bus', label: 'Event Bus' }],
        },
      ],
      connections: [
        { from: 'gw', to: 'a' },
        { from: 'a', to: 'bus' },
        { from: 'bus', to: 'b' },
        { from: 'bus', to: 'c' },
      ],
    });
    // one line back (a publishing) against two along (the bus feeding b and c): the bus first
    const messaging = box(scene, 'messaging');
    expect(messaging.y + messaging.height).toBeLessThanOrEqual(box(scene, 'services').y);
    // the services in one row
    expect(new Set(['a', 'b', 'c'].map((id) => box(scene, id).y)).size).toBe(1);
  });
});

describe('boxes only lines from outside reach', () => {
  it('sit on one row of their container, not spread along the flow to meet each source', () => {
    const scene = layOut({
      nodes: [
        { kind: 'box', id: 'nginx', label: 'Nginx' },
        { kind: 'api', id: 'app', label: 'App' },
        { kind: 'database', id: 'db', label: 'PostgreSQL' },
        {
          kind: 'host',
          id: 'volumes',
          label: 'Volumes',
          children: [
            { kind: 'database', id: 'logs', label: 'nginx-logs' },
            { kind: 'database', id: 'data', label: 'db-data' },
          ],
        },
      ],
      connections: [
        { from: 'nginx', to: 'app' },
        { from: 'app', to: 'db' },
        { from: 'nginx', to: 'logs', style: 'dashed' },
        { from: 'db', to: 'data', style: 'dashed' },
      ],
    });
    expect(box(scene, 'logs').y).toBe(box(scene, 'data').y);
    const db = box(scene, 'db');
    expect(box(scene, 'logs').y).toBeGreaterThan(db.y + db.height);
  });
});

describe('boxes that only send lines out of their container', () => {
  it('stand in one column, whether their lines gather at a gate or go straight', () => {
    // three sources feed one ingestion tool (their lines gather at the container's border),
    // a database feeds another directly: all four are sources, drawn in one column
    const scene = layOut({
      flow: 'right',
      nodes: [
        {
          kind: 'host',
          id: 'sources',
          label: 'Data sources',
          children: [
            { kind: 'box', id: 'api', label: 'APIs' },
            { kind: 'database', id: 'db', label: 'Databases' },
            { kind: 'box', id: 'files', label: 'Files/CSV' },
            { kind: 'queue', id: 'stream', label: 'Event streams' },
          ],
        },
        {
          kind: 'host',
          id: 'ingestion',
          label: 'Ingestion',
          children: [
            { kind: 'box', id: 'etl', label: 'ETL tools' },
            { kind: 'box', id: 'cdc', label: 'CDC' },
          ],
        },
      ],
      connections: [
        { from: 'api', to: 'etl' },
        { from: 'db', to: 'cdc' },
        { from: 'files', to: 'etl' },
        { from: 'stream', to: 'etl' },
      ],
    });
    const right = ['api', 'db', 'files', 'stream'].map((id) => {
      const b = box(scene, id);
      return b.x + b.width;
    });
    const lefts = ['api', 'db', 'files', 'stream'].map((id) => box(scene, id).x);
    // one column: every box overlaps every other across
    expect(Math.max(...lefts)).toBeLessThan(Math.min(...right));
  });
});

describe('boxes that grow for their lines', () => {
  it('grows only the box whose side has no room, not the one at the other end', () => {
    const apps = ['a1', 'a2', 'a3'];
    const scene = layOut({
      flow: 'right',
      nodes: [
        ...apps.map((id) => ({ kind: 'api' as const, id, label: id })),
        { kind: 'database', id: 'db', label: 'Database' },
        { kind: 'box', id: 'cache', label: 'Redis' },
      ],
      connections: apps.flatMap((id) => [
        { from: id, to: 'db' },
        { from: id, to: 'cache', style: 'dashed' as const },
      ]),
    });
    // two lines leave each app on its right: the apps grow to hold two pins
    for (const id of apps) expect(box(scene, id).height).toBeGreaterThan(3);
    // the three dashed lines meet the cache as one trunk: it keeps a label's height
    expect(box(scene, 'cache').height).toBe(3);
  });
});

describe('peers: lines with arrowheads at both ends', () => {
  const line = (scene: Scene, id: string) => {
    const found = scene.connectors.find((c) => c.id === id);
    if (!found) throw new Error(`no connector ${id}`);
    return found;
  };

  it('sets clients grouped apart above the server they talk to both ways', () => {
    const scene = layOut({
      nodes: [
        {
          kind: 'group',
          id: 'clients',
          border: 'dashed',
          children: [
            { kind: 'client', id: 'desktop', label: 'Desktop' },
            { kind: 'client', id: 'mobile', label: 'Mobile' },
          ],
        },
        {
          kind: 'host',
          id: 'backend',
          label: 'backend',
          children: [
            { kind: 'box', id: 'nginx', label: 'nginx' },
            { kind: 'api', id: 'api', label: 'API' },
          ],
        },
      ],
      connections: [
        { from: 'desktop', to: 'nginx', direction: 'both' },
        { from: 'mobile', to: 'nginx', direction: 'both' },
        { from: 'nginx', to: 'api' },
      ],
    });
    const clients = box(scene, 'clients');
    expect(clients.y + clients.height).toBeLessThan(box(scene, 'backend').y);
    // one client beside its server, both at the top, stays a peer beside it
    const beside = layOut({
      nodes: [
        { kind: 'client', id: 'web', label: 'Frontend' },
        { kind: 'api', id: 'gateway', label: 'Gateway' },
        { kind: 'box', id: 'svc', label: 'Service' },
      ],
      connections: [
        { from: 'web', to: 'gateway', direction: 'both' },
        { from: 'gateway', to: 'svc' },
      ],
    });
    expect(box(beside, 'web').y).toBe(box(beside, 'gateway').y);
  });

  it('puts two peers side by side, the line straight across', () => {
    const scene = layOut({
      nodes: [
        { id: 'front', label: 'Frontend' },
        { id: 'gw', kind: 'api', label: 'API Gateway' },
        { id: 'auth', label: 'Auth' },
        { id: 'game', label: 'Game' },
      ],
      connections: [
        { id: 'talk', from: 'front', to: 'gw', direction: 'both' },
        { from: 'gw', to: 'auth' },
        { from: 'gw', to: 'game' },
      ],
    });
    expect(box(scene, 'front').y).toBe(box(scene, 'gw').y);
    const talk = line(scene, 'talk');
    expect(talk.points).toHaveLength(2);
    expect(talk.points[0]?.y).toBe(talk.points[1]?.y);
    expect(box(scene, 'auth').y).toBeGreaterThan(box(scene, 'gw').y);
  });

  it('meets a database beside a box straight, below its lid, with or without sides asked', () => {
    for (const hints of [undefined, { fromSide: 'right', toSide: 'left' }] as const) {
      const scene = layOut({
        nodes: [
          { id: 'client', label: 'Browser' },
          { id: 'server', kind: 'api', label: 'Server' },
          { id: 'sessions', kind: 'database', label: 'Sessions' },
        ],
        connections: [
          { from: 'client', to: 'server' },
          {
            id: 'talk',
            from: 'server',
            to: 'sessions',
            direction: 'both',
            ...(hints ? { hints } : {}),
          },
        ],
      });
      const talk = line(scene, 'talk');
      expect(talk.points).toHaveLength(2);
      const row = talk.points[0]?.y as number;
      expect(talk.points[1]?.y).toBe(row);
      // the lid takes the database's first two rows
      expect(row).toBeGreaterThan(box(scene, 'sessions').y + 1);
    }
  });

  it('leaves two lines both ways between the same boxes a parallel pair, never one on the other', () => {
    const scene = layOut({
      nodes: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      connections: [
        { id: 'one', from: 'a', to: 'b', direction: 'both' },
        { id: 'two', from: 'b', to: 'a', direction: 'both' },
      ],
    });
    const cells = (id: string) => new Set(line(scene, id).points.map((p) => `${p.x},${p.y}`));
    const one = cells('one');
    expect([...cells('two')].some((c) => one.has(c))).toBe(false);
  });

  it('lines up a group beside a host by what they hold, so the lines run straight', () => {
    const scene = layOut({
      nodes: [
        {
          id: 'g',
          kind: 'group',
          children: [
            { id: 'c', label: 'C' },
            { id: 'd', label: 'D' },
          ],
        },
        {
          id: 'h',
          label: 'Host',
          children: [
            { id: 'e', label: 'E' },
            { id: 'f', label: 'F' },
          ],
        },
      ],
      connections: [
        { id: 'ce', from: 'c', to: 'e', direction: 'both' },
        { id: 'df', from: 'd', to: 'f', direction: 'both' },
      ],
    });
    for (const id of ['ce', 'df']) {
      const points = line(scene, id).points;
      expect(points, id).toHaveLength(2);
      expect(points[0]?.y, id).toBe(points[1]?.y);
    }
  });

  it('joins peers that other lines rank apart along the flow, note and all', () => {
    // found by the output property test: two stacks, each also joined to a client
    const scene = layOut({
      nodes: [
        { id: 'x', kind: 'client', label: 'x' },
        { id: 's1', kind: 'stack', label: 's1', layers: [{ label: 'l', instruction: 'FROM' }] },
        { id: 's2', kind: 'stack', label: 's2', layers: [{ label: 'l2', instruction: 'FROM' }] },
        { id: 'y', kind: 'client', label: 'y' },
      ],
      connections: [
        { from: 'x', to: 's1', direction: 'none' },
        { id: 'talk', from: 's1', to: 's2', direction: 'both', note: 'Docker Daemon\nServer' },
        { from: 's2', to: 'y', direction: 'none' },
      ],
    });
    expect(line(scene, 'talk').points.length).toBeGreaterThan(1);
    expect(scene.texts.filter((t) => t.role === 'note').map((t) => t.text)).toEqual([
      'Docker Daemon',
      'Server',
    ]);
  });

  it('goes around what stands beside a box rather than through it', () => {
    const scene = layOut({
      nodes: [
        { id: 'a', label: 'Server' },
        { id: 'b', label: 'Client' },
      ],
      connections: [{ id: 'talk', from: 'a', to: 'b', direction: 'both' }],
      annotations: [{ text: 'a note', node: 'a', at: 'right' }],
    });
    const note = scene.texts.find((t) => t.role === 'annotation');
    const talk = line(scene, 'talk');
    const crosses = talk.points.some((p, i) => {
      const q = talk.points[i + 1];
      if (!q || !note || p.y !== q.y || p.y !== note.y) return false;
      return Math.min(p.x, q.x) <= note.x + note.width - 1 && Math.max(p.x, q.x) >= note.x;
    });
    expect(crosses).toBe(false);
  });

  it('mirrors two containers of peers, each pair joined by a straight line', () => {
    const scene = layOut({
      nodes: [
        { id: 'lb', label: 'Global LB' },
        {
          id: 'us',
          label: 'US',
          children: [
            { id: 'us-gw', label: 'API Gateway' },
            { id: 'us-app', label: 'App' },
            { id: 'us-db', kind: 'database', label: 'DB' },
          ],
        },
        {
          id: 'eu',
          label: 'EU',
          children: [
            { id: 'eu-gw', label: 'API Gateway' },
            { id: 'eu-app', label: 'App' },
            { id: 'eu-db', kind: 'database', label: 'DB' },
          ],
        },
      ],
      connections: [
        { id: 'gw', from: 'us-gw', to: 'eu-gw', direction: 'both' },
        { id: 'db', from: 'us-db', to: 'eu-db', direction: 'both' },
        { id: 'to-us', from: 'lb', to: 'us' },
        { id: 'to-eu', from: 'lb', to: 'eu' },
      ],
    });
    expect(box(scene, 'us').y).toBe(box(scene, 'eu').y);
    for (const id of ['gw', 'db']) {
      const points = line(scene, id).points;
      expect(points, id).toHaveLength(2);
      expect(points[0]?.y, id).toBe(points[1]?.y);
    }
    // the box over both sits in the middle of the two lines it sends down
    const lb = box(scene, 'lb');
    const ends = ['to-us', 'to-eu'].map((id) => line(scene, id).points.at(-1)?.x as number);
    expect(
      Math.abs(lb.x + (lb.width - 1) / 2 - ((ends[0] as number) + (ends[1] as number)) / 2),
    ).toBeLessThanOrEqual(1);
  });
});

describe('lines that end on a container border', () => {
  it('leave a container over a band no wider than they and its content need, content centred', () => {
    const scene = layOut({
      nodes: [
        { id: 'http', label: 'HTTP Server' },
        { id: 'ws', label: 'WebSocket Server' },
        {
          id: 'svc',
          label: 'Service Layer',
          children: [
            { id: 'auth', label: 'Auth' },
            { id: 'posts', label: 'Posts' },
          ],
        },
      ],
      connections: [
        { id: 'a', from: 'http', to: 'svc' },
        { id: 'b', from: 'ws', to: 'svc' },
        { from: 'auth', to: 'posts' },
      ],
    });
    const svc = box(scene, 'svc');
    const xs = ['a', 'b'].map(
      (id) => scene.connectors.find((c) => c.id === id)?.points.at(-1)?.x as number,
    );
    const inner = [box(scene, 'auth'), box(scene, 'posts')];
    const from = Math.min(...inner.map((b) => b.x));
    const to = Math.max(...inner.map((b) => b.x + b.width));
    const needed = Math.max(Math.abs((xs[1] as number) - (xs[0] as number)) + 5, to - from + 6);
    expect(svc.width).toBeLessThanOrEqual(needed);
    const left = from - svc.x;
    const right = svc.x + svc.width - to;
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
  });
});

describe('a line to each of two containers', () => {
  it('leaves the box over them from its middle, the two branches alike', () => {
    const row = (id: string) => ({
      id,
      label: id.toUpperCase(),
      children: ['gw', 'app', 'db', 'cache'].map((c) => ({ id: `${id}-${c}`, label: c })),
    });
    const scene = layOut({
      nodes: [{ id: 'lb', label: 'Global LB' }, row('us'), row('eu')],
      connections: [
        { id: 'to-us', from: 'lb', to: 'us' },
        { id: 'to-eu', from: 'lb', to: 'eu' },
      ],
    });
    const lb = box(scene, 'lb');
    const ends = ['to-us', 'to-eu'].map(
      (id) => scene.connectors.find((c) => c.id === id)?.points.at(-1)?.x as number,
    );
    expect(
      Math.abs(lb.x + (lb.width - 1) / 2 - ((ends[0] as number) + (ends[1] as number)) / 2),
    ).toBeLessThanOrEqual(1);
  });
});

describe('a fan-in from a container', () => {
  it('meets its target in the middle of the lines, the container moving over it', () => {
    const scene = layOut({
      nodes: [
        {
          id: 'client',
          label: 'Client',
          children: ['Home', 'Cart', 'Products', 'ChatBot (NLP)'].map((label) => ({ label })),
        },
        { id: 'gw', label: 'API Gateway' },
        { id: 'a', label: 'Product Service' },
        { id: 'b', label: 'Order Service' },
        { id: 'c', label: 'ChatBot Service' },
      ],
      connections: [
        ...['home', 'cart', 'products', 'chatbot-nlp'].map((from) => ({ from, to: 'gw' })),
        ...['a', 'b', 'c'].map((to) => ({ from: 'gw', to })),
      ],
    });
    const gw = box(scene, 'gw');
    const centre = gw.x + (gw.width - 1) / 2;
    // the lines from the four pages: the gateway's middle between the second and the third
    // (the third may run straight down into it, the trunk the others gather to)
    const ends = scene.connectors
      .filter((c) => c.to === 'gw')
      .map((c) => c.points[0]?.x as number)
      .sort((p, q) => p - q);
    expect(ends).toHaveLength(4);
    expect(centre).toBeGreaterThan(ends[1] as number);
    expect(centre).toBeLessThanOrEqual(ends[2] as number);
    // and the gateway still over the middle service
    const b = box(scene, 'b');
    expect(Math.abs(b.x + (b.width - 1) / 2 - centre)).toBeLessThanOrEqual(1);
  });
});
