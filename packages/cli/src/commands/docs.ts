import { promises as fs } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findProjectRoot,
  openZoneCache,
  type SyncOptions,
  type SyncResult,
  syncMarkdownFile,
} from '@diagrama/docs-sync';
import { parseArgs, UsageError } from '../args.js';
import { EXIT } from '../exit-codes.js';
import { type CliIo, IoError } from '../io.js';
import { LIMIT_HELP, LIMIT_OPTIONS, limitsFrom } from '../limits.js';
import { createReporter, type Reporter } from '../reporter.js';
import { COMMON_HELP, COMMON_OPTIONS, EXIT_HELP, parseTimeout } from './common.js';
import { expandMarkdownPaths } from './markdown-paths.js';

export const DOCS_HELP = `Usage: diagrama docs [paths…] [--check] [--watch] [--adopt [--write]] [options]

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
  -w, --watch                   keep running and regenerate when a Markdown file under the paths,
                                or a model a zone names, changes (a failed pass is reported and
                                the watch goes on)
      --root <dir>              the folder zones may read models from (default: the project)
      --allow-code              let zones name .ts/.mts models; they are code and run (only for
                                documents and models you trust)
      --timeout <ms>            how long a .ts model may take to load (default: 10000)
      --deadline <ms>           how long a whole run may take; zones left are errors
                                (default: 120000)
      --adopt                   turn every fenced drawing that \`diagrama import\` reads back
                                exactly into a zone naming its model (written next to the
                                document, named from the heading above); shows the diff
      --write                   with --adopt: write the models and the documents
      --cache                   remember what each zone rendered to: a zone whose model,
                                options and diagrama build are unchanged, and whose content is
                                what they rendered, is not rendered again (kept in
                                node_modules/.cache/diagrama/docs.json in the project of the
                                first path)
      --cache-location <file>   keep the cache in <file> instead (implies --cache)
${COMMON_HELP}

Limits on untrusted input (errors name the limit and the flag):
${LIMIT_HELP}

${EXIT_HELP}
`;

/** How many Markdown files are synced at once, ahead of the one being reported. */
const FILES_AHEAD = 8;

/** What one pass over the files found: its exit code and the files a watcher should watch. */
interface Pass {
  code: number;
  models: Set<string>;
}

