#!/usr/bin/env node
'use strict';
// Starts the bundled CLI with V8's code cache from the build (docs/decisions/0008): most of
// a render is start-up, and compiling the bundle is most of what start-up adds to Node's own.
// Plain CommonJS with Node's built-in modules only, so nothing is resolved before the bundle.

const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'diagrama.cjs');
const CACHE = join(__dirname, '..', 'dist', 'bundle', 'diagrama.cache');
// the SVG renderer with svgdom and svg.js, and its own cache (docs/decisions/0015)
const SVG_BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'svg.cjs');
const SVG_CACHE = join(__dirname, '..', 'dist', 'bundle', 'svg.cache');

/** The cache's bytes when it was made for this very bundle (its first line names the build). */
function cacheFor(code, file) {
  const header = /^\/\/ diagrama build ([0-9a-f]+)\n/.exec(code);
  if (header === null) return undefined;
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const stamp = Buffer.from(`${header[1]}\n`);
  return bytes.subarray(0, stamp.length).equals(stamp) ? bytes.subarray(stamp.length) : undefined;
}

/**
 * Compiles a bundle's code with its cache file's code when that was made for it, and says
 * what became of the cache: `accepted`, `rejected` (another V8, or other flags) or `none`.
 * The file is `0, function (exports, require, module, …) {…}`, written so by the build: not
 * parenthesised, as V8 compiles a parenthesised function eagerly, whole; this way only what
 * runs is compiled (and cached).
 */
function compile(code, filename, cacheFile) {
  const cachedData = cacheFile === undefined ? undefined : cacheFor(code, cacheFile);
  const script = new Script(code, {
    filename,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const codeCache =
    cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { script, codeCache };
}

/**
 * Compiles and runs the bundle's module code and returns its exports, with the script (so
 * the build can save its code cache) and what became of the cache: `accepted`, `rejected`
 * (another V8, or other flags) or `none`.
 */
function compileBundle({ cache = true } = {}) {
  let code;
  try {
    // ASCII by construction (the build checks), so Latin-1 reads it as a plain copy
    code = readFileSync(BUNDLE, 'latin1');
  } catch (error) {
    if (require.main !== module || error?.code !== 'ENOENT') throw error;
    process.stderr.write(
      `diagrama: error[internal]: ${BUNDLE} is missing; build the CLI first (pnpm build)\n`,
    );
    process.exit(70);
  }
  const { script, codeCache } = compile(code, BUNDLE, cache ? CACHE : undefined);
  const bundle = { exports: {} };
  let svg;
  // in the order of PARAMETERS in scripts/bundle.mjs
  script.runInThisContext()(
    bundle.exports,
    createRequire(BUNDLE),
    bundle,
    BUNDLE,
    join(BUNDLE, '..'),
    pathToFileURL(BUNDLE).href,
    (specifier) => {
      if (specifier !== '@diagrama/render-svg') return import(specifier);
      svg ??= compileSvg(cache);
      return Promise.resolve(svg.exports);
    },
  );
  return { script, exports: bundle.exports, codeCache, svgScript: () => svg?.script };
}

/**
 * Compiles and runs the SVG renderer's bundle (svg.js and svgdom in it) from its code cache,
 * as the CLI's own; without the bundle (a package built by hand), the renderer itself.
 */
function compileSvg(cache) {
  let code;
  try {
    code = readFileSync(SVG_BUNDLE, 'latin1');
  } catch {
    return { exports: import('@diagrama/render-svg') };
  }
  const { script, codeCache } = compile(code, SVG_BUNDLE, cache ? SVG_CACHE : undefined);
  if (process.env.DIAGRAMA_DEBUG_CODE_CACHE === '1')
    process.stderr.write(`svg code cache: ${codeCache}\n`);
  const bundle = { exports: {} };
  // in the order of SVG_PARAMETERS in scripts/bundle.mjs
  script.runInThisContext()(
    bundle.exports,
    createRequire(SVG_BUNDLE),
    bundle,
    SVG_BUNDLE,
    join(SVG_BUNDLE, '..'),
  );
  return { script, exports: bundle.exports };
}

if (require.main === module) {
  const { exports, codeCache } = compileBundle();
  if (process.env.DIAGRAMA_DEBUG_CODE_CACHE === '1')
    process.stderr.write(`code cache: ${codeCache}\n`);
  exports.runProcess();
} else {
  module.exports = { compileBundle };
}
