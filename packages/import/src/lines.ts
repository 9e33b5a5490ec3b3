import type { Rect } from './boxes.js';
import { arrowOf, E, glyphOf, N, opposite, S, SIDES, step, W } from './glyphs.js';
import { at, type Grid } from './grid.js';

/** Characters of dotted lines (the others with `dashed` set are dashed). */
const DOTTED = new Set(['┈', '┊', '┉', '┋', '⋯', ':', '.']);

/** The stroke of a straight line character (`=` is how ascii draws a double or heavy line). */
const STROKES: Readonly<Record<string, 'light' | 'heavy' | 'double'>> = {
  '─': 'light',
  '│': 'light',
  '-': 'light',
  '|': 'light',
  '━': 'heavy',
  '┃': 'heavy',
  '═': 'double',
  '║': 'double',
  '=': 'double',
};

/** Where a line meets a box. */
export interface Terminal {
  rect: number;
  /** The line's cell next to the box (or the border cell it leaves from). */
  row: number;
  col: number;
  /** Whether an arrowhead points into the box here. */
  arrow: boolean;
}

/** A line that ends in the open. */
export interface FreeEnd {
  row: number;
  col: number;
  /** Whether an arrowhead points out, away from the line. */
  arrow: boolean;
  /** The way the line runs out of its last cell (N, E, S or W). */
  side: number;
}

/** One connected drawing of lines: its cells, the boxes it meets and its open ends. */
export interface LineNet {
  cells: Set<number>;
  terminals: Terminal[];
  ends: FreeEnd[];
  dashed: boolean;
  dotted: boolean;
  /** Straight cells drawn light (`─ │ - |`), heavy (`━ ┃`) and double (`═ ║ =`). */
  strokes: { light: number; heavy: number; double: number };
  /** Cells where three or more of its lines meet. */
  junctions: Set<number>;
}

/**
 * Traces every line between the boxes. `owner` holds, per cell, the box whose border it is,
 * -1 for a free cell, -2 for a cell inside a box that holds no box (text, never a line). A line cell connects to a neighbour when both have an
 * arm towards each other; an arm that runs into a box's border meets that box, whether the
 * border has a junction there (`┬`) or not (a line drawn up to the border). A `┼` in the open
 * is a crossing — its two lines pass — unless exactly one of the two lines carries an
 * arrowhead, when it is where three lines gather into one (a fan-in drawn with `┼`).
 */
