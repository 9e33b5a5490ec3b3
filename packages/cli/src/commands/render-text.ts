import { type DiagramInput, modelToScene, parseDiagram } from '@diagrama/core';
import { type CharsetName, sceneToText } from '@diagrama/render-ascii';

/** A model rendered as text: what the importer checks a drawing against. */
export const renderText = (model: DiagramInput, charset: CharsetName): string =>
  sceneToText(modelToScene(parseDiagram(model)), { charset });
