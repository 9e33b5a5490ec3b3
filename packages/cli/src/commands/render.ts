import { type Diagnostic, DiagramaError, modelToScene } from '@diagrama/core';
import { formatFromPath, type LoadedDiagram, loadDiagram, locateDiagnostics } from '@diagrama/load';
import { CHARSET_NAMES, isCharsetName, sceneToText } from '@diagrama/render-ascii';
import { type OptionSpec, parseArgs, UsageError } from '../args.js';
import { EXIT } from '../exit-codes.js';
import { type CliIo, readText, writeOutput } from '../io.js';
import { printDiagnostics } from '../report.js';

/** Options of `diagrama render`. */
export const RENDER_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  format: { takesValue: true, short: 'f' },
  charset: { takesValue: true, short: 'c' },
  out: { takesValue: true, short: 'o' },
  help: { takesValue: false, short: 'h' },
  debug: { takesValue: false },
};

/** Output formats `render` knows; only `ascii` is available in this version. */
export const FORMATS = ['ascii', 'svg', 'md'] as const;

export const RENDER_HELP = `Usage: diagrama render <file|-> [options]

Renders a diagram model (YAML or JSON, by extension; '-' reads YAML from standard input).

Options:
  -f, --format <ascii|svg|md>   output format (default: ascii; svg and md are not available yet)
  -c, --charset <name>          ${CHARSET_NAMES.join(', ')} (default: double)
  -o, --out <file>              write to a file (atomically) instead of standard output
      --debug                   print stack traces of internal errors
  -h, --help                    show this help

Exit codes: 0 ok, 2 invalid input or usage, 3 a file could not be read or written.
`;

/** Runs `diagrama render`; returns the exit code. */
export async function runRender(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(argv, RENDER_OPTIONS);
  if (options.has('help')) {
    io.stdout.write(RENDER_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'render needs a model file (or - for standard input)'
        : 'render takes one model file',
    );
  }
  const format = String(options.get('format') ?? 'ascii');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `unknown format ${JSON.stringify(format)}; expected one of ${FORMATS.join(', ')}`,
    );
  }
  if (format !== 'ascii') {
    throw new UsageError(
      `the ${format} format is not available yet in this version; use --format ascii`,
    );
  }
  const charset = String(options.get('charset') ?? 'double');
  if (!isCharsetName(charset)) {
    throw new UsageError(
      `unknown charset ${JSON.stringify(charset)}; expected one of ${CHARSET_NAMES.join(', ')}`,
    );
  }
  const input = positionals[0] as string;
  const file = input === '-' ? '<stdin>' : input;
  const text = await readText(input, io);
  let loaded: LoadedDiagram;
  let output: string;
  try {
    loaded = loadDiagram(text, { file, format: formatFromPath(input) ?? 'yaml' });
  } catch (error) {
    if (error instanceof DiagramaError) {
      printDiagnostics(io, error.diagnostics);
      return EXIT.invalid;
    }
    throw error;
  }
  try {
    output = sceneToText(modelToScene(loaded.diagram), { charset });
  } catch (error) {
    if (error instanceof DiagramaError) {
      const located: Diagnostic[] = locateDiagnostics(error.diagnostics, loaded.source);
      printDiagnostics(io, located);
      return EXIT.invalid;
    }
    throw error;
  }
  const out = options.get('out');
  if (typeof out === 'string' && out !== '-') await writeOutput(out, output);
  else io.stdout.write(output);
  return EXIT.ok;
}
