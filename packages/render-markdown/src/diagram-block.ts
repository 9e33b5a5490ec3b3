import { escapeMarkdown, fenceFor } from './escape.js';

/** A rendered diagram to put in Markdown. */
export interface MarkdownDiagram {
  /** The box-drawing rendering, as `sceneToText` returns it. */
  text: string;
  /** The info string of the fence. @default 'text' */
  info?: string;
  /** An image of the diagram (its SVG), shown before the text rendering. */
  image?: { src: string; alt: string };
  /** A caption, as a paragraph below the fence. */
  caption?: string;
  /** A plain-text description for readers who cannot see box drawings. */
  description?: string;
}

/**
 * A diagram as a Markdown block: an optional image, the box-drawing text in a fence longer
 * than any backtick run inside, then the caption and the description as escaped paragraphs.
 * Ends with a newline.
 */
export function diagramToMarkdown(diagram: MarkdownDiagram): string {
  const parts: string[] = [];
  if (diagram.image) {
    const alt = escapeMarkdown(diagram.image.alt).replace(/\n/g, ' ');
    parts.push(`![${alt}](<${diagram.image.src.replace(/[<>\n]/g, encodeURIComponent)}>)\n`);
  }
  const body = diagram.text.endsWith('\n') ? diagram.text : `${diagram.text}\n`;
  const fence = fenceFor(body);
  parts.push(`${fence}${diagram.info ?? 'text'}\n${body}${fence}\n`);
  if (diagram.caption) parts.push(`${escapeMarkdown(diagram.caption)}\n`);
  if (diagram.description) {
    for (const sentence of diagram.description.split('\n')) {
      if (sentence.trim() !== '') parts.push(`${escapeMarkdown(sentence)}\n`);
    }
  }
  return parts.join('\n');
}
