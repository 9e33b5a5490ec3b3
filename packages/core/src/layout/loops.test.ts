import { describe, expect, it } from 'vitest';
import type { DiagramInput } from '../model/input.js';
import { parseDiagram } from '../model/parse.js';
import type { Point, Scene, SceneBox, SceneConnector } from '../scene/types.js';
import { type LoopPort, loopShapes } from './loops.js';
import { modelToScene } from './model-to-scene.js';

/** The ports of a box 12 × 3 at the origin, as the router offers them (no corner cells). */
function portsOf(width: number, height: number): LoopPort[] {
  const out: LoopPort[] = [];
  for (let x = 2; x <= width - 3; x++)
    out.push({ x, y: 0, heading: 0 }, { x, y: height - 1, heading: 2 });
  for (let y = 1; y <= height - 2; y++)
    out.push({ x: width - 1, y, heading: 1 }, { x: 0, y, heading: 3 });
  return out;
}

/** A worker that retries: a loop with a note on a box in a column. */
const retry = (extra: Partial<DiagramInput> = {}): DiagramInput => ({
  nodes: [
    { kind: 'api', id: 'api', label: 'API' },
    { kind: 'daemon', id: 'worker', label: 'Worker' },
    { kind: 'database', id: 'db', label: 'Database' },
  ],
  connections: [
    { from: 'api', to: 'worker', note: 'enqueue' },
    { from: 'worker', to: 'worker', note: 'retry' },
    { from: 'worker', to: 'db' },
  ],
  ...extra,
});

const loopOf = (scene: Scene, id: string): SceneConnector => {
  const found = scene.connectors.find((c) => c.from === id && c.to === id);
  if (found === undefined) throw new Error(`no loop on ${id}`);
  return found;
};
const boxOf = (scene: Scene, id: string): SceneBox => {
  const found = scene.boxes.find((b) => b.id === id);
  if (found === undefined) throw new Error(`no box ${id}`);
  return found;
};
const onBorder = (box: SceneBox, p: Point): boolean =>
  p.x >= box.x &&
  p.y >= box.y &&
  p.x < box.x + box.width &&
  p.y < box.y + box.height &&
  (p.x === box.x ||
    p.y === box.y ||
    p.x === box.x + box.width - 1 ||
    p.y === box.y + box.height - 1);

/** Every cell a polyline passes through after its first point. */
function cellsOf(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let k = 1; k < points.length; k++) {
    const [a, b] = [points[k - 1] as Point, points[k] as Point];
    const [dx, dy] = [Math.sign(b.x - a.x), Math.sign(b.y - a.y)];
    for (let x = a.x, y = a.y; x !== b.x || y !== b.y; ) {
      x += dx;
      y += dy;
      out.push({ x, y });
    }
  }
  return out;
}

describe('loopShapes', () => {
  it('goes round the lower right corner first, the arrow three cells into the right side', () => {
    const [first] = loopShapes(portsOf(12, 3));
    // from the bottom border by the corner, one row down, out, up, back into the right side
    expect(first).toEqual([
      { x: 9, y: 2 },
      { x: 9, y: 3 },
      { x: 14, y: 3 },
      { x: 14, y: 1 },
      { x: 11, y: 1 },
    ]);
  });

  it('goes along the bottom first for a box in a row, and keeps a second head off the border', () => {
    const [below] = loopShapes(portsOf(12, 3), 'below');
    expect(below?.[0]?.y).toBe(2);
    expect(below?.at(-1)?.y).toBe(2);
    expect(below?.[1]?.y).toBe(4);
    const [both] = loopShapes(portsOf(12, 3), 'right', true);
    // the tail's run is long enough for an arrowhead and a turn
    expect(both?.[1]).toEqual({ x: 9, y: 4 });
  });

  it('offers every corner and side, each shape starting and ending on a port', () => {
    const ports = portsOf(12, 5);
    const shapes = loopShapes(ports);
    expect(shapes.length).toBe(12);
    const isPort = (p: Point | undefined) => ports.some((q) => q.x === p?.x && q.y === p?.y);
    for (const shape of shapes) {
      expect(isPort(shape[0])).toBe(true);
      expect(isPort(shape.at(-1))).toBe(true);
      // orthogonal, and never through the box
      for (const cell of cellsOf(shape).slice(0, -1)) {
        expect(cell.x < 0 || cell.y < 0 || cell.x > 11 || cell.y > 4).toBe(true);
      }
    }
  });

  it('offers nothing on a side with no ports', () => {
    expect(loopShapes([])).toEqual([]);
  });
});

