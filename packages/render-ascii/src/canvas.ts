import { displayGraphemes, isPlainLine } from '@diagrama/core';
import type { Arms, Weight } from './box-glyphs.js';
import type { Charset, Dash } from './charsets.js';

export const UP = 0;
const RIGHT = 1;
export const DOWN = 2;
const LEFT = 3;
const DASH_CODE: Readonly<Record<Dash, number>> = { solid: 0, dashed: 1, dotted: 2 };
const DASH_NAME: readonly Dash[] = ['solid', 'dashed', 'dotted'];
const CONTINUATION = '';
/** Widest row built from code units in one call (longer rows are joined from their cells). */
const ROW_CHUNK = 4096;
/** Square light corners and their round twins. */
const ROUND_CORNERS: Readonly<Record<string, string>> = { '┌': '╭', '┐': '╮', '└': '╰', '┘': '╯' };
/**
 * Glyphs already looked up, per charset, by a cell's arms, dash and roundness packed into one
 * number (`key`): the glyph, and its UTF-16 unit when it is one (0 until looked up).
 */
const GLYPH_CACHE = new WeakMap<Charset, { glyphs: string[]; units: Uint16Array }>();
/** Keys: arms in bits 0-7 (two bits a direction), dash in bits 8-9, round in bit 10. */
const KEYS = 1 << 11;
/** A cell holding text of other than one UTF-16 unit (wide, emoji, continuation): see `multi`. */
const MULTI = 0xffff;
/** The bit of a cell's lines that draws its corner round. */
const ROUND = 1 << 10;
/** The bits of a cell's lines that hold arms. */
const ARMS = 0xff;

/**
 * A grid of character cells. Lines are recorded as arms per cell and turned into glyphs only
 * at the end, so crossings and junctions always get the right glyph whatever the drawing order.
 */
