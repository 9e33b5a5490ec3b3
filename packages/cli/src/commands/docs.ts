import { promises as fs, watch } from 'node:fs';
import { resolve } from 'node:path';
import type { Limits } from '@diagrama/core';
import { findMarkdownFiles, syncMarkdownFile } from '@diagrama/docs-sync';
import { parseArgs } from '../args.js';
import { EXIT } from '../exit-codes.js';
import { type CliIo, IoError } from '../io.js';
import { LIMIT_HELP, LIMIT_OPTIONS, limitsFrom } from '../limits.js';
import { createReporter, type Reporter } from '../reporter.js';
import { COMMON_HELP, COMMON_OPTIONS, EXIT_HELP } from './common.js';

export const DOCS_HELP = `Usage: diagrama docs [paths…] [--check] [--watch] [options]

Regenerates the diagrama zones in Markdown files (or every .md file under the given folders;
default: the current folder). A zone is
  <!-- diagrama:start path/to/model.yaml [charset=…] [hints=off] [describe=true] [image=…] -->
  <!-- diagrama:end -->
with the model path relative to the Markdown file. Only the lines between the markers change,
every other byte is kept, and files are written atomically. A zone may name only YAML or JSON
models inside the project: the nearest folder above the Markdown file holding .git or a
workspace file (else a package.json), or the folder given with --root; links are resolved
first, and messages never quote more than a short excerpt of a model.

Options:
      --check                   write nothing; print a unified diff and exit 1 if anything is stale
  -w, --watch                   keep running and regenerate when a model or Markdown file changes
      --root <dir>              the folder zones may read models from (default: the project)
${COMMON_HELP}

Limits on untrusted input (errors name the limit and the flag):
${LIMIT_HELP}

${EXIT_HELP}
`;

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let stat: Awaited<ReturnType<typeof fs.stat>>;
    try {
      stat = await fs.stat(path);
    } catch {
      throw new IoError(`cannot read ${path}: no such file or folder`, path);
    }
    if (stat.isDirectory()) files.push(...(await findMarkdownFiles(path)));
    else files.push(path);
  }
  return files;
}

async function syncAll(
  paths: readonly string[],
  check: boolean,
  io: CliIo,
  reporter: Reporter,
  limits: Partial<Limits>,
  root: string | undefined,
): Promise<number> {
  const files = await expand(paths);
  let worst: number = EXIT.ok;
  for (const [index, file] of files.entries()) {
    reporter.progress(index + 1, files.length, file);
    const result = await syncMarkdownFile(file, {
      check,
      limits,
      ...(root === undefined ? {} : { root }),
    });
    if (result.status === 'error') {
      reporter.diagnostics(result.diagnostics);
      worst = Math.max(
        worst,
        result.diagnostics.some((d) => d.code.startsWith('io/')) ? EXIT.io : EXIT.invalid,
      );
    } else if (result.status === 'stale') {
      io.stdout.write(result.diff ?? '');
      worst = Math.max(worst, EXIT.stale);
    } else if (result.status === 'updated') {
      reporter.info(`updated ${result.file}`);
    }
  }
  if (check && worst === EXIT.stale)
    reporter.info('stale: run `diagrama docs` and commit the result');
  return worst;
}

/** Runs `diagrama docs`. */
export async function runDocs(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, {
    ...COMMON_OPTIONS,
    ...LIMIT_OPTIONS,
    check: { takesValue: false },
    watch: { takesValue: false, short: 'w' },
    root: { takesValue: true },
  });
  const { positionals, options } = parsed;
  const limits = limitsFrom(parsed);
  if (options.has('help')) {
    io.stdout.write(DOCS_HELP);
    return EXIT.ok;
  }
  const paths = positionals.length > 0 ? positionals : ['.'];
  const reporter = createReporter(io, { quiet: options.has('quiet'), json: options.has('json') });
  const check = options.has('check');
  const root = options.get('root') as string | undefined;
  if (root !== undefined) {
    const info = await fs.stat(root).catch(() => undefined);
    if (!info?.isDirectory()) throw new IoError(`cannot use --root ${root}: no such folder`, root);
  }
  const code = await syncAll(paths, check, io, reporter, limits, root);
  reporter.finish();
  if (!options.has('watch')) return code;
  reporter.info('watching for changes (Ctrl-C to stop)');
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const rerun = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        await syncAll(paths, check, io, reporter, limits, root);
      });
    }, 100);
  };
  const folders = new Set(paths.map((p) => resolve(p)));
  const watchers = [...folders].map((folder) =>
    watch(folder, { recursive: true }, (_event, name) => {
      if (name && /\.(md|ya?ml|json|m?ts)$/i.test(String(name)) && !String(name).includes('.tmp'))
        rerun();
    }),
  );
  await new Promise<void>((done) => {
    const stop = () => {
      for (const watcher of watchers) watcher.close();
      clearTimeout(timer);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return code;
}
