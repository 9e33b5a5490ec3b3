import { type Dirent, promises as fs, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  type Diagnostic,
  type Diagram,
  DiagramaError,
  isDiagramaError,
  type Limits,
  quote,
  resolveLimits,
} from '@diagrama/core';
import {
  decodeSource,
  describeReadFailure,
  loadDiagram,
  readModelSource,
  readRegularFile,
} from '@diagrama/load';
import { CHARSET_NAMES, isCharsetName } from '@diagrama/render-ascii';
import { diagramToMarkdown, parseZones, replaceZones, type Zone } from '@diagrama/render-markdown';
import { describeFsError, WriteError, writeFileAtomic } from './atomic-write.js';
import { unifiedDiff } from './diff.js';
import { findProjectRoot, resolveZoneModel } from './project-root.js';
import { renderLoaded } from './render-model.js';
import { contentHash, type ZoneCache, zoneKey } from './zone-cache.js';

/** The largest Markdown file read (64 MiB): far above any document, below memory trouble. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** What happened to one Markdown file. */
export interface SyncResult {
  /** The file, as given. */
  file: string;
  /** `unchanged`, `updated` (written), `stale` (check mode: would change) or `error`. */
  status: 'unchanged' | 'updated' | 'stale' | 'error';
  /** Problems, when `status` is `error`. */
  diagnostics: Diagnostic[];
  /** What regeneration changes, in check mode. */
  diff?: string;
  /**
   * The model files the zones name that could be found inside the root (absolute paths,
   * links resolved), whether or not they rendered: what a watcher should watch.
   */
  models?: string[];
}

/** Options for {@link syncMarkdownFile}. */
export interface SyncOptions {
  /** Write nothing; report stale files with a diff. @default false */
  check?: boolean;
  /** Folder that file names in messages are relative to. @default process.cwd() */
  cwd?: string;
  /** Limits on the models the zones name; defaults to `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
  /**
   * The folder zones may read models from. Zones name models by relative paths that must
   * stay under it, symbolic links resolved. @default the Markdown file's project (see
   * `findProjectRoot`)
   */
  root?: string;
  /**
   * Lets zones name `.ts`/`.mts` models, loaded with this function. Such a model is code: a
   * document that names one runs it. Leave it out (the default) unless the documents and
   * their models are yours; zones then read data only.
   */
  loadCode?: (path: string, displayName: string) => Promise<Diagram>;
  /**
   * When the whole run must end (milliseconds since the epoch, as `Date.now()`): a zone
   * started later is refused with `limit/deadline`, and each zone's layout gets no more than
   * the time left. The file is then left as it was.
   */
  deadline?: number;
  /**
   * Renderings remembered between runs (see `openZoneCache`): a zone whose model file,
   * options and limits are unchanged and whose content is what they rendered is not rendered
   * again. Models in code are always rendered: what they import is not in the key.
   */
  cache?: ZoneCache;
}

const TRUE = new Set(['true', 'yes', 'on', '1']);

