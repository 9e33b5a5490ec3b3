// What a page needs to draw a model as text: load (YAML and JSON), core, render-ascii and
// render-markdown, as the browser resolves them. Bundled by test/browser-build.test.ts and by
// the benchmark's size check; never imports a Node built-in.
import { modelToScene } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { sceneToText } from '@diagrama/render-ascii';
import { diagramToMarkdown } from '@diagrama/render-markdown';

export function renderText(source: string): string {
  return sceneToText(modelToScene(loadDiagram(source, { file: 'model.yaml' }).diagram));
}

export function renderMarkdown(source: string): string {
  return diagramToMarkdown({ text: renderText(source) });
}
