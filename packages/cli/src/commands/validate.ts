import { type Diagnostic, DiagramaError } from '@diagrama/core';
import { parseArgs, UsageError } from '../args.js';
import { forEachInput } from '../each-input.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { LIMIT_HELP, LIMIT_OPTIONS, limitsFrom } from '../limits.js';
import { createReporter } from '../reporter.js';
import { adviceFor, isTypeScript, layout, loadInput } from '../source.js';
import { COMMON_HELP, COMMON_OPTIONS, EXIT_HELP, parseTimeout } from './common.js';

export const VALIDATE_HELP = `Usage: diagrama validate <file|-> [more files…] [options]

Checks diagram models and reports every problem at file:line:col: syntax, the model's rules,
and whether it can be laid out. TypeScript modules are also type-checked (through ts-morph)
against diagrama's model types. Nothing is written.

Options:
      --timeout <ms>            how long a .ts module may take to load (default: 10000)
${COMMON_HELP}

Limits on untrusted input (errors name the limit and the flag):
${LIMIT_HELP}

${EXIT_HELP}
`;

/** Runs `diagrama validate`: exit 2 when any input has a problem. */
export async function runValidate(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, {
    ...COMMON_OPTIONS,
    timeout: { takesValue: true },
    ...LIMIT_OPTIONS,
  });
  const { positionals, options } = parsed;
  const limits = limitsFrom(parsed);
  if (options.has('help')) {
    io.stdout.write(VALIDATE_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0)
    throw new UsageError('validate needs a model file (or - for standard input)');
  const timeout = parseTimeout(options.get('timeout'));
  const reporter = createReporter(io, { quiet: options.has('quiet'), json: options.has('json') });
  return forEachInput(positionals, reporter, async (input) => {
    if (input !== '-' && isTypeScript(input)) {
      const { typeCheckDiagramModule } = await import('@diagrama/typescript');
      const typeErrors: Diagnostic[] = await typeCheckDiagramModule(input, { displayName: input });
      if (typeErrors.length > 0) throw new DiagramaError(typeErrors);
    }
    const loaded = await loadInput(input, io, timeout, limits);
    reporter.warnings(adviceFor(loaded));
    layout(loaded, limits);
    reporter.info(`${input}: ok`);
  });
}
