import { gzipSync } from 'node:zlib';
import { bundleForBrowser } from '../../../test/browser-entry/bundle.mjs';

/**
 * What a page downloads to draw a model, as a page's bundler would build it: the text path
 * (load with YAML, core, render-ascii, render-markdown) and the SVG path (load, core and
 * render-svg's browser entry, with svg.js), minified, then gzipped at level 9. The entries are
 * test/browser-entry/*.ts, which the browser test runs in Chromium.
 */
export const BUNDLE_BUDGET = { text: 95_000, svg: 125_000 };

export async function bundleSizes() {
  const out = {};
  for (const entry of ['text', 'svg']) {
    const code = new TextEncoder().encode(await bundleForBrowser(entry, { minify: true }));
    out[entry] = { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
  }
  return out;
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

export function printBundleSizes(sizes) {
  console.log('\n8. Browser bundles (minified, gzipped; budget):');
  for (const [entry, s] of Object.entries(sizes)) {
    const budget = BUNDLE_BUDGET[entry];
    console.log(
      `  ${entry.padEnd(5)} ${kb(s.minified).padStart(10)} ${kb(s.gzipped).padStart(10)}  ≤ ${kb(budget)} ${s.gzipped <= budget ? 'met' : 'NOT MET'}`,
    );
  }
}
