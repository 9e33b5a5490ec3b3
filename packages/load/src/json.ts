import { type Diagnostic, type ModelPath, quote } from '@diagrama/core';
import { OffsetIndex } from './source-map.js';

/** The result of parsing JSON with positions. */
export interface ParsedSource {
  /** The value, when there was no syntax error. */
  value?: unknown;
  index: OffsetIndex;
  diagnostics: Diagnostic[];
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly expected: string,
  ) {
    super(message);
  }
}

/**
 * Parses JSON recording where every value and key starts, so model errors can point at
 * `file:line:col`. Unlike `JSON.parse` it rejects duplicate keys, and objects have no
 * prototype, so keys such as `__proto__` are plain data.
 */
export function parseJson(text: string): ParsedSource {
  const index = new OffsetIndex(text);
  const diagnostics: Diagnostic[] = [];
  let at = 0;

  const describe = (): string => {
    if (at >= text.length) return 'the end of the file';
    const ch = text[at] ?? '';
    return /[\x21-\x7e]/.test(ch)
      ? `'${ch}'`
      : `U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  };
  const fail = (expected: string): never => {
    throw new JsonSyntaxError(`expected ${expected}, found ${describe()}`, at, expected);
  };
  const skip = (): void => {
    while (at < text.length && /[ \t\r\n]/.test(text[at] ?? '')) at++;
  };
  const literal = (word: string, value: unknown): unknown => {
    if (text.startsWith(word, at)) {
      at += word.length;
      return value;
    }
    return fail('a JSON value');
  };
  const string = (): string => {
    if (text[at] !== '"') fail('a string');
    at++;
    let out = '';
    for (;;) {
      const ch = text[at];
      if (ch === undefined) return fail('a closing quote');
      if (ch === '"') {
        at++;
        return out;
      }
      if (ch === '\\') {
        const escaped = text[at + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (escaped !== undefined && Object.hasOwn(simple, escaped)) {
          out += simple[escaped];
          at += 2;
          continue;
        }
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(at + 2, at + 6), 16));
          at += 6;
          continue;
        }
        at++;
        fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      }
      if (ch.charCodeAt(0) < 0x20) fail('an escaped control character');
      out += ch;
      at++;
    }
  };
  const number = (): number => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) return fail('a JSON value') as never;
    at += match[0].length;
    return Number(match[0]);
  };
  const value = (path: ModelPath, depth: number): unknown => {
    skip();
    index.value(path, at);
    if (depth > 1000) fail('less deeply nested data');
    const ch = text[at];
    if (ch === '{') {
      at++;
      const out: Record<string, unknown> = Object.create(null);
      skip();
      if (text[at] === '}') {
        at++;
        return out;
      }
      for (;;) {
        skip();
        const keyAt = at;
        const key = string();
        const keyPath = [...path, key];
        if (Object.hasOwn(out, key)) {
          diagnostics.push({
            code: 'json/duplicate-key',
            message: `the key ${quote(key)} appears twice in the same object`,
            position: { ...index.position(keyAt) },
            expected: 'each key once per object',
          });
        }
        index.key(keyPath, keyAt);
        skip();
        if (text[at] !== ':') fail("':' after the key");
        at++;
        out[key] = value(keyPath, depth + 1);
        skip();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === '}') {
          at++;
          return out;
        }
        fail("',' or '}'");
      }
    }
    if (ch === '[') {
      at++;
      const out: unknown[] = [];
      skip();
      if (text[at] === ']') {
        at++;
        return out;
      }
      for (;;) {
        out.push(value([...path, out.length], depth + 1));
        skip();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === ']') {
          at++;
          return out;
        }
        fail("',' or ']'");
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true', true);
    if (ch === 'f') return literal('false', false);
    if (ch === 'n') return literal('null', null);
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    return fail('a JSON value');
  };

  try {
    const result = value([], 0);
    skip();
    if (at < text.length) fail('the end of the file');
    return { value: result, index, diagnostics };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    diagnostics.push({
      code: 'json/syntax',
      message: error.message,
      position: { ...index.position(error.offset) },
      expected: error.expected,
    });
    return { index, diagnostics };
  }
}
