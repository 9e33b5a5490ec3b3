import { type Connection, isContainerKind, type Side } from '../model/types.js';
import { shapeBorderCells } from './chrome.js';
import { type LoopPlace, type LoopShape, loopShapes } from './loops.js';

/** The outward heading of a port on each side (0 up, 1 right, 2 down, 3 left). */
const SIDE_HEADING: Readonly<Record<Side, number>> = { top: 0, right: 1, bottom: 2, left: 3 };

import type { Point, Scene, SceneBox, SceneText } from '../scene/types.js';
import type { DisplayLine } from '../text/width.js';
import {
  BADGE_CELLS,
  BADGE_MIN_WIDTH,
  connectorFor,
  linesOf,
  placeNoteLines,
  sideOffsets,
  widest,
} from './block.js';

/**
 * Orthogonal connection routing on the character grid.
 *
 * Each connection that the flows could not draw as a straight line between neighbours is
 * routed here, after every box is placed, with A* over (cell, heading) states: a step costs
 * `STEP`, a bend `BEND`, crossing another route `CROSS`, running right next to a border
 * `NEAR`. Routes never enter a box (a container's border may be crossed straight through,
 * never along or at a corner), never share a cell in the same orientation with another
 * route, never bend or end where another route is, and cross other routes only at right
 * angles. Each route's note is placed beside one of its segments where it overlaps nothing.
 * Everything is integer cells: the result snaps to the grid by construction.
 */

const STEP = 10;
const BEND = 60;
const CROSS = 400;
const NEAR = 8;
const THROUGH_BORDER = 6;
/** Greedier than A*: routes stay near-cheapest while long ones search far fewer cells. */
const HEURISTIC_WEIGHT = 1.25;

const DX = [0, 1, 0, -1] as const;
const DY = [-1, 0, 1, 0] as const;

/** Cell codes of the obstacle grid. */
const FREE = 0;
const BLOCKED = 1;
/** A container's top or bottom border: crossed only vertically. */
const PASS_VERTICAL = 2;
/** A container's left or right border: crossed only horizontally. */
const PASS_HORIZONTAL = 3;

/** The largest grid searched whole (4 states × 12 bytes a cell: about 100 MB at most). */
const MAX_SEARCH_CELLS = 2_000_000;

/** Bits of the use grid. */
const USE_H = 1;
const USE_V = 2;
/** A bend, an end or a port: nothing else may touch the cell. */
const USE_FIXED = 4;

/** A connection to route and its note's lines. */
export interface RouteRequest {
  connection: Connection;
  notes: DisplayLine[];
}

/** Why a connection could not be routed. */
export interface RouteFailure {
  connection: Connection;
  reason: 'no-path' | 'no-room-for-note' | 'unknown-endpoint';
}

class Grid {
  readonly width: number;
  readonly height: number;
  /** Scene column 0 is grid column `ox`. */
  readonly ox: number;
  readonly oy: number;
  readonly block: Uint8Array;
  readonly use: Uint8Array;
  /** For a container's border cell: the container's number; else -1. */
  readonly owner: Int32Array;

  constructor(width: number, height: number, ox: number, oy: number) {
    this.width = width;
    this.height = height;
    this.ox = ox;
    this.oy = oy;
    this.block = new Uint8Array(width * height);
    this.use = new Uint8Array(width * height);
    this.owner = new Int32Array(width * height).fill(-1);
  }

  index(x: number, y: number): number {
    return (y + this.oy) * this.width + (x + this.ox);
  }

  inside(x: number, y: number): boolean {
    const gx = x + this.ox;
    const gy = y + this.oy;
    return gx >= 0 && gy >= 0 && gx < this.width && gy < this.height;
  }

  fill(x: number, y: number, w: number, h: number, code: number, owner = -1): void {
    for (let row = y; row < y + h; row++) {
      for (let column = x; column < x + w; column++) {
        if (!this.inside(column, row)) continue;
        const i = this.index(column, row);
        this.block[i] = code;
        this.owner[i] = owner;
      }
    }
  }
}

/**
 * A binary min-heap of search states in typed arrays. Keys are whole numbers; equal keys are
 * broken by the smaller state, so the order (and every route) is deterministic.
 */
