import type { Diagnostic, ModelPath, SourcePosition } from '@diagrama/core';

/** Where each part of a parsed model came from in its source text. */
export interface SourceMap {
  /** The file name used in positions. */
  file: string;
  /**
   * The position of the value at `path` (or of its key, with `prefer: 'key'`), else of its
   * nearest located ancestor.
   */
  locate(path: ModelPath, prefer?: 'key' | 'value'): SourcePosition;
}

/** Offsets recorded while parsing, by path. */
export class OffsetIndex {
  private readonly values = new Map<string, number>();
  private readonly keys = new Map<string, number>();
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  /** Records where the value at `path` starts. */
  value(path: ModelPath, offset: number): void {
    this.values.set(JSON.stringify(path), offset);
  }

  /** Records where the key naming `path` starts. */
  key(path: ModelPath, offset: number): void {
    this.keys.set(JSON.stringify(path), offset);
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  /** A source map over the recorded offsets. */
  toSourceMap(file: string): SourceMap {
    return {
      file,
      locate: (path, prefer = 'value') => {
        for (let length = path.length; length >= 0; length--) {
          const key = JSON.stringify(path.slice(0, length));
          const offset =
            prefer === 'key' || length < path.length
              ? (this.keys.get(key) ?? this.values.get(key))
              : (this.values.get(key) ?? this.keys.get(key));
          if (offset !== undefined) return { file, ...this.position(offset) };
        }
        return { file, line: 1, column: 1 };
      },
    };
  }
}

/** Codes about a key itself rather than its value. */
const KEY_CODES = new Set(['model/unknown-property', 'model/misplaced-property']);

/** Gives every diagnostic that names a model path its source position. */
export function locateDiagnostics(
  diagnostics: readonly Diagnostic[],
  source: SourceMap,
): Diagnostic[] {
  return diagnostics
    .map((diagnostic) =>
      diagnostic.position !== undefined
        ? diagnostic
        : {
            ...diagnostic,
            position: source.locate(
              diagnostic.path ?? [],
              KEY_CODES.has(diagnostic.code) ? 'key' : 'value',
            ),
          },
    )
    .sort(
      (a, b) =>
        (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
        (a.position?.column ?? 0) - (b.position?.column ?? 0),
    );
}
