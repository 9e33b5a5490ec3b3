import { describe, expect, it } from 'vitest';
import { escapeMarkdown, fenceFor } from './escape.js';

describe('fenceFor', () => {
  it('is longer than any backtick run inside', () => {
    expect(fenceFor('plain')).toBe('```');
    expect(fenceFor('a ``` b')).toBe('````');
    expect(fenceFor('`````')).toBe('``````');
  });
});

describe('escapeMarkdown', () => {
  it('neutralises HTML, emphasis, links and line starts', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('*a* _b_ [c](d) `e`')).toBe('\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\`');
    expect(escapeMarkdown('# no heading\n- no list\n1. no item')).toBe(
      '\\# no heading\n\\- no list\n1\\. no item',
    );
  });
});
