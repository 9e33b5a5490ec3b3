import { glyphOf } from './glyphs.js';

/** A code block of a Markdown document that holds box art. */
export interface ArtBlock {
  /** Its content, without the fences. */
  text: string;
  /** 1-based line of its first content line. */
  firstLine: number;
  /** 1-based lines of its opening and closing fences (indented: its first and last lines). */
  open: number;
  close: number;
  /** The info string after the opening fence ('' for an indented block). */
  info: string;
  /** Whether it is fenced (``` or ~~~), not indented by four spaces. */
  fenced: boolean;
}

/**
 * A line of a file tree as `tree` prints it: branches (`├──`, `└──`, or `|--`, `` `-- ``) under
 * rails of `│`, and a name.
 */
const TREE_LINE = /^\s*(?:[│|]\s*)*(?:[├└]─+|[|`]--+)\s*\S/;
const TREE_RAIL = /^\s*(?:[│|]\s*)+$/;

/**
 * Whether text is a file tree (`tree`'s output, a folder layout in a README), which draws no
 * boxes and no arrows: every line a branch, a rail, or the root's name above them.
 */
function isFileTree(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const branches = lines.filter((l) => TREE_LINE.test(l)).length;
  if (branches < 2 || /[┌┐┘╔╗╚╝╭╮╯┬┴┼▶►▼▲◀◄→←↓↑]|-->|->|<-/.test(text)) return false;
  // the root's name may come first; every other line is a branch or a rail
  return lines.every(
    (l, i) => TREE_LINE.test(l) || TREE_RAIL.test(l) || (i === 0 && !/[─│├└]/.test(l)),
  );
}

/**
 * Whether text looks like a drawing: a corner with a border leaving it on some line — not a
 * file tree, whose branches are drawn with the same characters.
 */
export function isBoxArt(text: string): boolean {
  if (isFileTree(text)) return false;
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
 * Every code block whose content is box art, with its line numbers: fenced (``` or ~~~, any
 * info string but a diagrama model's; up to three spaces of indent, a closing fence of the
 * same character at least as long as the opening one, as CommonMark has them) and indented by
 * four spaces or a tab (what many READMEs hold their drawings in; read even where a paragraph
 * runs into it, as a drawing under a line of text often does).
 */
export function findArtBlocks(markdown: string): ArtBlock[] {
  const lines = markdown.split(/\r?\n/);
  const out: ArtBlock[] = [];
  const indented = (line: string): boolean => /^( {4}|\t)/.test(line) && line.trim() !== '';
  const blank = (line: string): boolean => line.trim() === '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/.exec(line);
    if (open) {
      const fence = open[1] as string;
      const info = (open[2] ?? '').trim();
      let j = i + 1;
      const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      while (j < lines.length && !close.test(lines[j] as string)) j++;
      const text = lines.slice(i + 1, j).join('\n');
      if (info.split(/\s/)[0] !== 'diagrama' && isBoxArt(text)) {
        out.push({ text, firstLine: i + 2, open: i + 1, close: j + 1, info, fenced: true });
      }
      i = j;
      continue;
    }
    if (!indented(line)) continue;
    // an indented run: through blank lines that more indented lines follow
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] as string;
      if (indented(next)) last = j;
      else if (!blank(next)) break;
    }
    // the indent kept: columns in messages are the file's
    const text = lines.slice(i, last + 1).join('\n');
    if (isBoxArt(text)) {
      out.push({ text, firstLine: i + 1, open: i + 1, close: last + 1, info: '', fenced: false });
    }
    i = last;
  }
  return out;
}
