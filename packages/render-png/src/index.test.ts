import { modelToScene, parseDiagram } from '@diagrama/core';
import { sceneToSvg } from '@diagrama/render-svg';
import { describe, expect, it } from 'vitest';
import { sceneToPng } from './index.js';

const scene = modelToScene(
  parseDiagram({
    nodes: [
      { kind: 'client', id: 'cli', label: 'Docker CLI' },
      { kind: 'daemon', id: 'd', label: 'Docker daemon' },
    ],
    connections: [{ from: 'cli', to: 'd', note: 'REST', direction: 'forward' }],
  }),
);

/** Width and height from a PNG's IHDR chunk. */
const size = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('sceneToPng', () => {
  it('draws a PNG the size of the SVG times the scale', () => {
    const png = sceneToPng(scene);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = sceneToSvg(scene);
    const width = Number(/width="([\d.]+)"/.exec(svg)?.[1]);
    const height = Number(/height="([\d.]+)"/.exec(svg)?.[1]);
    expect(size(png)).toEqual({ width: Math.round(width * 2), height: Math.round(height * 2) });
    expect(size(sceneToPng(scene, { scale: 1 }))).toEqual({
      width: Math.round(width),
      height: Math.round(height),
    });
  });

  it('gives the same bytes every time, in both themes and both fonts', () => {
    for (const options of [{}, { theme: 'dark' as const }, { font: 'mono' as const }]) {
      expect(
        Buffer.from(sceneToPng(scene, options)).equals(Buffer.from(sceneToPng(scene, options))),
      ).toBe(true);
    }
    expect(
      Buffer.from(sceneToPng(scene)).equals(Buffer.from(sceneToPng(scene, { theme: 'dark' }))),
    ).toBe(false);
  });

  it('refuses a scale that is not a positive number up to 16', () => {
    for (const scale of [0, -1, 17, Number.NaN]) {
      expect(() => sceneToPng(scene, { scale })).toThrow(/scale must be/);
    }
  });
});
