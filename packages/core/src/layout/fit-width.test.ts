import { describe, expect, it } from 'vitest';
import { DiagramaError } from '../errors.js';
import type { DiagramInput } from '../model/input.js';
import { parseDiagram } from '../model/parse.js';
import { textWidth } from '../text/width.js';
import { fitWidth, wrapText } from './fit-width.js';
import { modelToScene } from './model-to-scene.js';

// Fitting a width on its own: wrapping text, then reshaping rows into columns.

describe('wrapText', () => {
  it('wraps at spaces, keeps line breaks, and keeps a word too wide on a line of its own', () => {
    expect(wrapText('Docker Daemon - Server', 13)).toBe('Docker Daemon\n- Server');
    expect(wrapText('one two\nthree four five', 9)).toBe('one two\nthree\nfour five');
    expect(wrapText('a supercalifragilistic word', 6)).toBe('a\nsupercalifragilistic\nword');
    expect(wrapText('fits', 10)).toBe('fits');
  });

  it('counts display columns: wide characters take two', () => {
    const wrapped = wrapText('容器 镜像 仓库 服务', 9);
    for (const line of wrapped.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(9);
    expect(wrapped.replace(/\n/g, ' ')).toBe('容器 镜像 仓库 服务');
  });
});

describe('fitWidth', () => {
  const row: DiagramInput = {
    direction: 'right',
    nodes: [
      { kind: 'box', id: 'a', label: 'The first box of the row' },
      { kind: 'box', id: 'b', label: 'The second box of the row' },
      { kind: 'box', id: 'c', label: 'The third box of the row' },
    ],
    connections: [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ],
  };
  const diagram = parseDiagram(row);
  const layOut = (d: typeof diagram) => modelToScene(d);

  it('leaves a diagram that fits as it is', () => {
    expect(fitWidth(diagram, 500, layOut)).toEqual(modelToScene(diagram));
  });

  it('wraps, then turns the row into a column, to fit, and keeps every text', () => {
    const wide = modelToScene(diagram).width;
    for (const width of [wide - 10, 40, 24]) {
      const scene = fitWidth(diagram, width, layOut);
      expect(scene.width).toBeLessThanOrEqual(width);
      const words = scene.texts
        .filter((t) => t.role === 'label')
        .map((t) => t.text)
        .join(' ');
      for (const word of ['first', 'second', 'third', 'row']) expect(words).toContain(word);
    }
  });

  it('names the narrowest width when nothing fits', () => {
    const thrown = (() => {
      try {
        fitWidth(diagram, 8, layOut);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(DiagramaError);
    const [d] = (thrown as DiagramaError).diagnostics;
    expect(d?.code).toBe('layout/too-wide');
    const narrowest = Number(/(\d+)/.exec(d?.expected ?? d?.message ?? '')?.[1]);
    // and that width does fit
    expect(fitWidth(diagram, narrowest, layOut).width).toBeLessThanOrEqual(narrowest);
  });
});
