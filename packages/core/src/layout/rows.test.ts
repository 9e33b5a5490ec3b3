import { describe, expect, it } from 'vitest';
import { sharedRows } from './rows.js';

const span = (start: number, end: number) => ({ start, end });
const rows = (items: { start: number; end: number }[]) =>
  sharedRows(
    items,
    (i) => i.start,
    (i) => i.end,
  ).map((row) => row.map((i) => `${i.start}-${i.end}`));

describe('sharedRows', () => {
  it('sets together spans that overlap, apart those that do not, and leaves out sets of one', () => {
    expect(rows([span(0, 9), span(12, 20), span(4, 9), span(14, 18), span(30, 31)])).toEqual([
      ['0-9', '4-9'],
      ['12-20', '14-18'],
    ]);
  });

  it('takes no staircase for a row: each overlaps the next, not all of them one place', () => {
    expect(rows([span(0, 10), span(8, 20), span(18, 30)])).toEqual([]);
  });
});
