// What the playground holds and draws, apart from the page: the state a URL shares, and the
// drawing of a model with its problems at their lines. Pure functions, tested in Node.
import { adviseDiagram, type Diagnostic, DiagramaError, modelToScene } from '@diagrama/core';
import { loadDiagram, locateDiagnostics } from '@diagrama/load';
import { CHARSET_NAMES, type CharsetName, sceneToText } from '@diagrama/render-ascii';
import { sceneToSvg, type ThemeName } from '@diagrama/render-svg';

export const THEME_NAMES: readonly ThemeName[] = ['light', 'dark', 'auto'];

/** Everything a shared link restores. */
export interface PlaygroundState {
  model: string;
  charset: CharsetName;
  theme: ThemeName;
}

/** A problem of the model, where the editor shows it. */
export interface Problem {
  code: string;
  message: string;
  /** Advice on a model that draws (see `adviseDiagram`) rather than an error. */
  warning?: true;
  line?: number;
  column?: number;
}

export interface Drawing {
  text?: string;
  svg?: string;
  problems: Problem[];
}

/**
 * Draws a model's source as text and SVG, or says what is wrong with it and where; advice on
 * a model that draws comes with the drawing, as problems marked `warning`.
 */
export function draw(state: PlaygroundState): Drawing {
  try {
    const { diagram, source } = loadDiagram(state.model, { file: 'model.yaml' });
    const scene = modelToScene(diagram);
    return {
      text: sceneToText(scene, { charset: state.charset }),
      svg: sceneToSvg(scene, { theme: state.theme }),
      problems: locateDiagnostics(adviseDiagram(diagram), source).map((d) => ({
        ...problemOf(d),
        warning: true,
      })),
    };
  } catch (error) {
    if (!(error instanceof DiagramaError)) throw error;
    return { problems: error.diagnostics.map(problemOf) };
  }
}

const problemOf = (d: Diagnostic): Problem => ({
  code: d.code,
  message: d.expected ? `${d.message}; expected ${d.expected}` : d.message,
  ...(d.position ? { line: d.position.line, column: d.position.column } : {}),
});

// base64url of UTF-8, so any model survives a URL's fragment
const toBase64Url = (text: string): string => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (encoded: string): string => {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(binary, (ch) => ch.charCodeAt(0)),
  );
};

/** The URL fragment that restores a state: `#m=<model>&c=<charset>&t=<theme>`. */
export function toHash(state: PlaygroundState): string {
  const params = new URLSearchParams({
    m: toBase64Url(state.model),
    c: state.charset,
    t: state.theme,
  });
  return `#${params.toString()}`;
}

/** The state a URL fragment holds, or nothing when it holds none (or not one of ours). */
export function fromHash(hash: string): PlaygroundState | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const m = params.get('m');
  if (m === null) return undefined;
  let model: string;
  try {
    model = fromBase64Url(m);
  } catch {
    return undefined;
  }
  const c = params.get('c');
  const t = params.get('t');
  return {
    model,
    charset: CHARSET_NAMES.includes(c as CharsetName) ? (c as CharsetName) : 'double',
    theme: THEME_NAMES.includes(t as ThemeName) ? (t as ThemeName) : 'light',
  };
}
