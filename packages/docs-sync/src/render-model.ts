import {
  type Diagram,
  DiagramaError,
  describeDiagram,
  isDiagramaError,
  type Limits,
  modelToScene,
  resolveLimits,
  type Scene,
  stripHints,
} from '@diagrama/core';
import { type LoadedDiagram, locateDiagnostics, readModelFile } from '@diagrama/load';
import { type CharsetName, sceneToText } from '@diagrama/render-ascii';

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
  /** Limits on untrusted input; defaults to `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
  /** The most columns the picture may take (see `LayoutOptions.width`). @default unlimited */
  width?: number;
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
  const loaded: LoadedDiagram = await readModelFile(path, { file, limits: options.limits ?? {} });
  return renderLoaded(loaded, options);
}

/**
 * Lays out and draws a model already loaded (from a `.ts` module, say), as
 * {@link renderModelFile} does; positions are located in `loaded.source` when there is one.
 */
export function renderLoaded(
  loaded: { diagram: Diagram; source?: LoadedDiagram['source'] },
  options: RenderModelOptions = {},
): RenderedModel {
  const limits = options.limits ?? {};
  const diagram = options.canonical ? stripHints(loaded.diagram) : loaded.diagram;
  let scene: Scene;
  try {
    scene = modelToScene(diagram, {
      limits,
      signal: AbortSignal.timeout(resolveLimits(limits).timeBudgetMs),
      ...(options.width === undefined ? {} : { width: options.width }),
    });
  } catch (error) {
    if (isDiagramaError(error) && loaded.source !== undefined) {
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
