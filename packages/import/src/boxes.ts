import { arrowOf, E, glyphOf, N, S, W, type Weight } from './glyphs.js';
import { at, type Grid } from './grid.js';

/** A box found in the drawing: its border's corners, inclusive, in grid cells. */
export interface Rect {
  index: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
  weight: Weight;
  rounded: boolean;
  dashed: boolean;
  /** Rows of dividers (├───┤) across the box, top down. */
  dividers: number[];
  /** Column of a divider down the box (┬ … ┴), as a queue's end is drawn. */
  split?: number;
  /** The right border's column on each row, top to bottom, where a hand drawing wandered. */
  rightAt?: number[];
  /** The bottom-left corner's column, where the hand slipped a column off the left side. */
  bottomLeft?: number;
  /** Text written into the top border (`┌─ Title ──┐`). */
  borderTitle?: string;
  /** Index of the innermost box holding this one; -1 for none. */
  parent: number;
  /**
   * Text an arrowhead points at (`▼` over `Kaneo Kanban`), read as a box drawn without a
   * border: the rectangle is the text's with a cell around it, and owns no cells.
   */
  bare?: true;
}

/** Whether a glyph has all of `arms`. */
export const has = (ch: string, arms: number): boolean => {
  const g = glyphOf(ch);
  return g !== undefined && (g.arms & arms) === arms;
};
/** A cell a horizontal border may hold: a line across, a junction, an arrowhead on it. */
const across = (ch: string): boolean => has(ch, E | W) || arrowOf(ch) === N || arrowOf(ch) === S;
/** A cell a vertical border may hold: a side, a junction on it, an arrowhead meeting it. */
export const down = (ch: string): boolean =>
  has(ch, N | S) || arrowOf(ch) === E || arrowOf(ch) === W;
/** Whether a glyph is a corner with exactly `arms` (`+` is any corner). */
export const isCorner = (ch: string, arms: number): boolean => {
  const g = glyphOf(ch);
  if (!g) return false;
  if (ch === '+') return true;
  return (g.arms & arms) === arms && (g.arms & ~arms & (N | E | S | W)) === 0;
};

/**
 * Finds every box: a top-left corner, a top border (which may hold junctions, arrowheads and
 * a title), two sides and a bottom border that close. Work is bounded by the cells scanned:
 * each corner scans its row and column once.
 */
export function findBoxes(grid: Grid): Rect[] {
  const found: Rect[] = [];
  for (let r = 0; r < grid.height; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const ch = row[c]?.ch ?? '';
      if (!isCorner(ch, E | S)) continue;
      const rect = boxAt(grid, r, c);
      if (rect) found.push({ ...rect, index: found.length, parent: -1 });
    }
  }
  return found;
}

/**
 * Where a label longer than its box pushed the right side out on one row (`|   Linux Kernel
 * (Namespaces, cgroups) |` under a border that ends sooner): the side past the words that run
 * over the border's column, a blank before it; undefined when no such side is there.
 */
function overflowed(grid: Grid, r: number, right: number): number | undefined {
  if (!/[\p{L}\p{N}()]/u.test(at(grid, r, right))) return undefined;
  for (let c = right + 1; c <= right + 40; c++) {
    const ch = at(grid, r, c);
    if (ch === '') return undefined;
    if (down(ch)) return at(grid, r, c - 1) === ' ' ? c : undefined;
    if (ch === ' ' && at(grid, r, c + 1) === ' ' && !down(at(grid, r, c + 2))) return undefined;
  }
  return undefined;
}

/**
 * Whether row r under an ascii box's sides is its bottom drawn without corners: dashes from the
 * left side's column (or the next) to within a column of the right side, nothing but dashes
 * between, and no side going on below.
 */
function cornerless(grid: Grid, r: number, left: number, right: number): boolean {
  for (let c = left + 1; c < right - 1; c++) if (at(grid, r, c) !== '-') return false;
  return !down(at(grid, r + 1, left)) && at(grid, r - 1, left) === '|';
}

