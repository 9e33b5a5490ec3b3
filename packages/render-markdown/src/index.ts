// Diagram blocks
export type { MarkdownDiagram } from './diagram-block.js';
export { diagramToMarkdown } from './diagram-block.js';

// Documents
export type {
  DiagramBlock,
  DocumentBlock,
  HeadingBlock,
  MarkdownDocument,
  ParagraphBlock,
} from './document.js';
export { documentToMarkdown } from './document.js';

// Escaping
export { escapeMarkdown, fenceFor } from './escape.js';

// Zones in hand-written Markdown
export type { ParsedZones, Zone, ZoneOption } from './zones.js';
export { parseZones, replaceZones, ZONE_OPTIONS } from './zones.js';
