import { modelToScene, parseDiagram } from '@diagrama/core';
import { sceneToText } from '@diagrama/render-ascii';
import { diagramToMarkdown } from '@diagrama/render-markdown';
import { sceneToSvg } from '@diagrama/render-svg';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import sax from 'sax';
import { describe, expect, it } from 'vitest';
import { diagramArb } from './arbitraries.js';

/** Hundreds of layouts per property: a loaded machine is slow, never wrong (timing is for `pnpm bench`). */
const SLOW = 120_000;

/** Labels users should never be able to turn into markup. */
const hostileLabel = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><svg onload=alert(1)>',
    ']]><x/>',
    'javascript:alert(1)',
    '```\n# heading',
    '<!-- diagrama:end -->',
    '&amp; &lt; &#x3c;',
    'it\'s "quoted"',
    '`code` *em* [link](http://x)',
  ),
  fc
    .string({ minLength: 1, maxLength: 20 })
    .filter(
      (s) => s.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s),
    ),
);

const withHostileLabels = fc
  .tuple(diagramArb, fc.array(hostileLabel, { minLength: 1, maxLength: 6 }))
  .map(([input, labels]) => {
    let i = 0;
    const relabel = (node: Record<string, unknown>): Record<string, unknown> => ({
      ...node,
      label: labels[i++ % labels.length],
      ...(Array.isArray(node.children) ? { children: node.children.map(relabel) } : {}),
      ...(Array.isArray(node.layers) ? { layers: node.layers.map(relabel) } : {}),
    });
    return {
      ...input,
      nodes: input.nodes.map((n) => relabel(n as unknown as Record<string, unknown>)),
    };
  });

function parseXml(svg: string): { texts: string[]; elements: string[] } {
  const parser = sax.parser(true, {});
  const texts: string[] = [];
  const elements: string[] = [];
  let current: string[] | undefined;
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    elements.push(tag.name);
    if (tag.name === 'text') current = [];
  };
  parser.ontext = (text) => current?.push(text);
  parser.onclosetag = (name) => {
    if (name === 'text' && current) {
      texts.push(current.join(''));
      current = undefined;
    }
  };
  parser.write(svg).close();
  return { texts, elements };
}

describe('any valid model, hostile labels included', () => {
  it(
    'renders well-formed SVG whose text decodes back to the labels, with no active content',
    () => {
      fc.assert(
        fc.property(withHostileLabels, (input) => {
          const scene = modelToScene(parseDiagram(input));
          const { texts, elements } = parseXml(sceneToSvg(scene, { idPrefix: 'p' }));
          expect(texts).toEqual(scene.texts.map((t) => t.text));
          for (const name of elements)
            expect(['script', 'foreignObject', 'a', 'image', 'use', 'iframe']).not.toContain(name);
        }),
        { numRuns: 60 },
      );
    },
    SLOW,
  );

  it(
    'renders Markdown that parses back to one code block holding the whole drawing',
    () => {
      fc.assert(
        fc.property(withHostileLabels, (input) => {
          const text = sceneToText(modelToScene(parseDiagram(input)));
          const tree = fromMarkdown(diagramToMarkdown({ text }));
          expect(tree.children.map((c) => c.type)).toEqual(['code']);
          const [code] = tree.children;
          expect(code?.type === 'code' && `${code.value}\n`).toBe(text);
          expect(JSON.stringify(tree)).not.toContain('"type":"html"');
        }),
        { numRuns: 100 },
      );
    },
    SLOW,
  );
});
