import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './diff.js';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('prints hunks with context like diff -u', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', ''].join('\n');
    const after = ['1', '2', '3', '4', 'five', '6', '7', '8', ''].join('\n');
    expect(unifiedDiff(before, after, { from: 'a/x', to: 'b/x' })).toBe(
      [
        '--- a/x',
        '+++ b/x',
        '@@ -2,7 +2,7 @@',
        ' 2',
        ' 3',
        ' 4',
        '-5',
        '+five',
        ' 6',
        ' 7',
        ' 8',
        '',
      ].join('\n'),
    );
  });

  it('finds two small changes 20,000 lines apart as two hunks', () => {
    const middle = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    const before = ['old a', ...middle, 'old b', ''].join('\n');
    const after = ['new a', ...middle, 'new b', ''].join('\n');
    const diff = unifiedDiff(before, after);
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(diff).toContain('-old a\n+new a\n');
    expect(diff).toContain('@@ -19999,4 +19999,4 @@');
    expect(diff.split('\n')).toHaveLength(2 + 2 * 6 + 1);
  });

  it('diffs a change at the top of a file of 200,000 lines', () => {
    const tail = Array.from({ length: 200_000 }, (_, i) => `line ${i}`);
    const diff = unifiedDiff(['old', ...tail].join('\n'), ['new', ...tail].join('\n'));
    expect(diff).toBe('--- a\n+++ b\n@@ -1,4 +1,4 @@\n-old\n+new\n line 0\n line 1\n line 2\n');
  });

  it('shows a rewrite too large to search as one replacement', () => {
    const before = Array.from({ length: 3_000 }, (_, i) => `a${i}`).join('\n');
    const after = Array.from({ length: 3_000 }, (_, i) => `b${i}`).join('\n');
    const diff = unifiedDiff(before, after);
    expect(diff.startsWith('--- a\n+++ b\n@@ -1,3000 +1,3000 @@\n-a0\n')).toBe(true);
    expect(diff.split('\n').filter((l) => l.startsWith('+'))).toHaveLength(3_001);
  });

  it('escapes what could drive a terminal, keeps tabs and hides CRLF endings', () => {
    const diff = unifiedDiff('x\r\n', '\u001b]52;c;e30=\u0007\tok \u202e\r\n');
    expect(diff).toBe('--- a\n+++ b\n@@ -1,1 +1,1 @@\n-x\n+\\x1b]52;c;e30=\\x07\tok \\u{202e}\n');
  });
});
