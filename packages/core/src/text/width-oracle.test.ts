import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { graphemeWidth, textWidth } from './width.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const oracle = (cluster: string) =>
  stringWidth(cluster, { ambiguousIsNarrow: true, countAnsiEscapeCodes: true });

/** Text made of the characters diagram labels are made of, and the hard ones. */
const textArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'a',
        'Z',
        ' ',
        'é',
        'ñ',
        'ß',
        '客',
        '户',
        '端',
        'ハ',
        '한',
        '글',
        'ｆ',
        '╔',
        '═',
        '║',
        '🐳',
        '✅',
        '👩‍👩‍👧‍👦',
        '🇪🇸',
        '👍🏽',
        '1️⃣',
        '🖥️',
        '❤️',
        'e\u0301',
        'a\u0308',
        'Ω',
        'Ж',
        'ا',
        'א',
        '·',
        '—',
      ),
      fc.integer({ min: 0x20, max: 0x2fff }).map((cp) => String.fromCodePoint(cp)),
      fc.integer({ min: 0x1f300, max: 0x1faff }).map((cp) => String.fromCodePoint(cp)),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('graphemeWidth agrees with string-width (the oracle)', () => {
  it('for every grapheme of generated label text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const { segment } of segmenter.segment(text)) {
          if (oracle(segment) === 0) continue;
          expect(
            graphemeWidth(segment),
            `${JSON.stringify(segment)} U+${segment.codePointAt(0)?.toString(16)}`,
          ).toBe(oracle(segment));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('for whole visible labels', () => {
    for (const label of [
      'Docker HOST( MI PC)',
      '客户端 (终端)',
      '🐳 Rest API ✅',
      'Qúe es una imagen',
      '👩‍👩‍👧‍👦 family · 🇪🇸 flag',
    ]) {
      expect(textWidth(label)).toBe(oracle(label));
    }
  });
});
