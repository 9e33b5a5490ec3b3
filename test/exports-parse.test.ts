import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EXPORT_LANGUAGES, exportDiagram } from '@diagrama/export';
import { loadDiagram } from '@diagrama/load';
import { describe, expect, it } from 'vitest';
import { exampleAndCorpusModels, repo } from './repo-models.js';

// #17: every example and corpus model, exported to each language, is read by the real tool
// where it runs here: Graphviz `dot` (installed by .ci/run) and PlantUML from Debian; D2
// (@terrastruct/d2) and Mermaid (beautiful-mermaid) where `pnpm bench:setup` installed them.

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const models = exampleAndCorpusModels().filter((path) => /\.(ya?ml|json)$/.test(path));
const exported = (path: string, language: (typeof EXPORT_LANGUAGES)[number]) =>
  exportDiagram(
    loadDiagram(readFileSync(join(repo, path), 'utf8'), { file: path }).diagram,
    language,
  );

/** An npm peer of the benchmark, when installed (apps/bench/peers). */
async function peer(name: string): Promise<Record<string, unknown> | undefined> {
  try {
    const { loadNpmPeer } = (await import(join(repo, 'apps/bench/src/peers.mjs'))) as {
      loadNpmPeer(name: string): Promise<Record<string, unknown> | undefined>;
    };
    return await loadNpmPeer(name);
  } catch {
    return undefined;
  }
}

describe('exports are read by the tools they are for', () => {
  it.skipIf(!has('dot') && !process.env.CI)('Graphviz reads every DOT export', () => {
    for (const path of models) {
      const run = spawnSync('dot', ['-Tsvg'], { input: exported(path, 'dot'), encoding: 'utf8' });
      expect(run.stderr, path).toBe('');
      expect(run.status, path).toBe(0);
    }
  });

  it.skipIf(!has('plantuml'))(
    'PlantUML reads every PlantUML export',
    () => {
      for (const path of models) {
        const run = spawnSync('plantuml', ['-tsvg', '-pipe'], {
          input: exported(path, 'plantuml'),
          encoding: 'utf8',
        });
        expect(run.status, `${path}: ${run.stderr}`).toBe(0);
      }
    },
    120_000,
  );

  it('D2 reads every D2 export (when the bench peers are installed)', async () => {
    const d2 = await peer('@terrastruct/d2');
    if (!d2) return void console.warn('D2 is not installed here (pnpm bench:setup): skipped');
    const engine = new (d2.D2 as new () => { compile(source: string): Promise<unknown> })();
    for (const path of models)
      await expect(engine.compile(exported(path, 'd2')), path).resolves.toBeDefined();
  }, 120_000);

  it('beautiful-mermaid reads every Mermaid export (when the bench peers are installed)', async () => {
    const bm = await peer('beautiful-mermaid');
    if (!bm)
      return void console.warn(
        'beautiful-mermaid is not installed here (pnpm bench:setup): skipped',
      );
    const render = bm.renderMermaidASCII as (source: string) => string;
    for (const path of models) expect(() => render(exported(path, 'mermaid')), path).not.toThrow();
  });
});
