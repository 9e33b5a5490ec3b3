import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { syncMarkdownFile } from '@diagrama/docs-sync';
import { parseArgs, UsageError } from '../args.js';
import { EXIT } from '../exit-codes.js';
import { type CliIo, IoError, writeOutput } from '../io.js';
import { createReporter } from '../reporter.js';
import { COMMON_HELP, COMMON_OPTIONS, EXIT_HELP } from './common.js';

export const INIT_HELP = `Usage: diagrama init [dir] [--force]

Writes a starter model (diagram.yaml) and a Markdown file with a zone that shows it
(diagrams.md) into dir (default: the current folder), then fills the zone.

Options:
      --force                   overwrite files that exist
${COMMON_HELP}

${EXIT_HELP}
`;

const STARTER_MODEL = `# A diagrama model. Render it with: diagrama render diagram.yaml
# Kinds: host (holds children), client, api, daemon, stack (holds layers), box.
nodes:
  - kind: host
    id: host
    label: My computer
    children:
      - { kind: client, id: terminal, label: Terminal }
      - { kind: api, id: api, label: Rest API }
      - { kind: daemon, id: daemon, label: Daemon }
connections:
  - { from: terminal, to: api, note: sends commands, direction: forward }
  - { from: api, to: daemon, note: forwards them, direction: forward }
`;

const STARTER_MARKDOWN = `# Diagrams

The diagram below is generated from [diagram.yaml](diagram.yaml). Edit the model, then run
\`diagrama docs\` to regenerate it (\`diagrama docs --check\` fails when it is stale).

<!-- diagrama:start diagram.yaml -->
<!-- diagrama:end -->
`;

/** Runs `diagrama init`. */
export async function runInit(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(argv, {
    ...COMMON_OPTIONS,
    force: { takesValue: false },
  });
  if (options.has('help')) {
    io.stdout.write(INIT_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('init takes at most one folder');
  const dir = positionals[0] ?? '.';
  const reporter = createReporter(io, { quiet: options.has('quiet'), json: options.has('json') });
  await fs.mkdir(dir, { recursive: true }).catch(() => {
    throw new IoError(`cannot create ${dir}`, dir);
  });
  const files: [string, string][] = [
    [join(dir, 'diagram.yaml'), STARTER_MODEL],
    [join(dir, 'diagrams.md'), STARTER_MARKDOWN],
  ];
  if (!options.has('force')) {
    for (const [path] of files) {
      const exists = await fs.stat(path).then(
        () => true,
        () => false,
      );
      if (exists) throw new IoError(`${path} already exists (use --force to overwrite it)`, path);
    }
  }
  for (const [path, content] of files) {
    await writeOutput(path, content);
    reporter.info(`wrote ${path}`);
  }
  const result = await syncMarkdownFile(join(dir, 'diagrams.md'));
  if (result.status === 'error') {
    reporter.diagnostics(result.diagnostics);
    return EXIT.invalid;
  }
  reporter.finish();
  return EXIT.ok;
}