describe('lines from a box back to itself', () => {
  it('loop beside the box, from border to border, clear of every other box, with the note', () => {
    const scene = modelToScene(parseDiagram(retry()));
    const loop = loopOf(scene, 'worker');
    const worker = boxOf(scene, 'worker');
    expect(onBorder(worker, loop.points[0] as Point)).toBe(true);
    expect(onBorder(worker, loop.points.at(-1) as Point)).toBe(true);
    expect(loop.arrowEnd).toBe(true);
    // the arrow goes into the right side, the line comes out of the bottom
    expect(loop.points.at(-1)?.x).toBe(worker.x + worker.width - 1);
    expect(loop.points[0]?.y).toBe(worker.y + worker.height - 1);
    for (const cell of cellsOf(loop.points).slice(0, -1)) {
      for (const box of scene.boxes) {
        const inside =
          cell.x >= box.x &&
          cell.y >= box.y &&
          cell.x < box.x + box.width &&
          cell.y < box.y + box.height;
        expect(inside).toBe(false);
      }
    }
    const note = scene.texts.find((t) => t.owner === loop.id && t.role === 'note');
    expect(note?.text).toBe('retry');
    // beside the loop's far side
    expect(note?.x).toBe(Math.max(...loop.points.map((p) => p.x)) + 2);
  });

  it('keeps the lines in and out of the box straight and leaves room beside it', () => {
    const scene = modelToScene(parseDiagram(retry()));
    for (const c of scene.connectors.filter((c) => c.from !== c.to)) {
      expect(c.points).toHaveLength(2);
    }
  });

  it('loops under a box in a flow to the right', () => {
    const scene = modelToScene(parseDiagram(retry({ flow: 'right' })));
    const loop = loopOf(scene, 'worker');
    const worker = boxOf(scene, 'worker');
    const bottom = worker.y + worker.height - 1;
    expect(loop.points[0]?.y).toBe(bottom);
    expect(loop.points.at(-1)?.y).toBe(bottom);
  });

  it('draws several loops on one box apart, each with its own cells', () => {
    const input = retry();
    input.connections = [
      ...(input.connections ?? []),
      { from: 'worker', to: 'worker', note: 'poll', direction: 'backward' },
    ];
    const scene = modelToScene(parseDiagram(input));
    const loops = scene.connectors.filter((c) => c.from === 'worker' && c.to === 'worker');
    expect(loops).toHaveLength(2);
    const seen = new Set<string>();
    for (const loop of loops) {
      for (const cell of cellsOf(loop.points)) {
        const key = `${cell.x},${cell.y}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    expect(loops.find((l) => l.id.endsWith('-2'))?.arrowStart).toBe(true);
    // a third finds no free corner on a box three rows tall: it goes round like any line
    input.connections.push({ from: 'worker', to: 'worker', direction: 'both' });
    const crowded = modelToScene(parseDiagram(input));
    expect(crowded.connectors.filter((c) => c.from === 'worker' && c.to === 'worker')).toHaveLength(
      3,
    );
  });

  it('loops round a container, and honours the sides asked for', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            kind: 'host',
            id: 'h',
            label: 'Cluster',
            children: [{ kind: 'box', id: 'a', label: 'Scheduler' }],
          },
        ],
        connections: [
          { from: 'h', to: 'h', note: 'heartbeat' },
          { from: 'a', to: 'a', hints: { fromSide: 'top', toSide: 'left' } },
        ],
      }),
    );
    const host = boxOf(scene, 'h');
    const loop = loopOf(scene, 'h');
    expect(onBorder(host, loop.points[0] as Point)).toBe(true);
    const a = boxOf(scene, 'a');
    const asked = loopOf(scene, 'a');
    expect(asked.points[0]?.y).toBe(a.y);
    expect(asked.points.at(-1)?.x).toBe(a.x);
  });

  it('routes a loop round its box when no corner is free or the sides asked for face apart', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [{ kind: 'box', id: 'a', label: 'Alpha' }],
        connections: [{ from: 'a', to: 'a', hints: { fromSide: 'left', toSide: 'right' } }],
      }),
    );
    const a = boxOf(scene, 'a');
    const loop = loopOf(scene, 'a');
    expect(loop.points[0]?.x).toBe(a.x);
    expect(loop.points.at(-1)?.x).toBe(a.x + a.width - 1);
  });
});