class Heap {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a] as number;
    const kb = this.keys[b] as number;
    return ka < kb || (ka === kb && (this.values[a] as number) < (this.values[b] as number));
  }

  private move(to: number, from: number): void {
    this.keys[to] = this.keys[from] as number;
    this.values[to] = this.values[from] as number;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const values = new Int32Array(this.size * 2);
      keys.set(this.keys);
      values.set(this.values);
      this.keys = keys;
      this.values = values;
    }
    let i = this.size++;
    this.keys[i] = key;
    this.values[i] = value;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      const k = this.keys[i] as number;
      const v = this.values[i] as number;
      this.move(i, parent);
      this.keys[parent] = k;
      this.values[parent] = v;
      i = parent;
    }
  }

  pop(): number {
    const top = this.values[0] as number;
    const last = --this.size;
    if (last === 0) return top;
    this.move(0, last);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < last && this.less(l, m)) m = l;
      if (r < last && this.less(r, m)) m = r;
      if (m === i) break;
      const k = this.keys[i] as number;
      const v = this.values[i] as number;
      this.move(i, m);
      this.keys[m] = k;
      this.values[m] = v;
      i = m;
    }
    return top;
  }
}

/** Packs a state's estimate and cost into one key: lower estimate first, then deeper. */
const G_SPAN = 2 ** 24;
const heapKey = (f: number, g: number): number =>
  f * G_SPAN + (G_SPAN - 1 - Math.min(g, G_SPAN - 1));

/** Top-border cells each box's title written into the border keeps clear, by box id. */
const titleKeepOut = new WeakMap<SceneBox, Set<number>>();
/** For a container with a title band: the row of the rule under it. */
const bandRule = new WeakMap<SceneBox, number>();
/** For a box with a heading over a rule: the rows where a rule meets its sides. */
const ruleRows = new WeakMap<SceneBox, Set<number>>();

/** Records the cells around titles (in top borders and in bands), for {@link ports}. */
function keepTitlesClear(scene: Scene): void {
  for (const divider of scene.dividers) {
    const box = scene.boxes.find((b) => b.id === divider.box);
    if (box === undefined) continue;
    if (isContainerKind(box.kind)) bandRule.set(box, divider.y);
    else ruleRows.set(box, (ruleRows.get(box) ?? new Set<number>()).add(divider.y));
  }
  for (const text of scene.texts) {
    if (!text.cut) continue;
    // the box the title is written into, and any that shares that border (a stack's top layer)
    for (const box of scene.boxes) {
      if (box.y !== text.y || text.x < box.x || text.x >= box.x + box.width) continue;
      const cells = titleKeepOut.get(box) ?? new Set<number>();
      for (let x = text.x - 2; x <= text.x + text.width + 1; x++) cells.add(x);
      titleKeepOut.set(box, cells);
    }
  }
}

/**
 * The border cells of a box a route may start or end at, each with its outward heading: never
 * a corner or the cell beside one on a long side, never the cells where the SVG draws the
 * box's badge or a title in the border, never beside a container's title band or its rule,
 * nor where a rule under a box's heading meets its sides.
 */
function ports(box: SceneBox, inward: boolean): { x: number; y: number; heading: number }[] {
  const out: { x: number; y: number; heading: number }[] = [];
  const right = box.x + box.width - 1;
  const bottom = box.y + box.height - 1;
  const flip = (d: number): number => (inward ? (d + 2) % 4 : d);
  const badge = !isContainerKind(box.kind) && box.width >= BADGE_MIN_WIDTH;
  // nor where the kind's drawing meets the border (a database's lid, a queue's end)
  const shape = shapeBorderCells(box.kind, box.width);
  const titled = titleKeepOut.get(box);
  const across = sideOffsets(box.width).map((o) => box.x + o);
  const rule = bandRule.get(box) ?? box.y;
  // nor where a heading's rule meets the sides: the line would read as the rule going on
  const ruled = ruleRows.get(box);
  const along = sideOffsets(box.height)
    .map((o) => box.y + o)
    .filter((y) => y > rule && !ruled?.has(y));
  for (const x of across) {
    if (badge && (BADGE_CELLS as readonly number[]).includes(x - box.x)) continue;
    if (shape.top.includes(x - box.x)) continue;
    // nor on a title written into the top border, nor right beside it
    if (titled?.has(x)) continue;
    out.push({ x, y: box.y, heading: flip(0) });
  }
  for (const y of along) {
    if (!shape.right.includes(y - box.y)) out.push({ x: right, y, heading: flip(1) });
  }
  for (const x of across) {
    if (!shape.bottom.includes(x - box.x)) out.push({ x, y: bottom, heading: flip(2) });
  }
  for (const y of along) {
    if (!shape.left.includes(y - box.y)) out.push({ x: box.x, y, heading: flip(3) });
  }
  return out;
}

