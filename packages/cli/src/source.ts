import {
  type Diagram,
  DiagramaError,
  isDiagramaError,
  modelToScene,
  type Scene,
} from '@diagrama/core';
import { formatFromPath, loadDiagram, locateDiagnostics, type SourceMap } from '@diagrama/load';
import { type CliIo, readText } from './io.js';

/** A diagram read from a file or standard input. */
export interface LoadedInput {
  /** The name used in messages (`<stdin>` for `-`). */
  file: string;
  diagram: Diagram;
  /** Source positions (YAML and JSON only). */
  source?: SourceMap;
}

/** True for inputs that are TypeScript diagram modules. */
export const isTypeScript = (path: string): boolean =>
  /\.m?ts$/i.test(path) && !/\.d\.m?ts$/i.test(path);

/**
 * Reads and validates one input: YAML or JSON by extension (`-` is YAML on standard input),
 * or a `.ts`/`.mts` module, loaded with the TypeScript compiler only when one is given.
 * Throws a `DiagramaError` with located diagnostics.
 */
export async function loadInput(input: string, io: CliIo, timeoutMs: number): Promise<LoadedInput> {
  const file = input === '-' ? '<stdin>' : input;
  if (input !== '-' && isTypeScript(input)) {
    const { loadDiagramModule } = await import('@diagrama/typescript');
    return { file, diagram: await loadDiagramModule(input, { timeoutMs, displayName: file }) };
  }
  const text = await readText(input, io);
  const { diagram, source } = loadDiagram(text, { file, format: formatFromPath(input) ?? 'yaml' });
  return { file, diagram, source };
}

/** Lays a loaded diagram out, with layout problems located in its source. */
export function layout(loaded: LoadedInput): Scene {
  try {
    return modelToScene(loaded.diagram);
  } catch (error) {
    if (isDiagramaError(error) && loaded.source) {
      throw new DiagramaError(locateDiagnostics(error.diagnostics, loaded.source));
    }
    if (isDiagramaError(error)) {
      throw new DiagramaError(
        error.diagnostics.map((d) => ({
          ...d,
          position: d.position ?? { file: loaded.file, line: 1, column: 1 },
        })),
      );
    }
    throw error;
  }
}
