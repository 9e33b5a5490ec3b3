// Bundles an entry of this folder as a page's bundler would: the `browser` export condition,
// ES modules, no Node built-in (one fails the build). Used by test/browser-build.test.ts and
// by the benchmark's size check (apps/bench/src/bundle-size.mjs).
import { build } from 'esbuild';

/** The bundled code of `text.ts` or `svg.ts`, minified when asked. */
export async function bundleForBrowser(entry, { minify = false } = {}) {
  const result = await build({
    entryPoints: [new URL(`./${entry}.ts`, import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['browser', '@diagrama/source'],
    minify,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