/** A rectangle of grid cells, both corners included. */
interface Window {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The router's search state. Its arrays cover only the window being searched (a route's
 * neighbourhood, rarely the whole grid) and are reused between searches: a generation stamp
 * says which entries are current, so nothing is cleared.
 */
class Search {
  private cost = new Int32Array(0);
  private from = new Int32Array(0);
  private stamp = new Int32Array(0);
  private generation = 0;
  /** What the last route found cost (steps, bends, crossings). */
  lastCost = 0;
  private readonly heap = new Heap();
  private readonly goal: Int8Array;

  constructor(private readonly grid: Grid) {
    this.goal = new Int8Array(grid.width * grid.height).fill(-1);
  }

  private reserve(states: number): void {
    if (this.cost.length >= states) return;
    this.cost = new Int32Array(states);
    this.from = new Int32Array(states);
    this.stamp = new Int32Array(states);
    this.generation = 0;
  }

  /**
   * The cheapest route from `source` to `target`, as grid cell indexes from a border cell of
   * the source to one of the target, or undefined when there is none inside `window`.
   * `crossable[n]` says whether the border of container `n` may be crossed.
   */
  run(
    source: SceneBox,
    target: SceneBox,
    sourceInward: boolean,
    targetInward: boolean,
    window: Window,
    crossable: Uint8Array,
    check: () => void,
    arrows: { source: boolean; target: boolean } = { source: false, target: false },
    sides: { source?: Side; target?: Side } = {},
  ): number[] | undefined {
    const { grid, heap, goal } = this;
    const { width, height, block, use, owner } = grid;
    /** Whether a free cell touches a border, a text or another route: a route keeps off. */
    const near = (x: number, y: number): boolean => {
      for (let d = 0; d < 4; d++) {
        const nx = x + (DX[d] as number);
        const ny = y + (DY[d] as number);
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const k = ny * width + nx;
        if (block[k] !== FREE || use[k] !== 0) return true;
      }
      return false;
    };
    const ww = window.x1 - window.x0 + 1;
    const wh = window.y1 - window.y0 + 1;
    this.reserve(ww * wh * 4);
    const { cost, from, stamp } = this;
    this.generation++;
    const generation = this.generation;
    heap.clear();
    // states are (cell in the window) × heading
    const local = (x: number, y: number): number => (y - window.y0) * ww + (x - window.x0);
    // a side the model asks for (from outside the box) is the only side the line may use
    const onSide = (side: Side | undefined, inward: boolean) => (port: { heading: number }) =>
      side === undefined || inward || port.heading === SIDE_HEADING[side];
    const targetPorts = ports(target, targetInward).filter(onSide(sides.target, targetInward));
    for (const port of targetPorts) {
      if (!grid.inside(port.x, port.y)) continue;
      const i = grid.index(port.x, port.y);
      // the last step goes into the border, against the port's outward heading
      if (use[i] === 0) goal[i] = (port.heading + 2) % 4;
    }
    const tx0 = target.x + grid.ox;
    const ty0 = target.y + grid.oy;
    const tx1 = tx0 + target.width - 1;
    const ty1 = ty0 + target.height - 1;
    const h = (x: number, y: number): number =>
      HEURISTIC_WEIGHT *
      ((x < tx0 ? tx0 - x : x > tx1 ? x - tx1 : 0) + (y < ty0 ? ty0 - y : y > ty1 ? y - ty1 : 0)) *
      STEP;
    const midX = source.x + source.width / 2;
    const midY = source.y + source.height / 2;
    // a line leaves and enters on the sides facing its other end: a side facing away costs
    // as much as a detour of a few cells, a side facing across a little
    const towardX = target.x + target.width / 2 - midX;
    const towardY = target.y + target.height / 2 - midY;
    /** Whether a box stands within a few cells straight out of a port: the line must turn at once. */
    const walled = (x: number, y: number, heading: number): boolean => {
      for (let k = 1; k <= 3; k++) {
        const nx = x + grid.ox + k * (DX[heading] as number);
        const ny = y + grid.oy + k * (DY[heading] as number);
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) return false;
        if (block[ny * width + nx] === BLOCKED) return true;
      }
      return false;
    };
    const sideCost = (
      port: { x: number; y: number; heading: number },
      dx: number,
      dy: number,
    ): number => {
      const { heading } = port;
      const along = (DX[heading] as number) * dx + (DY[heading] as number) * dy;
      const best = Math.max(Math.abs(dx), Math.abs(dy));
      if (along < 0) return 6 * STEP;
      // a side that faces the other end only across a neighbour's border is no better than
      // one facing across: the line turns at once either way
      return along >= best - 0.5 && !walled(port.x, port.y, heading) ? 0 : 2 * STEP;
    };
    const goalCost = new Map<number, number>();
    for (const port of targetPorts) {
      if (!grid.inside(port.x, port.y)) continue;
      // for the target the port's outward heading should face back toward the source
      const cost = targetInward ? 0 : sideCost(port, -towardX, -towardY);
      goalCost.set(grid.index(port.x, port.y), cost);
    }
    /** No bend in the two cells before an arrowhead (a hook): the last run is straight. */
    const ring = (box: SceneBox, x: number, y: number): boolean => {
      const bx0 = box.x + grid.ox;
      const by0 = box.y + grid.oy;
      return x >= bx0 - 2 && x <= bx0 + box.width + 1 && y >= by0 - 2 && y <= by0 + box.height + 1;
    };
    const hookAt = (x: number, y: number): boolean =>
      (arrows.target && !targetInward && ring(target, x, y)) ||
      (arrows.source && !sourceInward && ring(source, x, y));
    for (const port of ports(source, sourceInward).filter(onSide(sides.source, sourceInward))) {
      if (!grid.inside(port.x, port.y)) continue;
      const gx = port.x + grid.ox;
      const gy = port.y + grid.oy;
      if (gx < window.x0 || gy < window.y0 || gx > window.x1 || gy > window.y1) continue;
      if (use[gy * width + gx] !== 0) continue;
      const state = local(gx, gy) * 4 + port.heading;
      // prefer ports near the middle of a side that faces the target
      const g =
        Math.floor(Math.abs(port.x + 0.5 - midX) + Math.abs(port.y + 0.5 - midY)) +
        (sourceInward ? 0 : sideCost(port, towardX, towardY));
      stamp[state] = generation;
      cost[state] = g;
      from[state] = -1;
      heap.push(heapKey(g + h(gx, gy), g), state);
    }
    let found = -1;
    let expanded = 0;
    while (heap.size > 0) {
      // a long search still answers to the time budget
      if ((++expanded & 0xffff) === 0) check();
      const state = heap.pop();
      const li = state >> 2;
      const heading = state & 3;
      const g = cost[state] as number;
      const lx = li % ww;
      const x = lx + window.x0;
      const y = (li - lx) / ww + window.y0;
      const i = y * width + x;
      const isStart = (from[state] as number) === -1;
      if (goal[i] !== -1 && !isStart) {
        found = state;
        break;
      }
      // no bend on a border crossing, on another route, or right next to either end box
      const previous = from[state] as number;
      const canTurn =
        !isStart &&
        (from[previous] as number) !== -1 &&
        block[i] === FREE &&
        use[i] === 0 &&
        !hookAt(x, y);
      for (let turn = 0; turn < 3; turn++) {
        if (turn !== 0 && !canTurn) break;
        const d = turn === 0 ? heading : turn === 1 ? (heading + 1) & 3 : (heading + 3) & 3;
        const nx = x + (DX[d] as number);
        const ny = y + (DY[d] as number);
        if (nx < window.x0 || ny < window.y0 || nx > window.x1 || ny > window.y1) continue;
        const j = ny * width + nx;
        let step = STEP + (turn === 0 ? 0 : BEND);
        const vertical = d === 0 || d === 2;
        if (goal[j] !== -1) {
          if (goal[j] !== d || turn !== 0) continue;
          step += goalCost.get(j) ?? 0;
        } else {
          const code = block[j];
          const u = use[j] as number;
          if (code === BLOCKED) continue;
          if (code === PASS_VERTICAL || code === PASS_HORIZONTAL) {
            if ((code === PASS_VERTICAL) !== vertical || u !== 0) continue;
            if (crossable[owner[j] as number] !== 1) continue;
            step += THROUGH_BORDER;
          } else {
            if (u & USE_FIXED) continue;
            if (u & (vertical ? USE_V : USE_H)) continue;
            if (u !== 0) step += CROSS;
            else if (near(nx, ny)) step += NEAR;
          }
        }
        const next = local(nx, ny) * 4 + d;
        const ng = g + step;
        if (stamp[next] === generation && (cost[next] as number) <= ng) continue;
        stamp[next] = generation;
        cost[next] = ng;
        from[next] = state;
        heap.push(heapKey(ng + h(nx, ny), ng), next);
      }
    }
    for (const port of targetPorts) {
      if (grid.inside(port.x, port.y)) goal[grid.index(port.x, port.y)] = -1;
    }
    if (found === -1) return undefined;
    this.lastCost = cost[found] as number;
    const cells: number[] = [];
    for (let s = found; s !== -1; s = from[s] as number) {
      const li = s >> 2;
      const lx = li % ww;
      cells.push(((li - lx) / ww + window.y0) * width + lx + window.x0);
    }
    return cells.reverse();
  }
}