function boxAt(grid: Grid, top: number, left: number): Omit<Rect, 'index' | 'parent'> | undefined {
  const row = grid.rows[top] ?? [];
  // the top border, up to the first top-right corner; text only after a border and a space
  let right = -1;
  let title = '';
  for (let c = left + 1; c < row.length; c++) {
    const ch = row[c]?.ch ?? '';
    if (isCorner(ch, W | S) && c > left + 1) {
      // in ascii a `+` the border runs on past is a junction on it, not the corner; where
      // the border ends, the side under it may wander a column or two (see `rightAt`)
      const sideUnder =
        [0, -1, 1, -2, 2].some((d) => {
          const below = at(grid, top + 1, c + d);
          return c + d > left + 1 && (down(below) || isCorner(below, N | W));
        }) || overflowed(grid, top + 1, c) !== undefined;
      const plus = ch === '+' && sideUnder && !across(at(grid, top, c + 1));
      if (ch !== '+' || plus) {
        right = c;
        break;
      }
    }
    if (across(ch)) continue;
    // a title in the border: `─ Title ─`
    if (ch === ' ' && across(at(grid, top, c - 1))) {
      // it ends at a space before the border that runs on to the corner: a hyphen or an
      // ascii arrowhead (`v`) inside it is text
      const borderFrom = (i: number): boolean => {
        for (let j = i; j < row.length; j++) {
          const x = row[j]?.ch ?? '';
          if (isCorner(x, W | S)) return true;
          if (!across(x)) return false;
        }
        return false;
      };
      let end = c + 1;
      while (
        end < row.length &&
        end - c < 200 &&
        !(row[end - 1]?.ch === ' ' && across(row[end]?.ch ?? '') && borderFrom(end))
      )
        end++;
      if (at(grid, top, end - 1) !== ' ') return undefined;
      title = row
        .slice(c, end)
        .map((x) => x.ch)
        .join('')
        .trim();
      c = end - 1;
      continue;
    }
    return undefined;
  }
  if (right < 0) return undefined;
  // the left side down to the bottom-left corner
  let bottom = -1;
  let bottomLeft = left;
  for (let r = top + 1; r < grid.height; r++) {
    const ch = at(grid, r, left);
    // in ascii a `+` down the side is a corner unless the side goes on below it (a divider)
    if (
      isCorner(ch, N | E) &&
      (ch !== '+' ||
        (across(at(grid, r, left + 1)) &&
          // a border right over another (`+--+` on two rows): a bottom, then the next box's top
          (!down(at(grid, r + 1, left)) ||
            (at(grid, r + 1, left) === '+' && across(at(grid, r + 1, left + 1)) && r > top + 1))))
    ) {
      bottom = r;
      break;
    }
    if (!down(ch)) {
      // a bottom border drawn a column off the side (the hand slipped): its corner beside it
      const slip = [left + 1, left - 1].find(
        (c) =>
          r > top + 1 &&
          at(grid, r, c) !== '+' &&
          isCorner(at(grid, r, c), N | E) &&
          across(at(grid, r, c + 1)),
      );
      if (slip !== undefined) {
        bottom = r;
        bottomLeft = slip;
        break;
      }
      // an ascii bottom drawn without its corners (`|    |` over ` ---- `): dashes under
      // the whole inside, from the side's column or the next
      if (r > top + 1 && (ch === ' ' || ch === '-') && cornerless(grid, r, left, right)) {
        bottom = r;
        break;
      }
      return undefined;
    }
  }
  if (bottom < 0) return undefined;
  // the right side, where a hand drawing may wander a column or two (a wide character
  // miscounted): each row's border is the nearest vertical within two columns
  const rightAt: number[] = [right];
  for (let r = top + 1; r < bottom; r++) {
    const found =
      [0, -1, 1, -2, 2].map((d) => right + d).find((c) => c > left + 1 && down(at(grid, r, c))) ??
      overflowed(grid, r, right);
    if (found === undefined) return undefined;
    rightAt.push(found);
  }
  let corner2 = -1;
  for (let c = bottomLeft + 1; c <= right + 2; c++) {
    const ch = at(grid, bottom, c);
    // (a `+` short of the top's corner is the corner where the border ends there)
    const ends = !across(at(grid, bottom, c + 1));
    if (isCorner(ch, N | W) && c >= right - 2 && (ch !== '+' || c >= right || ends)) {
      corner2 = c;
      break;
    }
    // a line that crosses the bottom without its junction drawn (`└───│───┘`, a `┬` or `▲`
    // above it)
    const above = at(grid, bottom - 1, c);
    const below = at(grid, bottom + 1, c);
    const crossing =
      has(ch, N | S) &&
      !has(ch, E) &&
      (has(above, S) || arrowOf(above) === N) &&
      (has(below, N) || arrowOf(below) === S);
    if (!across(ch) && !crossing) {
      // an ascii bottom whose dashes stop near the side without a corner
      if ((ch === ' ' || ch === '') && at(grid, bottom, c - 1) === '-' && c - 1 >= right - 1) {
        corner2 = c - 1;
        break;
      }
      return undefined;
    }
  }
  if (corner2 < 0) return undefined;
  rightAt.push(corner2);
  const corner = glyphOf(at(grid, top, left));
  const side = glyphOf(at(grid, top + 1, left));
  const edge = glyphOf(at(grid, top, left + 1));
  const dividers: number[] = [];
  for (let r = top + 1; r < bottom; r++) {
    if (!has(at(grid, r, left), E) || !has(at(grid, r, right), W)) continue;
    let whole = true;
    for (let c = left + 1; c < right && whole; c++) whole = across(at(grid, r, c));
    if (whole) dividers.push(r);
  }
  // in ascii, a box's bottom right over the next box's top reads like a cylinder's lid: the
  // sides going on above it say it is the bottom of the box above
  if (
    dividers[0] === top + 1 &&
    at(grid, top, left) === '+' &&
    down(at(grid, top - 1, left)) &&
    down(at(grid, top - 1, right))
  )
    return undefined;
  let split: number | undefined;
  for (let c = right - 1; c > left + 1 && c >= right - 4; c--) {
    if (!has(at(grid, top, c), S) || !has(at(grid, bottom, c), N)) continue;
    let whole = true;
    for (let r = top + 1; r < bottom && whole; r++) whole = down(at(grid, r, c));
    if (whole) split = c;
  }
  return {
    top,
    left,
    bottom,
    right,
    weight: edge?.weight ?? corner?.weight ?? 'single',
    rounded: corner?.rounded === true,
    // a junction where a line meets it may stand in any one place: any dashed side says dashed
    dashed:
      edge?.dashed === true ||
      side?.dashed === true ||
      glyphOf(at(grid, top + 1, right))?.dashed === true ||
      glyphOf(at(grid, bottom, left + 1))?.dashed === true,
    dividers,
    ...(rightAt.some((c) => c !== right) || bottomLeft !== left ? { rightAt } : {}),
    ...(bottomLeft !== left ? { bottomLeft } : {}),
    ...(split !== undefined ? { split } : {}),
    ...(title ? { borderTitle: title } : {}),
  };
}

