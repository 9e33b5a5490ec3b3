import { isContainerKind } from '../model/types.js';
import type { Point, Scene, SceneBox, SceneConnector } from './types.js';

/** How a laid-out scene reads, measured the way the layout-quality benchmark judges it. */
export interface SceneMetrics {
  /** Connectors drawn. */
  connectors: number;
  /**
   * Cells where one line runs straight across another (a trunk's branch turning off it is a
   * junction, not a crossing).
   */
  crossings: number;
  /** Bends of each connector, in scene order. */
  bends: number[];
  /** Each connector's drawn length divided by the Manhattan distance between its ends (≥ 1). */
  detours: number[];
  /** Cells of the picture (columns × rows). */
  area: number;
  /** Cells of notes that lie on a box, a line or another text. */
  noteCollisions: number;
  /** Arrowheads that enter a box through the side facing away from the line's other end. */
  awayArrows: number;
}

const step = (a: Point, b: Point): Point => ({
  x: Math.sign(b.x - a.x),
  y: Math.sign(b.y - a.y),
});

/** Every cell of a polyline with how the line passes it: straight across (`h`/`v`) or not. */
function cells(points: readonly Point[]): Map<string, 'h' | 'v' | 'turn'> {
  const out = new Map<string, 'h' | 'v' | 'turn'>();
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1] as Point;
    const b = points[k] as Point;
    const d = step(a, b);
    for (let x = a.x, y = a.y; ; x += d.x, y += d.y) {
      const key = `${x},${y}`;
      const atEnd = (x === a.x && y === a.y) || (x === b.x && y === b.y);
      const pass = d.y === 0 ? 'h' : 'v';
      const known = out.get(key);
      out.set(key, atEnd || (known !== undefined && known !== pass) ? 'turn' : pass);
      if (x === b.x && y === b.y) break;
    }
  }
  return out;
}

const centre = (box: SceneBox): Point => ({
  x: box.x + (box.width - 1) / 2,
  y: box.y + (box.height - 1) / 2,
});

/** Measures a scene (see {@link SceneMetrics}). Pure; used by the benchmark and by tests. */
export function sceneMetrics(scene: Scene): SceneMetrics {
  const boxes = new Map(scene.boxes.map((box) => [box.id, box]));
  const passes = scene.connectors.map((c) => cells(c.points));
  // crossings: a cell passed straight across by one line and straight along by another
  let crossings = 0;
  const seen = new Map<string, { h: Set<number>; v: Set<number> }>();
  passes.forEach((map, index) => {
    for (const [key, pass] of map) {
      if (pass === 'turn') continue;
      let entry = seen.get(key);
      if (!entry) {
        entry = { h: new Set(), v: new Set() };
        seen.set(key, entry);
      }
      entry[pass].add(index);
    }
  });
  for (const { h, v } of seen.values()) if (h.size > 0 && v.size > 0) crossings++;
  const bends = scene.connectors.map((c) => Math.max(0, c.points.length - 2));
  const detours = scene.connectors.map((c) => {
    const first = c.points[0] as Point;
    const last = c.points[c.points.length - 1] as Point;
    let length = 0;
    for (let k = 1; k < c.points.length; k++) {
      const a = c.points[k - 1] as Point;
      const b = c.points[k] as Point;
      length += Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    }
    const direct = Math.abs(last.x - first.x) + Math.abs(last.y - first.y);
    return direct === 0 ? 1 : length / direct;
  });
  // what a note may not cover: box borders, the inside of leaf boxes, lines, other texts
  const taken = new Set<string>();
  for (const box of scene.boxes) {
    if (box.border === 'none') continue;
    for (let x = box.x; x < box.x + box.width; x++) {
      for (let y = box.y; y < box.y + box.height; y++) {
        const border =
          x === box.x || y === box.y || x === box.x + box.width - 1 || y === box.y + box.height - 1;
        if (border || !isContainerKind(box.kind)) taken.add(`${x},${y}`);
      }
    }
  }
  for (const divider of scene.dividers) {
    const box = boxes.get(divider.box);
    if (box) for (let x = box.x; x < box.x + box.width; x++) taken.add(`${x},${divider.y}`);
  }
  for (const map of passes) for (const key of map.keys()) taken.add(key);
  const textCells = new Map<string, number>();
  for (const text of scene.texts) {
    for (let x = text.x; x < text.x + text.width; x++) {
      const key = `${x},${text.y}`;
      textCells.set(key, (textCells.get(key) ?? 0) + 1);
    }
  }
  let noteCollisions = 0;
  for (const text of scene.texts) {
    if (text.role !== 'note') continue;
    for (let x = text.x; x < text.x + text.width; x++) {
      const key = `${x},${text.y}`;
      if (taken.has(key) || (textCells.get(key) ?? 0) > 1) noteCollisions++;
    }
  }
  let awayArrows = 0;
  const away = (connector: SceneConnector, atEnd: boolean): boolean => {
    const points = connector.points;
    const tip = (atEnd ? points[points.length - 1] : points[0]) as Point;
    const before = (atEnd ? points[points.length - 2] : points[1]) as Point;
    const here = boxes.get(atEnd ? connector.to : connector.from);
    const there = boxes.get(atEnd ? connector.from : connector.to);
    if (!here || !there || !before) return false;
    // a line into a container from inside it comes from where it must
    if (there.parent !== undefined && isInside(boxes, there, here)) return false;
    const inward = step(before, tip);
    const a = centre(here);
    const b = centre(there);
    return inward.x * (b.x - a.x) + inward.y * (b.y - a.y) > 0;
  };
  for (const connector of scene.connectors) {
    if (connector.points.length < 2) continue;
    if (connector.arrowEnd && away(connector, true)) awayArrows++;
    if (connector.arrowStart && away(connector, false)) awayArrows++;
  }
  return {
    connectors: scene.connectors.length,
    crossings,
    bends,
    detours,
    area: scene.width * scene.height,
    noteCollisions,
    awayArrows,
  };
}

function isInside(boxes: ReadonlyMap<string, SceneBox>, inner: SceneBox, outer: SceneBox): boolean {
  for (let at = inner.parent; at !== undefined; at = boxes.get(at)?.parent) {
    if (at === outer.id) return true;
  }
  return false;
}
