import { displayGraphemes, isPlainLine } from '@diagrama/core';
import type { Weight } from './box-glyphs.js';
import type { Charset, Dash } from './charsets.js';

const UP = 0;
const RIGHT = 1;
const DOWN = 2;
const LEFT = 3;
const DASH_CODE: Readonly<Record<Dash, number>> = { solid: 0, dashed: 1, dotted: 2 };
const DASH_NAME: readonly Dash[] = ['solid', 'dashed', 'dotted'];
const CONTINUATION = '';
/** Widest row built from code units in one call (longer rows are joined from their cells). */
const ROW_CHUNK = 4096;
/** Turns a row of UTF-16 code units into a string in one native call. */
const UTF16 = new TextDecoder('utf-16le');
/** Square light corners and their round twins. */
const ROUND_CORNERS: Readonly<Record<string, string>> = { '┌': '╭', '┐': '╮', '└': '╰', '┘': '╯' };
/** Glyphs already looked up, per charset, by arms and dash packed into one number. */
const GLYPH_CACHE = new WeakMap<Charset, Map<number, string>>();

/**
 * A grid of character cells. Lines are recorded as arms per cell and turned into glyphs only
 * at the end, so crossings and junctions always get the right glyph whatever the drawing order.
 */
export class Canvas {
  readonly width: number;
  readonly height: number;
  private readonly arms: Uint8Array;
  private readonly dash: Uint8Array;
  /** Cells whose corner glyph is drawn round (a `rounded` border among square ones). */
  private readonly round: Uint8Array;
  private readonly cells: (string | undefined)[];

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.arms = new Uint8Array(width * height * 4);
    this.dash = new Uint8Array(width * height);
    this.round = new Uint8Array(width * height);
    this.cells = new Array(width * height);
  }

  private inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height;
  }

  /** Adds one arm to a cell; a heavier arm wins over a lighter one. */
  arm(x: number, y: number, direction: number, weight: Weight, dash: Dash = 'solid'): void {
    if (!this.inside(x, y)) return;
    const index = (y * this.width + x) * 4 + direction;
    if ((this.arms[index] ?? 0) < weight) this.arms[index] = weight;
    if (dash !== 'solid') this.dash[y * this.width + x] = DASH_CODE[dash];
  }

  /** A horizontal line between two columns, both ends included. */
  horizontal(y: number, x1: number, x2: number, weight: Weight, dash: Dash = 'solid'): void {
    const [from, to] = x1 <= x2 ? [x1, x2] : [x2, x1];
    for (let x = from; x <= to; x++) {
      if (x > from) this.arm(x, y, LEFT, weight, dash);
      if (x < to) this.arm(x, y, RIGHT, weight, dash);
    }
  }

  /** A vertical line between two rows, both ends included. */
  vertical(x: number, y1: number, y2: number, weight: Weight, dash: Dash = 'solid'): void {
    const [from, to] = y1 <= y2 ? [y1, y2] : [y2, y1];
    for (let y = from; y <= to; y++) {
      if (y > from) this.arm(x, y, UP, weight, dash);
      if (y < to) this.arm(x, y, DOWN, weight, dash);
    }
  }

  /**
   * An orthogonal polyline through cell centres. With `detached`, the two end cells get no
   * arms: the line stops one cell short of them but still looks continuous up to them.
   */
  polyline(
    points: readonly { x: number; y: number }[],
    weight: Weight,
    dash: Dash,
    detached: boolean,
  ): void {
    const cells: { x: number; y: number }[] = [];
    points.forEach((point, index) => {
      if (index === 0) {
        cells.push(point);
        return;
      }
      const previous = points[index - 1] as { x: number; y: number };
      const dx = Math.sign(point.x - previous.x);
      const dy = Math.sign(point.y - previous.y);
      let x = previous.x;
      let y = previous.y;
      while (x !== point.x || y !== point.y) {
        x += dx;
        y += dy;
        cells.push({ x, y });
      }
    });
    const last = cells.length - 1;
    for (let i = 0; i < last; i++) {
      const a = cells[i] as { x: number; y: number };
      const b = cells[i + 1] as { x: number; y: number };
      const direction = b.x > a.x ? RIGHT : b.x < a.x ? LEFT : b.y > a.y ? DOWN : UP;
      if (!(detached && i === 0)) this.arm(a.x, a.y, direction, weight, dash);
      if (!(detached && i + 1 === last)) this.arm(b.x, b.y, (direction + 2) % 4, weight, dash);
    }
  }

  /** A rectangle outline; `rounded` draws its corners round where the charset has them. */
  rectangle(
    x: number,
    y: number,
    width: number,
    height: number,
    weight: Weight,
    dash: Dash = 'solid',
    rounded = false,
  ): void {
    const right = x + width - 1;
    const bottom = y + height - 1;
    this.horizontal(y, x, right, weight, dash);
    this.horizontal(bottom, x, right, weight, dash);
    this.vertical(x, y, bottom, weight, dash);
    this.vertical(right, y, bottom, weight, dash);
    if (!rounded) return;
    for (const [cx, cy] of [
      [x, y],
      [right, y],
      [x, bottom],
      [right, bottom],
    ] as const) {
      if (this.inside(cx, cy)) this.round[cy * this.width + cx] = 1;
    }
  }

  /** Blanks a cell: nothing is drawn there, whatever lines pass. */
  clear(x: number, y: number): void {
    this.put(x, y, ' ');
  }

  /** Puts one glyph in a cell, over any lines there. */
  put(x: number, y: number, glyph: string): void {
    if (this.inside(x, y)) this.cells[y * this.width + x] = glyph;
  }

  /** Writes text from a cell; wide graphemes take two cells. */
  text(x: number, y: number, text: string): void {
    if (isPlainLine(text)) {
      for (let i = 0; i < text.length; i++) this.put(x + i, y, text[i] as string);
      return;
    }
    let column = x;
    for (const grapheme of displayGraphemes(text)) {
      this.put(column, y, grapheme.text);
      for (let i = 1; i < grapheme.width; i++) this.put(column + i, y, CONTINUATION);
      column += grapheme.width;
    }
  }

  /** The finished picture: one string per row, never with trailing spaces. */
  toLines(charset: Charset): string[] {
    let cache = GLYPH_CACHE.get(charset);
    if (cache === undefined) {
      cache = new Map();
      GLYPH_CACHE.set(charset, cache);
    }
    const glyphOf = (index: number): string => {
      const base = index * 4;
      const a0 = this.arms[base] as Weight;
      const a1 = this.arms[base + 1] as Weight;
      const a2 = this.arms[base + 2] as Weight;
      const a3 = this.arms[base + 3] as Weight;
      if ((a0 | a1 | a2 | a3) === 0) return ' ';
      const dash = this.dash[index] ?? 0;
      const key = a0 | (a1 << 2) | (a2 << 4) | (a3 << 6) | (dash << 8);
      let glyph = (cache as Map<number, string>).get(key);
      if (glyph === undefined) {
        glyph = charset.glyph([a0, a1, a2, a3], DASH_NAME[dash] ?? 'solid');
        (cache as Map<number, string>).set(key, glyph);
      }
      return this.round[index] === 1 ? (ROUND_CORNERS[glyph] ?? glyph) : glyph;
    };
    const lines: string[] = [];
    // a row is built as UTF-16 code units and turned into a string at once, which is several
    // times faster than adding one character at a time; a row holding a cell of more than one
    // unit (a wide character, an emoji) is joined from its cells instead
    const units = new Uint16Array(Math.min(this.width, ROW_CHUNK));
    for (let y = 0; y < this.height; y++) {
      const row = y * this.width;
      let simple = this.width <= ROW_CHUNK;
      let end = 0;
      for (let x = 0; simple && x < this.width; x++) {
        const index = row + x;
        const text = this.cells[index] ?? glyphOf(index);
        if (text.length !== 1) {
          simple = false;
          break;
        }
        const code = text.charCodeAt(0);
        units[x] = code;
        if (code !== 32) end = x + 1;
      }
      if (simple) {
        lines.push(UTF16.decode(units.subarray(0, end)));
        continue;
      }
      const parts: string[] = [];
      for (let x = 0; x < this.width; x++) {
        const index = row + x;
        parts.push(this.cells[index] ?? glyphOf(index));
      }
      lines.push(parts.join('').trimEnd());
    }
    return lines;
  }
}
