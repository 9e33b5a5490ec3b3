import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelToScene, type Scene } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { encodeId as encode, sceneToSvg } from '@diagrama/render-svg';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumHere as available, launchChromium } from './chromium.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const sceneOf = (model: string): Scene =>
  modelToScene(loadDiagram(readFileSync(join(repo, model), 'utf8'), { file: model }).diagram);
const EXAMPLES = [
  'docs/examples/docker-architecture.yaml',
  'docs/examples/docker-image-layers.yaml',
  'docs/examples/docker-container.yaml',
  'test/fixtures/wide-characters/model.yaml',
  'test/fixtures/nested-and-arrows/model.yaml',
];

let browser: BrowserContext;
let chromiumClose: (() => Promise<void>) | undefined;
beforeAll(async () => {
  if (!available) return;
  const launched = await launchChromium();
  browser = launched.context;
  chromiumClose = launched.close;
}, 60_000);
afterAll(async () => {
  await chromiumClose?.();
});

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

describe.skipIf(!available)('SVG in headless Chromium', () => {
  it.each(
    EXAMPLES.flatMap((model) =>
      (['light', 'dark', 'auto'] as const).map((theme) => [model, theme] as const),
    ),
  )(
    '%s (%s): well-formed, every label inside its box, no boxes overlapping',
    async (model, theme) => {
      const scene = sceneOf(model);
      const svg = sceneToSvg(scene, { theme, idPrefix: 'd' });
      const page = await browser.newPage();
      try {
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          return (
            doc.getElementsByTagName('parsererror').length === 0 &&
            doc.documentElement.nodeName === 'svg'
          );
        }, svg);
        expect(parsed).toBe(true);
        await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
        const geometry = await page.evaluate(
          ({ boxIds, textIds }) => {
            const box = (id: string) => {
              const element = document.getElementById(id) as unknown as SVGGraphicsElement | null;
              if (!element) return null;
              const b = element.getBBox();
              return { x: b.x, y: b.y, width: b.width, height: b.height };
            };
            return {
              boxes: Object.fromEntries(boxIds.map((id) => [id, box(id)])),
              texts: Object.fromEntries(textIds.map((id) => [id, box(id)])),
            };
          },
          {
            boxIds: scene.boxes.map((b) => `d-${encode(b.id)}`),
            textIds: scene.texts.map((t) => `d-${encode(t.id)}.text`),
          },
        );
        const inside = (inner: Rect, outer: Rect) =>
          inner.x >= outer.x - 0.5 &&
          inner.y >= outer.y - 0.5 &&
          inner.x + inner.width <= outer.x + outer.width + 0.5 &&
          inner.y + inner.height <= outer.y + outer.height + 0.5;
        for (const text of scene.texts) {
          const rect = geometry.texts[`d-${encode(text.id)}.text`];
          expect(rect, `text ${text.id}`).toBeTruthy();
          expect((rect as Rect).width).toBeGreaterThan(0);
          const owner = scene.boxes.find((b) => b.id === text.owner);
          if (owner && text.role !== 'caption') {
            const ownerRect = geometry.boxes[`d-${encode(owner.id)}`] as Rect;
            expect(
              inside(rect as Rect, ownerRect),
              `${text.id} "${text.text}" inside ${owner.id}`,
            ).toBe(true);
          }
        }
        const solid = scene.boxes.filter((b) => b.kind !== 'layer');
        for (const a of solid) {
          for (const b of solid) {
            if (a === b || a.depth !== b.depth) continue;
            const ra = geometry.boxes[`d-${encode(a.id)}`] as Rect;
            const rb = geometry.boxes[`d-${encode(b.id)}`] as Rect;
            const overlaps =
              ra.x < rb.x + rb.width &&
              rb.x < ra.x + ra.width &&
              ra.y < rb.y + rb.height &&
              rb.y < ra.y + ra.height;
            expect(overlaps, `${a.id} overlaps ${b.id}`).toBe(false);
          }
        }
        const rendersAsImage = await page.evaluate(async (text) => {
          const image = new Image();
          image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
          await image.decode();
          return image.naturalWidth > 0 && image.naturalHeight > 0;
        }, svg);
        expect(rendersAsImage).toBe(true);
      } finally {
        await page.close();
      }
    },
    30_000,
  );

  it('never runs script from hostile labels, inline or as an image', async () => {
    const hostile = (label: string, note: string) =>
      modelToScene(
        loadDiagram(
          JSON.stringify({
            nodes: [
              { kind: 'api', id: 'a', label },
              { kind: 'api', id: 'b', label: 'B' },
            ],
            connections: [{ from: 'a', to: 'b', note }],
          }),
          { format: 'json' },
        ).diagram,
      );
    const svg = sceneToSvg(
      hostile(
        '<img src=x onerror="window.__pwned=1"> ]]> "quotes"',
        '<script>window.__pwned=2</script><foreignObject><div>x</div></foreignObject>',
      ),
      { idPrefix: 'd' },
    );
    const page = await browser.newPage();
    try {
      await page.setContent(`<!doctype html><body>${svg}<div id="via-html"></div></body>`);
      await page.evaluate((text) => {
        (document.getElementById('via-html') as HTMLElement).innerHTML = text;
      }, svg);
      await page.waitForTimeout(100);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        images: document.querySelectorAll('img').length,
        scripts: document.querySelectorAll('script').length,
        foreign: document.getElementsByTagName('foreignObject').length,
        label: document.getElementById('d-a_3a_label_3a_0.text')?.textContent,
      }));
      expect(state).toEqual({
        pwned: undefined,
        images: 0,
        scripts: 0,
        foreign: 0,
        label: '<img src=x onerror="window.__pwned=1"> ]]> "quotes"',
      });
    } finally {
      await page.close();
    }
  });
});
