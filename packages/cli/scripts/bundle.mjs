// Bundles the CLI into one CommonJS file, dist/bundle/diagrama.cjs, and a V8 code cache for
// it, dist/bundle/diagrama.cache (see docs/decisions/0008-code-cache.md).
//
// One file, so start-up does not resolve and link dozens of modules: every command is in
// it, but the ones not asked for are only parsed, never run (esbuild's lazy module
// wrappers). CommonJS, so bin/diagrama.cjs can compile it with vm.Script and V8 cached data
// (Node 20 has no compile cache for ES modules). The SVG and TypeScript packages (svgdom,
// svg.js, ts-morph) stay external and are imported only when their format or input is
// asked for; the SVG renderer has a bundle and a cache of its own (below).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const EXTERNAL = [
  '@diagrama/render-svg',
  '@diagrama/render-png',
  '@diagrama/export',
  // box art is read only by `diagrama import`
  '@diagrama/import',
  '@resvg/resvg-js',
  '@diagrama/typescript',
  'svgdom',
  '@svgdotjs/svg.js',
  'ts-morph',
  // the file watcher, imported only by `docs --watch`
  'chokidar',
  // required at run time only when a model is not plain YAML (the lazy-yaml plugin below)
  'yaml',
];
const OUT = 'dist/bundle/diagrama.cjs';
/** What the bin passes the bundle (bin/diagrama.cjs calls it with these, in this order). */
const PARAMETERS =
  'exports, require, module, __filename, __dirname, __diagramaUrl, __diagramaImport';
const CACHE = 'dist/bundle/diagrama.cache';

// start clean, so no file of an earlier build is left in the package
rmSync('dist/bundle', { recursive: true, force: true });

/**
 * `@diagrama/load` imports the `yaml` package like any library. Plain model YAML never needs
 * it (load's own reader takes it), and requiring it costs every run about a millisecond, so
 * the bundle gives load a stand-in that requires the package on first use. The names are
 * listed: one load starts to import that is not here stops the build.
 */
const lazyYaml = {
  name: 'lazy-yaml',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, (args) =>
      args.namespace === 'lazy-yaml' ? undefined : { path: 'yaml', namespace: 'lazy-yaml' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, () => ({
      resolveDir: process.cwd(),
      loader: 'js',
      contents: `
        let yaml;
        const get = () => (yaml ??= require('yaml'));
        export const isAlias = (node) => get().isAlias(node);
        export const isMap = (node) => get().isMap(node);
        export const isPair = (node) => get().isPair(node);
        export const isScalar = (node) => get().isScalar(node);
        export const isSeq = (node) => get().isSeq(node);
        export const parseAllDocuments = (...args) => get().parseAllDocuments(...args);
        export class LineCounter {
          constructor() {
            return new (get().LineCounter)();
          }
        }
      `,
    }));
  },
};

const result = await build({
  plugins: [lazyYaml],
  entryPoints: ['src/entry.ts'],
  outfile: OUT,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  conditions: ['@diagrama/source'],
  mainFields: ['module', 'main'],
  external: EXTERNAL,
  // the bin passes the bundle's own URL in (CommonJS has no import.meta)
  define: { 'import.meta.url': '__diagramaUrl' },
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});

