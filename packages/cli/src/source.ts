import {
  adviseDiagram,
  type Diagnostic,
  type Diagram,
  DiagramaError,
  isDiagramaError,
  type Limits,
  modelToScene,
  resolveLimits,
  type Scene,
} from '@diagrama/core';
import {
  decodeSource,
  formatFromPath,
  loadDiagram,
  locateDiagnostics,
  readModelFile,
  type SourceMap,
} from '@diagrama/load';
import { type CliIo, IoError } from './io.js';

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
 * Files are size-checked before reading and decoded as strict UTF-8. Throws a
 * `DiagramaError` with located diagnostics.
 */
export async function loadInput(
  input: string,
  io: CliIo,
  timeoutMs: number,
  limits: Partial<Limits> = {},
): Promise<LoadedInput> {
  const file = input === '-' ? '<stdin>' : input;
  if (input !== '-' && isTypeScript(input)) {
    const { loadDiagramModule } = await import('@diagrama/typescript');
    return {
      file,
      diagram: await loadDiagramModule(input, { timeoutMs, displayName: file, limits }),
    };
  }
  if (input === '-') {
    const bytes = await io.readStdinBytes(resolveLimits(limits).maxInputBytes);
    const { diagram, source } = loadDiagram(decodeSource(bytes, file), {
      file,
      format: 'yaml',
      limits,
    });
    return { file, diagram, source };
  }
  try {
    const { diagram, source } = await readModelFile(input, {
      file,
      format: formatFromPath(input) ?? 'yaml',
      limits,
    });
    return { file, diagram, source };
  } catch (error) {
    const first = isDiagramaError(error) ? error.diagnostics[0] : undefined;
    if (first?.code === 'io/read') throw new IoError(first.message, file);
    throw error;
  }
}

/** Advice on a loaded diagram (see `adviseDiagram`), located in its source. */
export function adviceFor(loaded: LoadedInput): Diagnostic[] {
  const advice = adviseDiagram(loaded.diagram);
  return loaded.source
    ? locateDiagnostics(advice, loaded.source)
    : advice.map((d) => ({ ...d, position: { file: loaded.file, line: 1, column: 1 } }));
}

/** Lays a loaded diagram out within the limits and the time budget, problems located. */
export function layout(loaded: LoadedInput, limits: Partial<Limits> = {}, width?: number): Scene {
  try {
    // modelToScene keeps to limits.timeBudgetMs itself
    return modelToScene(loaded.diagram, {
      limits,
      ...(width === undefined ? {} : { width }),
    });
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
