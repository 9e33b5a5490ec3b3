import { isDiagramaError } from '@diagrama/core';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import markdownItDiagrama from './index.js';

const page = [
  '# Title',
  '',
  '```diagrama',
  'nodes:',
  '  - { kind: api, label: "<img src=x onerror=alert(1)>" }',
  '```',
  '',
  '```js',
  'let x = 1;',
  '```',
  '',
].join('\n');

describe('markdownItDiagrama in markdown-it', () => {
  it('renders a diagrama fence as text, escaped, and leaves other fences alone', () => {
    const html = new MarkdownIt().use(markdownItDiagrama).render(page);
    expect(html).toContain('<pre class="diagrama"><code>╔');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<code class="language-js">let x = 1;');
  });

  it('inlines the SVG, or puts it in an img, or both in a figure', () => {
    const inline = new MarkdownIt().use(markdownItDiagrama, { output: 'svg' }).render(page);
    expect(inline).toMatch(/<svg[^>]*>/);
    expect(inline).not.toContain('<img src=x');
    const img = new MarkdownIt()
      .use(markdownItDiagrama, { output: 'svg', svg: 'img' })
      .render(page);
    expect(img).toMatch(/<img src="data:image\/svg\+xml;base64,/);
    const both = new MarkdownIt().use(markdownItDiagrama, { output: 'both' }).render(page);
    expect(both).toMatch(/<figure class="diagrama">\n<svg[\s\S]*<\/svg>\n<pre class="diagrama">/);
  });

  it('renders an error block at the document line, or throws with it', () => {
    const bad = [
      'Intro',
      '',
      '```diagrama',
      'nodes:',
      '  - { kind: server, label: X }',
      '```',
      '',
    ].join('\n');
    const html = new MarkdownIt().use(markdownItDiagrama, { file: 'page.md' }).render(bad);
    expect(html).toMatch(
      /<pre class="diagrama-error"><code>page\.md:5:\d+: error\[model\/unknown-kind\]/,
    );
    let caught: unknown;
    try {
      new MarkdownIt().use(markdownItDiagrama, { onError: 'throw' }).render(bad);
    } catch (error) {
      caught = error;
    }
    expect(isDiagramaError(caught)).toBe(true);
    expect(
      (caught as { diagnostics: { position?: { line: number } }[] }).diagnostics[0]?.position?.line,
    ).toBe(5);
  });

  it('hands advice to onWarning at its document line and draws the block', () => {
    const advised = [
      'Intro',
      '',
      '```diagrama',
      'direction: right',
      'nodes: [{ id: a, label: A }, { id: b, label: B }, { id: c, label: C }]',
      'connections: [{ from: a, to: c }]',
      '```',
      '',
    ].join('\n');
    const warnings: { code: string; line: number | undefined }[] = [];
    const html = new MarkdownIt()
      .use(markdownItDiagrama, {
        file: 'page.md',
        onWarning: (w) => warnings.push({ code: w.code, line: w.position?.line }),
      })
      .render(advised);
    expect(warnings).toEqual([{ code: 'model/direction-is-arrangement', line: 4 }]);
    expect(html).toContain('<pre class="diagrama"><code>');
    // without a callback the page is the same
    expect(new MarkdownIt().use(markdownItDiagrama, { file: 'page.md' }).render(advised)).toBe(
      html,
    );
  });
});
