import { createRequire } from 'node:module';
import type { Scene } from '@diagrama/core';
import { sceneToSvg, type SvgOptions } from '@diagrama/render-svg';
import { Resvg } from '@resvg/resvg-js';

/** Options for {@link sceneToPng}: the SVG's, and the scale of the raster. */
export interface PngOptions extends SvgOptions {
  /** Pixels per SVG pixel: 2 for screens that double them. @default 2 */
  scale?: number;
}

/** The fonts every PNG is drawn with, shipped with the package: no machine's fonts are used. */
const FONT_FILES = [
  'DejaVuSans.ttf',
  'DejaVuSans-Bold.ttf',
  'DejaVuSans-Oblique.ttf',
  'DejaVuSansMono.ttf',
  'DejaVuSansMono-Bold.ttf',
];

let fontFiles: string[] | undefined;
function pinnedFonts(): string[] {
  if (fontFiles === undefined) {
    const require = createRequire(import.meta.url);
    fontFiles = FONT_FILES.map((name) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
  }
  return fontFiles;
}

/**
 * Draws a scene as a PNG: its SVG (see `sceneToSvg`) rasterised by resvg with the DejaVu
 * fonts pinned in this package and the system's fonts left out, so two renders of one scene
 * give the same bytes on any machine. Characters DejaVu lacks (CJK, emoji) show as boxes:
 * use the SVG, where the viewer's fonts draw them.
 */
export function sceneToPng(scene: Scene, options: PngOptions = {}): Uint8Array {
  const scale = options.scale ?? 2;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 16)) {
    throw new RangeError(`scale must be a number above 0 and at most 16, not ${scale}`);
  }
  const { scale: _scale, ...svgOptions } = options;
  const svg = sceneToSvg(scene, svgOptions);
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: pinnedFonts(),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans Mono',
    },
  })
    .render()
    .asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
