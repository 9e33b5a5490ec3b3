import {
  adviseDiagram,
  type Diagnostic,
  type Diagram,
  DiagramaError,
  isDiagramaError,
  type Limits,
  modelToScene,
  type Scene,
} from '@diagrama/core';
import { loadDiagram, locateDiagnostics } from '@diagrama/load';
import { type CharsetName, sceneToText } from '@diagrama/render-ascii';
import { sceneToSvg, type ThemeName } from '@diagrama/render-svg';

/** What to draw: box-drawing text, SVG, or both. */
export type EmbedOutput = 'text' | 'svg' | 'both';

/** Options for {@link renderModelSource}. */
export interface EmbedOptions {
  /** @default 'text' */
  output?: EmbedOutput;
  /** The text's charset. @default 'double' */
  charset?: CharsetName;
  /** The SVG's theme. @default 'light' */
  theme?: ThemeName;
  /** The name used in positions. @default '<diagram>' */
  file?: string;
  /** Limits on untrusted input; defaults to `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
}

/** A model drawn: what was asked for, and the model and scene it came from. */
export interface EmbeddedDiagram {
  diagram: Diagram;
  scene: Scene;
  /**
   * Advice on the model that does not stop it drawing (a top-level `direction` that arranges
   * boxes its lines would place, see `adviseDiagram`), located inside `source` like errors.
   */
  warnings: Diagnostic[];
  text?: string;
  svg?: string;
}

/**
 * Draws a model written as YAML or JSON text (JSON when it starts with `{`): loads and
 * validates it, lays it out and renders what `output` asks for. Throws a `DiagramaError`
 * whose diagnostics carry positions inside `source` (line 1 is its first line), so a caller
 * that knows where the text sits in a bigger document can shift them.
 */
export function renderModelSource(source: string, options: EmbedOptions = {}): EmbeddedDiagram {
  const file = options.file ?? '<diagram>';
  const limits = options.limits ?? {};
  const format = source.trimStart().startsWith('{') ? 'json' : 'yaml';
  const loaded = loadDiagram(source, { file, format, limits });
  let scene: Scene;
  try {
    scene = modelToScene(loaded.diagram, { limits });
  } catch (error) {
    if (isDiagramaError(error)) {
      throw new DiagramaError(locateDiagnostics(error.diagnostics, loaded.source));
    }
    throw error;
  }
  const output = options.output ?? 'text';
  return {
    diagram: loaded.diagram,
    scene,
    warnings: locateDiagnostics(adviseDiagram(loaded.diagram), loaded.source),
    ...(output === 'svg'
      ? {}
      : { text: sceneToText(scene, { charset: options.charset ?? 'double' }) }),
    ...(output === 'text' ? {} : { svg: sceneToSvg(scene, { theme: options.theme ?? 'light' }) }),
  };
}

/**
 * The diagnostics of an error, moved to where the model sits in a document: `line` is the
 * document line of the model's first line, `column` the column its lines start at.
 */
export function shiftDiagnostics(
  diagnostics: readonly Diagnostic[],
  at: { file?: string; line: number; column?: number },
): Diagnostic[] {
  return diagnostics.map((d) => {
    const line = (d.position?.line ?? 1) + at.line - 1;
    const column = (d.position?.column ?? 1) + (at.column ?? 1) - 1;
    return {
      ...d,
      position: {
        ...d.position,
        ...(at.file === undefined ? {} : { file: at.file }),
        line,
        column,
      },
    };
  });
}

/** The characters that cannot appear raw in HTML text or an attribute, escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** An SVG as a `data:` URL, for an `<img>` (which never runs what an SVG holds). */
export function svgDataUrl(svg: string): string {
  // TextEncoder and btoa exist in browsers and in Node alike
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