/** Whether a path crosses a route already drawn. */
function crossesAny(grid: Grid, cells: readonly number[]): boolean {
  return cells.some((i) => (grid.use[i] as number) !== 0);
}

/** Turns a path of cells into a polyline: its ends and every bend. */
function corners(grid: Grid, cells: readonly number[]): Point[] {
  const at = (i: number): Point => ({
    x: (i % grid.width) - grid.ox,
    y: Math.floor(i / grid.width) - grid.oy,
  });
  const points: Point[] = [at(cells[0] as number)];
  for (let k = 1; k + 1 < cells.length; k++) {
    const a = at(cells[k - 1] as number);
    const b = at(cells[k] as number);
    const c = at(cells[k + 1] as number);
    if (b.x - a.x !== c.x - b.x || b.y - a.y !== c.y - b.y) points.push(b);
  }
  points.push(at(cells[cells.length - 1] as number));
  return points;
}

/** Records a route in the use grid so later routes keep off it. */
function occupy(grid: Grid, cells: readonly number[]): void {
  const last = cells.length - 1;
  cells.forEach((i, k) => {
    if (k === 0 || k === last || k === 1 || k === last - 1) {
      grid.use[i] = (grid.use[i] as number) | USE_FIXED | USE_H | USE_V;
      return;
    }
    const before = cells[k - 1] as number;
    const after = cells[k + 1] as number;
    const horizontalIn = Math.abs(i - before) === 1;
    const horizontalOut = Math.abs(after - i) === 1;
    if (grid.block[i] !== FREE) {
      grid.use[i] = (grid.use[i] as number) | USE_FIXED;
    } else if (horizontalIn !== horizontalOut) {
      grid.use[i] = (grid.use[i] as number) | USE_FIXED | USE_H | USE_V;
    } else {
      grid.use[i] = (grid.use[i] as number) | (horizontalIn ? USE_H : USE_V);
    }
  });
}

