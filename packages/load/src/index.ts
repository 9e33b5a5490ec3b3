// Loading

// Untrusted bytes
export { decodeSource, invalidUtf8Offset } from './decode.js';
export { nestingDepth } from './depth.js';
// Parsers with positions
export type { ParsedSource } from './json.js';
export { parseJson } from './json.js';
export type { LoadedDiagram, LoadOptions, SourceFormat } from './load.js';
export { formatFromPath, loadDiagram, readModelFile } from './load.js';
// Reading files
export type { ReadFailure, ReadResult } from './read-file.js';
export { describeReadFailure, readRegularFile } from './read-file.js';
// Source positions
export type { SourceMap } from './source-map.js';
export { locateDiagnostics } from './source-map.js';
export { parseYaml } from './yaml.js';
