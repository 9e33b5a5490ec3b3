import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { Limits } from '@diagrama/core';
import { writeFileAtomic } from './atomic-write.js';

/**
 * What zones rendered before, so that a zone whose model, options and renderer are unchanged
 * and whose content is what they rendered is known to be up to date without rendering it
 * again. Keys and values are hashes; see {@link zoneKey}.
 */
export interface ZoneCache {
  /**
   * Everything else the renderings depend on — the renderer's build: the CLI passes its
   * bundle's build name. Entries made under another salt are never used.
   */
  readonly salt: string;
  /** The hash of the content the zone rendered to, when known. */
  get(key: string): string | undefined;
  set(key: string, contentHash: string): void;
}

/** The most entries a cache file keeps: the oldest go first. */
const MAX_ENTRIES = 20_000;

const sha256 = (...parts: (string | Uint8Array)[]): string => {
  // loaded on first use, not when the CLI starts: most runs never hash anything
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/** The hash a cache keeps of a zone's content. */
export function contentHash(content: string): string {
  return sha256(content);
}

/**
 * The key of a zone's rendering: the cache's salt, the model's path (from the project root)
 * and bytes, the zone's options and the limits it rendered under (its time budget aside) —
 * everything its content depends on.
 */
export function zoneKey(
  salt: string,
  model: { path: string; bytes: Uint8Array },
  options: Readonly<Record<string, string | undefined>>,
  limits: Partial<Limits>,
): string {
  const sorted = (o: object) =>
    JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  // a time budget only ever stops a rendering, never changes it (and a deadline gives each
  // run another)
  const { timeBudgetMs: _, ...kept } = limits;
  return sha256(salt, model.path, model.bytes, sorted(options), sorted(kept));
}

/** A {@link ZoneCache} kept in a JSON file, and how to write it back. */
export interface ZoneCacheFile extends ZoneCache {
  /** Writes the file (atomically, its folder made) when an entry changed; never throws. */
  save(): Promise<void>;
}

/**
 * Opens a cache file: a missing, unreadable or corrupt file, or one made under another salt,
 * is an empty cache — a cache only ever saves work, it never decides an outcome.
 */
export async function openZoneCache(file: string, salt: string): Promise<ZoneCacheFile> {
  const entries = new Map<string, string>();
  try {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
    if (
      typeof data === 'object' &&
      data !== null &&
      (data as { salt?: unknown }).salt === salt &&
      typeof (data as { entries?: unknown }).entries === 'object'
    ) {
      for (const [key, value] of Object.entries((data as { entries: object }).entries)) {
        if (
          /^[0-9a-f]{64}$/.test(key) &&
          typeof value === 'string' &&
          /^[0-9a-f]{64}$/.test(value)
        ) {
          entries.set(key, value);
        }
      }
    }
  } catch {
    // no cache yet, or not one we can read: start empty
  }
  let changed = false;
  return {
    salt,
    get: (key) => entries.get(key),
    set(key, value) {
      if (entries.get(key) === value) return;
      // the newest last, so the oldest are the first dropped
      entries.delete(key);
      entries.set(key, value);
      changed = true;
    },
    async save() {
      if (!changed) return;
      const kept = [...entries].slice(-MAX_ENTRIES);
      const text = `${JSON.stringify({ salt, entries: Object.fromEntries(kept) })}\n`;
      try {
        await fs.mkdir(dirname(file), { recursive: true });
        await writeFileAtomic(file, text);
        changed = false;
      } catch {
        // a cache that cannot be written costs the next run time, nothing else
      }
    },
  };
}
