import {
  isContainerKind,
  modelToScene,
  parseDiagram,
  type SceneBox,
  textWidth,
} from '@diagrama/core';
import { CHARSET_NAMES, sceneToText } from '@diagrama/render-ascii';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagramArb } from './arbitraries.js';

/** Hundreds of layouts per property: a loaded machine is slow, never wrong (timing is for `pnpm bench`). */
const SLOW = 120_000;

const inside = (inner: SceneBox, outer: SceneBox) =>
  inner.x > outer.x &&
  inner.y > outer.y &&
  inner.x + inner.width < outer.x + outer.width &&
  inner.y + inner.height < outer.y + outer.height;
const overlap = (a: SceneBox, b: SceneBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The grapheme at a display column of a rendered row. */
function atColumn(row: string, column: number): string | undefined {
  let x = 0;
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(row)) {
    if (x === column) return segment;
    x += textWidth(segment);
    if (x > column) return undefined;
  }
  return x === column ? '' : undefined;
}

describe('any valid model', () => {
  it(
    'lays out with boxes on the canvas, children inside containers, siblings apart',
    () => {
      fc.assert(
        fc.property(diagramArb, (input) => {
          const scene = modelToScene(parseDiagram(input));
          const containers = scene.boxes.filter(
            (b) => isContainerKind(b.kind) || b.kind === 'stack',
          );
          for (const b of scene.boxes) {
            expect(b.x).toBeGreaterThanOrEqual(0);
            expect(b.y).toBeGreaterThanOrEqual(0);
            expect(b.x + b.width).toBeLessThanOrEqual(scene.width);
            expect(b.y + b.height).toBeLessThanOrEqual(scene.height);
            if (b.depth > 0 && b.kind !== 'layer') {
              expect(containers.some((h) => h.depth === b.depth - 1 && inside(b, h))).toBe(true);
            }
          }
          const solid = scene.boxes.filter((b) => b.kind !== 'layer');
          for (const a of solid) {
            for (const b of solid) {
              if (a !== b && a.depth === b.depth) expect(overlap(a, b)).toBe(false);
            }
          }
          for (const t of scene.texts) {
            expect(t.x + t.width).toBeLessThanOrEqual(scene.width);
            const owner = scene.boxes.find((b) => b.id === t.owner);
            // texts on a box's rows are inside it (a title under a box is a caption)
            const onRows = owner && t.y >= owner.y && t.y < owner.y + owner.height;
            if (owner && onRows && t.role !== 'caption') {
              const ring = owner.border === 'none' ? 0 : 1;
              expect(t.x).toBeGreaterThanOrEqual(owner.x + ring);
              expect(t.x + t.width).toBeLessThanOrEqual(owner.x + owner.width - ring);
            }
          }
        }),
        { numRuns: 150 },
      );
    },
    SLOW,
  );

  it(
    'renders in every charset with every box border in its column on every row',
    () => {
      fc.assert(
        fc.property(diagramArb, fc.constantFrom(...CHARSET_NAMES), (input, charset) => {
          const scene = modelToScene(parseDiagram(input));
          const rows = sceneToText(scene, { charset }).split('\n');
          expect(rows.at(-1)).toBe('');
          expect(rows).toHaveLength(scene.height + 1);
          for (const row of rows) {
            expect(row).toBe(row.trimEnd());
            expect(textWidth(row)).toBeLessThanOrEqual(scene.width);
          }
          for (const b of scene.boxes) {
            if (b.border === 'none') continue;
            for (let y = b.y; y < b.y + b.height; y++) {
              const row = rows[y] ?? '';
              const left = atColumn(row, b.x);
              const right = atColumn(row, b.x + b.width - 1);
              expect(left, `left border of ${b.id} on row ${y}: ${row}`).toMatch(
                /^[^\s\p{L}\p{N}]$/u,
              );
              expect(right, `right border of ${b.id} on row ${y}: ${row}`).toMatch(
                /^[^\s\p{L}\p{N}]$/u,
              );
            }
          }
        }),
        { numRuns: 150 },
      );
    },
    SLOW,
  );
});
