import { DiagramaError } from '@diagrama/core';
import { describe, expect, it } from 'vitest';
import { formatFromPath, loadDiagram } from './load.js';

const problems = (text: string, file = 'x.yaml') => {
  try {
    loadDiagram(text, { file });
  } catch (error) {
    if (error instanceof DiagramaError) {
      return error.diagnostics.map((d) => `${d.position?.line}:${d.position?.column} ${d.code}`);
    }
    throw error;
  }
  return [];
};

describe('loadDiagram', () => {
  it('names a key that is not a string as written, and shows it quoted', () => {
    let error: unknown;
    try {
      loadDiagram('nodes:\n  - label: a\n    ~: 3\n    true: 4\n', { file: 'k.yaml' });
    } catch (caught) {
      error = caught;
    }
    const found = (error as DiagramaError).diagnostics.filter(
      (d) => d.code === 'yaml/non-string-key',
    );
    expect(found.map((d) => [d.message, d.example])).toEqual([
      ['a mapping key must be a string, not null', '"~": value'],
      ['a mapping key must be a string, not the boolean true', '"true": value'],
    ]);
  });

  it('points model errors at their line and column in YAML', () => {
    const yaml = [
      'nodes:',
      '  - kind: host',
      '    label: PC',
      '    children:',
      '      - kind: server',
      '        label: x',
      '      - kind: api',
      '        lable: y',
      'connections:',
      '  - from: pc',
      '    to: nowhere',
    ].join('\n');
    expect(problems(yaml)).toEqual([
      '5:15 model/unknown-kind',
      '7:9 model/missing-property',
      '8:9 model/unknown-property',
      '11:9 model/unknown-node',
    ]);
  });

  it('points model errors at their line and column in JSON', () => {
    const json = '{\n  "nodes": [\n    {"kind": "api", "label": 5}\n  ]\n}';
    expect(problems(json, 'x.json')).toEqual(['3:30 model/type']);
  });

  it('reports YAML syntax errors and duplicate keys with positions', () => {
    expect(problems('nodes: [\n')).toEqual(
      expect.arrayContaining([expect.stringMatching(/ yaml\/syntax$/)]),
    );
    expect(problems('nodes: []\nnodes: []\n')).toEqual(['2:1 yaml/duplicate-key']);
    expect(problems('a: &x 1\nb: *x\n')[0]).toBe('2:4 yaml/alias');
    expect(problems('nodes: []\n---\nnodes: []\n')).toEqual(['2:1 yaml/multiple-documents']);
  });

  it('reports JSON syntax errors and duplicate keys with positions', () => {
    expect(problems('{"nodes": [}', 'x.json')).toEqual(['1:12 json/syntax']);
    expect(problems('{"nodes": [], "nodes": []}', 'x.json')).toEqual(['1:15 json/duplicate-key']);
    expect(problems('', 'x.json')).toEqual(['1:1 json/syntax']);
  });

  it('keeps YAML 1.2 strings such as no and on as strings', () => {
    const { diagram } = loadDiagram('nodes:\n  - kind: api\n    label: no\n');
    expect(diagram.nodes[0]?.label).toBe('no');
  });

  it('strips one leading BOM and names the file in every position', () => {
    const { diagram, source } = loadDiagram('\ufeffnodes:\n  - {kind: api, label: A}\n', {
      file: 'a.yaml',
    });
    expect(diagram.nodes[0]?.id).toBe('a');
    expect(source.locate(['nodes', 0, 'label'])).toEqual({ file: 'a.yaml', line: 2, column: 24 });
    expect(source.locate(['nodes', 0, 'label'], 'key')).toEqual({
      file: 'a.yaml',
      line: 2,
      column: 17,
    });
  });

  it('chooses the language from the extension', () => {
    expect(formatFromPath('a.JSON')).toBe('json');
    expect(formatFromPath('a.yml')).toBe('yaml');
    expect(formatFromPath('a.txt')).toBeUndefined();
  });
});