export function traceLines(grid: Grid, rects: readonly Rect[], owner: Int32Array): LineNet[] {
  const width = grid.width;
  const key = (r: number, c: number) => r * width + c;
  const height = grid.height;
  const inside = (r: number, c: number): boolean => r >= 0 && c >= 0 && r < height && c < width;
  const armsOfCell = (r: number, c: number): number => {
    if (owner[key(r, c)] !== -1) return 0;
    const ch = at(grid, r, c);
    const g = glyphOf(ch);
    // ascii draws corners, junctions and crossings all with `+`: its arms are where lines meet it
    if (ch === '+') return plusArms(r, c);
    // ascii line characters inside words are punctuation: `lag: 50-200ms`, `v1.2`, `e.g.`
    if (g?.weight === 'ascii' && (ch === ':' || ch === '.' || ch === '-')) {
      const word = (dc: number): boolean => /[\p{L}\p{N}]/u.test(at(grid, r, c + dc));
      if (ch === '-' ? word(-1) && word(1) : word(-1) || word(1)) return 0;
    }
    if (g) return g.arms;
    const arrow = arrowOf(ch);
    if (arrow === undefined) return 0;
    // an arrowhead joins the line behind it
    const behind = opposite(arrow);
    const [dr, dc] = step(behind);
    const back = at(grid, r + dr, c + dc);
    const bg = glyphOf(back);
    // a letter or sign is an arrowhead only where a free line runs straight into it
    const free = inside(r + dr, c + dc) && owner[key(r + dr, c + dc)] === -1;
    // or where the line comes through a container's border right behind it (`|` `+` `^`)
    const beyond = at(grid, r + 2 * dr, c + 2 * dc);
    const through =
      !free &&
      (back === '+' || (bg !== undefined && (bg.arms & arrow) !== 0)) &&
      inside(r + 2 * dr, c + 2 * dc) &&
      owner[key(r + 2 * dr, c + 2 * dc)] === -1 &&
      ((glyphOf(beyond)?.arms ?? 0) & arrow) !== 0;
    // or where a note breaks the line right before it, the head touching a box's border
    // (`|` over `(2) Fetch data` over `v` over `+--+--+`)
    const [ar, ac] = step(arrow);
    const ahead = at(grid, r + ar, c + ac);
    const broken =
      free &&
      /[\p{L}\p{N})\]]/u.test(back) &&
      inside(r + ar, c + ac) &&
      owner[key(r + ar, c + ac)] !== -1 &&
      glyphOf(ahead) !== undefined &&
      ((glyphOf(beyond)?.arms ?? 0) & arrow) !== 0;
    if (/[<>v^V]/.test(ch) && !((bg && bg.arms & arrow && free) || through || broken)) return 0;
    return behind | arrow;
  };
  const plusArms = (r: number, c: number): number => {
    let arms = 0;
    for (const side of SIDES) {
      const [dr, dc] = step(side);
      if (!inside(r + dr, c + dc)) continue;
      const next = at(grid, r + dr, c + dc);
      const g = glyphOf(next);
      const along = arrowOf(next);
      const vertical = side === N || side === S;
      const meets =
        next === '+' ||
        (g !== undefined && (g.arms & opposite(side)) !== 0) ||
        (along !== undefined && (along === N || along === S) === vertical);
      if (meets) arms |= side;
    }
    return arms;
  };
  const arms = new Uint8Array(width * height);
  for (let r = 0; r < height; r++) {
    const length = grid.rows[r]?.length ?? 0;
    for (let c = 0; c < length; c++) arms[key(r, c)] = armsOfCell(r, c);
  }
  const armsAt = (r: number, c: number): number => (inside(r, c) ? (arms[key(r, c)] as number) : 0);
  const ownerAt = (r: number, c: number): number =>
    inside(r, c) ? (owner[key(r, c)] as number) : -1;
  const crossing = (r: number, c: number): boolean => armsAt(r, c) === (N | E | S | W);
  /**
   * The box whose side stands `gap` blanks past cell (r, c) across the row, the way `dc`
   * points (-1 when none): ascii drawings often leave a blank between a line and the side it
   * meets (`| Client | -----> | Server |`).
   */
  const sideAcross = (r: number, c: number, dc: number, gap: number, corner = false): number => {
    for (let d = 1; d <= gap; d++) if (at(grid, r, c + d * dc) !== ' ') return -1;
    const side = c + (gap + 1) * dc;
    const o = ownerAt(r, side);
    const box = o >= 0 ? rects[o] : undefined;
    if (!box || (box.left !== side && box.right !== side)) return -1;
    const rows = corner ? r >= box.top && r <= box.bottom : r > box.top && r < box.bottom;
    return rows ? o : -1;
  };
  // union-find over half-cells: a crossing has a horizontal (0) and a vertical (1) part
  const parent = new Int32Array(width * height * 2).fill(-1);
  const node = (r: number, c: number, vertical: boolean) =>
    key(r, c) * 2 + (vertical && crossing(r, c) ? 1 : 0);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    let walk = x;
    while (parent[walk] !== root) {
      const next = parent[walk] as number;
      parent[walk] = root;
      walk = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const lineCells: [number, number][] = [];
  for (let r = 0; r < grid.height; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (armsAt(r, c) === 0) continue;
      lineCells.push([r, c]);
      parent[node(r, c, false)] = node(r, c, false);
      if (crossing(r, c)) parent[node(r, c, true)] = node(r, c, true);
    }
  }
  for (const [r, c] of lineCells) {
    const arms = armsAt(r, c);
    if (arms & E && armsAt(r, c + 1) & W) union(node(r, c, false), node(r, c + 1, false));
    if (arms & S && armsAt(r + 1, c) & N) union(node(r, c, true), node(r + 1, c, true));
  }
  // a line that crosses a container's border (`┼` on it, with the line on both sides) passes
  const passes = (r: number, c: number, side: number): boolean => {
    const [dr, dc] = step(side);
    const br = r + dr;
    const bc = c + dc;
    if (ownerAt(br, bc) < 0) return false;
    const g = glyphOf(at(grid, br, bc));
    const through = side === N || side === S ? N | S : E | W;
    return (
      g !== undefined &&
      (g.arms & through) === through &&
      (armsAt(br + dr, bc + dc) & opposite(side)) !== 0
    );
  };
  for (const [r, c] of lineCells) {
    const arms = armsAt(r, c);
    if (arms & S && passes(r, c, S)) union(node(r, c, true), node(r + 2, c, true));
    if (arms & E && passes(r, c, E)) union(node(r, c, false), node(r, c + 2, false));
  }
  // which box a cell's arm runs into: its border cell belongs to the box
  const meets = (r: number, c: number, side: number): number => {
    const [dr, dc] = step(side);
    const o = ownerAt(r + dr, c + dc);
    return o < 0 ? -1 : o;
  };
  const nets = new Map<number, LineNet>();
  const netOf = (root: number): LineNet => {
    let net = nets.get(root);
    if (!net) {
      net = {
        cells: new Set(),
        terminals: [],
        ends: [],
        dashed: false,
        dotted: false,
        strokes: { light: 0, heavy: 0, double: 0 },
        junctions: new Set(),
      };
      nets.set(root, net);
    }
    return net;
  };
  for (const [r, c] of lineCells) {
    const arms = armsAt(r, c);
    const ch = at(grid, r, c);
    const g = glyphOf(ch);
    for (const vertical of crossing(r, c) ? [false, true] : [false]) {
      const net = netOf(find(node(r, c, vertical)));
      net.cells.add(key(r, c));
      if (g?.dashed) net.dashed = true;
      if (DOTTED.has(ch)) net.dotted = true;
      const stroke = STROKES[ch];
      if (stroke) net.strokes[stroke]++;
    }
    let linked = 0;
    for (const side of SIDES) {
      if (!(arms & side)) continue;
      const [dr, dc] = step(side);
      const vertical = side === N || side === S;
      const net = netOf(find(node(r, c, vertical)));
      if (armsAt(r + dr, c + dc) & opposite(side) || passes(r, c, side)) {
        linked++;
        continue;
      }
      let rect = meets(r, c, side);
      // a line that crosses a container's border straight into the border of a box inside,
      // drawn against it (`┬` right over `┼`): it meets that box
      if (rect >= 0) {
        const [br, bc] = [r + dr, c + dc];
        const through = vertical ? N | S : E | W;
        const beyond = ownerAt(br + dr, bc + dc);
        const far = glyphOf(at(grid, br + dr, bc + dc));
        if (
          ((glyphOf(at(grid, br, bc))?.arms ?? 0) & through) === through &&
          beyond >= 0 &&
          rects[beyond]?.parent === rect &&
          far !== undefined &&
          far.arms & opposite(side)
        )
          rect = beyond;
      }
      // across a row, a blank and then a side border meet it (see `sideAcross`), an arrow
      // even at the box's corner — but not a lone arrow written before words beside a box
      // (`│ queued │ ← Job created`): a pointer, read with its words as an annotation
      const lone = !(armsAt(r, c - dc) & side) && arrowOf(ch) === side;
      if (rect < 0 && !vertical && !lone && at(grid, r, c + dc) === ' ') {
        rect = sideAcross(r, c, dc, 1, arrowOf(ch) === side);
      }
      // an arrowhead on the line's last cell, or drawn into the border it meets — where a hand
      // drawing may have put it a column off, or two when no other line comes to it there
      const inBorder = (d: number): boolean => {
        const [br, bc] = vertical ? [r + dr, c + d] : [r + d, c + dc];
        return ownerAt(br, bc) === rect && arrowOf(at(grid, br, bc)) === side;
      };
      const unmet = (d: number): boolean =>
        at(grid, vertical ? r : r + d, vertical ? c + d : c).trim() === '';
      const arrow =
        arrowOf(ch) === side ||
        (rect >= 0 && ([0, -1, 1].some(inBorder) || [-2, 2].some((d) => inBorder(d) && unmet(d))));
      if (rect >= 0) net.terminals.push({ rect, row: r, col: c, arrow });
      else net.ends.push({ row: r, col: c, arrow, side });
    }
    if (linked >= 3 && !crossing(r, c)) netOf(find(node(r, c, false))).junctions.add(key(r, c));
  }
  // lines that leave a box from a junction on its border (┬ on a bottom border)
  for (const rect of rects) {
    const border: [number, number, number][] = [];
    for (let c = rect.left + 1; c < rect.right; c++) {
      border.push([rect.top, c, N], [rect.bottom, c, S]);
    }
    for (let r = rect.top + 1; r < rect.bottom; r++) {
      border.push([r, rect.left, W], [r, rect.right, E]);
    }
    for (const [r, c, side] of border) {
      const ch = at(grid, r, c);
      const g = glyphOf(ch);
      const arrow = arrowOf(ch);
      const [dr, dc] = step(side);
      const outward = (g && g.arms & side) || arrow === side || arrow === opposite(side);
      if (!outward) continue;
      // a line crossing the border, not ending at it
      const [ir, ic] = step(opposite(side));
      // (into the line beyond, or straight into the border of a box drawn against it)
      const inward =
        armsAt(r + ir, c + ic) & side ||
        (ownerAt(r + ir, c + ic) >= 0 && (glyphOf(at(grid, r + ir, c + ic))?.arms ?? 0) & side);
      if (g && g.arms & opposite(side) && inward) continue;
      const inner = armsAt(r + dr, c + dc);
      if (!(inner & opposite(side))) continue;
      const vertical = side === N || side === S;
      const net = netOf(find(node(r + dr, c + dc, vertical)));
      // the line's own end cell recorded it as an open end: it meets this box instead
      // (a line one cell long has two ends in that cell: only the one facing the box)
      const i = net.ends.findIndex(
        (e) => e.row === r + dr && e.col === c + dc && e.side === opposite(side),
      );
      const endArrow = i >= 0 ? (net.ends[i] as FreeEnd).arrow : false;
      if (i >= 0) net.ends.splice(i, 1);
      const known = net.terminals.find(
        (t) => t.rect === rect.index && t.row === r + dr && t.col === c + dc,
      );
      if (known) known.arrow ||= arrow === opposite(side);
      else {
        net.terminals.push({
          rect: rect.index,
          row: r + dr,
          col: c + dc,
          arrow: endArrow || arrow === opposite(side),
        });
      }
    }
  }
  /**
   * The terminals of `net` past a crossing at (r, c) on one side of it, along its vertical or
   * horizontal part: the one side whose ends all have arrowheads (the way the line runs on),
   * or undefined when not exactly one side is that.
   */
  const downstream = (
    net: LineNet,
    r: number,
    c: number,
    vertical: boolean,
  ): Terminal[] | undefined => {
    const start = key(r, c);
    const sides: Terminal[][] = [];
    for (const way of vertical ? [N, S] : [W, E]) {
      const [dr, dc] = step(way);
      const first = key(r + dr, c + dc);
      if (!net.cells.has(first)) {
        sides.push([]);
        continue;
      }
      const seen = new Set([start, first]);
      const queue = [first];
      while (queue.length > 0) {
        const cell = queue.pop() as number;
        const [cr, cc] = [Math.floor(cell / width), cell % width];
        for (const side of SIDES) {
          const [er, ec] = step(side);
          if (!inside(cr + er, cc + ec)) continue;
          const next = key(cr + er, cc + ec);
          if (seen.has(next) || !net.cells.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      if (net.ends.some((e) => seen.has(key(e.row, e.col)))) return undefined;
      sides.push(net.terminals.filter((t) => seen.has(key(t.row, t.col))));
    }
    const ways = sides.filter((list) => list.length > 0 && list.every((t) => t.arrow));
    return ways.length === 1 ? ways[0] : undefined;
  };
  // a crossing where exactly one line has an arrowhead is a junction
  for (const [r, c] of lineCells) {
    if (!crossing(r, c)) continue;
    const a = find(node(r, c, false));
    const b = find(node(r, c, true));
    if (a === b) continue;
    const na = nets.get(a) as LineNet;
    const nb = nets.get(b) as LineNet;
    // a crossing of two whole lines, each from a box to a box: both directed or both plain;
    // a line that only receives (arrowheads at every end) or only gives is a branch of the other
    const arrows = (n: LineNet) => n.terminals.some((t) => t.arrow) || n.ends.some((e) => e.arrow);
    const sources = (n: LineNet) => n.terminals.some((t) => !t.arrow);
    const half = (n: LineNet) => arrows(n) && !sources(n);
    if (arrows(na) === arrows(nb) && !half(na) && !half(nb)) continue;
    // lines drawn in two styles are two lines, whatever their arrowheads
    if (na.dashed !== nb.dashed || na.dotted !== nb.dotted) continue;
    // lines that only give (a fan-in's bus) meeting a whole line that runs on through (a line
    // from a box above past the fan's boxes to the box they all lead into) feed it: they reach
    // only what it reaches past the crossing, not the boxes it passed on its way there
    const feeder = !arrows(na) && sources(na) ? na : !arrows(nb) && sources(nb) ? nb : undefined;
    const through = feeder === na ? nb : na;
    if (feeder && arrows(through) && sources(through)) {
      const down = downstream(through, r, c, through === nb);
      if (down) {
        feeder.terminals.push(...down.map((t) => ({ ...t })));
        continue;
      }
    }
    union(a, b);
    const root = find(a);
    const merged = root === a ? na : nb;
    const other = root === a ? nb : na;
    for (const cell of other.cells) merged.cells.add(cell);
    merged.terminals.push(...other.terminals);
    merged.ends.push(...other.ends);
    merged.dashed ||= other.dashed;
    merged.dotted ||= other.dotted;
    for (const k of ['light', 'heavy', 'double'] as const) merged.strokes[k] += other.strokes[k];
    merged.junctions.add(key(r, c));
    nets.delete(root === a ? b : a);
  }
  // a line from a box whose arrowhead stops two blanks short of another box's side
  // (`| Prometheus | ------>  | Grafana |`) meets that box; an arrow from no box (`<-- runtime`
  // beside a box) stays an open end, its words a note
  for (const net of nets.values()) {
    if (net.terminals.length === 0) continue;
    for (const end of [...net.ends]) {
      if (!end.arrow || (end.side !== E && end.side !== W)) continue;
      const rect = sideAcross(end.row, end.col, end.side === E ? 1 : -1, 2);
      if (rect < 0) continue;
      net.ends.splice(net.ends.indexOf(end), 1);
      net.terminals.push({ rect, row: end.row, col: end.col, arrow: true });
    }
  }
  return [...nets.values()];
}
