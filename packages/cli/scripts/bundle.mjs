// Bundles the CLI into one file so start-up does not walk dozens of modules: every command
// is in it, but the ones not asked for are only parsed, never run (esbuild's lazy module
// wrappers). One file measured faster than a render path split into eight chunks. The SVG
// and TypeScript packages (svgdom, svg.js, ts-morph) stay external and are imported only
// when their format or input is asked for.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// start clean, so no file of an earlier build is left in the package
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { diagrama: 'src/bin.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: false,
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
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __diagramaRequire } from 'node:module'; const require = __diagramaRequire(import.meta.url);",
  },
});
