import { diagramToMarkdown, type MarkdownDiagram } from './diagram-block.js';

interface BlockBase {
  /** Blank lines before the block (the first block ignores it). @default 1 */
  blankLinesBefore?: number;
}

/** A heading. */
export interface HeadingBlock extends BlockBase {
  kind: 'heading';
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  text: string;
}

/** A paragraph of Markdown, written as given. */
export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph';
  text: string;
}

/** A rendered diagram. */
export interface DiagramBlock extends BlockBase, MarkdownDiagram {
  kind: 'diagram';
}

/** A block of a Markdown document. */
export type DocumentBlock = HeadingBlock | ParagraphBlock | DiagramBlock;

/** A whole Markdown document: blocks in order. */
export interface MarkdownDocument {
  blocks: DocumentBlock[];
}

type Handler<B> = (block: B) => string;

/** One writer per block kind. */
const WRITE: { [K in DocumentBlock['kind']]: Handler<Extract<DocumentBlock, { kind: K }>> } = {
  heading: (block) => `${'#'.repeat(block.depth)} ${block.text}\n`,
  paragraph: (block) => `${block.text.replace(/\n+$/, '')}\n`,
  diagram: (block) => diagramToMarkdown(block),
};

/**
 * A document model → a whole Markdown file. Blocks are separated by one blank line unless a
 * block asks for another number (to reproduce a hand-written file exactly). Ends with a newline.
 */
export function documentToMarkdown(document: MarkdownDocument): string {
  return document.blocks
    .map((block, index) => {
      const write = WRITE[block.kind] as Handler<DocumentBlock> | undefined;
      if (write === undefined) throw new Error(`unknown document block kind ${String(block.kind)}`);
      const blank = index === 0 ? 0 : (block.blankLinesBefore ?? 1);
      return '\n'.repeat(blank) + write(block);
    })
    .join('');
}
