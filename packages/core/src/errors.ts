/** A path into the plain model, e.g. `['nodes', 0, 'children', 2, 'label']`. */
export type ModelPath = readonly (string | number)[];

/** Where a problem is in a source file. Lines and columns start at 1. */
export interface SourcePosition {
  /** The file, as the user named it (`-` for standard input). */
  file?: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units as editors count them. */
  column: number;
}

/** One problem found in a model or its source, with a stable code. */
export interface Diagnostic {
  /** Stable, documented code such as `model/unknown-kind`. Safe to match on. */
  code: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** Where in the model, when the problem is in the model. */
  path?: ModelPath;
  /** Where in the source file, when the model came from a file. */
  position?: SourcePosition;
  /** What was expected instead. */
  expected?: string;
  /** A short example of something valid. */
  example?: string;
}

/**
 * The one error type diagrama throws on purpose. It carries every problem found,
 * not just the first, and a stable `code` (the first diagnostic's code).
 */
export class DiagramaError extends Error {
  /** The code of the first diagnostic. */
  readonly code: string;
  /** Every problem found, in source order. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    super(
      first === undefined
        ? 'unknown diagrama error'
        : diagnostics.length === 1
          ? first.message
          : `${first.message} (and ${diagnostics.length - 1} more problems)`,
    );
    this.name = 'DiagramaError';
    this.code = first?.code ?? 'internal/unknown';
    this.diagnostics = diagnostics;
  }
}

/**
 * True when `value` is a {@link DiagramaError} — also one thrown by another copy of this
 * package (a `.ts` diagram module may load its own).
 */
export function isDiagramaError(value: unknown): value is DiagramaError {
  return (
    value instanceof DiagramaError ||
    (value instanceof Error &&
      value.name === 'DiagramaError' &&
      Array.isArray((value as { diagnostics?: unknown }).diagnostics))
  );
}

/**
 * Formats a model path the way users read it: `nodes[0].children[2].label`.
 * @example formatPath(['nodes', 0, 'label']) // 'nodes[0].label'
 */
export function formatPath(path: ModelPath): string {
  let out = '';
  for (const whole of path) {
    // a key is input: a megabyte-long one is shown by its start, like any quoted text
    const part = typeof whole === 'string' ? shortened(whole) : whole;
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(root)' : out;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * Makes text safe to print to a terminal: control, bidi and invisible characters become
 * visible escapes such as `\x1b` or `\u{202e}`. Newlines and tabs become `\n` and `\t`.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x0a) return '\\n';
    if (code === 0x09) return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/**
 * A number with its noun, singular or plural as the number asks: messages never say
 * "1 columns".
 * @example count(1, 'column') // '1 column'
 * @example count(3, 'box', 'boxes') // '3 boxes'
 */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A kind's name with its article, as a sentence needs it: messages never say "a api".
 * @example aKind('api') // 'an api'
 * @example aKind('user') // 'a user'
 */
export function aKind(kind: string): string {
  return `${/^[aeio]/i.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** The most characters of input a message quotes; longer input is cut with `…`. */
export const QUOTE_LIMIT = 32;

/**
 * Quotes a piece of input for a message: at most {@link QUOTE_LIMIT} characters (cut at a
 * code point, with `…` when cut), escaped so that control, bidi and invisible characters show
 * as `\x1b` or `\u{202e}`, in double quotes. Messages never quote more than this of a file, so
 * a zone that names a secret cannot print it.
 * @example quote('Rest API') // '"Rest API"'
 */
export function quote(text: string, limit = QUOTE_LIMIT): string {
  return `"${escapeForTerminal(shortened(text, limit)).replace(/"/g, '\\"')}"`;
}

/** Text cut to its first `limit` code points and an ellipsis, when it is longer. */
export function shortened(text: string, limit = QUOTE_LIMIT): string {
  // no need to split a long string whole to know it is long
  if (text.length <= limit) return text;
  const points = Array.from(text.slice(0, limit * 2 + 2));
  return points.length > limit || text.length > limit * 2 + 2
    ? `${points.slice(0, limit).join('')}…`
    : text;
}

/**
 * Formats a diagnostic as one compiler-style line (`file:line:col: error[code]: message`),
 * followed by indented `expected` and `example` lines. Everything quoted from input is escaped.
 */
export function formatDiagnostic(diagnostic: Diagnostic, fallbackFile = '<input>'): string {
  const position = diagnostic.position;
  const file = escapeForTerminal(position?.file ?? fallbackFile);
  const where = position ? `${file}:${position.line}:${position.column}` : file;
  const at = diagnostic.path ? ` (at ${escapeForTerminal(formatPath(diagnostic.path))})` : '';
  const lines = [
    `${where}: error[${diagnostic.code}]: ${escapeForTerminal(diagnostic.message)}${at}`,
  ];
  if (diagnostic.expected) lines.push(`  expected: ${escapeForTerminal(diagnostic.expected)}`);
  if (diagnostic.example) lines.push(`  example: ${escapeForTerminal(diagnostic.example)}`);
  return lines.join('\n');
}
