import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiPattern } from './check.js';
import { ID_PATTERN } from './plain-spec.js';

describe('asciiPattern', () => {
  it('matches ASCII text exactly as the Unicode pattern does', () => {
    const unicode = new RegExp(ID_PATTERN, 'u');
    const ascii = asciiPattern(ID_PATTERN);
    expect(ascii).not.toBeNull();
    const text = fc.string({
      unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
    });
    fc.assert(
      fc.property(text, (value) => {
        expect(ascii?.test(value)).toBe(unicode.test(value));
      }),
      { numRuns: 5000 },
    );
    for (const value of ['docker-host', 'a.b:c>d', 'x_1', '-x', '_x', '', 'a b', 'A9'])
      expect(ascii?.test(value), value).toBe(unicode.test(value));
  });

  it('leaves patterns it cannot rewrite to the Unicode engine', () => {
    expect(asciiPattern('^\\p{L}+$')).toBeNull(); // outside a class
    expect(asciiPattern('^[\\p{Lu}]$')).toBeNull(); // another property
    expect(asciiPattern('^[\\p{L}\\]]$')?.source).toBe('^[A-Za-z\\]]$');
  });
});
