import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelToScene, parseDiagram } from '@diagrama/core';
import { findArtBlocks, importDrawing } from '@diagrama/import';
import { sceneToText } from '@diagrama/render-ascii';
import { median } from './stats.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const render = (model, charset) => sceneToText(modelToScene(parseDiagram(model)), { charset });

/**
 * A Markdown document of about 1,000 lines: the seed document (prose and its two drawings)
 * over and over. What `diagrama import` does with it — find the drawings, read each, look for
 * the hints that render it exactly — is timed in process, the median of `runs`.
 */
export function importTime({ runs }) {
  const seed = readFileSync(`${root}test/seeds/002_4bb4fe39dc5ab3c2.txt`, 'utf8');
  const copies = Math.ceil(1000 / seed.split('\n').length);
  const document = Array.from({ length: copies }, () => seed).join('\n');
  const lines = document.split('\n').length;
  const once = () => {
    let exact = 0;
    const blocks = findArtBlocks(document);
    for (const block of blocks) {
      if (importDrawing(block.text, { firstLine: block.firstLine, render }).exact) exact++;
    }
    return { drawings: blocks.length, exact };
  };
  const first = once();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    once();
    times.push(performance.now() - start);
  }
  return { lines, ...first, ms: median(times) };
}

export function printImport(result) {
  console.log(
    `\n6. Import: a Markdown document of ${result.lines} lines, ${result.drawings} drawings (${result.exact} rendering back exactly): ${result.ms.toFixed(1)} ms (median)`,
  );
}
