import { type Diagnostic, isDiagramaError } from '@diagrama/core';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderModelSource, shiftDiagnostics, svgDataUrl } from './index.js';

const yaml = 'nodes:\n  - { kind: api, label: Rest API }\n';

describe('renderModelSource', () => {
  it('draws text, SVG or both, from YAML or JSON', () => {
    expect(renderModelSource(yaml).text).toContain('║  Rest API  ║');
    expect(renderModelSource(yaml).svg).toBeUndefined();
    const svg = renderModelSource(yaml, { output: 'svg' });
    expect(svg.text).toBeUndefined();
    expect(svg.svg).toMatch(/^<svg[^>]*>/);
    const json = renderModelSource('{"nodes":[{"kind":"api","label":"Rest API"}]}', {
      output: 'both',
      charset: 'ascii',
    });
    expect(json.text).toContain('|  Rest API  |');
    expect(json.svg).toContain('Rest API');
  });

  it('returns advice on a model that draws, located in the source', () => {
    expect(renderModelSource(yaml).warnings).toEqual([]);
    const advised = renderModelSource(
      'direction: right\nnodes: [{ id: a, label: A }, { id: b, label: B }, { id: c, label: C }]\nconnections: [{ from: a, to: c }]\n',
      { file: 'doc.md' },
    );
    expect(advised.text).toContain('A');
    expect(advised.warnings).toMatchObject([
      { code: 'model/direction-is-arrangement', position: { file: 'doc.md', line: 1 } },
    ]);
  });

  it('throws with positions inside the source, which a caller can shift', () => {
    let caught: unknown;
    try {
      renderModelSource('nodes:\n  - { kind: server, label: X }\n', { file: 'doc.md' });
    } catch (error) {
      caught = error;
    }
    expect(isDiagramaError(caught)).toBe(true);
    const first = (caught as { diagnostics: Diagnostic[] }).diagnostics[0] as Diagnostic;
    expect(first).toMatchObject({ code: 'model/unknown-kind', position: { line: 2 } });
    const column = first.position?.column ?? 0;
    expect(shiftDiagnostics([first], { line: 10, column: 3 })[0]?.position).toMatchObject({
      line: 11,
      column: column + 2,
    });
  });
});

describe('helpers', () => {
  it('escapes HTML and encodes SVG for an img', () => {
    expect(escapeHtml('<a href="x">&\'</a>')).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#38;&#39;&#60;/a&#62;',
    );
    expect(svgDataUrl('<svg>é</svg>')).toBe(
      `data:image/svg+xml;base64,${Buffer.from('<svg>é</svg>').toString('base64')}`,
    );
  });
});
