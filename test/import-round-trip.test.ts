import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Diagram,
  type DiagramInput,
  modelToScene,
  parseDiagram,
  stripHints,
} from '@diagrama/core';
import { findArtBlocks, importDrawing } from '@diagrama/import';
import { loadDiagram } from '@diagrama/load';
import { CHARSET_NAMES, type CharsetName, sceneToText } from '@diagrama/render-ascii';
import { describe, expect, it } from 'vitest';
import { exampleAndCorpusModels, repo } from './repo-models.js';
import { shown } from './shown.js';

/** Every model of the repository: fixtures, documented examples, the layout-quality corpus. */
const models = [
  ...readdirSync(join(repo, 'test/fixtures'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'examples')
    .map((e) => `test/fixtures/${e.name}/model.yaml`),
  ...exampleAndCorpusModels(),
].filter((path) => {
  try {
    readFileSync(join(repo, path));
    return true;
  } catch {
    return false;
  }
});

/**
 * Drawings whose import does not give back what they show yet, and why. The list is exact:
 * a drawing that starts to round-trip fails the test until it leaves the list.
 */
const KNOWN_GAPS: Record<string, string> = {
  // a stack's layers joined by their own lines: the importer reads separate boxes
  'docs/examples/docker-image-layers.yaml': 'all',
  // ascii draws a junction, a crossing and a corner with the same `+`: where lines cross
  // containers' borders the drawing is ambiguous
  // the caption of a group without a border sits beside a line: it reads as the line's note
  'apps/bench/corpus/k8s-overview.yaml': 'all',
  // plain lines (no arrowheads) sharing a trunk with arrows: their ends pair up otherwise
  'apps/bench/corpus/compose-lamp.yaml': 'all',
  // ascii draws a dashed line like a solid one
  'docs/examples/flow.yaml': 'ascii',
  'docs/examples/sequence.yaml': 'ascii',
  'docs/examples/borders-and-titles.yaml': 'ascii',
  'docs/examples/connections.yaml': 'ascii',
  'docs/examples/docker-overview.yaml': 'ascii',
  'docs/examples/kinds.yaml': 'ascii',
  'test/fixtures/flow-right/model.yaml': 'ascii',
  'test/fixtures/nested-and-arrows/model.yaml': 'ascii',
  'test/fixtures/nested-routes/model.yaml': 'ascii',
  'test/fixtures/wrap-width/model.yaml': 'ascii',
};

/**
 * Drawings whose import does not render back byte for byte: the importer finds no hints that
 * make it. Exact everywhere else. Reasons: invisible groups and hidden titles, stacks,
 * annotations, a grid of crossings, lines routed around boxes, text wrapped to a width.
 */
const NOT_EXACT: Record<string, string> = {
  'apps/bench/corpus/k8s-overview.yaml': 'all',
  'apps/bench/corpus/compose-lamp.yaml': 'all',
  'docs/examples/borders-and-titles.yaml': 'all',
  'docs/examples/docker-container.yaml': 'all',
  'docs/examples/flow.yaml': 'ascii',
  'docs/examples/docker-image-layers.yaml': 'all',
  'docs/examples/docker-overview.yaml': 'all',
  'docs/examples/groups.yaml': 'all',
  'docs/examples/kinds.yaml': 'ascii',
  'docs/examples/network-stack.yaml': 'all',
  'test/fixtures/flow-right/model.yaml': 'all',
  'test/fixtures/grid-crossings/model.yaml': 'all',
  'test/fixtures/nested-routes/model.yaml': 'all',
  'test/fixtures/stack-canonical/model.yaml': 'all',
  'test/fixtures/wide-characters-routed/model.yaml': 'all',
  'test/fixtures/wide-characters/model.yaml': 'all',
  'test/fixtures/wrap-reflow/model.yaml': 'all',
  'test/fixtures/wrap-width/model.yaml': 'all',
};

const trimmed = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');

/** What the CLI renders with: the importer's check that a model renders as drawn. */
const render = (model: DiagramInput, charset: CharsetName) =>
  sceneToText(modelToScene(parseDiagram(model)), { charset });

describe('import of the source documents', () => {
  const seed = (name: string) => readFileSync(join(repo, 'test/seeds', name), 'utf8');
  it.each([
    ['002_4bb4fe39dc5ab3c2.txt', 0],
    ['002_4bb4fe39dc5ab3c2.txt', 1],
    ['000_f84e59fc77b07a2b.txt', 0],
  ])('renders %s drawing %i back byte for byte', (name, index) => {
    const block = findArtBlocks(seed(name))[index as number];
    if (!block) throw new Error(`no drawing ${index} in ${name}`);
    const result = importDrawing(block.text, { firstLine: block.firstLine, render });
    expect(result.exact).toBe(true);
    expect(trimmed(render(result.model, 'double'))).toBe(trimmed(block.text));
  });
});

describe('import gives back what a rendering shows', () => {
  for (const path of models) {
    let diagram: Diagram;
    try {
      diagram = stripHints(
        loadDiagram(readFileSync(join(repo, path), 'utf8'), { file: path }).diagram,
      );
    } catch {
      continue; // a fixture of invalid input
    }
    for (const charset of CHARSET_NAMES) {
      const gap = KNOWN_GAPS[path];
      const known = gap === 'all' || gap === charset;
      it(`${path} in ${charset}${known ? ' (a known gap)' : ''}`, () => {
        const text = sceneToText(modelToScene(diagram), { charset });
        const back = parseDiagram(importDrawing(text).model);
        if (known) expect(shown(back)).not.toEqual(shown(diagram));
        else expect(shown(back)).toEqual(shown(diagram));
        // and, with the hints it finds, the same bytes
        const exact = importDrawing(text, { render });
        const inexact = NOT_EXACT[path] === 'all' || NOT_EXACT[path] === charset;
        expect(exact.exact).toBe(!inexact);
        if (exact.exact) expect(trimmed(render(exact.model, charset))).toBe(trimmed(text));
      });
    }
  }
});
