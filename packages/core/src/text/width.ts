import { eastAsianWidth } from 'get-east-asian-width';

/** One user-perceived character and the terminal columns it takes. */
export interface Grapheme {
  /** The grapheme cluster, exactly as it will be written. */
  text: string;
  /** Terminal columns: 2 for CJK and emoji, 1 for most others (box-drawing included). */
  width: number;
}

/** A line of display text: what renderers write, already made safe and measured. */
export interface DisplayLine {
  /** The text to write. Tabs are expanded; invisible characters are visible escapes. */
  text: string;
  /** Its width in terminal columns. */
  width: number;
}

/** Columns between tab stops when a label contains a tab. */
export const TAB_WIDTH = 4;

let segmenter: Intl.Segmenter | undefined;

/**
 * The Unicode-property patterns, built on first use: creating them costs about a millisecond,
 * and text of Latin letters, digits and punctuation (most labels) never needs them.
 */
interface Patterns {
  invisible: RegExp;
  invisibleGlobal: RegExp;
  keycap: RegExp;
  /** Characters that take no column of their own. */
  zeroWidth: RegExp;
  /** Marks that take space after their base, as terminals draw them. */
  spacingMark: RegExp;
}
let patterns: Patterns | undefined;
const unicode = (): Patterns => {
  patterns ??= {
    invisible: /(?![\u200b-\u200d\u2060])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u,
    invisibleGlobal: /(?![\u200b-\u200d\u2060])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu,
    keycap: /^[\d#*]\uFE0F?\u20E3$/u,
    zeroWidth: /^[\p{Mn}\p{Me}\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]$/u,
    spacingMark: /^\p{Mc}$/u,
  };
  return patterns;
};
/**
 * Emoji patterns, built on first use: `\p{RGI_Emoji}` takes ~10 ms to compile, and bundlers
 * targeting Node 20 turn the literal into an eager `new RegExp`, which would put that on every
 * start-up, emoji or not.
 */
let emoji: { rgi: RegExp; pictographic: RegExp } | undefined;
const emojiPatterns = (): { rgi: RegExp; pictographic: RegExp } => {
  emoji ??= {
    rgi: /^\p{RGI_Emoji}$/v,
    pictographic: /\p{Extended_Pictographic}/gu,
  };
  return emoji;
};
const isLeadingJamo = (c: number) => (c >= 0x1100 && c <= 0x115f) || (c >= 0xa960 && c <= 0xa97c);
const isVowelJamo = (c: number) => (c >= 0x1160 && c <= 0x11a7) || (c >= 0xd7b0 && c <= 0xd7c6);
const isTrailingJamo = (c: number) => (c >= 0x11a8 && c <= 0x11ff) || (c >= 0xd7cb && c <= 0xd7fb);
const isJamo = (c: number) => isLeadingJamo(c) || isVowelJamo(c) || isTrailingJamo(c);

/**
 * Clusters of conjoining Hangul jamo: each leading+vowel(+trailing) run is one syllable of two
 * columns, other jamo add up, as terminals draw them. Undefined when the cluster is not jamo.
 */
function hangulWidth(cluster: string): number | undefined {
  const codes: number[] = [];
  for (const ch of cluster) if (!unicode().zeroWidth.test(ch)) codes.push(ch.codePointAt(0) ?? 0);
  if (codes.length === 0 || !isJamo(codes[0] as number)) return undefined;
  let width = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (!isJamo(code)) {
      for (const rest of codes.slice(i)) width += eastAsianWidth(rest);
      return width;
    }
    if (isLeadingJamo(code) && isVowelJamo(codes[i + 1] ?? 0)) {
      width += 2;
      i += isTrailingJamo(codes[i + 2] ?? 0) ? 2 : 1;
      continue;
    }
    width += eastAsianWidth(code);
  }
  return width;
}

/**
 * Text where every UTF-16 unit is its own grapheme (tabs and line feeds included; not CR,
 * which joins a following LF): the common case, no segmenter.
 */
const SIMPLE = /^[\t\n\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff]*$/;

/** One line where every UTF-16 unit is a visible grapheme one column wide. */
const PLAIN_LINE = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff]*$/;

/**
 * Whether a line is plain: every UTF-16 unit is a visible grapheme one column wide (ASCII,
 * Latin-1 and Latin Extended letters, no tabs, marks or controls), so its width is its
 * length. Renderers use it to skip grapheme segmentation.
 * @example isPlainLine('Qúe es') // true
 */
export function isPlainLine(line: string): boolean {
  return PLAIN_LINE.test(line);
}

/**
 * Characters between which a grapheme boundary always falls: printable ASCII, box drawing,
 * CJK — none extends, joins or prepends. Splitting text between two of them never splits a
 * cluster.
 */
const PLAIN_CHAR = /[\u0020-\u007e\u2500-\u257f\u3040-\u3098\u309b-\u30ff\u4e00-\u9fff]/;
/** Text of characters no cluster ever joins: its clusters are its code units. */
const ALL_PLAIN =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2500-\u257f\u3040-\u3098\u309b-\u30ff\u4e00-\u9fff]*$/;
/** Code units segmented at once: V8's segmenter copies the whole input for every segment. */
const CHUNK = 256;

/**
 * Grapheme clusters, segmenting only text that needs it (the segmenter is slow to create).
 * Long text is segmented in pieces cut between two plain characters: the segmenter's cost
 * grows with the square of its input's length (every segment object carries the input).
 */
