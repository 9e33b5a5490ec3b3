// Loading a model: text or a file → a validated diagram with source positions
export type { LoadedDiagram, LoadOptions, SourceFormat } from './load.js';
export { formatFromPath, loadDiagram } from './load.js';

// Parsers with positions
export type { ParsedSource } from './json.js';
export { parseJson } from './json.js';
export { parseYaml } from './yaml.js';

// Source positions
export type { SourceMap } from './source-map.js';
export { locateDiagnostics } from './source-map.js';

// Reading files (Node only: the browser entry leaves them out)
export type { ModelSource } from './file.js';
export { readModelFile, readModelSource } from './file.js';
export type { ReadFailure, ReadResult } from './read-file.js';
export { describeReadFailure, readRegularFile } from './read-file.js';

// Untrusted bytes
export { decodeSource, invalidUtf8Offset } from './decode.js';
export { nestingDepth } from './depth.js';
