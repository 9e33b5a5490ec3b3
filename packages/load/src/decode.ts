import { type Diagnostic, DiagramaError } from '@diagrama/core';

/** The first byte offset where `bytes` stops being valid UTF-8, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes a model file's bytes as UTF-8, strictly: one leading BOM is dropped; UTF-16 and
 * UTF-32 (by their BOMs or NUL bytes) and invalid UTF-8 are rejected with the byte offset,
 * never turned into U+FFFD silently.
 */
export function decodeSource(bytes: Uint8Array, file = '<input>'): string {
  const fail = (code: string, message: string, offset: number, expected: string): never => {
    const diagnostic: Diagnostic = {
      code,
      message: `${message} at byte ${offset}`,
      position: { file, line: 1, column: 1 },
      expected,
    };
    throw new DiagramaError([diagnostic]);
  };
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    fail(
      'encoding/utf-16',
      'the file is UTF-16 (it starts with a UTF-16 byte order mark)',
      0,
      'UTF-8 text',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    fail(
      'encoding/nul',
      'the file holds a NUL byte (UTF-16, UTF-32 or binary?)',
      nul,
      'UTF-8 text',
    );
  const bad = invalidUtf8Offset(bytes);
  if (bad !== -1) fail('encoding/invalid-utf8', 'the file is not valid UTF-8', bad, 'UTF-8 text');
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}