export class Canvas {
  readonly width: number;
  readonly height: number;
  /**
   * Per cell, its lines: the weight of its arm in each direction, two bits each (up in bits
   * 0-1), the dash in bits 8-9, whether its corner is round in bit 10: the glyph's key.
   */
  private readonly lines: Uint16Array;
  /** Per cell, the UTF-16 unit put there over any lines; 0 for none, MULTI for `multi`. */
  private readonly units: Uint16Array;
  private readonly multi = new Map<number, string>();

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    // one buffer for both: a canvas is made for every render
    const buffer = new ArrayBuffer(width * height * 4);
    this.lines = new Uint16Array(buffer, 0, width * height);
    this.units = new Uint16Array(buffer, width * height * 2, width * height);
  }

  private inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height;
  }

  /** Adds one arm to a cell; a heavier arm wins over a lighter one. */
  arm(x: number, y: number, direction: number, weight: Weight, dash: Dash = 'solid'): void {
    if (this.inside(x, y)) this.addArm(y * this.width + x, direction, weight, dash);
  }

  private addArm(index: number, direction: number, weight: Weight, dash: Dash): void {
    const shift = direction * 2;
    let cell = this.lines[index] as number;
    if (((cell >> shift) & 3) < weight) cell = (cell & ~(3 << shift)) | (weight << shift);
    if (dash !== 'solid') cell = (cell & ~(3 << 8)) | (DASH_CODE[dash] << 8);
    this.lines[index] = cell;
  }

  /** A horizontal line between two columns, both ends included. */
  horizontal(y: number, x1: number, x2: number, weight: Weight, dash: Dash = 'solid'): void {
    if (y < 0 || y >= this.height) return;
    const from = Math.min(x1, x2);
    const to = Math.max(x1, x2);
    const row = y * this.width;
    for (let x = Math.max(from, 0); x <= to && x < this.width; x++) {
      if (x > from) this.addArm(row + x, LEFT, weight, dash);
      if (x < to) this.addArm(row + x, RIGHT, weight, dash);
    }
  }

  /** A vertical line between two rows, both ends included. */
  vertical(x: number, y1: number, y2: number, weight: Weight, dash: Dash = 'solid'): void {
    if (x < 0 || x >= this.width) return;
    const from = Math.min(y1, y2);
    const to = Math.max(y1, y2);
    for (let y = Math.max(from, 0); y <= to && y < this.height; y++) {
      const index = y * this.width + x;
      if (y > from) this.addArm(index, UP, weight, dash);
      if (y < to) this.addArm(index, DOWN, weight, dash);
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
      if (!this.inside(cx, cy)) continue;
      const index = cy * this.width + cx;
      this.lines[index] = (this.lines[index] as number) | ROUND;
    }
  }

  /** Blanks a cell: nothing is drawn there, whatever lines pass. */
  clear(x: number, y: number): void {
    this.put(x, y, ' ');
  }

  /** Puts one glyph in a cell, over any lines there. */
  put(x: number, y: number, glyph: string): void {
    if (!this.inside(x, y)) return;
    const index = y * this.width + x;
    const unit = glyph.length === 1 ? glyph.charCodeAt(0) : MULTI;
    if (unit === 0 || unit === MULTI) {
      this.units[index] = MULTI;
      this.multi.set(index, glyph);
    } else this.units[index] = unit;
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
      cache = { glyphs: new Array<string>(KEYS), units: new Uint16Array(KEYS) };
      GLYPH_CACHE.set(charset, cache);
    }
    const { glyphs, units: glyphUnits } = cache;
    /** The glyph of a cell's lines, looked up once per charset and key. */
    const glyphOf = (key: number): string => {
      let glyph = glyphs[key];
      if (glyph === undefined) {
        const arms = [key & 3, (key >> 2) & 3, (key >> 4) & 3, (key >> 6) & 3] as const;
        glyph = charset.glyph(arms as unknown as Arms, DASH_NAME[(key >> 8) & 3] ?? 'solid');
        if (key & 1024) glyph = ROUND_CORNERS[glyph] ?? glyph;
        glyphs[key] = glyph;
        glyphUnits[key] = glyph.length === 1 ? glyph.charCodeAt(0) : MULTI;
      }
      return glyph;
    };
    const textAt = (index: number): string => {
      const unit = this.units[index] as number;
      if (unit === MULTI) return this.multi.get(index) ?? '';
      if (unit !== 0) return String.fromCharCode(unit);
      const key = this.lines[index] as number;
      return (key & ARMS) === 0 ? ' ' : glyphOf(key);
    };
    const lines: string[] = [];
    // a row is built as UTF-16 code units and turned into a string at once, which is several
    // times faster than adding one character at a time; a row holding a cell of more than one
    // unit (a wide character, an emoji) is joined from its cells instead
    // a plain array: String.fromCharCode.apply reads it several times faster than a typed one
    const row16: number[] = new Array<number>(Math.min(this.width, ROW_CHUNK)).fill(32);
    for (let y = 0; y < this.height; y++) {
      const row = y * this.width;
      let simple = this.width <= ROW_CHUNK;
      let end = 0;
      for (let x = 0; simple && x < this.width; x++) {
        const index = row + x;
        let unit = this.units[index] as number;
        if (unit === 0) {
          const key = this.lines[index] as number;
          if ((key & ARMS) === 0) unit = 32;
          else {
            unit = glyphUnits[key] as number;
            if (unit === 0) {
              glyphOf(key);
              unit = glyphUnits[key] as number;
            }
          }
        }
        if (unit === MULTI) {
          simple = false;
          break;
        }
        row16[x] = unit;
        if (unit !== 32) end = x + 1;
      }
      if (simple) {
        row16.length = end;
        lines.push(String.fromCharCode.apply(null, row16));
        row16.length = Math.min(this.width, ROW_CHUNK);
        continue;
      }
      const parts: string[] = [];
      for (let x = 0; x < this.width; x++) parts.push(textAt(row + x));
      lines.push(parts.join('').trimEnd());
    }
    return lines;
  }
}
