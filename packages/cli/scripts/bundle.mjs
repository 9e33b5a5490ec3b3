// Bundles the CLI into a few files so start-up does not walk dozens of modules: the render
// path (core, load, yaml, render-ascii) is one file; commands and heavy renderers are chunks
// loaded only when used; the SVG and TypeScript packages (svgdom, svg.js, ts-morph) stay
// external and are imported only when their format or input is asked for.
import { build } from 'esbuild';

await build({
  entryPoints: { diagrama: 'src/bin.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['@diagrama/source'],
  mainFields: ['module', 'main'],
  external: [
    '@diagrama/render-svg',
    '@diagrama/typescript',
    'svgdom',
    '@svgdotjs/svg.js',
    'ts-morph',
  ],
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __diagramaRequire } from 'node:module'; const require = __diagramaRequire(import.meta.url);",
  },
});
