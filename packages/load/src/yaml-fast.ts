import type { ModelPath } from '@diagrama/core';
import type { ParsedSource } from './json.js';
import { OffsetIndex } from './source-map.js';

// A reader for the plain YAML that diagram models are written in: block mappings and
// sequences, one-line flow collections, plain and one-line quoted scalars, literal block
// scalars (`|`, `|-`) and comments. It gives exactly what the full parser (`parseYaml`)
// gives - the same values and the same recorded offsets - in a fraction of the time, and
// steps aside (returns undefined) at anything else: anchors, tags, folded or kept block
// scalars, multi-line flow or quoted scalars, documents markers, tabs, CR, odd keys,
// duplicate keys, any doubtful scalar. The full parser then reads the text and reports its
// problems. A differential property test holds the two to the same answers.

/** Thrown (and caught in {@link readPlainYaml}) when the text leaves the subset. */
const STEP_ASIDE: unique symbol = Symbol('step aside');

const stepAside = (): never => {
  throw STEP_ASIDE;
};

/** Deeper text is left to the full parser (the loader refuses it before either runs). */
const MAX_DEPTH = 200;

/** Keys the reader accepts: identifiers, `$schema`, hyphens inside. */
const KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
/** Characters that make the full parser's view of a text worth having. */
const UNUSUAL = /[\t\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/** Lines that are directives or document markers. */
const MARKERS = /^(?:%|---|\.\.\.)/m;
/** Plain scalars that could be numbers, booleans, null, infinities or NaN in YAML 1.2 core. */
const NUMERIC_START = /^[-+]?\.?[0-9]|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;
const INTEGER = /^-?(?:0|[1-9][0-9]{0,14})$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;

/** The value of a plain scalar under the YAML 1.2 core schema, or a step aside when in doubt. */
function plainValue(text: string): unknown {
  switch (text) {
    case 'null':
    case 'Null':
    case 'NULL':
    case '~':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  if (NUMERIC_START.test(text)) {
    if (INTEGER.test(text) || DECIMAL.test(text)) return Number(text);
    return stepAside();
  }
  return text;
}

/** Characters that cannot start a plain scalar (or start something this reader leaves). */
const NOT_PLAIN_START = new Set([...'!&*|>\'"%@`?,[]{}#:-']);

/**
 * Reads `text` when it is plain model YAML; undefined when the full parser must.
 * The caller has already refused text nested too deeply.
 */
export function readPlainYaml(text: string): ParsedSource | undefined {
  if (UNUSUAL.test(text) || MARKERS.test(text)) return undefined;
  try {
    return new Reader(text).read();
  } catch (error) {
    if (error === STEP_ASIDE) return undefined;
    throw error;
  }
}

class Reader {
  private readonly index: OffsetIndex;
  /** The offset being read. */
  private at = 0;
  /** How deeply collections nest where the reader is. */
  private depth = 0;

  constructor(private readonly text: string) {
    this.index = new OffsetIndex(text);
  }

  read(): ParsedSource {
    if (!this.nextContentLine()) return stepAside();
    const value = this.blockNode(this.column(this.at), []);
    if (this.nextContentLine()) stepAside();
    return { value, index: this.index, diagnostics: [] };
  }

  // ---- lines -------------------------------------------------------------------------

  private charAt(offset: number): string {
    return this.text[offset] ?? '';
  }

  private lineEnd(offset: number): number {
    const end = this.text.indexOf('\n', offset);
    return end === -1 ? this.text.length : end;
  }

  /**
   * Moves to the first character of the next line that holds something other than spaces
   * and a comment, starting from the line `at` is on; false at the end of the text.
   */
  private nextContentLine(): boolean {
    const { text } = this;
    while (this.at < text.length) {
      let i = this.at;
      while (text[i] === ' ') i++;
      if (i < text.length && text[i] !== '\n' && text[i] !== '#') {
        this.at = i;
        return true;
      }
      this.at = this.lineEnd(i) + 1;
    }
    this.at = text.length;
    return false;
  }

  /** The column of offset `at` (the reader only calls it at a line's first character). */
  private column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** After a value on a line: only spaces and a comment may follow; moves past the line. */
  private endOfLine(): void {
    const { text } = this;
    let i = this.at;
    while (text[i] === ' ') i++;
    if (text[i] === '#' && (i === this.at ? text[i - 1] === ' ' : true)) i = this.lineEnd(i);
    if (i < text.length && text[i] !== '\n') stepAside();
    this.at = i + 1;
  }

  // ---- block collections ---------------------------------------------------------------

  /** A block mapping or sequence whose first line starts at `at`, indented `indent`. */
  private blockNode(indent: number, path: ModelPath): unknown {
    if (++this.depth > MAX_DEPTH) stepAside();
    const value = this.isSequenceEntry(this.at)
      ? this.blockSequence(indent, path)
      : this.blockMapping(indent, path);
    this.depth--;
    return value;
  }

  private isSequenceEntry(offset: number): boolean {
    const next = this.charAt(offset + 1);
    return this.charAt(offset) === '-' && (next === ' ' || next === '\n' || next === '');
  }

  /** Reads `key:` at `at`; returns the key and leaves `at` after the colon. */
  private key(): { key: string; start: number } {
    const { text } = this;
    const start = this.at;
    let i = start;
    while (i < text.length && text[i] !== ':' && text[i] !== '\n') i++;
    const key = text.slice(start, i);
    const after = text[i + 1];
    if (text[i] !== ':' || !(after === ' ' || after === '\n' || after === undefined)) {
      return stepAside();
    }
    // a key that YAML reads as a boolean or null (`true`, `False`, `NULL`) is not a string:
    // the full parser reports it, so both readers agree
    if (!KEY.test(key) || key === '__proto__' || typeof plainValue(key) !== 'string') {
      return stepAside();
    }
    this.at = i + 1;
    return { key, start };
  }

  /** A block mapping whose keys sit at column `indent`; `at` is on its first key. */
  private blockMapping(indent: number, path: ModelPath): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    this.index.value(path, this.at);
    for (;;) {
      const { key, start } = this.key();
      if (Object.hasOwn(map, key)) stepAside();
      const keyPath = [...path, key];
      this.index.key(keyPath, start);
      map[key] = this.mappingValue(indent, keyPath);
      if (!this.nextContentLine()) return map;
      const column = this.column(this.at);
      if (column < indent) return map;
      if (column > indent || this.isSequenceEntry(this.at)) stepAside();
    }
  }

  /** The value after `key:` in a block mapping at `indent`; leaves `at` after it. */
  private mappingValue(indent: number, path: ModelPath): unknown {
    const { text } = this;
    while (text[this.at] === ' ') this.at++;
    const first = this.charAt(this.at);
    if (first === '\n' || first === '' || first === '#') {
      // the value is a block collection on the lines below
      if (first === '#' && text[this.at - 1] !== ' ') stepAside();
      this.at = this.lineEnd(this.at) + 1;
      if (!this.nextContentLine()) return stepAside();
      const column = this.column(this.at);
      if (column > indent) return this.blockNode(column, path);
      if (column === indent && this.isSequenceEntry(this.at)) {
        return this.blockSequence(column, path);
      }
      return stepAside(); // an empty value (null): left to the full parser
    }
    return this.inlineValue(indent, path);
  }

  /** A block sequence whose dashes sit at column `indent`; `at` is on its first dash. */
  private blockSequence(indent: number, path: ModelPath): unknown[] {
    const list: unknown[] = [];
    this.index.value(path, this.at);
    for (;;) {
      const itemPath = [...path, list.length];
      this.at += 1;
      while (this.text[this.at] === ' ') this.at++;
      const first = this.charAt(this.at);
      if (first === '\n' || first === '' || first === '#') {
        if (first === '#' && this.text[this.at - 1] !== ' ') stepAside();
        this.at = this.lineEnd(this.at) + 1;
        if (!this.nextContentLine()) return stepAside();
        const column = this.column(this.at);
        if (column <= indent) return stepAside(); // an empty entry (null)
        list.push(this.blockNode(column, itemPath));
      } else if (this.isSequenceEntry(this.at)) {
        return stepAside(); // `- - x`
      } else if (this.startsKey()) {
        // a mapping that starts on the dash's line: its keys line up with the first one
        list.push(this.blockMapping(this.column(this.at), itemPath));
      } else {
        list.push(this.inlineValue(indent, itemPath));
      }
      if (!this.nextContentLine()) return list;
      const column = this.column(this.at);
      if (column < indent) return list;
      if (column > indent) stepAside();
      if (!this.isSequenceEntry(this.at)) return list; // the parent mapping's next key
    }
  }

  /** Whether `key: ...` (or `key:` at the end of the line) starts at `at`. */
  private startsKey(): boolean {
    const { text } = this;
    const first = text[this.at] ?? '';
    // a quoted scalar or flow collection is a value; `: ...` after it fails at endOfLine
    if (first === '"' || first === "'" || first === '{' || first === '[') return false;
    const end = this.lineEnd(this.at);
    const colon = text.indexOf(':', this.at);
    if (colon === -1 || colon > end) return false;
    const after = text[colon + 1];
    if (after === ' ' || after === '\n' || after === undefined) return true;
    // a colon inside a scalar (`http://x`); a later `: ` makes it a key the reader leaves
    return text.slice(colon + 1, end).includes(': ') ? stepAside() : false;
  }

  // ---- values on one line --------------------------------------------------------------

  /**
   * A scalar, flow collection or block scalar starting at `at` inside a block collection
   * at `indent`; leaves `at` at the start of the next line.
   */
  private inlineValue(indent: number, path: ModelPath): unknown {
    const start = this.at;
    const first = this.charAt(start);
    let value: unknown;
    if (first === '|') {
      value = this.literal(indent);
      this.index.value(path, start);
      return value;
    }
    if (first === '{' || first === '[') value = this.flow(indent, path);
    else if (first === '"' || first === "'") value = this.quoted();
    else value = this.plain(false);
    this.index.value(path, start);
    this.endOfLine();
    return value;
  }

  /** A plain scalar at `at` (in a flow collection when `inFlow`); leaves `at` after it. */
  private plain(inFlow: boolean): unknown {
    const { text } = this;
    const start = this.at;
    const first = this.charAt(start);
    const negative = first === '-' && /[0-9]/.test(this.charAt(start + 1));
    if (
      (NOT_PLAIN_START.has(first) && !negative) ||
      first === ' ' ||
      first === '\n' ||
      first === ''
    ) {
      // `-x`, `:x` and `?x` are plain in YAML, but rare in models: left to the full parser
      return stepAside();
    }
    let i = start;
    let end = start; // after the last non-space character
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '\n') break;
      if (c === '#' && text[i - 1] === ' ') break;
      const next = text[i + 1];
      if (c === ':' && (next === ' ' || next === '\n' || next === undefined)) {
        return stepAside(); // `a: b: c`, or a key where a value was expected
      }
      if (inFlow && c === ':' && (next === ',' || next === '}' || next === ']')) return stepAside();
      if (inFlow && (c === ',' || c === '}' || c === ']')) break;
      if (inFlow && (c === '[' || c === '{')) return stepAside();
      if (c !== ' ') end = i + 1;
      i++;
    }
    this.at = end;
    return plainValue(text.slice(start, end));
  }

  /** A quoted scalar on one line at `at`; leaves `at` after the closing quote. */
  private quoted(): string {
    const { text } = this;
    const quote = text[this.at];
    let i = this.at + 1;
    let out = '';
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n') return stepAside();
      if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") {
          out += "'";
          i += 2;
          continue;
        }
        break;
      }
      if (quote === '"' && c === '\\') {
        const escaped = text[i + 1];
        if (escaped === '"' || escaped === '\\' || escaped === '/') out += escaped;
        else if (escaped === 'n') out += '\n';
        else if (escaped === 't') out += '\t';
        else return stepAside();
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    this.at = i + 1;
    return out;
  }

  /**
   * A flow mapping or sequence at `at`, inside a block collection at `indent` (its later
   * lines must be indented more); leaves `at` after it.
   */
  private flow(indent: number, path: ModelPath): unknown {
    const { text } = this;
    if (++this.depth > MAX_DEPTH) stepAside();
    const open = text[this.at];
    const close = open === '{' ? '}' : ']';
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    this.index.value(path, this.at);
    this.at++;
    this.flowSpace(indent);
    while (text[this.at] !== close) {
      if (open === '{') {
        const { key, start } = this.key();
        if (text[this.at] !== ' ' || Object.hasOwn(map, key)) stepAside();
        this.flowSpace(indent);
        const keyPath = [...path, key];
        this.index.key(keyPath, start);
        map[key] = this.flowValue(indent, keyPath);
      } else {
        list.push(this.flowValue(indent, [...path, list.length]));
      }
      this.flowSpace(indent);
      if (text[this.at] === close) break;
      if (text[this.at] !== ',') stepAside();
      this.at++;
      this.flowSpace(indent);
      if (text[this.at] === ',') stepAside(); // `[a, , b]`
    }
    this.at++;
    this.depth--;
    return open === '{' ? map : list;
  }

  /** Skips spaces, line breaks and comments inside a flow collection. */
  private flowSpace(indent: number): void {
    const { text } = this;
    for (;;) {
      const c = text[this.at];
      if (c === ' ') this.at++;
      else if (c === '#' && text[this.at - 1] === ' ') this.at = this.lineEnd(this.at);
      else if (c === '\n') {
        this.at++;
        let i = this.at;
        while (text[i] === ' ') i++;
        const blank = text[i] === '\n' || text[i] === '#' || i >= text.length;
        if (!blank && i - this.at <= indent) stepAside(); // not indented past the block
        this.at = i;
      } else if (c === undefined) {
        stepAside();
      } else {
        return;
      }
    }
  }

  private flowValue(indent: number, path: ModelPath): unknown {
    const start = this.at;
    const first = this.charAt(start);
    let value: unknown;
    if (first === '{' || first === '[') return this.flow(indent, path);
    if (first === '"' || first === "'") value = this.quoted();
    else value = this.plain(true);
    this.index.value(path, start);
    return value;
  }

  /**
   * A literal block scalar (`|` or `|-`) whose header is at `at`, in a block collection at
   * `indent`; leaves `at` at the start of the first line after its content.
   */
  private literal(indent: number): string {
    const { text } = this;
    let i = this.at + 1;
    const strip = text[i] === '-';
    if (strip) i++;
    if (text[i] !== ' ' && text[i] !== '\n' && i < text.length) stepAside(); // `|+`, `|2`
    this.at = i;
    this.endOfLine();
    const lines: string[] = [];
    let contentIndent = -1;
    let lastEndsLine = true;
    while (this.at < text.length) {
      const end = this.lineEnd(this.at);
      const line = text.slice(this.at, end);
      let spaces = 0;
      while (line[spaces] === ' ') spaces++;
      if (spaces === line.length) {
        // an empty line; one with spaces beyond the content's indentation is left
        if (spaces > (contentIndent === -1 ? 0 : contentIndent)) stepAside();
        lines.push('');
      } else {
        if (contentIndent === -1) {
          if (spaces <= indent) break;
          contentIndent = spaces;
        } else if (spaces < contentIndent) {
          break;
        }
        lines.push(line.slice(contentIndent));
        lastEndsLine = end < text.length;
      }
      this.at = Math.min(end + 1, text.length);
    }
    if (contentIndent === -1) return stepAside(); // an empty block scalar
    // trailing empty lines go with the chomping: `|-` drops every final line break, `|`
    // keeps one
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (!strip && !lastEndsLine) stepAside(); // content ending the file without a line break
    const content = lines.join('\n');
    return strip ? content : `${content}\n`;
  }
}
