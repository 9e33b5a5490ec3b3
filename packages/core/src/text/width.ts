import stringWidth from 'string-width';

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

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const INVISIBLE_GLOBAL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const RGI_EMOJI = /^\p{RGI_Emoji}$/v;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/gu;
const KEYCAP = /^[\d#*]\uFE0F?\u20E3$/u;
const MEASURE = { ambiguousIsNarrow: true, countAnsiEscapeCodes: true } as const;

function isEmojiSequence(cluster: string): boolean {
  if (RGI_EMOJI.test(cluster) || KEYCAP.test(cluster)) return true;
  return cluster.includes('\u200d') && (cluster.match(PICTOGRAPHIC)?.length ?? 0) >= 2;
}

function escapeCodePoint(ch: string): string {
  return `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;
}

function pushAscii(out: Grapheme[], text: string): void {
  for (const ch of text) out.push({ text: ch, width: 1 });
}

/**
 * Splits one line of text into graphemes that are safe to draw in a cell grid.
 * Tabs expand to the next multiple of {@link TAB_WIDTH}; control, format and other invisible
 * characters (outside emoji sequences) and clusters of zero width become visible `\u{…}`
 * escapes, so nothing invisible or zero-width ever reaches a border.
 */
export function displayGraphemes(line: string): Grapheme[] {
  const out: Grapheme[] = [];
  let column = 0;
  for (const { segment } of segmenter.segment(line)) {
    if (segment === '\t') {
      const spaces = TAB_WIDTH - (column % TAB_WIDTH);
      pushAscii(out, ' '.repeat(spaces));
      column += spaces;
      continue;
    }
    const hasInvisible = INVISIBLE.test(segment);
    if (hasInvisible && !isEmojiSequence(segment)) {
      const escaped = segment.replace(INVISIBLE_GLOBAL, escapeCodePoint);
      for (const { segment: part } of segmenter.segment(escaped)) {
        const width = stringWidth(part, MEASURE);
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
    const width = stringWidth(segment, MEASURE);
    if (width === 0) {
      const visible = [...segment].map(escapeCodePoint).join('');
      pushAscii(out, visible);
      column += visible.length;
      continue;
    }
    out.push({ text: segment, width });
    column += width;
  }
  return out;
}

/**
 * Turns a label or note into measured display lines: split at line breaks (`\n`, `\r\n`),
 * made safe by {@link displayGraphemes}, trailing spaces removed.
 * @example toDisplayLines('a\n客户端') // [{ text: 'a', width: 1 }, { text: '客户端', width: 6 }]
 */
export function toDisplayLines(text: string): DisplayLine[] {
  return text.split(/\r?\n/).map((line) => {
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
  let width = 0;
  for (const g of displayGraphemes(line)) width += g.width;
  return width;
}
