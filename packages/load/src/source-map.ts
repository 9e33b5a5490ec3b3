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

/**
 * Offsets recorded while parsing, by path. Recording keeps the parser's path arrays as they
 * are (each is a fresh array the parser never changes); the lookup tables and the line starts
 * are built only when a position is first asked for, which a valid model never does.
 */
export class OffsetIndex {
  private readonly recorded: { path: ModelPath; offset: number; key: boolean }[] = [];
  private tables: { values: Map<string, number>; keys: Map<string, number> } | undefined;
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** Records where the value at `path` starts. */
  value(path: ModelPath, offset: number): void {
    this.recorded.push({ path, offset, key: false });
  }

  /** Records where the key naming `path` starts. */
  key(path: ModelPath, offset: number): void {
    this.recorded.push({ path, offset, key: true });
  }

  /** Every recorded offset, by the JSON of its path: of values, and of keys. */
  offsets(): { values: Map<string, number>; keys: Map<string, number> } {
    if (this.tables === undefined) {
      const values = new Map<string, number>();
      const keys = new Map<string, number>();
      for (const { path, offset, key } of this.recorded) {
        (key ? keys : values).set(JSON.stringify(path), offset);
      }
      this.tables = { values, keys };
    }
    return this.tables;
  }

  private lineStarts(): number[] {
    if (this.starts === undefined) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) {
        if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
      }
      this.starts = starts;
    }
    return this.starts;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const lineStarts = this.lineStarts();
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  }

  /** A source map over the recorded offsets. */
  toSourceMap(file: string): SourceMap {
    return {
      file,
      locate: (path, prefer = 'value') => {
        const { keys, values } = this.offsets();
        for (let length = path.length; length >= 0; length--) {
          const key = JSON.stringify(path.slice(0, length));
          const offset =
            prefer === 'key' || length < path.length
              ? (keys.get(key) ?? values.get(key))
              : (values.get(key) ?? keys.get(key));
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
