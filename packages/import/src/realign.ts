import { down, has, isCorner } from './boxes.js';
import { arrowOf, E, N, S, W } from './glyphs.js';
import { at, type Cell, type Grid } from './grid.js';

/** A row read as shifted: from `column` on, its cells moved by `shift` columns to line up. */
export interface Realigned {
  row: number;
  column: number;
  shift: number;
  /** What was lined up: a box's side, or a line down. */
  what: 'side' | 'line';
}

/** A cell of a horizontal border an ascii `+` corner may run into. */
const border = (ch: string): boolean => ch === '-' || ch === '=' || ch === '+';

/**
 * Whether the cell at row `r`, column `c` is a box's corner with exactly `arms`: a
 * box-drawing corner, or an ascii `+` whose border runs one way only (`-` on that side and not
 * on the other) with a side the other way, in its column or one beside it.
 */
function cornerAt(grid: Grid, r: number, c: number, arms: number): boolean {
  const ch = at(grid, r, c);
  if (ch !== '+') return isCorner(ch, arms);
  const east = border(at(grid, r, c + 1));
  const west = border(at(grid, r, c - 1));
  if ((arms & E ? !east || west : !west || east) || !(arms & (N | S))) return false;
  const next = arms & S ? r + 1 : r - 1;
  return [c, c - 1, c + 1].some((x) => at(grid, next, x) === '|');
}
/** A cell that may grow or shrink by a copy of itself without changing what it says. */
const filler = (ch: string): boolean =>
  ch === ' ' || (has(ch, E | W) && !has(ch, N) && !has(ch, S));

/** Most rows a box's side is followed down to find the corner that closes it. */
const MAX_SIDE = 400;

/**
 * A column a box's side runs down: a corner at the top and the matching corner at the bottom
 * in the same column, the side on every row between, there or a column beside.
 */
interface Side {
  column: number;
  top: number;
  bottom: number;
  /** The corner that closes it, when that corner stands a column off as the rows over it do. */
  closing?: number;
  /** A line down, not a box's side (see `jogsOf`). */
  line?: true;
}

function sidesOf(grid: Grid): Side[] {
  const out: Side[] = [];
  for (let r = 0; r < grid.height; r++) {
    const row = grid.rows[r] as Cell[];
    for (let c = 0; c < row.length; c++) {
      const left = cornerAt(grid, r, c, E | S);
      if (!left && !cornerAt(grid, r, c, W | S)) continue;
      const closing = left ? E | N : W | N;
      // down to the closing corner, the side on every row in its column or one beside it
      for (let b = r + 1; b < grid.height && b - r <= MAX_SIDE; b++) {
        const below = at(grid, b, c);
        if (cornerAt(grid, b, c, closing)) {
          if (b - r > 1) out.push({ column: c, top: r, bottom: b });
          break;
        }
        // the side slipped a column partway down and its corner with it (a box redrawn a
        // cell to the right from one row on): the rows from the slip on line up too
        const slipped = down(below)
          ? undefined
          : [-1, 1].find((d) => cornerAt(grid, b, c + d, closing) && down(at(grid, b - 1, c + d)));
        if (slipped !== undefined) {
          if (b - r > 1) out.push({ column: c, top: r, bottom: b, closing });
          break;
        }
        if (!down(below) && !down(at(grid, b, c - 1)) && !down(at(grid, b, c + 1))) break;
      }
    }
  }
  return out;
}

/** Most rows a line's stretch may stand a column off (a note of two or three lines). */
const MAX_JOG = 3;

/** A line's cell that runs only up and down (`│`, `|`, `┆`). */
const upright = (ch: string): boolean => has(ch, N | S) && !has(ch, E) && !has(ch, W);

/**
 * Where a line down stands a column off for a row or a few, blank where it should be, with
 * the line going on above and below in its own column (`│ :5432` typed a cell short, the
 * `│` after it pulled left): each such row, as a side to line up. Two lines side by side are
 * not a slip: the stretch off must not go on above or below in its own column.
 */
function jogsOf(grid: Grid, sides: readonly Side[]): Side[] {
  const out: Side[] = [];
  // a box's side is no line, even where it wanders a column (`│ … │` a cell short)
  const nearSide = new Set<string>();
  for (const side of sides) {
    for (let r = side.top; r <= side.bottom; r++) {
      for (let d = -1; d <= 1; d++) nearSide.add(`${r}:${side.column + d}`);
    }
  }
  // the line goes on straight above and below: no corner, which may be a box's
  const leadsUp = (ch: string): boolean => upright(ch) || arrowOf(ch) === S;
  for (let r = 1; r + 1 < grid.height; r++) {
    const row = grid.rows[r] as Cell[];
    for (let c = 0; c < row.length; c++) {
      if (!upright(at(grid, r - 1, c)) || at(grid, r, c) !== ' ') continue;
      if (nearSide.has(`${r}:${c}`)) continue;
      for (const d of [-1, 1]) {
        if (!upright(at(grid, r, c + d)) || upright(at(grid, r - 1, c + d))) continue;
        let end = r;
        while (
          end - r < MAX_JOG &&
          at(grid, end + 1, c) === ' ' &&
          upright(at(grid, end + 1, c + d))
        )
          end++;
        if (!leadsUp(at(grid, end + 1, c)) || leadsUp(at(grid, end + 1, c + d))) continue;
        for (let k = r; k <= end; k++)
          out.push({ column: c, top: k - 1, bottom: k + 1, line: true });
        break;
      }
    }
  }
  return out;
}

