import { readFileSync } from 'node:fs';
import { UsageError } from './args.js';
import { runRender } from './commands/render.js';
import { EXIT } from './exit-codes.js';
import { type CliIo, IoError } from './io.js';
import { printError } from './report.js';

/** The version of this package. */
export function version(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

export const HELP = `diagrama — diagrams as code, rendered to box-drawing text, SVG and Markdown

Usage:
  diagrama render <file|-> [--format ascii|svg|md] [--charset NAME] [--theme light|dark|auto] [--out FILE]
  diagrama --help | --version

Commands:
  render    render a YAML or JSON diagram model (see diagrama render --help)

Exit codes:
  0  ok
  1  a check found stale output
  2  invalid input or usage
  3  a file could not be read or written
  70 an internal error (a bug: please report it)
`;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/** One handler per command. */
const COMMANDS: Readonly<Record<string, Command>> = { render: runRender };

/**
 * Runs the CLI with the given arguments (without `node` and the script) and returns the exit
 * code. Never throws for bad input: every problem is printed to standard error.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
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
    const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (handler === undefined) {
      throw new UsageError(
        command.startsWith('-')
          ? `unknown option ${command}; try diagrama --help`
          : `unknown command ${JSON.stringify(command)}; try diagrama --help`,
      );
    }
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(io, 'usage', error.message);
      return EXIT.invalid;
    }
    if (error instanceof IoError) {
      printError(io, 'io', error.message);
      return EXIT.io;
    }
    printError(
      io,
      'internal',
      `internal error: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write('(run with --debug for details, and please report this)\n');
    return 70;
  }
}
