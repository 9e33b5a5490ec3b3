import type { Scene } from '@diagrama/core';
import { drawDetached, type SvgOptions } from './scene-to-svg.js';

/**
 * Renders a scene as an SVG document string with the page's own DOM (no svgdom). Same output
 * as the Node entry.
 */
export function sceneToSvg(scene: Scene, options: SvgOptions = {}): string {
  return drawDetached(scene, options);
}

// Options, ids and themes (the same in both entries; the browser entry never imports svgdom)
export type { SvgOptions } from './scene-to-svg.js';
export { encodeId, FONT_STACK, SANS_STACK, safeText } from './scene-to-svg.js';
export type { Palette, ThemeName } from './theme.js';
export { DARK, LIGHT, THEMES } from './theme.js';
