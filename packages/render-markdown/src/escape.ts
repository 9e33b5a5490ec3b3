/**
 * The fence for a code block holding `content`: backticks, one more than the longest run of
 * backticks inside (at least three), so no line of the content can close it.
 * @example fenceFor('a ``` b') // '````'
 */
export function fenceFor(content: string): string {
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * Escapes text for a Markdown paragraph so it reads literally: no emphasis, links, code spans
 * or HTML can come out of it, and a line cannot start a heading, list or quote.
 * @example escapeMarkdown('<script>') // '\\<script\\>'
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/[\\`*_[\]{}<>&|~!]/g, (ch) => `\\${ch}`)
        .replace(/^(\s*)([#+\-=>])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}
