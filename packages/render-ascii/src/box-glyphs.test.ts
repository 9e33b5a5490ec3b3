import { describe, expect, it } from 'vitest';
import { glyphForArms } from './box-glyphs.js';

describe('glyphForArms', () => {
  it.each([
    [[0, 3, 3, 0], '╔'],
    [[3, 3, 3, 0], '╠'],
    [[3, 0, 3, 3], '╣'],
    [[0, 3, 3, 3], '╦'],
    [[3, 3, 0, 3], '╩'],
    [[3, 3, 3, 3], '╬'],
    [[0, 3, 1, 3], '╤'],
    [[1, 1, 1, 1], '┼'],
    [[2, 2, 2, 2], '╋'],
    [[1, 2, 1, 2], '┿'],
    [[0, 1, 0, 0], '╶'],
  ] as const)('%j → %s', (arms, glyph) => {
    expect(glyphForArms(arms, 3)).toBe(glyph);
  });

  it('redraws combinations no glyph has in the fallback weight', () => {
    expect(glyphForArms([2, 3, 2, 3], 3)).toBe('╬');
    expect(glyphForArms([2, 3, 2, 3], 1)).toBe('┼');
    expect(glyphForArms([3, 0, 0, 0], 3)).toBe('║');
  });
});