/** The grid cells a polyline passes through, both ends included. */
function cellsAlong(grid: Grid, points: readonly Point[]): number[] {
  const cells: number[] = [];
  points.forEach((point, k) => {
    const previous = points[k - 1];
    if (previous === undefined) {
      cells.push(grid.index(point.x, point.y));
      return;
    }
    const dx = Math.sign(point.x - previous.x);
    const dy = Math.sign(point.y - previous.y);
    for (let x = previous.x, y = previous.y; x !== point.x || y !== point.y; ) {
      x += dx;
      y += dy;
      cells.push(grid.index(x, y));
    }
  });
  return cells;
}

/**
 * The cells of the first loop from `box` back to itself (see `loopShapes`) whose ends are free
 * ports and whose every other cell is open ground no other line uses.
 */
function freeLoop(
  grid: Grid,
  box: SceneBox,
  connection: Connection,
  place?: LoopPlace,
): number[] | undefined {
  const backward = connection.direction === 'backward';
  const { fromSide, toSide } = connection.hints ?? {};
  /** Whether a shape's ends are on the sides the model asks for (`from` is its head if backward). */
  const asked = (shape: LoopShape): boolean => {
    const [tail, head] = [shape[0] as Point, shape[shape.length - 1] as Point];
    const [from, to] = backward ? [head, tail] : [tail, head];
    return (
      (fromSide === undefined || sideOfBox(box, from) === fromSide) &&
      (toSide === undefined || sideOfBox(box, to) === toSide)
    );
  };
  const free = (x: number, y: number): boolean =>
    grid.inside(x, y) && grid.use[grid.index(x, y)] === 0;
  const open = ports(box, false).filter((p) => free(p.x, p.y));
  /** Whether a cell is open ground with no other line in it or right beside it. */
  const clear = (i: number): boolean => {
    if (grid.block[i] !== FREE || grid.use[i] !== 0) return false;
    const x = i % grid.width;
    const y = (i - x) / grid.width;
    for (let d = 0; d < 4; d++) {
      const [nx, ny] = [x + (DX[d] as number), y + (DY[d] as number)];
      if (nx < 0 || ny < 0 || nx >= grid.width || ny >= grid.height) continue;
      if (grid.use[ny * grid.width + nx] !== 0) return false;
    }
    return true;
  };
  for (const shape of loopShapes(open, place, connection.direction === 'both')) {
    if (!asked(shape) || !shape.every((p) => grid.inside(p.x, p.y))) continue;
    const cells = cellsAlong(grid, shape);
    if (cells.slice(1, -1).every(clear)) return cells;
  }
  return undefined;
}

