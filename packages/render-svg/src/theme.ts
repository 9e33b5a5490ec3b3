import { NODE_KINDS } from '@diagrama/core';

/** The monospace stack (`font: 'mono'`, and text set in columns): every glyph takes one cell, as in text. */
export const FONT_STACK =
  'ui-monospace,SFMono-Regular,Menlo,Consolas,DejaVu Sans Mono,Liberation Mono,monospace';

/** Every kind of box, in the order their rules are written: `box` first, then the model's. */
const KIND_NAMES = ['box', ...NODE_KINDS.filter((kind) => kind !== 'box')];

/** The built-in themes; `auto` follows the reader's `prefers-color-scheme`. */
export const THEMES = ['light', 'dark', 'auto'] as const;
/** A theme name. */
export type ThemeName = (typeof THEMES)[number];

/** Colours of one palette. */
export interface Palette {
  background: string;
  text: string;
  muted: string;
  line: string;
  hostFill: string;
  hostStroke: string;
  band: string;
  /** Fill and stroke per box kind. */
  kinds: Record<
    | 'client'
    | 'api'
    | 'daemon'
    | 'database'
    | 'queue'
    | 'user'
    | 'external'
    | 'box'
    | 'stack'
    | 'layer',
    [string, string]
  >;
}

/** The light palette (GitHub-like greys, one hue per node kind). */
export const LIGHT: Palette = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  line: '#57606a',
  hostFill: '#f6f8fa',
  hostStroke: '#6e7781',
  band: '#eaeef2',
  kinds: {
    client: ['#ddf4ff', '#0969da'],
    api: ['#dafbe1', '#1a7f37'],
    daemon: ['#fbefff', '#8250df'],
    database: ['#ffebe9', '#cf222e'],
    queue: ['#d8f5f0', '#0f766e'],
    user: ['#f6f8fa', '#424a53'],
    external: ['#ffffff', '#6e7781'],
    box: ['#fff8c5', '#9a6700'],
    stack: ['#fff1e5', '#bc4c00'],
    layer: ['#fff1e5', '#bc4c00'],
  },
};

/** The dark palette, used by the `dark` theme and by `auto` when the reader prefers dark. */
export const DARK: Palette = {
  background: '#0d1117',
  text: '#e6edf3',
  muted: '#9ea7b3',
  line: '#9198a1',
  hostFill: '#1c2128',
  hostStroke: '#768390',
  band: '#2d333b',
  kinds: {
    client: ['#0c2d6b', '#4493f8'],
    api: ['#033a16', '#3fb950'],
    daemon: ['#271052', '#ab7df8'],
    database: ['#3d0c11', '#f85149'],
    queue: ['#042f2a', '#2dd4bf'],
    user: ['#161b22', '#d1d7e0'],
    external: ['#0d1117', '#8b949e'],
    box: ['#3b2300', '#d29922'],
    stack: ['#3d1300', '#db6d28'],
    layer: ['#3d1300', '#db6d28'],
  },
};

function rules(scope: string, p: Palette, used: (kind: string) => boolean): string {
  const kinds = Object.entries(p.kinds)
    .filter(([kind]) => used(kind))
    .map(
      ([kind, [fill, stroke]]) =>
        `${scope} .d-${kind}{fill:${fill};stroke:${stroke}}${scope} .d-glyph-${kind}{stroke:${stroke}}`,
    )
    .join('');
  return [
    `${scope} .d-bg{fill:${p.background}}`,
    `${scope} .d-host{fill:${p.hostFill};stroke:${p.hostStroke}}`,
    `${scope} .d-group{fill:none;stroke:${p.hostStroke}}`,
    `${scope} .d-knock{fill:${p.hostFill}}`,
    `${scope} .d-halo{stroke:${p.hostFill}}`,
    `${scope} .d-halo.d-on-page{stroke:${p.background}}`,
    `${scope} .d-band{fill:${p.band}}`,
    `${scope} .d-rule{stroke:${p.hostStroke}}`,
    `${scope} .d-line{stroke:${p.line}}`,
    `${scope} .d-arrow{fill:${p.line}}`,
    `${scope} text{fill:${p.text}}`,
    `${scope} .d-note,${scope} .d-caption,${scope} .d-badge,${scope} .d-annotation{fill:${p.muted}}`,
    `${scope} .d-glyph-host,${scope} .d-glyph-group{stroke:${p.hostStroke}}`,
    kinds,
  ].join('');
}

/**
 * The one `<style>` element's text. Every rule is scoped to the diagram's root id, so several
 * diagrams with different themes can share one HTML page.
 */
export function themeCss(
  scope: string,
  theme: ThemeName,
  font: string,
  fontSize: number,
  /** The kinds of box the diagram draws: only their rules are written. @default all */
  kinds?: ReadonlySet<string>,
  /** Whether some text is set in columns (`.d-cols`, drawn in the monospace face). */
  columns = false,
  /** The line styles the diagram draws: rules for `heavy` and `double` only when used. */
  strokes: ReadonlySet<string> = new Set(),
): string {
  const used = (kind: string): boolean => kinds === undefined || kinds.has(kind);
  const base = [
    `${scope} text{font-family:${font};font-size:${fontSize}px;white-space:pre}`,
    `${scope} .d-title{font-weight:600}`,
    ...(columns ? [`${scope} .d-cols{font-family:${FONT_STACK}}`] : []),
    `${scope} .d-halo{paint-order:stroke;stroke-width:9px;stroke-linejoin:round}`,
    `${scope} .d-note,${scope} .d-caption{font-style:italic}`,
    `${scope} .d-badge{font-size:${Math.round(fontSize * 0.8)}px;font-weight:600}`,
    `${
      [...KIND_NAMES]
        .filter(used)
        .map((k) => `${scope} .d-${k}`)
        .join(',') || `${scope} .d-box`
    }{stroke-width:1.5}`,
    `${scope} .d-heavy{stroke-width:3}`,
    `${scope} .d-dashed{stroke-dasharray:6 4}`,
    `${scope} .d-face.d-face{fill:none}`,
    `${scope} .d-cell.d-cell{fill:none;stroke:none}`,
    `${scope} .d-line{fill:none;stroke-width:1.5}`,
    ...(strokes.has('heavy') ? [`${scope} .d-line-heavy{stroke-width:3}`] : []),
    ...(strokes.has('double') ? [`${scope} .d-line-double{stroke-width:4.5}`] : []),
    `${scope} .d-glyph{fill:none;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}`,
    `${scope} .d-disc{stroke-width:1.5}`,
  ].join('');
  if (theme === 'light') return base + rules(scope, LIGHT, used);
  if (theme === 'dark') return base + rules(scope, DARK, used);
  return `${base}${rules(scope, LIGHT, used)}@media (prefers-color-scheme: dark){${rules(scope, DARK, used)}}`;
}
