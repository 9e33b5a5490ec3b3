import { type Diagnostic, escapeForTerminal, formatDiagnostic } from '@diagrama/core';
import type { CliIo } from './io.js';

/** Prints diagnostics to standard error, one compiler-style block each. */
export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) io.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  const count = diagnostics.length;
  if (count > 1) io.stderr.write(`${count} problems found\n`);
}

/** Prints one error line with a stable code and no location. */
export function printError(io: CliIo, code: string, message: string): void {
  io.stderr.write(`diagrama: error[${code}]: ${escapeForTerminal(message)}\n`);
}
