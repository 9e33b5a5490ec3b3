import { type Arms, glyphForArms, type Weight } from './box-glyphs.js';

/** The names of the built-in charsets. */
export const CHARSET_NAMES = ['double', 'single', 'rounded', 'heavy', 'ascii'] as const;
/** A built-in charset: `double` (the default, ╔═╗), `single`, `rounded`, `heavy` or `ascii`. */
export type CharsetName = (typeof CHARSET_NAMES)[number];

/** How a straight run of a line is drawn. */
export type Dash = 'solid' | 'dashed' | 'dotted';

/** The glyphs of one drawing style. */
export interface Charset {
  name: string;
  /** Weight of box borders and dividers. */
  border: Weight;
  /** Weight of solid connectors. */
  connector: Weight;
  /**
   * Weight of routed connectors (those that bend around boxes and cross each other), when it
   * differs from `connector`: `double` draws them light so they never read as box borders.
   */
  route?: Weight;
  /** The glyph for a cell with these arms; `dash` applies to straight runs. */
  glyph(arms: Arms, dash: Dash): string;
  /** Arrowheads, by the direction they point. */
  arrows: { up: string; right: string; down: string; left: string };
}

const UNICODE_ARROWS = { up: '▲', right: '▶', down: '▼', left: '◀' };
const DASHES: Readonly<Record<'dashed' | 'dotted', Partial<Record<Weight, [string, string]>>>> = {
  dashed: { 1: ['┄', '┆'], 2: ['┅', '┇'] },
  dotted: { 1: ['┈', '┊'], 2: ['┉', '┋'] },
};
const ROUNDED: Readonly<Record<string, string>> = { '┌': '╭', '┐': '╮', '└': '╰', '┘': '╯' };

function straight(arms: Arms): 'h' | 'v' | undefined {
  const [up, right, down, left] = arms;
  if (up === 0 && down === 0 && (left !== 0 || right !== 0)) return 'h';
  if (left === 0 && right === 0 && (up !== 0 || down !== 0)) return 'v';
  return undefined;
}

function unicodeCharset(name: string, weight: Weight, rounded = false, route?: Weight): Charset {
  return {
    name,
    border: weight,
    connector: weight,
    ...(route === undefined ? {} : { route }),
    arrows: UNICODE_ARROWS,
    glyph(arms, dash) {
      const run = straight(arms);
      if (dash !== 'solid' && run) {
        const strongest = Math.max(...arms) as Weight;
        const pair = DASHES[dash][strongest === 2 ? 2 : 1];
        if (pair) return run === 'h' ? pair[0] : pair[1];
      }
      const glyph = glyphForArms(arms, weight);
      return rounded ? (ROUNDED[glyph] ?? glyph) : glyph;
    },
  };
}

const ascii: Charset = {
  name: 'ascii',
  border: 1,
  connector: 1,
  arrows: { up: '^', right: '>', down: 'v', left: '<' },
  glyph(arms, dash) {
    const run = straight(arms);
    // a double or heavy border (a box's own style) keeps its weight as `=`
    if (run === 'h') return dash === 'dotted' ? '.' : Math.max(...arms) >= 2 ? '=' : '-';
    if (run === 'v') return dash === 'solid' ? '|' : ':';
    return arms.some((w) => w !== 0) ? '+' : ' ';
  },
};

/** The built-in charsets by name. */
export const CHARSETS: Readonly<Record<CharsetName, Charset>> = {
  double: unicodeCharset('double', 3, false, 1),
  single: unicodeCharset('single', 1),
  rounded: unicodeCharset('rounded', 1, true),
  heavy: unicodeCharset('heavy', 2),
  ascii,
};

/** True when `name` is a built-in charset. */
export function isCharsetName(name: string): name is CharsetName {
  return (CHARSET_NAMES as readonly string[]).includes(name);
}
