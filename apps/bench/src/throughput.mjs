import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelToScene } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { sceneToText } from '@diagrama/render-ascii';
import { sceneToSvg } from '@diagrama/render-svg';
import { loadNpmPeer } from './peers.mjs';
import { median } from './stats.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const input = (name) => readFileSync(new URL(`../inputs/${name}`, import.meta.url), 'utf8');

/** Renders per second: the median over several windows, after a warm-up. */
async function rate(render, { windowMs, windows }) {
  await render();
  const warmEnd = performance.now() + windowMs;
  while (performance.now() < warmEnd) await render();
  const rates = [];
  for (let w = 0; w < windows; w++) {
    let count = 0;
    const start = performance.now();
    do {
      await render();
      count++;
    } while (performance.now() - start < windowMs);
    rates.push(count / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

/** The renderers compared in process, each from its own source text of the same diagram. */
export async function throughputRenderers() {
  const yaml = readFileSync(`${root}docs/examples/docker-architecture.yaml`, 'utf8');
  const json = readFileSync(`${root}docs/examples/docker-architecture.json`, 'utf8');
  const renderers = {
    text: {
      diagrama: () => sceneToText(modelToScene(loadDiagram(yaml).diagram)),
      'diagrama (JSON model)': () =>
        sceneToText(modelToScene(loadDiagram(json, { format: 'json' }).diagram)),
    },
    svg: {
      diagrama: () => sceneToSvg(modelToScene(loadDiagram(yaml).diagram)),
      'diagrama (JSON model)': () =>
        sceneToSvg(modelToScene(loadDiagram(json, { format: 'json' }).diagram)),
    },
  };
  const bm = await loadNpmPeer('beautiful-mermaid');
  if (bm) {
    const mmd = input('docker.mmd');
    renderers.text['beautiful-mermaid'] = () => bm.renderMermaidASCII(mmd);
    renderers.svg['beautiful-mermaid'] = () => bm.renderMermaidSVG(mmd);
  }
  const d2module = await loadNpmPeer('@terrastruct/d2');
  if (d2module) {
    const d2 = new d2module.D2();
    const source = input('docker.d2');
    renderers.text.D2 = async () => {
      const compiled = await d2.compile(source);
      return d2.render(compiled.diagram, { ...compiled.renderOptions, ascii: true });
    };
    renderers.svg.D2 = async () => {
      const compiled = await d2.compile(source);
      return d2.render(compiled.diagram, compiled.renderOptions);
    };
  }
  return renderers;
}

/** Throughput of every available renderer, text and SVG. */
export async function throughput({ windowMs, windows }) {
  const renderers = await throughputRenderers();
  const out = { text: {}, svg: {}, outputs: { text: {}, svg: {} } };
  for (const kind of ['text', 'svg']) {
    for (const [name, render] of Object.entries(renderers[kind])) {
      out.outputs[kind][name] = await render();
      out[kind][name] = await rate(render, { windowMs, windows });
    }
  }
  return out;
}
