import { describe, expect, it } from 'vitest';
import { parseJson } from './json.js';

describe('parseJson', () => {
  it('parses what JSON.parse parses', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}}';
    expect(JSON.parse(JSON.stringify(parseJson(text).value))).toEqual(JSON.parse(text));
  });

  it('keeps __proto__ as plain data', () => {
    const { value } = parseJson('{"__proto__": {"polluted": true}}');
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects trailing data, bad escapes and raw control characters', () => {
    expect(parseJson('{} x').diagnostics[0]?.message).toBe(
      "expected the end of the file, found 'x'",
    );
    expect(parseJson('"\\q"').diagnostics[0]?.code).toBe('json/syntax');
    expect(parseJson('"a\u0001"').diagnostics[0]?.message).toBe(
      'expected an escaped control character, found U+0001',
    );
  });
});
