import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDiagram } from '@diagrama/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write.js';
import { syncMarkdownFile } from './sync.js';
import { contentHash, openZoneCache, type ZoneCache } from './zone-cache.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'diagrama-sync-'));
  writeFileSync(join(dir, 'm.yaml'), 'nodes:\n  - {kind: api, label: Rest API}\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
const zone = (eol = '\n', inner = '') =>
  [
    '# Doc',
    '<!-- diagrama:start m.yaml charset=single -->',
    ...(inner ? [inner] : []),
    '<!-- diagrama:end -->',
    'end',
    '',
  ].join(eol);
const box = '```text\n┌────────────┐\n│  Rest API  │\n└────────────┘\n```\n';

describe('syncMarkdownFile', () => {
  it('renders the zone, then changes nothing on a second run', async () => {
    write('doc.md', zone());
    expect((await syncMarkdownFile('doc.md', { cwd: dir })).status).toBe('updated');
    expect(read('doc.md')).toBe(
      `# Doc\n<!-- diagrama:start m.yaml charset=single -->\n${box}<!-- diagrama:end -->\nend\n`,
    );
    expect((await syncMarkdownFile('doc.md', { cwd: dir })).status).toBe('unchanged');
  });

  it('refuses zones past the deadline and leaves the file as it was', async () => {
    write('doc.md', zone());
    const result = await syncMarkdownFile('doc.md', { cwd: dir, deadline: Date.now() - 1 });
    expect(result.status).toBe('error');
    expect(result.diagnostics).toMatchObject([
      { code: 'limit/deadline', position: { file: 'doc.md', line: 2 } },
    ]);
    expect(read('doc.md')).toBe(zone());
    const later = await syncMarkdownFile('doc.md', { cwd: dir, deadline: Date.now() + 60_000 });
    expect(later.status).toBe('updated');
    expect(later.models).toEqual([join(dir, 'm.yaml')]);
  });

  it('reads a .ts model only through loadCode', async () => {
    write('code.ts', 'export default {}\n');
    write('doc.md', '<!-- diagrama:start code.ts -->\n<!-- diagrama:end -->\n');
    const refused = await syncMarkdownFile('doc.md', { cwd: dir, root: dir });
    expect(refused.diagnostics[0]?.code).toBe('zone/model-type');
    const loaded: string[] = [];
    const result = await syncMarkdownFile('doc.md', {
      cwd: dir,
      root: dir,
      loadCode: async (path) => {
        loaded.push(path);
        return parseDiagram({ nodes: [{ kind: 'api', label: 'Coded' }] });
      },
    });
    expect(result.status).toBe('updated');
    expect(loaded).toEqual([join(dir, 'code.ts')]);
    expect(read('doc.md')).toContain('Coded');
  });

  it('fits a zone with width=N, and rejects a width that is not a number', async () => {
    write('wide.yaml', 'nodes:\n  - {kind: api, label: A rather long label for a box}\n');
    write(
      'doc.md',
      '<!-- diagrama:start wide.yaml charset=ascii width=16 -->\n<!-- diagrama:end -->\n',
    );
    expect((await syncMarkdownFile('doc.md', { cwd: dir })).status).toBe('updated');
    const rows = read('doc.md').split('\n').slice(2, -3);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(16);
    write('bad.md', '<!-- diagrama:start wide.yaml width=wide -->\n<!-- diagrama:end -->\n');
    const bad = await syncMarkdownFile('bad.md', { cwd: dir });
    expect(bad.status).toBe('error');
    expect(bad.diagnostics?.[0]).toMatchObject({ code: 'zone/unknown-option' });
  });

  it('keeps CRLF and a BOM', async () => {
    write('doc.md', `\ufeff${zone('\r\n')}`);
    await syncMarkdownFile('doc.md', { cwd: dir });
    const text = read('doc.md');
    expect(text.startsWith('\ufeff# Doc\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(text).toContain('│  Rest API  │\r\n');
  });

  it('reports stale files with a diff in check mode and writes nothing', async () => {
    write('doc.md', zone('\n', 'hand edit'));
    const result = await syncMarkdownFile('doc.md', { cwd: dir, check: true });
    expect(result.status).toBe('stale');
    expect(result.diff).toContain('-hand edit\n+```text\n');
    expect(read('doc.md')).toBe(zone('\n', 'hand edit'));
  });

  it('leaves the file untouched on bad markers, naming file and line', async () => {
    write('doc.md', '# x\n<!-- diagrama:start m.yaml -->\n');
    const result = await syncMarkdownFile('doc.md', { cwd: dir });
    expect(result).toMatchObject({
      status: 'error',
      diagnostics: [{ code: 'zone/unbalanced', position: { file: 'doc.md', line: 2 } }],
    });
    expect(read('doc.md')).toBe('# x\n<!-- diagrama:start m.yaml -->\n');
  });

  it('leaves the file untouched when a model is invalid, with the model position', async () => {
    write('bad.yaml', 'nodes:\n  - {kind: server, label: x}\n');
    const text = `${zone('\n', 'keep me')}<!-- diagrama:start bad.yaml -->\n<!-- diagrama:end -->\n`;
    write('doc.md', text);
    const result = await syncMarkdownFile('doc.md', { cwd: dir });
    expect(result.status).toBe('error');
    expect(result.diagnostics[0]).toMatchObject({
      code: 'model/unknown-kind',
      position: { file: 'bad.yaml', line: 2 },
    });
    expect(result.diagnostics[0]?.message).toContain('in the zone on doc.md:6');
    expect(read('doc.md')).toBe(text);
    expect(leftovers()).toEqual([]);
  });

  it('keeps a label containing ``` inside the fence', async () => {
    write('m.yaml', 'nodes:\n  - {kind: api, label: "a ``` b"}\n');
    write('doc.md', zone());
    await syncMarkdownFile('doc.md', { cwd: dir });
    expect(read('doc.md')).toContain('````text\n');
    expect((await syncMarkdownFile('doc.md', { cwd: dir })).status).toBe('unchanged');
  });
});

describe('a cache of renderings', () => {
  /** A cache in memory that counts what it is asked. */
  const counting = () => {
    const entries = new Map<string, string>();
    const seen = { hits: 0, sets: 0 };
    const cache: ZoneCache = {
      salt: 'test',
      get: (key) => {
        const value = entries.get(key);
        if (value !== undefined) seen.hits++;
        return value;
      },
      set: (key, value) => {
        seen.sets++;
        entries.set(key, value);
      },
    };
    return { cache, seen, entries };
  };

  it('knows an unchanged zone without rendering it, and still finds what went stale', async () => {
    write('doc.md', zone());
    const { cache, seen, entries } = counting();
    expect((await syncMarkdownFile('doc.md', { cwd: dir, cache })).status).toBe('updated');
    expect(seen).toEqual({ hits: 0, sets: 1 });
    // the rendering is what the file now holds: known, not rendered (nothing is set again)
    expect((await syncMarkdownFile('doc.md', { cwd: dir, cache, check: true })).status).toBe(
      'unchanged',
    );
    expect(seen).toEqual({ hits: 1, sets: 1 });
    // a hand edit inside the zone: its content is not what was rendered
    const edited = read('doc.md').replace('Rest API', 'Rest APX');
    write('doc.md', edited);
    const stale = await syncMarkdownFile('doc.md', { cwd: dir, cache, check: true });
    expect(stale.status).toBe('stale');
    expect(stale.diff).toContain('+│  Rest API  │');
    // a changed model is another key
    write('doc.md', edited.replace('Rest APX', 'Rest API'));
    write('m.yaml', 'nodes:\n  - {kind: api, label: Web API}\n');
    expect((await syncMarkdownFile('doc.md', { cwd: dir, cache, check: true })).status).toBe(
      'stale',
    );
    // and the key is the only thing a hit rests on: a cache that claims the zone's
    // content for every key skips rendering altogether
    const liar: ZoneCache = {
      salt: 'test',
      get: () => contentHash(box),
      set: () => {},
    };
    expect((await syncMarkdownFile('doc.md', { cwd: dir, cache: liar, check: true })).status).toBe(
      'unchanged',
    );
    expect(entries.size).toBe(2);
  });

  it('keeps its entries in a file, and starts empty from a corrupt one or another build', async () => {
    const file = join(dir, 'cache', 'docs.json');
    const first = await openZoneCache(file, 'build a');
    first.set('a'.repeat(64), 'b'.repeat(64));
    await first.save();
    expect((await openZoneCache(file, 'build a')).get('a'.repeat(64))).toBe('b'.repeat(64));
    expect((await openZoneCache(file, 'build b')).get('a'.repeat(64))).toBeUndefined();
    writeFileSync(file, '{"salt": "build a", "entries": ');
    expect((await openZoneCache(file, 'build a')).get('a'.repeat(64))).toBeUndefined();
    // a cache that cannot be written costs time, never the run
    const blocked = await openZoneCache(join(dir, 'm.yaml', 'docs.json'), 'build a');
    blocked.set('a'.repeat(64), 'b'.repeat(64));
    await expect(blocked.save()).resolves.toBeUndefined();
  });
});

describe('writeFileAtomic', () => {
  it('keeps the mode of the file it replaces', async () => {
    write('x.txt', 'old');
    chmodSync(join(dir, 'x.txt'), 0o640);
    await writeFileAtomic(join(dir, 'x.txt'), 'new');
    expect(read('x.txt')).toBe('new');
    expect(statSync(join(dir, 'x.txt')).mode & 0o777).toBe(0o640);
  });

  it('leaves no temporary file when the write fails', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.txt'), 'new')).rejects.toThrowError(
      /no such file or folder/,
    );
    expect(leftovers()).toEqual([]);
  });
});
