import { describe, expect, it } from 'vitest';
import { clusters, displayGraphemes, textWidth, toDisplayLines } from './width.js';

describe('textWidth', () => {
  it.each([
    ['Rest API', 8],
    ['客户端 (终端)', 13],
    ['🐳 Rest API ✅', 14],
    ['👩‍👩‍👧‍👦', 2],
    ['🇪🇸', 2],
    ['👍🏽', 2],
    ['1️⃣', 2],
    ['Qúe', 3],
    ['Que\u0301', 3],
    ['╔═╗║╚╝╠╣', 8],
    ['ｆｕｌｌ', 8],
  ])('%s is %i columns', (text, width) => {
    expect(textWidth(text)).toBe(width);
  });

  it('expands tabs to the next stop of 4 columns', () => {
    expect(toDisplayLines('a\tb')).toEqual([{ text: 'a   b', width: 5 }]);
    expect(toDisplayLines('\tb')).toEqual([{ text: '    b', width: 5 }]);
  });

  it('keeps zero-width spaces, joiners and non-joiners as written, in no column', () => {
    expect(toDisplayLines('a\u200bb')[0]).toEqual({ text: 'a\u200bb', width: 2 });
    expect(toDisplayLines('\u200bab')[0]).toEqual({ text: '\u200bab', width: 2 });
    // Persian is spelt with the zero-width non-joiner
    expect(toDisplayLines('می\u200cخواهم')[0]).toEqual({ text: 'می\u200cخواهم', width: 7 });
    expect(displayGraphemes('x\u2060y').map((g) => g.width)).toEqual([1, 1]);
  });

  it('turns other invisible characters and lone marks into visible escapes', () => {
    expect(toDisplayLines('\u0301x')[0]?.text).toBe('\\u{301}x');
    expect(toDisplayLines('a\ufeffb')[0]).toEqual({ text: 'a\\u{feff}b', width: 10 });
    expect(toDisplayLines('a\u200eb')[0]?.text).toBe('a\\u{200e}b');
  });

  it('keeps zero-width joiners inside emoji sequences', () => {
    expect(toDisplayLines('👩‍💻')[0]).toEqual({ text: '👩‍💻', width: 2 });
  });

  it('splits lines at \\n and \\r\\n and drops trailing spaces', () => {
    expect(toDisplayLines('a  \r\nb\nc')).toEqual([
      { text: 'a', width: 1 },
      { text: 'b', width: 1 },
      { text: 'c', width: 1 },
    ]);
  });
});

describe('clusters', () => {
  it('cuts long text into the same clusters as one pass, and in linear time', () => {
    const piece = 'Qúe 客户端 ─┼─ 👩‍💻 🇪🇸🇯🇵 e\u0301 #️⃣ 👍🏿 か\u3099 ';
    const text = piece.repeat(40);
    const once = Array.from(
      new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text),
      (s) => s.segment,
    );
    expect([...clusters(text)]).toEqual(once);
    // text with nothing that joins is its own code units, a combining mark joins its base
    expect([...clusters('┌─ ab 客 ─┐')]).toHaveLength(10);
    expect([...clusters('か\u3099─')]).toEqual(['か\u3099', '─']);
    // 200,000 box-drawing characters: one pass over them would take minutes and gigabytes
    expect([...clusters('─'.repeat(200_000))]).toHaveLength(200_000);
  });
});
