import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkDiagrama, { type RemarkDiagramaOptions } from './index.js';

const pipeline = (options?: RemarkDiagramaOptions) =>
  unified().use(remarkParse).use(remarkDiagrama, options).use(remarkRehype).use(rehypeStringify);

const page = [
  '# Title',
  '',
  'Some text.',
  '',
  '```diagrama',
  'nodes:',
  '  - { kind: api, label: "<b>Rest</b> API" }',
  '```',
  '',
  '```js',
  'let x = 1;',
  '```',
  '',
].join('\n');

describe('remarkDiagrama in unified + remark-parse + remark-rehype + rehype-stringify', () => {
  it('replaces a diagrama block by its text drawing and leaves other code alone', async () => {
    const file = await pipeline().process(page);
    const html = String(file);
    expect(html).toContain('<pre class="diagrama"><code>╔');
    expect(html).toContain('&#x3C;b>Rest&#x3C;/b> API');
    expect(html).not.toContain('<b>Rest</b>');
    expect(html).toContain('<code class="language-js">let x = 1;');
    expect(file.messages).toEqual([]);
  });

  it('draws the SVG as an img, or both in a figure', async () => {
    const svg = String(await pipeline({ output: 'svg' }).process(page));
    expect(svg).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="[^"]*">/);
    const both = String(await pipeline({ output: 'both', charset: 'ascii' }).process(page));
    expect(both).toMatch(
      /<figure class="diagrama"><img src="data:[^"]+" alt="[^"]*"><pre class="diagrama"><code>\+/,
    );
  });

  it('reports a bad model at its line in the document and keeps the block', async () => {
    const bad = [
      'Intro',
      '',
      '```diagrama',
      'nodes:',
      '  - { kind: server, label: X }',
      '```',
      '',
    ].join('\n');
    const file = await pipeline().process({ path: 'docs/page.md', value: bad });
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({
      ruleId: 'model/unknown-kind',
      source: 'diagrama',
      line: 5,
      fatal: false,
    });
    expect(String(file)).toContain('<code class="language-diagrama">nodes:');
    await expect(pipeline({ fatal: true }).process(bad)).rejects.toThrow(/server/);
  });

  it('reports advice at its line and still draws the block, fatal or not', async () => {
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
    for (const fatal of [false, true]) {
      const file = await pipeline({ fatal }).process({ path: 'docs/page.md', value: advised });
      expect(file.messages).toHaveLength(1);
      expect(file.messages[0]).toMatchObject({
        ruleId: 'model/direction-is-arrangement',
        source: 'diagrama',
        line: 4,
        fatal: false,
      });
      expect(String(file)).toContain('<pre class="diagrama"><code>');
    }
  });
});
