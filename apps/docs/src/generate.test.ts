import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arquitecturaDocker } from './documents/arquitectura-docker.js';
import { documentMarkdown, generateDocs } from './generate.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const readRepo = (path: string) => readFileSync(join(repo, path), 'utf8');
const trimmed = (text: string) => text.split('\n').map((line) => line.trimEnd());

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'diagrama-docs-'));
  cpSync(join(repo, 'docs'), join(root, 'docs'), { recursive: true });
  cpSync(join(repo, 'README.md'), join(root, 'README.md'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the source document', () => {
  it('is regenerated identical to the seed, line for line once trailing spaces go', async () => {
    const markdown = await documentMarkdown(arquitecturaDocker, repo);
    expect(trimmed(markdown)).toEqual(trimmed(readRepo('test/seeds/002_4bb4fe39dc5ab3c2.txt')));
  });

  it('has the same first diagram as the earlier version of the document', async () => {
    const fenced = (text: string) => {
      const lines = trimmed(text);
      const start = lines.indexOf('```') + 1;
      return lines.slice(start, lines.indexOf('```', start));
    };
    const markdown = await documentMarkdown(arquitecturaDocker, repo);
    expect(fenced(markdown)).toEqual(fenced(readRepo('test/seeds/000_f84e59fc77b07a2b.txt')));
  });

  it('is recreated byte for byte after being deleted', async () => {
    const committed = readRepo('docs/arquitectura-docker.md');
    rmSync(join(root, 'docs/arquitectura-docker.md'));
    const results = await generateDocs({ root, check: false, apiPackages: [] });
    expect(results.find((r) => r.file === 'docs/arquitectura-docker.md')?.status).toBe('updated');
    expect(read('docs/arquitectura-docker.md')).toBe(committed);
  });
});

describe('docs check', () => {
  it('passes on the committed tree (read-only), API reference included', {
    timeout: 60_000,
  }, async () => {
    const results = await generateDocs({ root: repo, check: true });
    expect(results.filter((r) => r.status !== 'unchanged')).toEqual([]);
    expect(results.map((r) => r.file)).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/arquitectura-docker.md',
        'docs/diagramas.md',
        'docs/contenedor.md',
      ]),
    );
  });

  it.each([
    ['docs/arquitectura-docker.md', '║           ║                        Rest API'],
    ['docs/arquitectura-docker.md', 'Es un paquete de datos'],
    ['README.md', '║                                Docker HOST( MI PC)'],
    ['docs/diagramas.md', '║  ║  CAPA 2(RUN)'],
  ])('fails with a diff after a hand edit of %s', async (file, line) => {
    const before = read(file);
    expect(before).toContain(line);
    writeFileSync(join(root, file), before.replace(line, `${line} (edited)`));
    const results = await generateDocs({ root, check: true, apiPackages: [] });
    const stale = results.filter((r) => r.status === 'stale');
    expect(stale.map((r) => r.file)).toEqual([file]);
    expect(stale[0]?.diff).toContain(`-${line}`);
    expect(read(file)).toBe(before.replace(line, `${line} (edited)`));
  });
});

describe('the API reference', () => {
  it('documents every export of every package', async () => {
    const { apiReference, API_PACKAGES } = await import('./api-reference.js');
    for (const name of API_PACKAGES) {
      const page = await apiReference(repo, name);
      expect(page.undocumented, `@diagrama/${name}`).toEqual([]);
      expect(page.markdown).toContain(`# @diagrama/${name}`);
    }
  }, 60_000);
});