async function syncAll(
  paths: readonly string[],
  sync: SyncOptions,
  io: CliIo,
  reporter: Reporter,
): Promise<Pass> {
  const { files, code } = await expandMarkdownPaths(paths, reporter);
  const models = new Set<string>();
  let worst = code;
  // a few files are read and rendered ahead of the one being reported, so the waits for the
  // disk overlap (one at a time, a hundred small pages spent half their time waiting); what
  // is printed stays in the files' order
  type Outcome = { result: SyncResult } | { error: unknown };
  const pending: (Promise<Outcome> | undefined)[] = [];
  const start = (i: number): void => {
    if (i >= files.length) return;
    pending[i] = syncMarkdownFile(files[i] as string, sync).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
  };
  for (let i = 0; i < FILES_AHEAD; i++) start(i);
  for (const [index, file] of files.entries()) {
    reporter.progress(index + 1, files.length, file);
    start(index + FILES_AHEAD);
    const outcome = await (pending[index] as Promise<Outcome>);
    pending[index] = undefined;
    if ('error' in outcome) {
      const { error } = outcome;
      // a bug met in one file is reported for it, and the other files are still done
      reporter.diagnostics([
        {
          code: 'internal',
          message: `internal error: ${error instanceof Error ? error.message : String(error)} (please report this)`,
          position: { file, line: 1, column: 1 },
        },
      ]);
      worst = Math.max(worst, EXIT.internal);
      continue;
    }
    const { result } = outcome;
    for (const model of result.models ?? []) models.add(model);
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
  if (sync.check && worst === EXIT.stale)
    reporter.info('stale: run `diagrama docs` and commit the result');
  return { code: worst, models };
}

/**
 * What never starts a pass: our own temporaries, `node_modules`, and dot-folders (`.git`)
 * under a folder being watched — unless it is something asked for by name.
 */
function ignoredByWatch(
  path: string,
  given: readonly string[],
  named: ReadonlySet<string>,
): boolean {
  const full = resolve(path);
  if (named.has(full)) return false;
  const name = basename(full);
  if (name === 'node_modules' || (name.startsWith('.') && name.endsWith('.tmp'))) return true;
  return given.some((folder) => {
    const inside = relative(folder, full);
    return (
      inside !== '' &&
      !inside.startsWith('..') &&
      !isAbsolute(inside) &&
      inside.split(sep).some((part) => part.startsWith('.'))
    );
  });
}

/** Files whose change can change a zone: Markdown and the models zones may name. */
const RELEVANT = /\.(md|ya?ml|json)$/i;

/**
 * Keeps regenerating until stopped: watches the paths given (a folder recursively, a file
 * by itself) and every model the zones name, wherever it is. Saves that replace a file (what
 * editors and `sed -i` do) are seen every time; a file or folder that goes away is reported
 * and watched for its return; a failed pass is reported and the watch goes on.
 */
async function watchAndSync(
  paths: readonly string[],
  first: Pass,
  rerun: () => Promise<Pass>,
  reporter: Reporter,
): Promise<void> {
  const { watch } = await import('chokidar');
  const given = paths.map((p) => resolve(p));
  const watched = new Set<string>([...given, ...first.models]);
  const watcher = watch([...watched], {
    ignoreInitial: true,
    // our own temporaries, dot-folders and dependencies never start a pass
    ignored: (path: string) => ignoredByWatch(path, given, watched),
  });
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        try {
          const pass = await rerun();
          const fresh = [...pass.models].filter((m) => !watched.has(m));
          for (const m of fresh) watched.add(m);
          if (fresh.length > 0) watcher.add(fresh);
        } catch (error) {
          reporter.error('io', error instanceof Error ? error.message : String(error));
        }
        // a folder removed with its files may not be reported as removed itself
        for (const path of given) {
          if (
            !(await fs.stat(path).then(
              () => true,
              () => false,
            ))
          )
            awaitReturn(path);
        }
        reporter.finish();
      });
    }, 100);
  };
  // a path given that goes away is looked for until it is back, then watched again
  const missing = new Map<string, NodeJS.Timeout>();
  const awaitReturn = (path: string) => {
    if (missing.has(path)) return;
    reporter.info(`${path} was removed; watching for it to come back`);
    missing.set(
      path,
      setInterval(() => {
        void fs.stat(path).then(
          () => {
            clearInterval(missing.get(path));
            missing.delete(path);
            watcher.unwatch(path);
            watcher.add(path);
            schedule();
          },
          () => {},
        );
      }, 250),
    );
  };
  watcher.on('all', (event, path) => {
    const full = resolve(path);
    if ((event === 'unlink' || event === 'unlinkDir') && given.includes(full)) {
      awaitReturn(full);
      if (event === 'unlinkDir') return;
    }
    if (event === 'addDir' || event === 'unlinkDir') return;
    if (RELEVANT.test(path) || watched.has(full)) schedule();
  });
  // saves are seen once the first scan is done: only then is the watch announced
  await new Promise<void>((ready) => watcher.once('ready', ready));
  reporter.info('watching for changes (Ctrl-C to stop)');
  watcher.on('error', (error) => {
    reporter.error('io', `watching: ${error instanceof Error ? error.message : String(error)}`);
  });
  await new Promise<void>((done) => {
    const stop = () => {
      clearTimeout(timer);
      for (const poll of missing.values()) clearInterval(poll);
      void watcher.close().then(() => done());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running;
}

/** Runs `diagrama docs`. */
export async function runDocs(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, {
    ...COMMON_OPTIONS,
    ...LIMIT_OPTIONS,
    check: { takesValue: false },
    watch: { takesValue: false, short: 'w' },
    root: { takesValue: true },
    'allow-code': { takesValue: false },
    timeout: { takesValue: true },
    deadline: { takesValue: true },
    adopt: { takesValue: false },
    write: { takesValue: false },
    cache: { takesValue: false },
    'cache-location': { takesValue: true },
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
  const timeoutMs = parseTimeout(options.get('timeout'));
  const location = options.get('cache-location') as string | undefined;
  const cache =
    options.has('cache') || location !== undefined
      ? await openZoneCache(
          location ??
            join(
              await projectOf(root ?? paths[0] ?? '.'),
              'node_modules/.cache/diagrama/docs.json',
            ),
          await buildName(),
        )
      : undefined;
  const sync: SyncOptions = {
    check,
    limits,
    ...(cache === undefined ? {} : { cache }),
    ...(root === undefined ? {} : { root }),
    ...(options.has('allow-code')
      ? {
          loadCode: async (path: string, displayName: string) => {
            const { loadDiagramModule } = await import('@diagrama/typescript');
            return loadDiagramModule(path, { timeoutMs, displayName, limits });
          },
        }
      : {}),
  };
  const deadlineMs = parseTimeout(options.get('deadline'), '--deadline', 120_000);
  if (options.has('write') && !options.has('adopt')) {
    throw new UsageError('--write goes with --adopt (docs writes its zones without it)');
  }
  if (options.has('adopt')) {
    if (check || options.has('watch'))
      throw new UsageError('--adopt goes without --check and --watch');
    const { adoptAll } = await import('./adopt.js');
    const code = await adoptAll(
      paths,
      { write: options.has('write'), sync: { ...sync, deadline: Date.now() + deadlineMs } },
      io,
      reporter,
    );
    reporter.finish();
    return code;
  }
  const saved = async (run: Promise<Pass>): Promise<Pass> => {
    const done = await run;
    await cache?.save();
    return done;
  };
  const pass = () =>
    saved(syncAll(paths, { ...sync, deadline: Date.now() + deadlineMs }, io, reporter));
  const first = await pass();
  reporter.finish();
  if (!options.has('watch')) return first.code;
  await watchAndSync(paths, first, () => saved(syncAll(paths, sync, io, reporter)), reporter);
  return first.code;
}

/** The project a path is in (a file's, or a folder's): where its cache of renderings goes. */
async function projectOf(path: string): Promise<string> {
  const full = resolve(path);
  const info = await fs.stat(full).catch(() => undefined);
  return findProjectRoot(info?.isDirectory() ? full : resolve(full, '..'));
}

/**
 * What a cache of renderings is salted with: the name of the bundle's build (its first line,
 * a hash of its code), so that another build never trusts this one's renderings. Run from
 * anything but the bundle (a build by hand, the sources), a salt of this run alone: nothing
 * is trusted across runs.
 */
async function buildName(): Promise<string> {
  try {
    const file = await fs.open(fileURLToPath(import.meta.url), 'r');
    try {
      const head = Buffer.alloc(64);
      const { bytesRead } = await file.read(head, 0, head.length, 0);
      const name = /^\/\/ diagrama build ([0-9a-f]+)\n/.exec(head.toString('latin1', 0, bytesRead));
      if (name) return `build ${name[1]}`;
    } finally {
      await file.close();
    }
  } catch {
    // not a file we can read: fall through
  }
  return `run ${process.pid} ${Date.now()} ${Math.random()}`;
}
