import { readFileSync } from 'node:fs';
import { quote } from '@diagrama/core';
import { UsageError } from './args.js';
import { EXIT } from './exit-codes.js';
import { type CliIo, IoError } from './io.js';
import { createReporter } from './reporter.js';

/** The version of this package (found from wherever this code runs: dist or the bundle). */
export function version(): string {
  let dir = new URL('.', import.meta.url);
  for (let depth = 0; depth < 5; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (manifest.name === '@diagrama/cli') return manifest.version;
    } catch {
      // not here; look one folder up
    }
    dir = new URL('..', dir);
  }
  return 'unknown';
}

/** The text of `diagrama --help`. */
export const HELP = `diagrama — diagrams as code, rendered to box-drawing text, SVG and Markdown

Usage:
  diagrama render <files…|-> [--format ascii|svg|md] [--charset NAME] [--theme light|dark|auto]
                             [--out FILE | --out-dir DIR]
  diagrama validate <files…|->
  diagrama docs [paths…] [--check] [--watch]
  diagrama init [dir]
  diagrama import <file|-> [--out FILE] [--format yaml|json|ts] [--strict]
  diagrama --help | --version

Commands:
  render    render YAML, JSON or TypeScript (.ts) diagram models
  validate  report every problem in models (and type errors in .ts models); exit 2 if any
  docs      regenerate the diagrama zones in Markdown files
  init      write a starter model and a Markdown file with a zone
  import    read box art drawn by hand (a text or Markdown file) and write its model

Models in .ts files are code: they run with your permissions, like any script.
Every command takes --help, --quiet and --json. NO_COLOR and FORCE_COLOR are respected.

Exit codes:
  0   ok
  1   a check found stale output
  2   invalid input or usage
  3   a file could not be read or written
  70  an internal error (a bug: please report it)
`;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/** One handler per command, each loaded only when it runs (start-up stays close to Node's own). */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  render: async () => (await import('./commands/render.js')).runRender,
  validate: async () => (await import('./commands/validate.js')).runValidate,
  docs: async () => (await import('./commands/docs.js')).runDocs,
  init: async () => (await import('./commands/init.js')).runInit,
  import: async () => (await import('./commands/import.js')).runImport,
};

/**
 * Runs the CLI with the given arguments (without `node` and the script) and returns the exit
 * code. Never throws for bad input: every problem is printed to standard error.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const reporter = createReporter(io, { quiet: false, json: argv.includes('--json') });
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.stderr : io.stdout).write(HELP);
      return command === undefined ? EXIT.invalid : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (load === undefined) {
      throw new UsageError(
        command.startsWith('-')
          ? `unknown option ${command}; try diagrama --help`
          : `unknown command ${quote(command)}; try diagrama --help`,
      );
    }
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      reporter.error('usage', error.message);
      reporter.finish();
      return EXIT.invalid;
    }
    if (error instanceof IoError) {
      reporter.error('io', error.message);
      reporter.finish();
      return EXIT.io;
    }
    reporter.error(
      'internal',
      `internal error: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write('(run with --debug for details, and please report this)\n');
    return EXIT.internal;
  }
}
