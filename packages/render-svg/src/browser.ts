import type { Scene } from '@diagrama/core';
import { drawDetached, type SvgOptions } from './scene-to-svg.js';

/**
 * Renders a scene as an SVG document string with the page's own DOM (no svgdom). Same output
 * as the Node entry.
 */
export function sceneToSvg(scene: Scene, options: SvgOptions = {}): string {
  return asSvgdomWrites(drawDetached(scene, options));
}

/** A tag, its quoted attribute values skipped whole (they may hold `>`). */
const TAG = /<[^>"]*(?:"[^"]*"[^>"]*)*>/g;

/**
 * The page serialises SVG as HTML: `"` bare in text, a no-break space as `&nbsp;` — an entity
 * XML does not know, so a standalone .svg would not parse. Written as svgdom writes them, the
 * two entries give the same bytes: `&quot;` in text, the no-break space as itself.
 */
export function asSvgdomWrites(markup: string): string {
  let out = '';
  let at = 0;
  for (const tag of markup.matchAll(TAG)) {
    out += markup.slice(at, tag.index).replaceAll('"', '&quot;').replaceAll('&nbsp;', '\u00a0');
    out += tag[0].replaceAll('&nbsp;', '\u00a0');
    at = tag.index + tag[0].length;
  }
  return out + markup.slice(at).replaceAll('"', '&quot;').replaceAll('&nbsp;', '\u00a0');
}

// Options, ids and themes (the same in both entries; the browser entry never imports svgdom)
export type { SvgOptions } from './scene-to-svg.js';
export { encodeId, FONT_STACK, SANS_STACK, safeText } from './scene-to-svg.js';
export type { Palette, ThemeName } from './theme.js';
export { DARK, LIGHT, THEMES } from './theme.js';
