import {
  count,
  type Diagnostic,
  escapeForTerminal,
  formatDiagnostic,
  shortened,
} from '@diagrama/core';
import type { CliIo } from './io.js';
import { withFlags } from './limits.js';

/** How the CLI talks to the user: colours, quietness, JSON. */
export interface Reporter {
  /** Diagnostics of one file, to standard error. */
  diagnostics(list: readonly Diagnostic[]): void;
  /** Advice on one file that does not stop it (suppressed by --quiet), to standard error. */
  warnings(list: readonly Diagnostic[]): void;
  /** An error without a location. */
  error(code: string, message: string): void;
  /** A line of information (suppressed by --quiet), to standard error. */
  info(message: string): void;
  /** Progress when many files are processed on a terminal. */
  progress(done: number, total: number, file: string): void;
  /** Called once at the end: prints the JSON report when --json was given. */
  finish(): void;
}

/** Whether to colour standard error: NO_COLOR wins, then FORCE_COLOR, then a TTY. */
export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined)
    return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.stderr.isTTY === true;
}

/** A diagnostic with every string it carries escaped for a terminal. */
function escapedDiagnostic(diagnostic: Diagnostic): Diagnostic {
  const { message, expected, example, position, path } = diagnostic;
  return {
    ...diagnostic,
    // keys in a path are input: long ones are cut, as quoted text is
    ...(path === undefined
      ? {}
      : {
          path: path.map((part) =>
            typeof part === 'string' ? escapeForTerminal(shortened(part)) : part,
          ),
        }),
    message: escapeForTerminal(withFlags(message)),
    ...(expected === undefined ? {} : { expected: escapeForTerminal(expected) }),
    ...(example === undefined ? {} : { example: escapeForTerminal(example) }),
    ...(position?.file === undefined
      ? {}
      : { position: { ...position, file: escapeForTerminal(position.file) } }),
  };
}

/**
 * JSON whose bytes are safe on a terminal: besides JSON's own escapes of C0 controls, DEL, C1
 * controls, bidi overrides, line and paragraph separators are written as `\uXXXX`.
 */
export const terminalSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );

const paint = (on: boolean, code: string, text: string) =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text;

/** Creates the reporter for one run. */
export function createReporter(io: CliIo, options: { quiet: boolean; json: boolean }): Reporter {
  // decided on first use: asking whether stderr is a terminal creates Node's stream for it
  let color: boolean | undefined;
  const colored = (): boolean => {
    color ??= useColor(io);
    return color;
  };
  const collected: Diagnostic[] = [];
  const warned: Diagnostic[] = [];
  /** Writes a diagnostic as an error or a warning, its location bold, its level coloured. */
  const print = (diagnostic: Diagnostic, level: 'error' | 'warning'): void => {
    const text = formatDiagnostic({
      ...diagnostic,
      message: withFlags(diagnostic.message),
    }).replace(
      /^(.*?): error\[([^\]]+)\]/,
      (_, where: string, code: string) =>
        `${paint(colored(), '1', where)}: ${paint(colored(), level === 'error' ? '31;1' : '33;1', level)}[${code}]`,
    );
    io.stderr.write(`${text}\n`);
  };
  return {
    warnings(list) {
      if (options.quiet) return;
      if (options.json) {
        for (const d of list) warned.push(escapedDiagnostic(d));
        return;
      }
      for (const diagnostic of list) print(diagnostic, 'warning');
    },
    diagnostics(list) {
      if (options.json) {
        for (const d of list) collected.push(escapedDiagnostic(d));
        return;
      }
      for (const diagnostic of list) print(diagnostic, 'error');
      if (list.length > 1) io.stderr.write(`${count(list.length, 'problem')} found\n`);
    },
    error(code, message) {
      if (options.json) {
        collected.push({ code, message: escapeForTerminal(message) });
        return;
      }
      io.stderr.write(
        `diagrama: ${paint(colored(), '31;1', 'error')}[${code}]: ${escapeForTerminal(message)}\n`,
      );
    },
    info(message) {
      if (!options.quiet && !options.json) io.stderr.write(`${escapeForTerminal(message)}\n`);
    },
    progress(done, total, file) {
      if (total < 2 || options.quiet || options.json || io.stderr.isTTY !== true) return;
      io.stderr.write(
        `\r\u001b[2K[${done}/${total}] ${escapeForTerminal(file)}${done === total ? '\n' : ''}`,
      );
    },
    finish() {
      if (options.json) {
        const report =
          warned.length > 0
            ? { diagnostics: collected, warnings: warned }
            : { diagnostics: collected };
        io.stderr.write(`${terminalSafeJson(report)}\n`);
      }
    },
  };
}
