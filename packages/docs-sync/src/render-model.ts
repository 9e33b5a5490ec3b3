import { promises as fs } from 'node:fs';
import {
  type Diagram,
  DiagramaError,
  describeDiagram,
  modelToScene,
  type Scene,
  stripHints,
} from '@diagrama/core';
import { type LoadedDiagram, loadDiagram, locateDiagnostics } from '@diagrama/load';
import { type CharsetName, sceneToText } from '@diagrama/render-ascii';
import { describeFsError } from './atomic-write.js';

/** A model file rendered for a document. */
export interface RenderedModel {
  diagram: Diagram;
  scene: Scene;
  /** The box-drawing text. */
  text: string;
  /** The plain-text description of the diagram. */
  description: string;
}

/** Options for {@link renderModelFile}. */
export interface RenderModelOptions {
  /** @default 'double' */
  charset?: CharsetName;
  /** Drop every layout hint and draw the canonical layout. @default false */
  canonical?: boolean;
  /** The name used in positions; defaults to the path. */
  displayName?: string;
}

/**
 * Reads, validates, lays out and draws a YAML or JSON model file. Throws a `DiagramaError`
 * whose diagnostics carry `file:line:col`, also when the file cannot be read (`io/read`).
 */
export async function renderModelFile(
  path: string,
  options: RenderModelOptions = {},
): Promise<RenderedModel> {
  const file = options.displayName ?? path;
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    throw new DiagramaError([
      {
        code: 'io/read',
        message: `cannot read ${file}: ${describeFsError(error)}`,
        position: { file, line: 1, column: 1 },
      },
    ]);
  }
  const loaded: LoadedDiagram = loadDiagram(text, { file });
  const diagram = options.canonical ? stripHints(loaded.diagram) : loaded.diagram;
  let scene: Scene;
  try {
    scene = modelToScene(diagram);
  } catch (error) {
    if (error instanceof DiagramaError) {
      throw new DiagramaError(locateDiagnostics(error.diagnostics, loaded.source));
    }
    throw error;
  }
  return {
    diagram,
    scene,
    text: sceneToText(scene, { charset: options.charset ?? 'double' }),
    description: describeDiagram(diagram),
  };
}