export function clusters(text: string): Iterable<string> {
  // one code unit, one cluster: nothing joins printable ASCII, Latin, box drawing and CJK
  if (SIMPLE.test(text) || ALL_PLAIN.test(text)) return text;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  const out: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK);
    while (
      end < text.length &&
      !(PLAIN_CHAR.test(text[end - 1] as string) && PLAIN_CHAR.test(text[end] as string))
    ) {
      end++;
    }
    for (const s of segmenter.segment(
      start === 0 && end === text.length ? text : text.slice(start, end),
    )) {
      out.push(s.segment);
    }
    start = end;
  }
  return out;
}

/**
 * Terminal columns of one grapheme cluster: East Asian Width of its base (ambiguous counts as
 * narrow, so box-drawing glyphs are 1), 2 for emoji sequences, 0 for marks and controls alone.
 */
export function graphemeWidth(cluster: string): number {
  const first = cluster.codePointAt(0) ?? 0;
  const single = cluster.length === (first > 0xffff ? 2 : 1);
  if (single) {
    if (first >= 0x20 && first < 0x7f) return 1;
    if (unicode().zeroWidth.test(cluster)) return 0;
    return eastAsianWidth(first);
  }
  if (isEmojiSequence(cluster)) return 2;
  const hangul = hangulWidth(cluster);
  if (hangul !== undefined) return hangul;
  let width = -1;
  for (const ch of cluster) {
    const code = ch.codePointAt(0) ?? 0;
    if (width < 0) {
      if (unicode().zeroWidth.test(ch)) continue;
      width = eastAsianWidth(code);
    } else if (unicode().spacingMark.test(ch) || (code >= 0xff00 && code <= 0xffef)) {
      width += eastAsianWidth(code);
    }
  }
  return Math.max(0, width);
}

function isEmojiSequence(cluster: string): boolean {
  if (unicode().keycap.test(cluster)) return true;
  const { rgi, pictographic } = emojiPatterns();
  if (rgi.test(cluster)) return true;
  return cluster.includes('\u200d') && (cluster.match(pictographic)?.length ?? 0) >= 2;
}

function escapeCodePoint(ch: string): string {
  return `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;
}

/**
 * Zero-width characters that text needs and that are kept as written, taking no column: the
 * zero-width space and word joiner (break hints), and the zero-width non-joiner and joiner
 * that Persian, Indic scripts and emoji sequences are spelt with.
 */
const KEPT_ZERO_WIDTH = /^[\u200b-\u200d\u2060]+$/;

function pushAscii(out: Grapheme[], text: string): void {
  for (const ch of text) out.push({ text: ch, width: 1 });
}

/**
 * Splits one line of text into graphemes that are safe to draw in a cell grid.
 * Tabs expand to the next multiple of {@link TAB_WIDTH}. The zero-width space, word joiner,
 * non-joiner and joiner are kept as written and take no column (they ride on the grapheme
 * before them); other control, format and invisible characters (outside emoji sequences) and
 * lone marks become visible `\u{…}` escapes, so nothing invisible ever reaches a border.
 */
export function displayGraphemes(line: string): Grapheme[] {
  const out: Grapheme[] = [];
  let column = 0;
  let riding = '';
  for (const segment of clusters(line)) {
    if (KEPT_ZERO_WIDTH.test(segment)) {
      const last = out[out.length - 1];
      if (last) last.text += segment;
      else riding += segment;
      continue;
    }
    if (segment === '\t') {
      const spaces = TAB_WIDTH - (column % TAB_WIDTH);
      pushAscii(out, ' '.repeat(spaces));
      column += spaces;
      continue;
    }
    const hasInvisible = unicode().invisible.test(segment);
    if (hasInvisible && !isEmojiSequence(segment)) {
      const escaped = segment.replace(unicode().invisibleGlobal, escapeCodePoint);
      for (const part of clusters(escaped)) {
        const width = graphemeWidth(part);
        if (width === 0) {
          const visible = [...part].map(escapeCodePoint).join('');
          pushAscii(out, visible);
          column += visible.length;
        } else {
          out.push({ text: part, width });
          column += width;
        }
      }
      continue;
    }
    const width = graphemeWidth(segment);
    if (width === 0) {
      const visible = [...segment].map(escapeCodePoint).join('');
      pushAscii(out, visible);
      column += visible.length;
      continue;
    }
    out.push({ text: segment, width });
    column += width;
  }
  const first = out[0];
  if (riding !== '' && first) first.text = riding + first.text;
  return out;
}

/**
 * Turns a label or note into measured display lines: split at line breaks (`\n`, `\r\n`),
 * made safe by {@link displayGraphemes}, trailing spaces removed.
 * @example toDisplayLines('a\n客户端') // [{ text: 'a', width: 1 }, { text: '客户端', width: 6 }]
 */
export function toDisplayLines(text: string): DisplayLine[] {
  return text.split(/\r?\n/).map((line) => {
    if (PLAIN_LINE.test(line)) {
      const trimmed = line.replace(/ +$/, '');
      return { text: trimmed, width: trimmed.length };
    }
    const graphemes = displayGraphemes(line);
    while (graphemes.length > 0 && graphemes[graphemes.length - 1]?.text === ' ') graphemes.pop();
    let width = 0;
    let out = '';
    for (const g of graphemes) {
      width += g.width;
      out += g.text;
    }
    return { text: out, width };
  });
}

/**
 * Width of a single line of text in terminal columns, measured exactly as renderers draw it.
 * @example textWidth('Rest API') // 8
 * @example textWidth('🐳 API') // 6
 */
export function textWidth(line: string): number {
  if (PLAIN_LINE.test(line)) return line.length;
  let width = 0;
  for (const g of displayGraphemes(line)) width += g.width;
  return width;
}
