// Regenerating the zones of Markdown files
export type { FindOptions, SyncOptions, SyncResult } from './sync.js';
export { findMarkdownFiles, MAX_DOCUMENT_BYTES, syncMarkdownFile } from './sync.js';

// Remembering renderings between runs
export type { ZoneCache, ZoneCacheFile } from './zone-cache.js';
export { contentHash, openZoneCache, zoneKey } from './zone-cache.js';

// Rendering model files
export type { RenderedModel, RenderModelOptions } from './render-model.js';
export { renderLoaded, renderModelFile } from './render-model.js';

// Confining zones to their project
export type { ZoneModel } from './project-root.js';
export { findProjectRoot, resolveZoneModel, ZONE_MODEL_EXTENSIONS } from './project-root.js';

// Safe writes and diffs
export type { AtomicWriteOptions } from './atomic-write.js';
export { describeFsError, sweepStale, WriteError, writeFileAtomic } from './atomic-write.js';
export type { DiffOptions } from './diff.js';
export { unifiedDiff } from './diff.js';