/** The side of a box a cell of its border is on (a corner counts as top or bottom). */
function sideOfBox(box: SceneBox, p: Point): Side {
  if (p.y === box.y) return 'top';
  if (p.y === box.y + box.height - 1) return 'bottom';
  return p.x === box.x ? 'left' : 'right';
}

/** Whether a block of cells, with a blank column each side, is free for a note. */
function roomFor(grid: Grid, x: number, y: number, w: number, h: number): boolean {
  for (let row = y; row < y + h; row++) {
    for (let column = x - 1; column <= x + w; column++) {
      if (!grid.inside(column, row)) return false;
      const i = grid.index(column, row);
      if (grid.block[i] !== FREE || grid.use[i] !== 0) return false;
    }
  }
  return true;
}

/**
 * Where a note of `w` × `h` cells can go beside a route, or undefined; `before` when it sits
 * left of a vertical segment (its lines then end at the line's side, whatever the font).
 */
function placeNote(
  grid: Grid,
  points: readonly Point[],
  w: number,
  h: number,
): (Point & { before: boolean }) | undefined {
  const segments = points.slice(1).map((b, k) => ({ a: points[k] as Point, b, k }));
  const length = (s: { a: Point; b: Point }): number =>
    Math.abs(s.a.x - s.b.x) + Math.abs(s.a.y - s.b.y);
  segments.sort((s, t) => length(t) - length(s) || s.k - t.k);
  for (const { a, b } of segments) {
    const candidates: (Point & { before: boolean })[] = [];
    if (a.y === b.y) {
      const x0 = Math.min(a.x, b.x) + 1;
      const x1 = Math.max(a.x, b.x) - 1;
      const centre = Math.floor((x0 + x1 + 1 - w) / 2);
      // from the middle of the segment outward, above the line, then below it
      for (const y of [a.y - h, a.y + 1]) {
        for (let shift = 0; shift <= x1 - x0; shift++) {
          for (const x of shift === 0 ? [centre] : [centre - shift, centre + shift]) {
            if (x + w - 1 < x0 || x > x1) continue;
            candidates.push({ x, y, before: false });
          }
        }
      }
    } else {
      const y0 = Math.min(a.y, b.y) + 1;
      const y1 = Math.max(a.y, b.y) - 1;
      const centre = Math.floor((y0 + y1 + 1 - h) / 2);
      for (const x of [a.x + 2, a.x - 1 - w]) {
        for (let shift = 0; shift <= y1 - y0; shift++) {
          for (const y of shift === 0 ? [centre] : [centre - shift, centre + shift]) {
            if (y + h - 1 < y0 || y > y1) continue;
            candidates.push({ x, y, before: x < a.x });
          }
        }
      }
    }
    for (const c of candidates) if (roomFor(grid, c.x, c.y, w, h)) return c;
  }
  return undefined;
}

