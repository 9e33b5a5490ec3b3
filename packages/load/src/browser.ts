// The browser entry: everything the Node entry has but reading files (node:fs).

// Loading a model: text → a validated diagram with source positions
export type { LoadedDiagram, LoadOptions, SourceFormat } from './load.js';
export { formatFromPath } from './load.js';
export { loadDiagram } from './load-browser.js';

// Parsers with positions
export type { ParsedSource } from './json.js';
export { parseJson } from './json.js';
export { parseYamlFully as parseYaml } from './yaml.js';

// Source positions
export type { SourceMap } from './source-map.js';
export { locateDiagnostics } from './source-map.js';

// Untrusted bytes
export { decodeSource, invalidUtf8Offset } from './decode.js';
export { nestingDepth } from './depth.js';
