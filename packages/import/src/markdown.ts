import { glyphOf } from './glyphs.js';

/** A fenced block of a Markdown document that holds box art. */
export interface ArtBlock {
  /** Its content, without the fences. */
  text: string;
  /** 1-based line of its first content line. */
  firstLine: number;
  /** 1-based lines of its opening and closing fences. */
  open: number;
  close: number;
  /** The info string after the opening fence. */
  info: string;
}

/** Whether text looks like a drawing: a corner with a border leaving it on some line. */
export function isBoxArt(text: string): boolean {
  for (const line of text.split('\n')) {
    let run = 0;
    for (const ch of line) {
      const g = glyphOf(ch);
      if (g && g.weight !== 'ascii') {
        run++;
        if (run >= 3) return true;
      } else run = 0;
    }
    if (/\+-{2,}\+/.test(line)) return true;
  }
  return false;
}

/**
 * Every fenced block (``` or ~~~, any info string but a diagrama model's) whose content is box
 * art, with its line numbers. Fences follow CommonMark: up to three spaces of indent, a closing
 * fence of the same character at least as long as the opening one.
 */
export function findArtBlocks(markdown: string): ArtBlock[] {
  const lines = markdown.split(/\r?\n/);
  const out: ArtBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    const info = (open[2] ?? '').trim();
    let j = i + 1;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    while (j < lines.length && !close.test(lines[j] as string)) j++;
    const text = lines.slice(i + 1, j).join('\n');
    if (info.split(/\s/)[0] !== 'diagrama' && isBoxArt(text)) {
      out.push({ text, firstLine: i + 2, open: i + 1, close: j + 1, info });
    }
    i = j;
  }
  return out;
}