/** Writes a routed line's note at its spot: right-aligned when it sits left of the line. */
function placeRoutedNote(
  scene: Scene,
  connection: Connection,
  notes: readonly DisplayLine[],
  spot: Point & { before: boolean },
  w: number,
): void {
  if (spot.before) {
    placeNoteLines(scene, connection, notes, (line) => spot.x + w - line.width, spot.y, 'right');
  } else placeNoteLines(scene, connection, notes, () => spot.x, spot.y, 'left');
}

/**
 * Writes a line's note beside one of the `first` segments that has room for it, else beside
 * any segment of its line; false when none has. The note and a blank column each side of it
 * stay clear of later routes.
 */
function noteBeside(
  grid: Grid,
  scene: Scene,
  connection: Connection,
  notes: readonly DisplayLine[],
  points: readonly Point[],
  first: readonly (readonly Point[])[] = [],
): boolean {
  const w = widest(notes);
  const spot =
    first.map((segment) => placeNote(grid, segment, w, notes.length)).find(Boolean) ??
    placeNote(grid, points, w, notes.length);
  if (spot === undefined) return false;
  grid.fill(spot.x - 1, spot.y, w + 2, notes.length, BLOCKED);
  placeRoutedNote(scene, connection, notes, spot, w);
  return true;
}

/** The connections routing could not draw (the others are in the scene). */
export interface RouteResult {
  failures: RouteFailure[];
}

/**
 * Routes connections on a placed scene, adding their connectors and notes to it. `margin`
 * cells around the scene are open to routes; the caller grows the scene to fit afterwards.
 * `isInside(a, b)` says whether box `a` is inside container `b`; `check` throws when the
 * time budget is spent. A line from a box to itself is drawn as a loop, where `loopPlaces`
 * says measuring left room for it (see `loopShapes`).
 */
