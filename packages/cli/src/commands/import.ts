import {
  checkDiagram,
  count,
  DiagramaError,
  escapeForTerminal,
  resolveLimits,
} from '@diagrama/core';
import { decodeSource, describeReadFailure, readRegularFile } from '@diagrama/load';
import { parseArgs, UsageError } from '../args.js';
import { EXIT } from '../exit-codes.js';
import { type CliIo, IoError, writeOutput } from '../io.js';
import { LIMIT_HELP, LIMIT_OPTIONS, limitsFrom } from '../limits.js';
import { createReporter } from '../reporter.js';
import { COMMON_HELP, COMMON_OPTIONS, EXIT_HELP } from './common.js';
import { renderText } from './render-text.js';

export const IMPORT_HELP = `Usage: diagrama import <file|-> [--out FILE] [--format yaml|json|ts] [--canonical] [--strict]

Reads box art drawn by hand — a text file holding one drawing, a Markdown file (every fenced
or indented block that holds box art, each at its own lines), a source file (every comment
that holds box art: //, #, -- and /* */ with or without a * gutter), or standard input — and writes
a diagrama model of it: boxes and the boxes they hold, labels, lines with their arrowheads and
styles, notes beside lines. Every charset diagrama draws is read (single, double, rounded,
heavy, ascii), mixed too. Kinds are guessed from labels and shapes and listed on standard error, so
you can correct them. Whatever cannot be understood is kept (as an annotation) and reported
as file:line:col: warning[import/…].

The model carries the hints (widths, padding, label offsets, line lengths) that make it render
exactly as drawn, when such hints exist; the summary says whether it does.

Options:
  -o, --out <file>              write the model to <file> (standard output by default)
  -f, --format <name>           yaml (default), json or ts (a module that calls diagram())
      --canonical               leave the hints out: the model as diagrama would lay it out
      --strict                  treat warnings as errors: exit 2 and write nothing
${COMMON_HELP}

Limits on untrusted input:
${LIMIT_HELP}

${EXIT_HELP}
`;

/** Runs `diagrama import`. */
export async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, {
    ...COMMON_OPTIONS,
    out: { takesValue: true, short: 'o' },
    format: { takesValue: true, short: 'f' },
    strict: { takesValue: false },
    canonical: { takesValue: false },
    ...LIMIT_OPTIONS,
  });
  const { positionals, options } = parsed;
  if (options.has('help')) {
    io.stdout.write(IMPORT_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      'import needs one drawing: a text or Markdown file (or - for standard input)',
    );
  }
  const { findDrawings, importDrawing, MODEL_FORMATS, writeModel } = await import(
    '@diagrama/import'
  );
  const format = String(options.get('format') ?? 'yaml');
  if (!(MODEL_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format ${JSON.stringify(format)}: use yaml, json or ts`);
  }
  const limits = resolveLimits(limitsFrom(parsed));
  const input = positionals[0] as string;
  const file = input === '-' ? '<stdin>' : input;
  const reporter = createReporter(io, { quiet: options.has('quiet'), json: options.has('json') });
  let bytes: Uint8Array;
  if (input === '-') bytes = await io.readStdinBytes(limits.maxInputBytes);
  else {
    const read = await readRegularFile(input, limits.maxInputBytes);
    if (!read.ok) throw new IoError(`cannot read ${input}: ${describeReadFailure(read)}`, input);
    bytes = read.bytes;
  }
  let text: string;
  try {
    text = decodeSource(bytes, file);
  } catch (error) {
    if (error instanceof DiagramaError) {
      reporter.diagnostics(error.diagnostics);
      reporter.finish();
      return EXIT.invalid;
    }
    throw error;
  }
  // Markdown by its name or its fenced drawings, code by its name (drawings in comments), else
  // one drawing (notes kept as .txt; in a plain drawing, an indented part is no code block)
  const { from, drawings } = findDrawings(text, input === '-' ? '' : input);
  if (drawings.length === 0) {
    const what = from === 'code' ? 'no comment' : 'no code block';
    reporter.error('import/no-drawing', `${file}: ${what} holds box art`);
    reporter.finish();
    return EXIT.invalid;
  }
  if (format === 'ts' && drawings.length > 1) {
    throw new UsageError(
      `${file} holds ${drawings.length} drawings; a .ts module holds one (use yaml or json)`,
    );
  }
  const strict = options.has('strict');
  const render = options.has('canonical') ? undefined : renderText;
  const outputs: string[] = [];
  const models: unknown[] = [];
  let warned = 0;
  for (const drawing of drawings) {
    const result = importDrawing(drawing.text, {
      firstLine: drawing.firstLine,
      maxCells: limits.maxInputBytes * 4,
      ...(render ? { render } : {}),
    });
    for (const w of result.warnings) {
      warned++;
      if (options.has('quiet') && !strict) continue;
      const where = `${escapeForTerminal(file)}:${w.line}:${w.column}`;
      const level = strict ? 'error' : 'warning';
      io.stderr.write(`${where}: ${level}[${w.code}]: ${escapeForTerminal(w.message)}\n`);
    }
    const checked = checkDiagram(result.model);
    if (checked.diagnostics.length > 0) {
      throw new Error(
        `the imported model does not validate: ${checked.diagnostics[0]?.message ?? 'unknown'}`,
      );
    }
    const where = `${file}:${drawing.firstLine}`;
    const exact =
      result.exact === true
        ? '; renders exactly as drawn'
        : result.exact === false
          ? '; no hints render it exactly as drawn: the layout is canonical'
          : '';
    reporter.info(
      `${where}: ${count(result.found.boxes, 'box', 'boxes')} (${result.found.containers} holding others), ${count(result.found.connections, 'connection')}, ${count(result.found.notes, 'note')}${exact}`,
    );
    for (const k of result.kinds) {
      const article = /^[aeio]/.test(k.kind) ? 'an' : 'a';
      reporter.info(
        `  ${file}:${k.line}:${k.column}: ${JSON.stringify(k.label)} is ${article} ${k.kind}: ${k.why}`,
      );
    }
    models.push(result.model);
    outputs.push(
      writeModel(result.model, format as 'yaml' | 'json' | 'ts', [
        `Imported by diagrama from ${input === '-' ? 'standard input' : input}, line ${drawing.firstLine}.`,
      ]),
    );
  }
  if (strict && warned > 0) {
    reporter.error('import/strict', `${warned} warnings with --strict: nothing written`);
    reporter.finish();
    return EXIT.invalid;
  }
  const out =
    format === 'json' && models.length > 1
      ? `${JSON.stringify(models, null, 2)}\n`
      : outputs.join(format === 'yaml' ? '---\n' : '');
  const target = options.get('out');
  if (typeof target === 'string') await writeOutput(target, out);
  else io.stdout.write(out);
  reporter.finish();
  return EXIT.ok;
}
