import { findArtBlocks, isBoxArt } from './markdown.js';

/** A comment of a source file that holds box art. */
export interface CommentBlock {
  /**
   * Its lines with the comment's own marks (`//`, `#`, `--`, `/*`, the `*` gutter, `*\/`)
   * blanked, so every character keeps its column in the file and messages point at it.
   */
  text: string;
  /** 1-based line of its first line. */
  firstLine: number;
}

/**
 * A corner or a junction: a comment with none is a rule or a heading drawn with line
 * characters (`# ─── VPC ────`), not a drawing.
 */
const CORNER = /[┌┐└┘╔╗╚╝╭╮╰╯┏┓┗┛├┤┬┴┼╠╣╦╩╬╒╕╘╛╓╖╙╜]|\+-|-\+/;

/** Marks that open a line comment, longest first so `///` is not read as `//` and a `/`. */
const LINE_MARKS = ['//!', '///', '//', '#', '--', ';;', ';', '%'] as const;

/** Blanks `length` characters of `line` from `start`. */
function blank(line: string, start: number, length: number): string {
  return line.slice(0, start) + ' '.repeat(length) + line.slice(start + length);
}

/** The line-comment mark a line starts with (after its indent), if any. */
function lineMark(line: string): { mark: string; at: number } | undefined {
  const at = line.search(/\S/);
  if (at < 0) return undefined;
  const rest = line.slice(at);
  const mark = LINE_MARKS.find((m) => rest.startsWith(m));
  // `#!` is a shebang and `#include` a directive, not a comment
  if (mark === undefined || /^#(!|[a-z])/.test(rest)) return undefined;
  return { mark, at };
}

/**
 * The block comment `/* … *\/` that starts on line `i`, blanked: its opening and closing marks
 * and, where every line between starts with `*` (the gutter C, Java and JavaScript comments
 * keep), that `*`. Undefined when line `i` opens none or it is never closed.
 */
function blockComment(
  lines: readonly string[],
  i: number,
): { text: string[]; end: number } | undefined {
  const line = lines[i] as string;
  const open = line.search(/\/\*/);
  // the comment must start the line's text: `x = 1; /* … */` holds no drawing
  if (open < 0 || line.slice(0, open).trim() !== '') return undefined;
  let end = i;
  while (end < lines.length && !(lines[end] as string).includes('*/', end === i ? open + 2 : 0)) {
    end++;
  }
  if (end >= lines.length) return undefined;
  const text = lines.slice(i, end + 1);
  // the opening mark, with a doc comment's extra `*`
  const first = text[0] as string;
  const mark = /^\/\*+!?/.exec(first.slice(open))?.[0] ?? '/*';
  text[0] = blank(first, open, mark.length);
  const inner = text.slice(1);
  const gutter = inner.length > 0 && inner.every((l) => /^\s*\*/.test(l) || l.trim() === '');
  text.forEach((l, k) => {
    let out = l;
    if (k > 0 && gutter && /^\s*\*(?!\/)/.test(out)) out = blank(out, out.indexOf('*'), 1);
    if (k === text.length - 1) {
      const close = out.lastIndexOf('*/');
      if (close >= 0) out = blank(out, close, 2);
    }
    text[k] = out;
  });
  return { text, end };
}

/**
 * Every comment of a source file that holds box art: runs of line comments with one mark
 * (`//`, `///`, `#`, `--`, `;`, `%`) and block comments (`/* … *\/`, with or without a `*`
 * gutter), as diagrams in code are kept. Blank lines around it are dropped, so `firstLine` is
 * the drawing's own.
 */
export function findCommentBlocks(source: string): CommentBlock[] {
  const lines = source.split(/\r?\n/);
  const out: CommentBlock[] = [];
  const push = (text: string[], first: number): void => {
    let start = 0;
    while (start < text.length && (text[start] as string).trim() === '') start++;
    let end = text.length;
    while (end > start && (text[end - 1] as string).trim() === '') end--;
    const kept = text.slice(start, end);
    const joined = kept.join('\n');
    if (kept.length > 0 && isBoxArt(joined) && CORNER.test(joined)) {
      out.push({ text: joined, firstLine: first + start + 1 });
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const block = blockComment(lines, i);
    if (block) {
      push(block.text, i);
      i = block.end;
      continue;
    }
    const head = lineMark(lines[i] as string);
    if (!head) continue;
    const run: string[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const line = lines[j] as string;
      const here = lineMark(line);
      if (here?.mark !== head.mark) break;
      run.push(blank(line, here.at, here.mark.length));
    }
    push(run, i);
    i = j - 1;
  }
  return out;
}

/**
 * Whether a file by its name holds source code, whose drawings live in comments: a name ending
 * in an extension of a programming, shell, build or configuration language.
 */
export function isSourceFile(name: string): boolean {
  return (
    /\.(c|h|cc|cpp|cxx|hpp|hh|m|mm|cs|java|kt|kts|scala|go|rs|swift|dart|js|mjs|cjs|jsx|ts|mts|cts|tsx|py|pyi|rb|pl|pm|php|lua|sh|bash|zsh|fish|ps1|r|jl|ex|exs|erl|hs|elm|clj|cljs|sql|tf|hcl|nix|zig|v|sv|vhd|vhdl|proto|thrift|graphql|yaml|yml|toml|ini|cfg|conf|cmake|mk|gradle|groovy|tex|sty|el|lisp|scm|rkt|ml|mli|fs|fsx|vb|asm|s)$/i.test(
      name,
    ) || /(^|\/)(Makefile|Dockerfile|CMakeLists\.txt|Justfile|Rakefile|Gemfile)$/.test(name)
  );
}

/** A drawing found in a file, and where it starts. */
export interface FoundDrawing {
  text: string;
  /** 1-based line of its first line in the file. */
  firstLine: number;
}

/**
 * The drawings a file holds, by what it is: Markdown (by its name, or by holding fenced
 * drawings) gives every code block of box art; source code (by its name) every comment of box
 * art; anything else is one drawing — with its comment marks blanked when the whole of it is
 * one comment (a drawing copied out of code, piped in).
 */
export function findDrawings(
  text: string,
  name = '',
): { from: 'markdown' | 'code' | 'text'; drawings: FoundDrawing[] } {
  const blocks = findArtBlocks(text);
  if (/\.(md|markdown)$/i.test(name) || blocks.some((b) => b.fenced)) {
    return {
      from: 'markdown',
      drawings: blocks.map((b) => ({ text: b.text, firstLine: b.firstLine })),
    };
  }
  if (isSourceFile(name)) return { from: 'code', drawings: findCommentBlocks(text) };
  const comments = findCommentBlocks(text);
  const lines = text.split(/\r?\n/);
  const only = comments[0];
  if (comments.length === 1 && only !== undefined) {
    const inside = (k: number): boolean =>
      k + 1 >= only.firstLine && k + 1 < only.firstLine + only.text.split('\n').length;
    if (lines.every((l, k) => inside(k) || commentOnly(l))) {
      return { from: 'code', drawings: comments };
    }
  }
  return { from: 'text', drawings: [{ text, firstLine: 1 }] };
}

/** Whether a line holds nothing but blanks and comment marks (`//`, `/*`, `*\/`). */
function commentOnly(line: string): boolean {
  return /^\s*(\/\*+|\*\/|\/\/[/!]?|#|--|;;?|%)?\s*$/.test(line);
}