// V8 drops the dynamic-import callback of a script compiled from cached data (Node 20), so
// the bundle imports its external packages through a function the bin passes in. Every
// import() left in the bundle must be of an external package, or the build stops.
const IMPORT_CALL = /\bimport\((["'])([^"']+)\1\)/g;
let code = result.outputFiles[0].text;
const imports = [...code.matchAll(IMPORT_CALL)].map((m) => m[2]);
const unexpected = imports.filter((specifier) => !EXTERNAL.includes(specifier));
if (unexpected.length > 0 || /\bimport\((?!["'])/.test(code)) {
  throw new Error(
    `bundle: unexpected import() in the bundle: ${unexpected.join(', ') || 'a computed one'}`,
  );
}
// The bin runs the bundle as a function body: it must be strict, as its ES modules were.
if (!code.startsWith('"use strict";')) throw new Error('bundle: expected a "use strict" bundle');
code = code.replace(IMPORT_CALL, '__diagramaImport($1$2$1)');

/**
 * Writes a bundle as the function the bin compiles and calls with the module's variables,
 * ready to hand to V8 as it is, and returns the build's name. ASCII only (esbuild escapes
 * strings, not regular expressions): the bin reads the file as Latin-1, a plain copy, and V8
 * keeps it as a one-byte string. The first line names the build; the bin uses a cache only
 * when it names the same one (V8 itself only compares the source's length).
 */
function writeBundle(out, body, parameters) {
  const nonAscii = /[^\x00-\x7f]/.exec(body);
  if (nonAscii) {
    throw new Error(
      `bundle: a non-ASCII character in ${out}: ${body.slice(nonAscii.index - 40, nonAscii.index + 10)}`,
    );
  }
  const name = createHash('sha256').update(body).digest('hex').slice(0, 32);
  mkdirSync('dist/bundle', { recursive: true });
  writeFileSync(out, `// diagrama build ${name}\n0, function (${parameters}) {${body}\n}\n`);
  return name;
}
const id = writeBundle(OUT, code, PARAMETERS);

// The SVG renderer is a bundle of its own, dist/bundle/svg.cjs, with its own code cache:
// imported cold, svgdom and svg.js cost a render about 150 ms, most of it svgdom loading
// fontkit (to measure text) and image-size (for <img>), which a diagram never asks for. The
// bundle holds @diagrama/render-svg, svg.js, svgdom and sax, compiled from V8's cache like
// the CLI's; fontkit and image-size are stand-ins that require the real packages, from
// svgdom's own folder, the first time svgdom calls them (docs/decisions/0015).
const SVG_OUT = 'dist/bundle/svg.cjs';
const SVG_CACHE = 'dist/bundle/svg.cache';
const SVG_PARAMETERS = 'exports, require, module, __filename, __dirname';
/** Where svgdom is, at run time: found from the renderer the CLI depends on. */
const SVGDOM_HOME = `(() => {
  const { createRequire } = require('node:module');
  const renderer = require.resolve('@diagrama/render-svg');
  return createRequire(createRequire(renderer).resolve('svgdom'));
})()`;
const lazySvgdomParts = {
  name: 'lazy-svgdom-parts',
  setup(b) {
    b.onResolve({ filter: /^(fontkit|image-size)$/ }, (args) => ({
      path: args.path,
      namespace: 'svgdom-part',
    }));
    b.onLoad({ filter: /^fontkit$/, namespace: 'svgdom-part' }, () => ({
      loader: 'js',
      contents: `
        let fontkit;
        export const openSync = (...args) => (fontkit ??= __svgdomHome().require('fontkit')).openSync(...args);
      `,
    }));
    b.onLoad({ filter: /^image-size$/, namespace: 'svgdom-part' }, () => ({
      loader: 'js',
      contents: `
        let sizeOf;
        export default (...args) => {
          sizeOf ??= __svgdomHome().require('image-size');
          return (sizeOf.default ?? sizeOf)(...args);
        };
      `,
    }));
    // svgdom finds its fonts folder from its own URL: the real one, not the bundle's
    b.onLoad({ filter: /svgdom[\\/]src[\\/]utils[\\/]defaults\.js$/ }, (args) => ({
      loader: 'js',
      contents: readFileSync(args.path, 'utf8').replace(
        'import.meta.url',
        "require('node:url').pathToFileURL(__svgdomHome().resolve('svgdom')).href",
      ),
    }));
  },
};
const svgResult = await build({
  plugins: [lazySvgdomParts],
  stdin: {
    contents: "export * from '@diagrama/render-svg';",
    resolveDir: process.cwd(),
    loader: 'js',
  },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  conditions: ['@diagrama/source'],
  // comments dropped (svgdom's hold non-ASCII text; the bin reads the file as Latin-1)
  minifyWhitespace: true,
  banner: {
    js: `let __svgdomHomeCache; const __svgdomHome = () => (__svgdomHomeCache ??= ${SVGDOM_HOME});`,
  },
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});
const svgCode = svgResult.outputFiles[0].text;
if (/\bimport\(/.test(svgCode)) throw new Error('bundle: an import() in the SVG bundle');
if (/import\.meta/.test(svgCode)) throw new Error('bundle: import.meta in the SVG bundle');
const svgId = writeBundle(SVG_OUT, svgCode, SVG_PARAMETERS);

// Warm-up: run the commands people run most (render to text and Markdown, from a file and
// from standard input) in this process, then save V8's code for every function they
// compiled. A Node with another V8 rejects the cache and compiles as usual.
const require = createRequire(import.meta.url);
const { compileBundle } = require('../bin/diagrama.cjs');
const { script, exports, svgScript } = compileBundle({ cache: false });
const model = 'scripts/warm-up.yaml';
const sink = {
  stdout: { write: () => true },
  stderr: { write: (text) => process.stderr.write(text) },
  readStdinBytes: async () => readFileSync(model),
  env: {},
};
for (const argv of [
  ['render', model, '--format', 'ascii'],
  ['render', model, '--format', 'md', '--charset', 'single'],
  ['render', '-'],
  ['render', model, '--format', 'svg'],
]) {
  const status = await exports.main(argv, sink);
  if (status !== 0)
    throw new Error(`bundle: warm-up run failed (exit ${status}): ${argv.join(' ')}`);
}
writeFileSync(CACHE, Buffer.concat([Buffer.from(`${id}\n`), script.createCachedData()]));
const svg = svgScript();
if (svg === undefined) throw new Error('bundle: the warm-up did not load the SVG bundle');
writeFileSync(SVG_CACHE, Buffer.concat([Buffer.from(`${svgId}\n`), svg.createCachedData()]));
