import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagramaError, formatDiagnostic, modelToScene } from '@diagrama/core';
import { loadDiagram, locateDiagnostics } from '@diagrama/load';
import { CHARSET_NAMES, sceneToText } from '@diagrama/render-ascii';
import { sceneToSvg } from '@diagrama/render-svg';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..');

interface Case {
  name: string;
  model: string;
  goldens: string;
}

/** Layout options of a fixture, from an optional `options.json` beside its model. */
function optionsOf(goldens: string): { width?: number } {
  const file = join(goldens, 'options.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

const fixtureCases: Case[] = readdirSync(join(here, 'fixtures'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'examples')
  .map((entry) => {
    const dir = join(here, 'fixtures', entry.name);
    const model = ['model.yaml', 'model.json'].map((f) => join(dir, f)).find((f) => existsSync(f));
    if (!model) throw new Error(`fixture ${entry.name} has no model.yaml or model.json`);
    return { name: entry.name, model, goldens: dir };
  });

const exampleCases: Case[] = readdirSync(join(repo, 'docs/examples'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => ({
    name: `docs/examples/${file}`,
    model: join(repo, 'docs/examples', file),
    goldens: join(here, 'fixtures/examples', file.replace(/\.yaml$/, '')),
  }));

/**
 * Golden files beside each input: the positioned scene and one rendering per charset, or the
 * diagnostics of an invalid model; an `options.json` beside the model holds layout options
 * (such as a width budget). Accept changes with `pnpm test:update`.
 */
describe.each([...fixtureCases, ...exampleCases])('$name', ({ model, goldens }) => {
  const file = model.slice(repo.length + 1);
  const text = readFileSync(model, 'utf8');
  let scene: ReturnType<typeof modelToScene> | undefined;
  let errors: string | undefined;
  try {
    const loaded = loadDiagram(text, { file });
    try {
      scene = modelToScene(loaded.diagram, optionsOf(goldens));
    } catch (error) {
      if (!(error instanceof DiagramaError)) throw error;
      errors = locateDiagnostics(error.diagnostics, loaded.source)
        .map((d) => formatDiagnostic(d))
        .join('\n');
    }
  } catch (error) {
    if (!(error instanceof DiagramaError)) throw error;
    errors = error.diagnostics.map((d) => formatDiagnostic(d)).join('\n');
  }

  if (errors !== undefined) {
    it('reports every problem with its position', async () => {
      await expect(`${errors}\n`).toMatchFileSnapshot(join(goldens, 'errors.txt'));
    });
    return;
  }

  it('keeps no golden of errors it no longer reports', () => {
    expect(existsSync(join(goldens, 'errors.txt'))).toBe(false);
  });

  it('lays out the same scene', async () => {
    await expect(`${JSON.stringify(scene, null, 2)}\n`).toMatchFileSnapshot(
      join(goldens, 'scene.json'),
    );
  });

  it('renders the same SVG', async () => {
    await expect(
      sceneToSvg(scene as NonNullable<typeof scene>, { theme: 'light' }),
    ).toMatchFileSnapshot(join(goldens, 'diagram.svg'));
  });

  it.each(CHARSET_NAMES)('renders the same %s text', async (charset) => {
    await expect(sceneToText(scene as NonNullable<typeof scene>, { charset })).toMatchFileSnapshot(
      join(goldens, `${charset}.txt`),
    );
  });
});
