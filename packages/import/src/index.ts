// Importing hand-drawn box art
export type { ImportOptions, ImportResult, ImportWarning, KindGuess } from './recognise.js';
export { importDrawing } from './recognise.js';
// Reproducing a drawing exactly
export type { DrawnCharset, RenderText } from './exact.js';
// Finding drawings in Markdown
export type { ArtBlock } from './markdown.js';
export { findArtBlocks, isBoxArt } from './markdown.js';
// Writing the model
export type { ModelFormat } from './emit.js';
export { MODEL_FORMATS, writeModel } from './emit.js';
// Finding drawings in source code, and in any file by what it is
export type { CommentBlock, FoundDrawing } from './comments.js';
export { findCommentBlocks, findDrawings, isSourceFile } from './comments.js';
