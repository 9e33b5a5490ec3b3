import type { HeadingBlock, ParagraphBlock } from '@diagrama/render-markdown';

/** A diagram in a source document: a model file, rendered when the document is written. */
export interface ModelBlock {
  kind: 'model';
  /** The model file, relative to the repository root. */
  model: string;
  /** The fence's info string. @default 'text' */
  info?: string;
  /** Blank lines before the block. @default 1 */
  blankLinesBefore?: number;
}

/**
 * A document the docs app writes whole: prose as text, diagrams as model files. The user's
 * words are content and stay exactly as written, typos included.
 */
export interface SourceDocument {
  /** The Markdown file written, relative to the repository root. */
  output: string;
  blocks: (HeadingBlock | ParagraphBlock | ModelBlock)[];
}
