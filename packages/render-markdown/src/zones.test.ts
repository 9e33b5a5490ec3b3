import { describe, expect, it } from 'vitest';
import { parseZones, replaceZones } from './zones.js';

const doc = (eol: string) =>
  [
    '# T',
    '<!-- diagrama:start a.yaml charset=rounded -->',
    'old',
    '<!-- diagrama:end -->',
    'after',
    '',
  ].join(eol);

describe('parseZones', () => {
  it('finds zones, their options and content', () => {
    const parsed = parseZones(doc('\n'));
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.zones).toEqual([
      {
        model: 'a.yaml',
        options: { charset: 'rounded' },
        startLine: 2,
        endLine: 4,
        content: 'old\n',
      },
    ]);
  });

  it('ignores markers inside fenced code blocks', () => {
    const text = '````md\n<!-- diagrama:start x.yaml -->\n<!-- diagrama:oops -->\n````\n';
    expect(parseZones(text)).toMatchObject({ zones: [], diagnostics: [] });
  });

  it('ignores markers in indented code and in <pre>, <script>, <style> and <textarea>', () => {
    const text = [
      'Text:',
      '',
      '    <!-- diagrama:start x.yaml -->',
      '    <!-- diagrama:end -->',
      '',
      '\t<!-- diagrama:start x.yaml -->',
      '<pre>',
      '<!-- diagrama:start x.yaml -->',
      '<!-- diagrama:oops -->',
      '</pre>',
      '<PRE class="x"><!-- diagrama:end --></pre>',
      '<textarea>',
      '<!-- diagrama:end -->',
      '</textarea>',
      '   <!-- diagrama:start real.yaml -->',
      '<!-- diagrama:end -->',
      '',
    ].join('\n');
    const parsed = parseZones(text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.zones.map((z) => [z.model, z.startLine])).toEqual([['real.yaml', 15]]);
  });

  it('reads a model path with spaces in quotes or with %20, and quoted option values', () => {
    const text = [
      '<!-- diagrama:start "my models/a b.yaml" caption="Two words" -->',
      '<!-- diagrama:end -->',
      "<!-- diagrama:start 'my models/c.yaml' charset=ascii -->",
      '<!-- diagrama:end -->',
      '<!-- diagrama:start my%20models/d.yaml -->',
      '<!-- diagrama:end -->',
      '',
    ].join('\n');
    const parsed = parseZones(text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.zones.map((z) => [z.model, z.options])).toEqual([
      ['my models/a b.yaml', { caption: 'Two words' }],
      ['my models/c.yaml', { charset: 'ascii' }],
      ['my models/d.yaml', {}],
    ]);
  });

  it('reports a quote never closed and a bad percent escape', () => {
    expect(
      parseZones('<!-- diagrama:start "a b.yaml -->\n<!-- diagrama:end -->\n').diagnostics[0],
    ).toMatchObject({ code: 'zone/syntax', position: { line: 1 } });
    expect(
      parseZones('<!-- diagrama:start a%zz.yaml -->\n<!-- diagrama:end -->\n').diagnostics[0],
    ).toMatchObject({ code: 'zone/syntax', message: expect.stringContaining('%') });
  });

  it.each([
    ['unbalanced start', '<!-- diagrama:start a.yaml -->\n', 'zone/unbalanced', 1],
    ['unbalanced end', 'x\n<!-- diagrama:end -->\n', 'zone/unbalanced', 2],
    [
      'nested',
      '<!-- diagrama:start a.yaml -->\n<!-- diagrama:start b.yaml -->\n<!-- diagrama:end -->\n',
      'zone/nested',
      2,
    ],
    ['unknown marker', '<!-- diagrama:begin a.yaml -->\n', 'zone/unknown-marker', 1],
    [
      'unknown option',
      '<!-- diagrama:start a.yaml colour=red -->\n<!-- diagrama:end -->\n',
      'zone/unknown-option',
      1,
    ],
    ['missing model', '<!-- diagrama:start -->\n<!-- diagrama:end -->\n', 'zone/missing-model', 1],
  ])('reports %s with its line', (_, text, code, line) => {
    expect(parseZones(text).diagnostics[0]).toMatchObject({ code, position: { line } });
  });
});

describe('replaceZones', () => {
  it('rewrites only the zones, is idempotent, keeps LF', () => {
    const once = replaceZones(parseZones(doc('\n')), () => '```\nnew\n```\n');
    expect(once).toBe(
      '# T\n<!-- diagrama:start a.yaml charset=rounded -->\n```\nnew\n```\n<!-- diagrama:end -->\nafter\n',
    );
    expect(replaceZones(parseZones(once), () => '```\nnew\n```\n')).toBe(once);
  });

  it('keeps CRLF line endings and a BOM', () => {
    const text = `\ufeff${doc('\r\n')}`;
    const out = replaceZones(parseZones(text), () => 'a\nb\n');
    expect(out).toBe(
      '\ufeff# T\r\n<!-- diagrama:start a.yaml charset=rounded -->\r\na\r\nb\r\n<!-- diagrama:end -->\r\nafter\r\n',
    );
  });

  it('keeps a file without a final newline that way', () => {
    const text = '<!-- diagrama:start a.yaml -->\n<!-- diagrama:end -->';
    expect(replaceZones(parseZones(text), () => 'x\n')).toBe(
      '<!-- diagrama:start a.yaml -->\nx\n<!-- diagrama:end -->',
    );
  });

  it('refuses a file whose markers have problems', () => {
    expect(() => replaceZones(parseZones('<!-- diagrama:end -->\n'), () => '')).toThrowError(
      /markers/,
    );
  });

  it('survives content that contains an end marker', () => {
    const content = '````text\n<!-- diagrama:end -->\n````\n';
    const once = replaceZones(parseZones(doc('\n')), () => content);
    const again = parseZones(once);
    expect(again.diagnostics).toEqual([]);
    expect(again.zones[0]?.content).toBe(content);
  });
});
