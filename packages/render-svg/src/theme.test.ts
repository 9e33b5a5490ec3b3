import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, type Palette } from './theme.js';

// #15: graphics need 3:1 against what they sit on and text 4.5:1 (WCAG 1.4.11 and 1.4.3), in
// both themes (and so in `auto`, which is one or the other).

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe.each([
  ['light', LIGHT],
  ['dark', DARK],
] as [string, Palette][])('the %s palette', (_, p) => {
  it('gives every border, line and pictogram 3:1 against the page and the host it sits in', () => {
    const grounds = [p.background, p.hostFill, p.band];
    const graphics = [p.hostStroke, p.line, ...Object.values(p.kinds).map(([, stroke]) => stroke)];
    for (const graphic of graphics) {
      for (const ground of grounds) {
        expect(contrast(graphic, ground), `${graphic} on ${ground}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('gives every text 4.5:1 against whatever it is written on', () => {
    const grounds = [
      p.background,
      p.hostFill,
      p.band,
      ...Object.values(p.kinds).map(([fill]) => fill),
    ];
    for (const text of [p.text, p.muted]) {
      for (const ground of grounds) {
        expect(contrast(text, ground), `${text} on ${ground}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('draws each kind’s outline 3:1 against its own fill', () => {
    for (const [kind, [fill, stroke]] of Object.entries(p.kinds)) {
      expect(contrast(stroke, fill), kind).toBeGreaterThanOrEqual(3);
    }
  });
});
