import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type Diagnostic, quote } from '@diagrama/core';

/** Files that mark the root of a repository or workspace. */
const REPOSITORY_MARKERS = ['.git', 'pnpm-workspace.yaml', 'lerna.json', 'nx.json', 'rush.json'];

function hasWorkspaces(folder: string): boolean {
  const manifest = join(folder, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
    return parsed.workspaces !== undefined;
  } catch {
    return false;
  }
}

/**
 * The project a Markdown file belongs to, for confining its zones: the nearest folder above
 * `start` that holds `.git` or a workspace file (`pnpm-workspace.yaml`, a `package.json` with
 * `workspaces`, `lerna.json`, `nx.json`, `rush.json`); without one, the nearest that holds a
 * `package.json`; without any, `start` itself. Symbolic links are resolved.
 */
export function findProjectRoot(start: string): string {
  const from = realpathSync.native(resolve(start));
  let nearestPackage: string | undefined;
  for (let folder = from; ; folder = dirname(folder)) {
    if (REPOSITORY_MARKERS.some((name) => existsSync(join(folder, name))) || hasWorkspaces(folder))
      return folder;
    if (nearestPackage === undefined && existsSync(join(folder, 'package.json')))
      nearestPackage = folder;
    if (dirname(folder) === folder) break;
  }
  return nearestPackage ?? from;
}

/** File name endings a zone may name: data, never code. */
export const ZONE_MODEL_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** Where a zone's model is, once checked: its real path. */
export type ZoneModel = { ok: true; path: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Resolves the model a zone names, relative to its Markdown file, and checks that a pull
 * request cannot use it to read files it should not: the path must be relative, end in
 * `.yaml`, `.yml` or `.json` (or `.ts`/`.mts` when `options.code` allows models that are
 * code), and lead — symbolic links resolved — to a file under `root`
 * that is not inside a `.git` folder. Refusals are `zone/outside-root` and `zone/model-type`;
 * a path that does not exist is `io/read`.
 */
export function resolveZoneModel(
  markdownFile: string,
  reference: string,
  root: string,
  where: Diagnostic['position'],
  options: { code?: boolean } = {},
): ZoneModel {
  const refuse = (code: string, message: string, expected: string): ZoneModel => ({
    ok: false,
    diagnostic: { code, message, ...(where ? { position: where } : {}), expected },
  });
  if (isAbsolute(reference) || /^[A-Za-z]:[\\/]/.test(reference) || reference.startsWith('\\')) {
    return refuse(
      'zone/outside-root',
      `the zone names the absolute path ${quote(reference)}; zones name models by a path relative to the Markdown file`,
      `a relative path to a model under ${root}`,
    );
  }
  const lower = reference.toLowerCase();
  const code = lower.endsWith('.ts') || lower.endsWith('.mts');
  if (code && !options.code) {
    return refuse(
      'zone/model-type',
      `the zone names the TypeScript model ${quote(reference)}; a .ts model is code, and zones only read data so that rendering a document never runs code from it`,
      'a YAML or JSON model, or `diagrama docs --allow-code` for documents whose models you trust',
    );
  }
  if (!code && !ZONE_MODEL_EXTENSIONS.some((extension) => lower.endsWith(extension))) {
    return refuse(
      'zone/model-type',
      `the zone names ${quote(reference)}, which is not a model file`,
      `a file ending in ${ZONE_MODEL_EXTENSIONS.join(', ')}`,
    );
  }
  const joined = resolve(dirname(markdownFile), reference);
  let real: string;
  try {
    real = realpathSync.native(joined);
  } catch {
    // a missing file is reported when it is read; check the lexical path meanwhile
    real = joined;
  }
  const inside = relative(root, real);
  const outside =
    inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  if (outside) {
    return refuse(
      'zone/outside-root',
      `the zone names ${quote(reference)}, which ${real === joined ? 'is' : 'leads through a link to a file'} outside the project (${root})`,
      'a model inside the project; pass --root to widen it',
    );
  }
  if (inside.split(sep).includes('.git')) {
    return refuse(
      'zone/outside-root',
      `the zone names ${quote(reference)}, which is inside a .git folder`,
      'a model file in the working tree',
    );
  }
  return { ok: true, path: real };
}
