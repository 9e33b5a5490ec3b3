import { describe, expect, it } from 'vitest';
import type { Connection } from '../model/types.js';
import { SCENE_VERSION, type Scene, type SceneBox } from '../scene/types.js';
import { toDisplayLines } from '../text/width.js';
import { routeConnections } from './route.js';

// The router on its own: a placed scene in, connectors and notes added to it.

const box = (id: string, x: number, y: number, width = 8, height = 3): SceneBox => ({
  id,
  kind: 'box',
  x,
  y,
  width,
  height,
  depth: 0,
});
const sceneOf = (boxes: SceneBox[], width = 40, height = 20): Scene => ({
  version: SCENE_VERSION,
  width,
  height,
  title: '',
  description: '',
  boxes,
  dividers: [],
  connectors: [],
  texts: [],
});
const connection = (from: string, to: string, note?: string): Connection => ({
  id: `${from}->${to}`,
  from,
  to,
  direction: 'forward',
  style: 'solid',
  ...(note ? { note } : {}),
});
const request = (c: Connection) => ({ connection: c, notes: toDisplayLines(c.note ?? '') });
const never = () => false;

/** Every cell a polyline passes through. */
function cells(points: readonly { x: number; y: number }[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as { x: number; y: number };
    const b = points[i + 1] as { x: number; y: number };
    const steps = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y));
    for (let s = 0; s <= steps; s++)
      out.push([a.x + Math.sign(b.x - a.x) * s, a.y + Math.sign(b.y - a.y) * s]);
  }
  return out;
}
const inside = (b: SceneBox, [x, y]: [number, number]) =>
  x > b.x && x < b.x + b.width - 1 && y > b.y && y < b.y + b.height - 1;

describe('routeConnections', () => {
  it('goes around a box in the way, orthogonally, from border to border, with few bends', () => {
    const a = box('a', 2, 2);
    const wall = box('wall', 0, 8, 30, 3);
    const b = box('b', 2, 14);
    const scene = sceneOf([a, wall, b]);
    const { failures } = routeConnections(scene, [request(connection('a', 'b'))], 2, never);
    expect(failures).toEqual([]);
    const [drawn] = scene.connectors;
    expect(drawn).toMatchObject({ from: 'a', to: 'b', arrowEnd: true, routed: true });
    const points = drawn?.points ?? [];
    for (let i = 0; i + 1 < points.length; i++) {
      const p = points[i] as { x: number; y: number };
      const q = points[i + 1] as { x: number; y: number };
      expect(p.x === q.x || p.y === q.y).toBe(true);
    }
    // it never passes through a box: only its ends touch the two borders
    for (const cell of cells(points)) {
      expect(inside(wall, cell) || inside(a, cell) || inside(b, cell)).toBe(false);
      const [x, y] = cell;
      expect(
        x >= wall.x && x < wall.x + wall.width && y >= wall.y && y < wall.y + wall.height,
      ).toBe(false);
    }
    // out of a's side, down past the wall's end, into b's side: two bends
    expect(points.length - 2).toBe(2);
  });

  it('puts the note beside its line, on no box and no line', () => {
    const a = box('a', 2, 2);
    const b = box('b', 24, 12);
    const scene = sceneOf([a, b]);
    routeConnections(scene, [request(connection('a', 'b', 'HTTPS'))], 2, never);
    const note = scene.texts.find((t) => t.role === 'note');
    expect(note).toMatchObject({ text: 'HTTPS', owner: 'a->b' });
    const line = new Set(cells(scene.connectors[0]?.points ?? []).map(([x, y]) => `${x},${y}`));
    for (let x = note?.x ?? 0; x < (note?.x ?? 0) + (note?.width ?? 0); x++) {
      expect(line.has(`${x},${note?.y}`)).toBe(false);
      for (const b2 of [a, b]) expect(inside(b2, [x, note?.y ?? 0])).toBe(false);
    }
  });

  it('says which connections it could not draw, and why', () => {
    const a = box('a', 2, 2);
    const scene = sceneOf([a]);
    const { failures } = routeConnections(scene, [request(connection('a', 'ghost'))], 2, never);
    expect(failures.map((f) => f.reason)).toEqual(['unknown-endpoint']);
    expect(scene.connectors).toEqual([]);
  });

  it('draws the same routes for the same scene', () => {
    const run = () => {
      const scene = sceneOf([box('a', 2, 2), box('m', 12, 6), box('b', 24, 12), box('c', 2, 14)]);
      routeConnections(
        scene,
        [
          request(connection('a', 'b', 'one')),
          request(connection('c', 'b')),
          request(connection('a', 'c')),
        ],
        2,
        never,
      );
      return scene;
    };
    expect(run()).toEqual(run());
  });

  it('goes around a line it would cross when a wider look finds a way at a fair cost', () => {
    // a line already drawn across the way, ending eleven cells beside the two boxes: past the
    // neighbourhood searched first, so the route looks wider before it crosses
    const a = box('a', 20, 2);
    const b = box('b', 20, 30);
    const scene = sceneOf([a, b], 60, 36);
    scene.connectors.push({
      id: 'across',
      from: 'x',
      to: 'y',
      style: 'solid',
      arrowStart: false,
      arrowEnd: false,
      join: false,
      points: [
        { x: 10, y: 16 },
        { x: 38, y: 16 },
      ],
    });
    const { failures } = routeConnections(scene, [request(connection('a', 'b'))], 4, never);
    expect(failures).toEqual([]);
    const route = scene.connectors.find((c) => c.id === 'a->b');
    const crossed = cells(route?.points ?? []).filter(([x, y]) => y === 16 && x >= 10 && x <= 38);
    expect(crossed).toEqual([]);
  });
});