/**
 * Lines up rows a hand shifted by a column or two: where a box's side, found by its two
 * corners, stands a column off on a row between them (a wide character counted as one, an
 * arrow drawn a cell short, a space too many in a label), or a line down does for a row or
 * a few (a note beside it typed a cell short), the row gains or loses a blank or a
 * cell of line just before that side, so that it and everything after it line up with the rows
 * above and below. Rows are changed in place; each change is returned for a warning.
 */
export function realignRows(grid: Grid): Realigned[] {
  // a slip that grows along a row (each box a cell further off than the one before) comes
  // within reach one box at a time: again while a pass lines something up
  const out: Realigned[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const found = realignPass(grid, sidesOf(grid));
    if (found.length === 0) break;
    out.push(...found);
  }
  // then lines, once the boxes' sides stand where they will: a side still wandering is no line
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const found = realignPass(grid, jogsOf(grid, sidesOf(grid)));
    if (found.length === 0) break;
    out.push(...found);
  }
  return out;
}

/** Most passes over a drawing: a row of that many boxes, each one cell further off. */
const MAX_PASSES = 8;

function realignPass(grid: Grid, sides: readonly Side[]): Realigned[] {
  if (sides.length === 0) return [];
  const byRow = new Map<number, Side[]>();
  for (const s of sides) {
    for (let r = s.top + 1; r < s.bottom + (s.closing === undefined ? 0 : 1); r++) {
      const list = byRow.get(r);
      if (list) list.push(s);
      else byRow.set(r, [s]);
    }
  }
  const out: Realigned[] = [];
  for (const [r, list] of byRow) {
    const row = grid.rows[r] as Cell[];
    const columns = new Set(list.map((s) => s.column));
    list.sort((a, b) => a.column - b.column);
    let previous = -1;
    for (const { column, bottom, closing, line } of list) {
      // on a slipped side's last row, its corner stands where the side would
      const side = (x: number): boolean =>
        r === bottom && closing !== undefined
          ? cornerAt(grid, r, x, closing)
          : down(row[x]?.ch ?? '');
      // an arrowhead drawn a cell too far takes the side's place and pushes the side on by
      // one (`──►│ Biases │`): the side stands beside it, and the row is off by that cell
      const ch = row[column]?.ch ?? '';
      const arrow = arrowOf(ch);
      const pushed =
        line || (arrow !== E && arrow !== W)
          ? undefined
          : upright(row[column + (arrow === E ? 1 : -1)]?.ch ?? '')
            ? arrow === E
              ? 1
              : -1
            : undefined;
      if (side(column) && pushed === undefined) {
        previous = column;
        continue;
      }
      const off =
        pushed ??
        [-1, 1, -2, 2].find(
          (d) => !columns.has(column + d) && column + d > previous && side(column + d),
        );
      if (off === undefined) continue;
      const found = room(row, previous, column + off, Math.abs(off), off < 0);
      if (found === undefined) continue;
      if (off < 0) {
        const copy = row[found] as Cell;
        row.splice(found, 0, ...Array.from({ length: -off }, () => ({ ...copy })));
      } else row.splice(found, off);
      out.push({ row: r, column: found, shift: -off, what: line ? 'line' : 'side' });
      previous = column;
    }
  }
  if (out.length > 0) grid.width = Math.max(0, ...grid.rows.map((row) => row.length));
  return out;
}

/**
 * Where a row can grow (copying a cell) or shrink (dropping `count` equal cells) between the
 * side before (`after`, exclusive) and a side at `before`: the nearest place to that side.
 */
function room(
  row: readonly Cell[],
  after: number,
  before: number,
  count: number,
  grow: boolean,
): number | undefined {
  for (let c = before - 1; c > after; c--) {
    const ch = row[c]?.ch ?? '';
    if (!filler(ch)) continue;
    if (grow) return c;
    // a lone blank between two words is the label's own ("web server"): blanks are dropped
    // only from a run longer than what is dropped, or from beside either side (a label's
    // margin: "| (Topic partitions|" a cell too long loses the blank after its left side)
    if (ch === ' ' && c !== before - 1 && c !== after + 1) {
      let start = c;
      let end = c;
      while (row[start - 1]?.ch === ' ' && start - 1 > after) start--;
      while (row[end + 1]?.ch === ' ' && end + 1 < before) end++;
      if (end - start + 1 <= count) continue;
    }
    let same = true;
    for (let k = 1; k < count && same; k++) same = row[c - k]?.ch === ch && c - k > after;
    if (same) return c - count + 1;
  }
  return undefined;
}
