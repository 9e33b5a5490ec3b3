/**
 * What each character of box art is: which of its four sides a line leaves from (its arms),
 * how it is drawn (single, double, heavy, dashed), and which way an arrowhead points. Covers
 * every charset diagrama draws (single, double, rounded, heavy, ascii), the mixed junctions
 * they produce, dashed and dotted lines, and the arrowheads hand drawings use.
 */

/** Arms: bits for north, east, south, west. */
export const N = 1;
export const E = 2;
export const S = 4;
export const W = 8;

export type Weight = 'single' | 'double' | 'heavy' | 'ascii';

export interface Glyph {
  arms: number;
  weight: Weight;
  /** Rounded corners (╭ ╮ ╰ ╯). */
  rounded?: boolean;
  /** A dashed or dotted stroke (┄ ┆ ┈ ┊ ╌ ╎ and heavy ones). */
  dashed?: boolean;
}

const table: [string, number, Weight, Partial<Glyph> | undefined][] = [];
const add = (chars: string, arms: number, weight: Weight, extra?: Partial<Glyph>) => {
  for (const ch of chars) table.push([ch, arms, weight, extra]);
};
// single
add('─', E | W, 'single');
add('│', N | S, 'single');
add('┌', E | S, 'single');
add('┐', W | S, 'single');
add('└', N | E, 'single');
add('┘', N | W, 'single');
add('├', N | S | E, 'single');
add('┤', N | S | W, 'single');
add('┬', E | W | S, 'single');
add('┴', E | W | N, 'single');
add('┼', N | E | S | W, 'single');
add('╭', E | S, 'single', { rounded: true });
add('╮', W | S, 'single', { rounded: true });
add('╰', N | E, 'single', { rounded: true });
add('╯', N | W, 'single', { rounded: true });
add('┄┈╌⋯', E | W, 'single', { dashed: true });
add('┆┊╎', N | S, 'single', { dashed: true });
add('╴╶', E | W, 'single');
add('╵╷', N | S, 'single');
// double, and double mixed with single (the weight is the one of the box it belongs to)
add('═', E | W, 'double');
add('║', N | S, 'double');
add('╔╒╓', E | S, 'double');
add('╗╕╖', W | S, 'double');
add('╚╘╙', N | E, 'double');
add('╝╛╜', N | W, 'double');
add('╠╞╟', N | S | E, 'double');
add('╣╡╢', N | S | W, 'double');
add('╦╤╥', E | W | S, 'double');
add('╩╧╨', E | W | N, 'double');
add('╬╪╫', N | E | S | W, 'double');
// heavy, and heavy mixed with single
add('━', E | W, 'heavy');
add('┃', N | S, 'heavy');
add('┏┍┎', E | S, 'heavy');
add('┓┑┒', W | S, 'heavy');
add('┗┕┖', N | E, 'heavy');
add('┛┙┚', N | W, 'heavy');
add('┣┝┞┟┠┡┢', N | S | E, 'heavy');
add('┫┥┦┧┨┩┪', N | S | W, 'heavy');
add('┳┭┮┯┰┱┲', E | W | S, 'heavy');
add('┻┵┶┷┸┹┺', E | W | N, 'heavy');
add('╋┽┾┿╀╁╂╃╄╅╆╇╈╉╊', N | E | S | W, 'heavy');
add('┅┉╍', E | W, 'heavy', { dashed: true });
add('┇┋╏', N | S, 'heavy', { dashed: true });
// ascii
add('-', E | W, 'ascii');
add('=', E | W, 'ascii');
add('|', N | S, 'ascii');
add(':', N | S, 'ascii', { dashed: true });
add('.', E | W, 'ascii', { dashed: true });
add('+', N | E | S | W, 'ascii');

const GLYPHS = new Map<string, Glyph>(
  table.map(([ch, arms, weight, extra]) => [ch, { arms, weight, ...extra }]),
);

/** The glyph of a box-drawing character, or undefined for any other. */
export function glyphOf(ch: string): Glyph | undefined {
  return GLYPHS.get(ch);
}

/** Arrowheads and the side they point to. Letters count only where a line runs into them. */
const ARROWS = new Map<string, number>([
  ['▶', E],
  ['►', E],
  ['▸', E],
  ['→', E],
  ['>', E],
  ['◀', W],
  ['◄', W],
  ['◂', W],
  ['←', W],
  ['<', W],
  ['▼', S],
  ['▾', S],
  ['↓', S],
  ['v', S],
  ['V', S],
  ['▲', N],
  ['▴', N],
  ['↑', N],
  ['^', N],
]);

/** The side an arrowhead points to, or undefined. */
export function arrowOf(ch: string): number | undefined {
  return ARROWS.get(ch);
}

/** The opposite side. */
export function opposite(side: number): number {
  return side === N ? S : side === S ? N : side === E ? W : E;
}

/** Row and column steps towards a side. */
export function step(side: number): [number, number] {
  return side === N ? [-1, 0] : side === S ? [1, 0] : side === E ? [0, 1] : [0, -1];
}

export const SIDES = [N, E, S, W] as const;
