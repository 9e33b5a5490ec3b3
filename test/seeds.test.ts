import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelToScene } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { sceneToText } from '@diagrama/render-ascii';
import { describe, expect, it } from 'vitest';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const read = (path: string) => readFileSync(root(path), 'utf8');
const trimLines = (text: string) => text.split('\n').map((line) => line.trimEnd());
const render = (path: string) =>
  sceneToText(modelToScene(loadDiagram(read(path), { file: path }).diagram));

/** The first fenced block of a seed document, trailing whitespace removed. */
function firstDiagram(seed: string): string[] {
  const lines = trimLines(read(seed));
  const start = lines.indexOf('```') + 1;
  const end = lines.indexOf('```', start);
  return lines.slice(start, end);
}

describe('the source documents', () => {
  it('renders the architecture diagram byte-identical to the seed (lines 3–23)', () => {
    const seed = trimLines(read('test/seeds/002_4bb4fe39dc5ab3c2.txt')).slice(2, 23);
    expect(render('docs/examples/docker-architecture.yaml')).toBe(`${seed.join('\n')}\n`);
  });

  it('renders the same diagram as the earlier version of the document', () => {
    const earlier = firstDiagram('test/seeds/000_f84e59fc77b07a2b.txt');
    expect(render('docs/examples/docker-architecture.yaml')).toBe(`${earlier.join('\n')}\n`);
  });

  it('gives the same bytes from the YAML and the JSON model', () => {
    expect(render('docs/examples/docker-architecture.json')).toBe(
      render('docs/examples/docker-architecture.yaml'),
    );
  });
});