async function renderZone(
  zone: Zone,
  markdownFile: string,
  display: (p: string) => string,
  limits: Partial<Limits>,
  root: string,
  models: Set<string>,
  loadCode: SyncOptions['loadCode'],
  cache: ZoneCache | undefined,
): Promise<string> {
  const charset = zone.options.charset ?? 'double';
  if (!isCharsetName(charset)) {
    throw new DiagramaError([
      {
        code: 'zone/unknown-option',
        message: `unknown charset ${quote(charset)}`,
        position: { file: display(markdownFile), line: zone.startLine, column: 1 },
        expected: `one of ${CHARSET_NAMES.join(', ')}`,
      },
    ]);
  }
  const width = zone.options.width === undefined ? undefined : Number(zone.options.width);
  if (width !== undefined && !(Number.isInteger(width) && width > 0)) {
    throw new DiagramaError([
      {
        code: 'zone/unknown-option',
        message: `width=${zone.options.width} is not a number of columns`,
        position: { file: display(markdownFile), line: zone.startLine, column: 1 },
        expected: 'a whole number of columns, at least 1',
        example: 'width=80',
      },
    ]);
  }
  const info = zone.options.info;
  if (info !== undefined && !/^[\w.+-]*$/.test(info)) {
    throw new DiagramaError([
      {
        code: 'zone/unknown-option',
        message: `info=${quote(info)} is not a fence's info string`,
        position: { file: display(markdownFile), line: zone.startLine, column: 1 },
        expected: 'a language name (letters, digits, . + - _), or "" for none',
        example: 'info=""',
      },
    ]);
  }
  const model = resolveZoneModel(
    markdownFile,
    zone.model,
    root,
    { file: display(markdownFile), line: zone.startLine, column: 1 },
    { code: loadCode !== undefined },
  );
  if (!model.ok) throw new DiagramaError([model.diagnostic]);
  const modelPath = model.path;
  models.add(modelPath);
  const renderOptions = {
    charset,
    canonical: zone.options.hints === 'off',
    displayName: display(modelPath),
    limits,
    ...(width === undefined ? {} : { width }),
  };
  const code = loadCode !== undefined && /\.m?ts$/i.test(modelPath);
  let key: string | undefined;
  let rendered: ReturnType<typeof renderLoaded>;
  if (code) {
    rendered = renderLoaded(
      { diagram: await loadCode(modelPath, display(modelPath)) },
      renderOptions,
    );
  } else {
    const file = display(modelPath);
    const source = await readModelSource(modelPath, { file, limits });
    if (cache !== undefined) {
      key = zoneKey(
        cache.salt,
        { path: relative(root, modelPath), bytes: source.bytes },
        zone.options,
        limits,
      );
      // what the zone holds is what this model rendered to last time: nothing to do
      if (cache.get(key) === contentHash(zone.content)) return zone.content;
    }
    rendered = renderLoaded(loadDiagram(source.text, { file, limits }), renderOptions);
  }
  const content = diagramToMarkdown({
    text: rendered.text,
    ...(info !== undefined ? { info } : {}),
    ...(zone.options.image
      ? { image: { src: zone.options.image, alt: rendered.scene.title } }
      : {}),
    ...(zone.options.caption ? { caption: zone.options.caption.replace(/_/g, ' ') } : {}),
    ...(TRUE.has(zone.options.describe ?? '') ? { description: rendered.description } : {}),
  });
  if (cache !== undefined && key !== undefined) cache.set(key, contentHash(content));
  return content;
}

/**
 * Regenerates the zones of one Markdown file from their models. Only the lines between the
 * markers change; line endings and a BOM are kept; a second run changes nothing. Bad markers
 * or models leave the file untouched and are reported with `file:line`. Writes atomically.
 */
