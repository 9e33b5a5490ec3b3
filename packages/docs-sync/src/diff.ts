import { escapeForTerminal } from '@diagrama/core';
import { diffArrays } from 'diff';

/** Options for {@link unifiedDiff}. */
export interface DiffOptions {
  /** Name of the old side. @default 'a' */
  from?: string;
  /** Name of the new side. @default 'b' */
  to?: string;
  /** Unchanged lines shown around each change. @default 3 */
  context?: number;
}

/**
 * A line as the diff prints it: control, bidi and invisible characters (escape sequences,
 * carriage returns, U+202E) shown as `\x1b`-style escapes, so a document cannot drive the
 * terminal of whoever reads the diff; tabs stay tabs and a CRLF ending is not shown.
 */
const shown = (line: string): string =>
  (line.endsWith('\r') ? line.slice(0, -1) : line).split('\t').map(escapeForTerminal).join('\t');

type Edit = { op: ' ' | '-' | '+'; line: string };

/**
 * Past this many inserted plus deleted lines the diff stops looking for the smallest edit
 * and shows the changed middle as one replacement: Myers' algorithm costs O(N·D), so a
 * bound on D keeps a huge rewrite fast and small in memory.
 */
const MAX_EDIT_LENGTH = 1_000;

function edits(a: readonly string[], b: readonly string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const out: Edit[] = a.slice(0, start).map((line) => ({ op: ' ', line }));
  const changes = diffArrays(midA, midB, { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) {
    for (const line of midA) out.push({ op: '-', line });
    for (const line of midB) out.push({ op: '+', line });
  } else {
    for (const change of changes) {
      const op = change.added ? '+' : change.removed ? '-' : ' ';
      for (const line of change.value) out.push({ op, line });
    }
  }
  // a loop, not a spread: a file of 130,000 lines would overflow the call stack
  for (let i = endA; i < a.length; i++) out.push({ op: ' ', line: a[i] as string });
  return out;
}

/**
 * A unified diff of two texts (empty when they are equal), in the format `diff -u` and `git`
 * print, for showing what regeneration would change. Lines are shown escaped (see above): the
 * diff is for reading, not for `patch`.
 */
export function unifiedDiff(before: string, after: string, options: DiffOptions = {}): string {
  if (before === after) return '';
  const context = options.context ?? 3;
  const lines = (text: string) => {
    const list = text.split('\n');
    if (list[list.length - 1] === '') list.pop();
    return list;
  };
  const all = edits(lines(before), lines(after));
  const out = [`--- ${shown(options.from ?? 'a')}`, `+++ ${shown(options.to ?? 'b')}`];
  let index = 0;
  let lineA = 1;
  let lineB = 1;
  while (index < all.length) {
    while (index < all.length && all[index]!.op === ' ') {
      index++;
      lineA++;
      lineB++;
    }
    if (index >= all.length) break;
    const lead = Math.min(context, index);
    let end = index;
    let quiet = 0;
    while (end < all.length && quiet <= context * 2) {
      quiet = all[end]!.op === ' ' ? quiet + 1 : 0;
      end++;
    }
    end -= Math.max(0, quiet - context);
    const hunk = all.slice(index - lead, end);
    const countA = hunk.filter((e) => e.op !== '+').length;
    const countB = hunk.filter((e) => e.op !== '-').length;
    out.push(`@@ -${lineA - lead},${countA} +${lineB - lead},${countB} @@`);
    for (const e of hunk) out.push(`${e.op}${shown(e.line)}`);
    for (const e of all.slice(index, end)) {
      if (e.op !== '+') lineA++;
      if (e.op !== '-') lineB++;
    }
    index = end;
  }
  return `${out.join('\n')}\n`;
}
