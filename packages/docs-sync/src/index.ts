// Regenerating zones

// Safe writes and diffs
export type { AtomicWriteOptions } from './atomic-write.js';
export { describeFsError, WriteError, writeFileAtomic } from './atomic-write.js';
export type { DiffOptions } from './diff.js';
export { unifiedDiff } from './diff.js';
// Rendering model files
export type { RenderedModel, RenderModelOptions } from './render-model.js';
export { renderModelFile } from './render-model.js';
export type { SyncOptions, SyncResult } from './sync.js';
export { findMarkdownFiles, syncMarkdownFile } from './sync.js';
