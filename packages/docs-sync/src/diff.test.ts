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
});
