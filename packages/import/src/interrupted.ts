import { arrowOf, E, glyphOf, N, S, W } from './glyphs.js';
import { at, type Cell, type Grid } from './grid.js';

/**
 * Whether a cell is a plain vertical line (`|`, `│`, `║`…): no junction, whose arms across
 * could be a box's border the text sits inside.
 */
const vertical = (ch: string): boolean => {
  const g = glyphOf(ch);
  return g !== undefined && ch !== '+' && (g.arms & (N | E | S | W)) === (N | S);
};

/** Whether a character is a letter or a digit. */
const wordy = (ch: string): boolean => /[\p{L}\p{N}]/u.test(ch);

/**
 * Whether cell `k` of a row is text: not blank, not a line, and not an arrowhead unless it
 * is a letter of a word (the `v` of `via`).
 */
const textAt = (row: readonly Cell[], k: number): boolean => {
  const ch = row[k]?.ch ?? '';
  if (ch === '' || ch.trim() === '' || glyphOf(ch) !== undefined) return false;
  if (arrowOf(ch) === undefined) return true;
  return wordy(ch) && (wordy(row[k - 1]?.ch ?? '') || wordy(row[k + 1]?.ch ?? ''));
};

/**
 * Hand drawings often write a line's label right across it (`(2) Build / Test / Package` over a
 * `|` that goes on, or its `v`, in the row under the text). Such a label is moved beside the
 * line on its row — after it when there is room, else before it — and the line runs through,
 * so the rest of the import reads a line with its note. Rows are changed in place; returns how
 * many labels moved.
 */
export function unbreakLines(grid: Grid): number {
  let count = 0;
  for (let r = 1; r + 1 < grid.height; r++) {
    const row = grid.rows[r] as Cell[];
    for (let c = 0; c < row.length; c++) {
      const above = at(grid, r - 1, c);
      const below = at(grid, r + 1, c);
      // a line coming down into the text and going on under it (or its arrowhead there), or
      // the same upward
      // (a `v` that starts a word under the text is no arrowhead)
      const head = arrowOf(below) === S && !textAt(grid.rows[r + 1] ?? [], c);
      const downward = vertical(above) && (vertical(below) || head);
      const upward = arrowOf(above) === N && vertical(below);
      if (!downward && !upward) continue;
      // the text run holding this column: words with single spaces between them
      if (!textAt(row, c) && !gap(row, c)) continue;
      let start = c;
      while (start > 0 && (textAt(row, start - 1) || gap(row, start - 1))) start--;
      let end = c;
      while (end + 1 < row.length && (textAt(row, end + 1) || gap(row, end + 1))) end++;
      const text = row.slice(start, end + 1);
      const length = text.length;
      const blank = (from: number, to: number): boolean => {
        for (let k = from; k <= to; k++) {
          if (k < 0) return false;
          if (k >= start && k <= end) continue;
          if ((row[k]?.ch ?? ' ') !== ' ') return false;
        }
        return true;
      };
      // after the line, one blank between (the note sits beside it), else before it
      const after = c + 2;
      const before = c - 1 - length;
      const to = blank(after - 1, after + length) ? after : blank(before - 1, c - 1) ? before : -1;
      if (to < 0) continue;
      const side = glyphOf(upward ? below : above)?.weight === 'ascii' ? '|' : '│';
      const label: Cell[] = text.map((cell) => ({ ...cell }));
      for (let k = start; k <= end; k++) {
        const cell = row[k] as Cell;
        row[k] = { ...cell, ch: ' ' };
      }
      while (row.length < to + length) {
        const last = row[row.length - 1] as Cell;
        row.push({ ch: ' ', line: last.line, column: last.column + 1 });
      }
      label.forEach((cell, i) => {
        row[to + i] = cell;
      });
      row[c] = { ...(row[c] as Cell), ch: side };
      grid.width = Math.max(grid.width, row.length);
      count++;
      c = Math.max(c, to + length - 1);
    }
  }
  return count;
}

/** A single space between two words of a run. */
function gap(row: readonly Cell[], k: number): boolean {
  return (row[k]?.ch ?? '') === ' ' && textAt(row, k - 1) && textAt(row, k + 1);
}
