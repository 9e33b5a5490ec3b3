import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DiagramInput, modelToScene, parseDiagram, type Scene } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { sceneToSvg } from '@diagrama/render-svg';
import fc from 'fast-check';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generalDiagramArb } from './arbitraries.js';
import { exampleAndCorpusModels, repo } from './repo-models.js';

/**
 * The audit people would make looking at the pictures, in Chromium: no text over another
 * text, a line, a badge or an arrowhead; no arrowhead on a badge; every text at 4.5:1 against
 * what lies behind it and every line at 3:1 against the page (WCAG 1.4.3 and 1.4.11), in the
 * light and the dark theme. It fails naming the elements.
 */

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const PAGES = { light: '#ffffff', dark: '#0d1117' } as const;

const models = [
  ...exampleAndCorpusModels(),
  // stress: wide characters, crossings, long labels wrapped, routes around containers
  'test/fixtures/wide-characters/model.yaml',
  'test/fixtures/wide-characters-routed/model.yaml',
  'test/fixtures/grid-crossings/model.yaml',
  'test/fixtures/nested-routes/model.yaml',
  'test/fixtures/nested-and-arrows/model.yaml',
  'test/fixtures/wrap-reflow/model.yaml',
];

let browser: Browser;
let page: Page;
let profile: string;
beforeAll(async () => {
  if (!available) return;
  profile = mkdtempSync(join(tmpdir(), 'diagrama-audit-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Everything wrong with one picture, each problem naming its elements. */
async function audit(scene: Scene, theme: keyof typeof PAGES): Promise<string[]> {
  const svg = sceneToSvg(scene, { theme, idPrefix: 'd' });
  await page.setContent(
    `<!doctype html><body style="margin:0;background:${PAGES[theme]}">${svg}</body>`,
  );
  return page.evaluate(() => {
    const out: string[] = [];
    type Box = { x: number; y: number; w: number; h: number };
    const rect = (el: Element): Box => {
      const b = el.getBoundingClientRect();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    };
    const meet = (a: Box, b: Box, pad: number) =>
      a.x + pad < b.x + b.w &&
      b.x + pad < a.x + a.w &&
      a.y + pad < b.y + b.h &&
      b.y + pad < a.y + a.h;
    const name = (el: Element) =>
      `${el.id || el.getAttribute('class') || el.tagName}${el.tagName === 'text' ? ` "${el.textContent}"` : ''}`;
    const texts = Array.from(document.querySelectorAll('svg text'));
    const discs = Array.from(document.querySelectorAll('svg .d-disc'));
    const arrows = Array.from(document.querySelectorAll('svg .d-arrow'));
    const lines = Array.from(document.querySelectorAll('svg .d-line')) as SVGPathElement[];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (meet(rect(texts[i] as Element), rect(texts[j] as Element), 1)) {
          out.push(`text over text: ${name(texts[i] as Element)} / ${name(texts[j] as Element)}`);
        }
      }
      for (const d of [...discs, ...arrows]) {
        if (meet(rect(texts[i] as Element), rect(d), 1)) {
          out.push(`text over a badge or arrowhead: ${name(texts[i] as Element)} / ${name(d)}`);
        }
      }
    }
    for (const a of arrows) {
      for (const d of discs)
        if (meet(rect(a), rect(d), 1)) out.push(`arrowhead on a badge: ${name(d)}`);
    }
    for (const line of lines) {
      const ctm = line.getScreenCTM() as DOMMatrix;
      const length = line.getTotalLength();
      for (let s = 0; s <= length; s += 2) {
        const p = line.getPointAtLength(s);
        const x = p.x * ctm.a + ctm.e;
        const y = p.y * ctm.d + ctm.f;
        for (const t of texts) {
          const r = rect(t);
          if (x > r.x + 1 && x < r.x + r.w - 1 && y > r.y + 2 && y < r.y + r.h - 2) {
            out.push(`line through text: ${name(line)} / ${name(t)}`);
          }
        }
      }
    }
    const rgb = (color: string): number[] | undefined => {
      const m = /rgba?\(([^)]+)\)/.exec(color);
      return m ? (m[1] as string).split(',').map(Number) : undefined;
    };
    const luminance = (c: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(c[0] as number) + 0.7152 * f(c[1] as number) + 0.0722 * f(c[2] as number);
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const page = rgb(getComputedStyle(document.body).backgroundColor) as number[];
    /** The colour behind a point: the first filled shape under it, else the page. */
    const behind = (x: number, y: number, self: Element): number[] => {
      for (const el of document.elementsFromPoint(x, y)) {
        if (el === self || el.tagName === 'text' || el.tagName === 'svg') continue;
        if (el.tagName === 'BODY' || el.tagName === 'HTML') break;
        const fill = getComputedStyle(el).fill;
        const color = fill && fill !== 'none' ? rgb(fill) : undefined;
        if (el instanceof SVGGeometryElement && color && (color[3] ?? 1) > 0) return color;
      }
      return page;
    };
    for (const t of texts) {
      const r = rect(t);
      const fg = rgb(getComputedStyle(t).fill);
      if (!fg) continue;
      const ratio = contrast(fg, behind(r.x + r.w / 2, r.y + r.h / 2, t));
      if (ratio < 4.5) out.push(`text at ${ratio.toFixed(2)}:1: ${name(t)}`);
    }
    for (const el of [...lines, ...arrows]) {
      const style = getComputedStyle(el);
      const color = rgb(el.classList.contains('d-arrow') ? style.fill : style.stroke);
      if (!color) continue;
      const ratio = contrast(color, page);
      if (ratio < 3) out.push(`graphic at ${ratio.toFixed(2)}:1: ${name(el)}`);
    }
    return [...new Set(out)];
  });
}

describe.skipIf(!available)('the pictures pass an audit in Chromium', () => {
  it.each(models.flatMap((model) => (['light', 'dark'] as const).map((t) => [model, t] as const)))(
    '%s (%s)',
    async (model, theme) => {
      const scene = modelToScene(
        loadDiagram(readFileSync(join(repo, model), 'utf8'), { file: model }).diagram,
      );
      expect(await audit(scene, theme)).toEqual([]);
    },
    30_000,
  );

  it('finds what it looks for: a note moved onto a label fails', async () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [{ label: 'a' }, { label: 'b' }],
        connections: [{ from: 'a', to: 'b', note: 'talks' }],
      }),
    );
    const note = scene.texts.find((t) => t.role === 'note');
    const label = scene.texts.find((t) => t.role === 'label');
    if (!note || !label) throw new Error('the scene has a note and a label');
    Object.assign(note, { x: label.x, y: label.y });
    expect((await audit(scene, 'light')).join('\n')).toMatch(/text over text/);
  });

  it('passes on generated diagrams', async () => {
    await fc.assert(
      fc.asyncProperty(
        generalDiagramArb,
        fc.constantFrom('light' as const, 'dark' as const),
        async (model: DiagramInput, theme) => {
          let scene: Scene;
          try {
            scene = modelToScene(parseDiagram(model));
          } catch {
            return; // a generated model the layout refuses (too wide, a time budget): not drawn
          }
          expect(await audit(scene, theme)).toEqual([]);
        },
      ),
      // a fixed seed, so CI sees the same diagrams; AUDIT_SEED and AUDIT_RUNS explore others
      {
        numRuns: Number(process.env.AUDIT_RUNS ?? 25),
        seed: Number(process.env.AUDIT_SEED ?? 20261201),
      },
    );
  }, 120_000);
});
