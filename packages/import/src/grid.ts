import { displayGraphemes } from '@diagrama/core';
import { glyphOf, N, S } from './glyphs.js';

/** One terminal column of a drawing. */
export interface Cell {
  /** The grapheme shown; '' for the second column of a wide one. */
  ch: string;
  /** 1-based line and column (in characters) in the source, for diagnostics. */
  line: number;
  column: number;
}

/** A drawing as rows of terminal columns, wide characters taking two. */
export interface Grid {
  rows: Cell[][];
  width: number;
  height: number;
  /** What was cleaned on the way in: tabs expanded, control and bidi characters blanked. */
  cleaned: { line: number; column: number; what: 'tab' | 'control' }[];
}

const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Lays text out on a grid of terminal columns, as a monospace editor shows it. `firstLine` is
 * the 1-based line of the text's first line in its file.
 */
export function toGrid(text: string, firstLine = 1, tabWidth = 8): Grid {
  const cleaned: Grid['cleaned'] = [];
  const rows = text.split(/\r?\n/).map((source, index) => {
    const line = firstLine + index;
    const row: Cell[] = [];
    let column = 1;
    for (const g of displayGraphemes(clean(source, line, cleaned, tabWidth))) {
      row.push({ ch: g.text, line, column });
      for (let k = 1; k < g.width; k++) row.push({ ch: '', line, column });
      column += [...g.text].length;
    }
    return row;
  });
  while (rows.length > 0 && (rows[rows.length - 1] as Cell[]).every((c) => c.ch.trim() === '')) {
    rows.pop();
  }
  return { rows, width: Math.max(0, ...rows.map((r) => r.length)), height: rows.length, cleaned };
}

/** Tabs expanded to the next multiple of `tabWidth`, control and bidi characters blanked. */
function clean(source: string, line: number, cleaned: Grid['cleaned'], tabWidth: number): string {
  if (!/[\t\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(source)) {
    return source;
  }
  let out = '';
  let column = 1;
  for (const ch of source) {
    if (ch === '\t') {
      cleaned.push({ line, column, what: 'tab' });
      out += ' '.repeat(tabWidth - (out.length % tabWidth));
    } else if (CONTROL.test(ch)) {
      cleaned.push({ line, column, what: 'control' });
      out += ' ';
    } else out += ch;
    column++;
  }
  return out;
}

/** The character at a row and column, '' outside the drawing. */
export function at(grid: Grid, r: number, c: number): string {
  return grid.rows[r]?.[c]?.ch ?? '';
}

/** The source position of a cell (the nearest one on its row when past its end). */
export function positionOf(grid: Grid, r: number, c: number): { line: number; column: number } {
  const row = grid.rows[r];
  const cell = row?.[c];
  if (cell) return { line: cell.line, column: cell.column };
  const last = row?.[row.length - 1];
  return last
    ? { line: last.line, column: last.column + (c - row.length + 1) }
    : { line: r + 1, column: c + 1 };
}

/**
 * The tab width a drawing was made with: four when more of the lines written after a tab meet
 * a line in the row above or below at four than at eight (a `│` under a `┬` that tabs of eight
 * would set four columns off), else eight.
 */
export function tabWidthOf(text: string): 4 | 8 {
  if (!text.includes('\t')) return 8;
  const lines = text.split(/\r?\n/);
  const expand = (line: string, width: number) =>
    line.replace(/^[^\t]*(\t[^\t]*)*$/u, (s) => {
      let out = '';
      for (const ch of s) out += ch === '\t' ? ' '.repeat(width - (out.length % width)) : ch;
      return out;
    });
  const meets = (width: number): number => {
    const rows = lines.map((line) => expand(line, width));
    let n = 0;
    lines.forEach((line, r) => {
      if (!line.includes('\t')) return;
      const row = rows[r] as string;
      for (let c = 0; c < row.length; c++) {
        const arms = glyphOf(row[c] as string)?.arms ?? 0;
        const up = (arms & N) !== 0 && ((glyphOf(rows[r - 1]?.[c] ?? ' ')?.arms ?? 0) & S) !== 0;
        const down = (arms & S) !== 0 && ((glyphOf(rows[r + 1]?.[c] ?? ' ')?.arms ?? 0) & N) !== 0;
        if (up || down) n++;
      }
    });
    return n;
  };
  return meets(4) > meets(8) ? 4 : 8;
}