/**
 * Sets each box's parent (the smallest box holding it) and drops boxes that overlap another
 * without one holding the other, returning them for a warning. Largest boxes first, each
 * painting its inside on a map of the drawing, so that the work is the area of the boxes
 * times their depth, never the number of pairs. `inner` maps each cell to the innermost box
 * whose inside holds it (-1: none).
 */
export function nest(
  rects: Rect[],
  width: number,
  height: number,
): { kept: Rect[]; overlapping: Rect[]; inner: Int32Array } {
  const area = (r: Rect) => (r.bottom - r.top) * (r.right - r.left);
  const bySize = [...rects].sort((a, b) => area(b) - area(a) || a.top - b.top || a.left - b.left);
  const paint = new Int32Array(width * height).fill(-1);
  const border = new Uint8Array(width * height);
  const kept: Rect[] = [];
  const overlapping: Rect[] = [];
  const key = (r: number, c: number) => r * width + c;
  for (const rect of bySize) {
    const holder = paint[key(rect.top, rect.left)] as number;
    const corners = [
      [rect.top, rect.right],
      [rect.bottom, rect.left],
      [rect.bottom, rect.right],
    ] as const;
    let clear = corners.every(([r, c]) => paint[key(r, c)] === holder);
    const perimeter: number[] = [];
    for (let c = rect.left; c <= rect.right; c++)
      perimeter.push(key(rect.top, c), key(rect.bottom, c));
    for (let r = rect.top + 1; r < rect.bottom; r++) {
      perimeter.push(key(r, rect.left), key(r, rect.right));
    }
    if (clear) clear = perimeter.every((k) => border[k] === 0 && paint[k] === holder);
    if (!clear) {
      overlapping.push(rect);
      continue;
    }
    const id = kept.length;
    rect.parent = holder;
    kept.push(rect);
    for (const k of perimeter) border[k] = 1;
    for (let r = rect.top + 1; r < rect.bottom; r++) {
      paint.fill(id, key(r, rect.left + 1), key(r, rect.right));
    }
  }
  // number them in reading order, parents translated
  const order = kept
    .map((_, i) => i)
    .sort((a, b) => {
      const x = kept[a] as Rect;
      const y = kept[b] as Rect;
      return x.top - y.top || x.left - y.left;
    });
  const renumber = new Int32Array(kept.length);
  order.forEach((old, i) => {
    renumber[old] = i;
  });
  const sorted = order.map((old) => kept[old] as Rect);
  for (const rect of sorted) {
    rect.parent = rect.parent < 0 ? -1 : (renumber[rect.parent] as number);
  }
  sorted.forEach((rect, i) => {
    rect.index = i;
  });
  for (let k = 0; k < paint.length; k++) {
    const v = paint[k] as number;
    if (v >= 0) paint[k] = renumber[v] as number;
  }
  return { kept: sorted, overlapping, inner: paint };
}
