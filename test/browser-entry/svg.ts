// What a page needs to draw a model as SVG: the text path's packages and render-svg's browser
// entry (the page's own DOM, no svgdom).
import { modelToScene } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { sceneToSvg } from '@diagrama/render-svg';

export function renderSvg(source: string): string {
  return sceneToSvg(modelToScene(loadDiagram(source, { file: 'model.yaml' }).diagram));
}
