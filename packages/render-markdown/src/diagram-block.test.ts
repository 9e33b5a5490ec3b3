import { describe, expect, it } from 'vitest';
import { diagramToMarkdown } from './diagram-block.js';
import { documentToMarkdown } from './document.js';

describe('diagramToMarkdown', () => {
  it('fences the text so that a label with backticks cannot close it', () => {
    const markdown = diagramToMarkdown({ text: '║ ``` ║\n' });
    expect(markdown).toBe('````text\n║ ``` ║\n````\n');
  });

  it('adds an image, a caption and a description, escaped', () => {
    const markdown = diagramToMarkdown({
      text: 'x\n',
      info: '',
      image: { src: 'img/a b.svg', alt: 'A <b>' },
      caption: 'Read-only <i>layers</i>',
      description: 'One.\nTwo.',
    });
    expect(markdown).toBe(
      '![A \\<b\\>](<img/a b.svg>)\n\n```\nx\n```\n\nRead-only \\<i\\>layers\\</i\\>\n\nOne.\n\nTwo.\n',
    );
  });
});

describe('documentToMarkdown', () => {
  it('separates blocks by one blank line unless a block asks otherwise', () => {
    const markdown = documentToMarkdown({
      blocks: [
        { kind: 'heading', depth: 1, text: 'Title' },
        { kind: 'diagram', text: 'box\n', info: '', blankLinesBefore: 0 },
        { kind: 'paragraph', text: 'Words.' },
        { kind: 'heading', depth: 2, text: 'Empty', blankLinesBefore: 2 },
      ],
    });
    expect(markdown).toBe('# Title\n```\nbox\n```\n\nWords.\n\n\n## Empty\n');
  });
});
