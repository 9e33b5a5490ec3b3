/// <reference path="./svgdom.d.ts" />
import type { Scene } from '@diagrama/core';
import { registerWindow } from '@svgdotjs/svg.js';
import { createSVGWindow } from 'svgdom';
import { drawDetached, type SvgOptions } from './scene-to-svg.js';

let window: ReturnType<typeof createSVGWindow> | undefined;

/**
 * Renders a scene as a standalone SVG document (Node, on svgdom). Pure and deterministic: the
 * same scene and options give the same bytes — ids come from model ids, never from a counter.
 * @example sceneToSvg(modelToScene(diagram), { theme: 'auto' })
 */
export function sceneToSvg(scene: Scene, options: SvgOptions = {}): string {
  if (window === undefined) {
    window = createSVGWindow();
    registerWindow(
      window as Parameters<typeof registerWindow>[0],
      window.document as Parameters<typeof registerWindow>[1],
    );
  }
  return drawDetached(scene, options);
}

// Options, ids and themes (the same in both entries; the browser entry never imports svgdom)
export type { SvgOptions } from './scene-to-svg.js';
export { encodeId, FONT_STACK, SANS_STACK, safeText } from './scene-to-svg.js';
export type { Palette, ThemeName } from './theme.js';
export { DARK, LIGHT, THEMES } from './theme.js';