export async function syncMarkdownFile(
  file: string,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const cwd = options.cwd ?? process.cwd();
  const display = (p: string) => {
    const shown = relative(cwd, resolve(cwd, p));
    return shown === '' || shown.startsWith('..') ? resolve(cwd, p) : shown;
  };
  const path = resolve(cwd, file);
  const name = display(path);
  const failed = (code: string, message: string): SyncResult => ({
    file: name,
    status: 'error',
    diagnostics: [{ code, message, position: { file: name, line: 1, column: 1 } }],
    models: [],
  });
  const read = await readRegularFile(path, MAX_DOCUMENT_BYTES);
  if (!read.ok) return failed('io/read', `cannot read ${name}: ${describeReadFailure(read)}`);
  let before: string;
  try {
    // strict UTF-8: a file in another encoding is left alone, never turned into U+FFFD
    before =
      (read.bytes[0] === 0xef && read.bytes[1] === 0xbb && read.bytes[2] === 0xbf ? '\ufeff' : '') +
      decodeSource(read.bytes, name);
  } catch (error) {
    if (!isDiagramaError(error)) throw error;
    return { file: name, status: 'error', diagnostics: [...error.diagnostics], models: [] };
  }
  const parsed = parseZones(before);
  if (parsed.diagnostics.length > 0) {
    return {
      file: name,
      status: 'error',
      diagnostics: parsed.diagnostics.map((d) => ({
        ...d,
        position: { line: 1, column: 1, ...d.position, file: name },
      })),
      models: [],
    };
  }
  // a file without zones is never written, whatever its bytes
  if (parsed.zones.length === 0) {
    return { file: name, status: 'unchanged', diagnostics: [], models: [] };
  }
  const root =
    options.root === undefined
      ? findProjectRoot(dirname(path))
      : realpathSync.native(resolve(cwd, options.root));
  const rendered = new Map<Zone, string>();
  const diagnostics: Diagnostic[] = [];
  const models = new Set<string>();
  const budget = resolveLimits(options.limits ?? {}).timeBudgetMs;
  for (const zone of parsed.zones) {
    const left = options.deadline === undefined ? undefined : options.deadline - Date.now();
    if (left !== undefined && left <= 0) {
      diagnostics.push({
        code: 'limit/deadline',
        message: 'the run reached its deadline before this zone; the file is left as it was',
        position: { file: name, line: zone.startLine, column: 1 },
        expected: 'fewer or smaller zones per run, or a later deadline (--deadline)',
      });
      continue;
    }
    const zoneLimits =
      left === undefined || left >= budget
        ? (options.limits ?? {})
        : { ...options.limits, timeBudgetMs: Math.max(1, left) };
    try {
      rendered.set(
        zone,
        await renderZone(
          zone,
          path,
          display,
          zoneLimits,
          root,
          models,
          options.loadCode,
          options.cache,
        ),
      );
    } catch (error) {
      if (!isDiagramaError(error)) throw error;
      for (const d of error.diagnostics) {
        // errors in the model say which zone named it; the zone's own errors say where it is
        const inModel = d.position?.file !== undefined && d.position.file !== name;
        diagnostics.push(
          inModel
            ? { ...d, message: `${d.message} (in the zone on ${name}:${zone.startLine})` }
            : d,
        );
      }
    }
  }
  const named = [...models];
  if (diagnostics.length > 0) return { file: name, status: 'error', diagnostics, models: named };
  const after = replaceZones(parsed, (zone) => rendered.get(zone) ?? zone.content);
  if (after === before) return { file: name, status: 'unchanged', diagnostics: [], models: named };
  if (options.check) {
    return {
      file: name,
      status: 'stale',
      diagnostics: [],
      diff: unifiedDiff(before, after, { from: `a/${name}`, to: `b/${name}` }),
      models: named,
    };
  }
  try {
    await writeFileAtomic(path, after, { expected: before });
  } catch (error) {
    return {
      file: name,
      status: 'error',
      diagnostics: [
        {
          code: error instanceof WriteError ? error.code : 'io/write',
          message: error instanceof Error ? error.message : String(error),
          position: { file: name, line: 1, column: 1 },
        },
      ],
      models: named,
    };
  }
  return { file: name, status: 'updated', diagnostics: [], models: named };
}

/** Options for {@link findMarkdownFiles}. */
export interface FindOptions {
  /**
   * Called for a folder that cannot be listed (no permission, removed meanwhile); the search
   * goes on without it. Without it, such a folder is an error.
   */
  onUnreadable?: (folder: string, error: unknown) => void;
}

/**
 * Every Markdown file under a folder, skipping `node_modules` and dot-folders, sorted. A
 * folder that cannot be listed is reported through `onUnreadable` and skipped, or, without
 * it, rejects with a `WriteError`-style message naming the folder (code `io/read`).
 */
export async function findMarkdownFiles(
  folder: string,
  options: FindOptions = {},
): Promise<string[]> {
  const out: string[] = [];
  // an explicit stack, not recursion: a tree thousands of folders deep is still searched, in
  // the same order (each folder's entries by name, a subfolder's files where it sorts)
  const stack: { path: string; folder: boolean }[] = [{ path: folder, folder: true }];
  while (stack.length > 0) {
    const item = stack.pop() as { path: string; folder: boolean };
    if (!item.folder) {
      out.push(item.path);
      continue;
    }
    let entries: Dirent[];
    try {
      entries = await fs.readdir(item.path, { withFileTypes: true });
    } catch (error) {
      if (options.onUnreadable === undefined || item.path === folder) {
        throw new WriteError(
          `cannot read the folder ${item.path}: ${describeFsError(error)}`,
          item.path,
          describeFsError(error),
          'io/read',
        );
      }
      options.onUnreadable(item.path, error);
      continue;
    }
    const sorted = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (let i = sorted.length - 1; i >= 0; i--) {
      const entry = sorted[i] as Dirent;
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(item.path, entry.name);
      if (entry.isDirectory()) stack.push({ path: full, folder: true });
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        stack.push({ path: full, folder: false });
      }
    }
  }
  return out;
}