export function routeConnections(
  scene: Scene,
  requests: readonly RouteRequest[],
  margin: number,
  isInside: (inner: string, outer: string) => boolean,
  check: () => void = () => {},
  looseNotes: readonly Connection[] = [],
  loopPlaces: ReadonlyMap<string, LoopPlace> = new Map(),
): RouteResult {
  const grid = new Grid(scene.width + 2 * margin, scene.height + 2 * margin, margin, margin);
  keepTitlesClear(scene);
  const boxes = new Map<string, SceneBox>();
  for (const box of scene.boxes) boxes.set(box.id, box);
  // a container drawn without a border (a group) is no obstacle and has no border to cross
  const containers = scene.boxes.filter(
    (box) => isContainerKind(box.kind) && box.border !== 'none',
  );
  const crossable = new Uint8Array(containers.length);
  for (const box of scene.boxes) {
    if (!isContainerKind(box.kind)) grid.fill(box.x, box.y, box.width, box.height, BLOCKED);
  }
  containers.forEach((box, n) => {
    const right = box.x + box.width - 1;
    const bottom = box.y + box.height - 1;
    grid.fill(box.x + 1, box.y, box.width - 2, 1, PASS_VERTICAL, n);
    grid.fill(box.x + 1, bottom, box.width - 2, 1, PASS_VERTICAL, n);
    grid.fill(box.x, box.y + 1, 1, box.height - 2, PASS_HORIZONTAL, n);
    grid.fill(right, box.y + 1, 1, box.height - 2, PASS_HORIZONTAL, n);
    for (const [x, y] of [
      [box.x, box.y],
      [right, box.y],
      [box.x, bottom],
      [right, bottom],
    ] as const) {
      grid.fill(x, y, 1, 1, BLOCKED);
    }
  });
  for (const divider of scene.dividers) {
    const box = boxes.get(divider.box);
    if (box === undefined || !isContainerKind(box.kind)) continue;
    // the title band and its rule
    grid.fill(box.x, box.y + 1, box.width, divider.y - box.y, BLOCKED);
  }
  // a title cut into a border takes the cleared cell on each side too, and so does a note: a
  // line run right beside one would read as the line it names
  const blockText = (text: SceneText): void =>
    text.cut || text.role === 'note'
      ? grid.fill(text.x - 1, text.y, text.width + 2, 1, BLOCKED)
      : grid.fill(text.x, text.y, text.width, 1, BLOCKED);
  for (const text of scene.texts) blockText(text);
  for (const connector of scene.connectors) occupy(grid, cellsAlong(grid, connector.points));
  const search = new Search(grid);
  const failures: RouteFailure[] = [];
  /** Draws a line through `cells` and its note; a loop's note goes beside its far side first. */
  const draw = (
    connection: Connection,
    notes: readonly DisplayLine[],
    cells: readonly number[],
    loop: boolean,
  ): void => {
    occupy(grid, cells);
    const points = corners(grid, cells);
    scene.connectors.push(connectorFor(connection, points, true));
    if (notes.length === 0) return;
    // a loop's far sides are its segments but the first and last (upright ones first)
    const far = loop
      ? points
          .slice(1, -2)
          .map((p, k) => [p, points[k + 2] as Point])
          .sort((a, b) => Number(a[0]?.x !== a[1]?.x) - Number(b[0]?.x !== b[1]?.x))
      : [];
    if (!noteBeside(grid, scene, connection, notes, points, far)) {
      failures.push({ connection, reason: 'no-room-for-note' });
    }
  };
  for (const { connection, notes } of requests) {
    check();
    const source = boxes.get(connection.from);
    const target = boxes.get(connection.to);
    if (source === undefined || target === undefined) {
      failures.push({ connection, reason: 'unknown-endpoint' });
      continue;
    }
    // a loop takes a free corner or side of its box; on a box with none left it is routed
    // round the box like any other line
    const loop =
      source === target ? freeLoop(grid, source, connection, loopPlaces.get(source.id)) : undefined;
    if (loop !== undefined) {
      draw(
        connection,
        notes,
        connection.direction === 'backward' ? [...loop].reverse() : loop,
        true,
      );
      continue;
    }
    const sourceInward = isInside(target.id, source.id);
    const targetInward = isInside(source.id, target.id);
    const around = (pad: number): Window => ({
      x0: Math.max(0, Math.min(source.x, target.x) - pad + grid.ox),
      y0: Math.max(0, Math.min(source.y, target.y) - pad + grid.oy),
      x1: Math.min(
        grid.width - 1,
        Math.max(source.x + source.width, target.x + target.width) + pad + grid.ox,
      ),
      y1: Math.min(
        grid.height - 1,
        Math.max(source.y + source.height, target.y + target.height) + pad + grid.oy,
      ),
    });
    // a route crosses the border of each container that holds one end but not the other
    containers.forEach((box, n) => {
      const a = box.id !== source.id && isInside(source.id, box.id);
      const b = box.id !== target.id && isInside(target.id, box.id);
      crossable[n] = a !== b ? 1 : 0;
    });
    // the ends' neighbourhood first, then wider; the whole grid only when it is small enough
    // for the search's memory to stay modest
    let cells: number[] | undefined;
    let best = Number.POSITIVE_INFINITY;
    for (const pad of [8, 40, Number.POSITIVE_INFINITY]) {
      const window = around(pad);
      if (pad === Number.POSITIVE_INFINITY && grid.width * grid.height > MAX_SEARCH_CELLS) break;
      const found = search.run(
        source,
        target,
        sourceInward,
        targetInward,
        window,
        crossable,
        check,
        {
          source: connection.direction === 'both' || connection.direction === 'backward',
          target: connection.direction === 'both' || connection.direction === 'forward',
        },
        {
          ...(connection.hints?.fromSide ? { source: connection.hints.fromSide } : {}),
          ...(connection.hints?.toSide ? { target: connection.hints.toSide } : {}),
        },
      );
      if (found !== undefined && search.lastCost < best) {
        cells = found;
        best = search.lastCost;
      }
      // a route that crosses another may find its way around in a wider window (one more:
      // the whole grid is searched only for a route not found at all)
      if (cells !== undefined && (pad > 8 || !crossesAny(grid, cells))) break;
    }
    if (cells === undefined) {
      failures.push({ connection, reason: 'no-path' });
      continue;
    }
    draw(connection, notes, cells, false);
  }
  // notes of lines drawn by their blocks that found no room there: beside any of their segments
  for (const connection of looseNotes) {
    const connector = scene.connectors.find((c) => c.id === connection.id);
    const notes = linesOf(connection.note);
    if (connector === undefined || notes.length === 0) continue;
    if (!noteBeside(grid, scene, connection, notes, connector.points)) {
      failures.push({ connection, reason: 'no-room-for-note' });
    }
  }
  return { failures };
}
