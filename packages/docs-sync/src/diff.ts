/** Options for {@link unifiedDiff}. */
export interface DiffOptions {
  /** Name of the old side. @default 'a' */
  from?: string;
  /** Name of the new side. @default 'b' */
  to?: string;
  /** Unchanged lines shown around each change. @default 3 */
  context?: number;
}

type Edit = { op: ' ' | '-' | '+'; line: string };

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
  const n = midA.length;
  const m = midB.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] =
        midA[i] === midB[j]
          ? table[i + 1]![j + 1]! + 1
          : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const out: Edit[] = a.slice(0, start).map((line) => ({ op: ' ', line }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      out.push({ op: ' ', line: midA[i++]! });
      j++;
    } else if (i < n && (j >= m || table[i + 1]![j]! >= table[i]![j + 1]!)) {
      out.push({ op: '-', line: midA[i++]! });
    } else {
      out.push({ op: '+', line: midB[j++]! });
    }
  }
  out.push(...a.slice(endA).map((line): Edit => ({ op: ' ', line })));
  return out;
}

/**
 * A unified diff of two texts (empty when they are equal), in the format `diff -u` and `git`
 * print, for showing what regeneration would change.
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
  const out = [`--- ${options.from ?? 'a'}`, `+++ ${options.to ?? 'b'}`];
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
    for (const e of hunk) out.push(`${e.op}${e.line}`);
    for (const e of all.slice(index, end)) {
      if (e.op !== '+') lineA++;
      if (e.op !== '-') lineB++;
    }
    index = end;
  }
  return `${out.join('\n')}\n`;
}
