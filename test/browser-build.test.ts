import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelToScene } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { sceneToText } from '@diagrama/render-ascii';
import { sceneToSvg } from '@diagrama/render-svg';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from './browser-entry/bundle.mjs';
import { chromiumHere as available, launchChromium } from './chromium.js';
import { repo } from './repo-models.js';

// #17: core, load, render-ascii, render-markdown and render-svg's browser entry run in a page
// as ES modules, with no Node built-in — bundled as a page's bundler would, then run in Chromium.

const MODELS = [
  'docs/examples/kinds.yaml',
  'docs/examples/steps.yaml',
  'test/fixtures/wide-characters/model.yaml',
];
const read = (path: string) => readFileSync(join(repo, path), 'utf8');

describe('the browser build', () => {
  it.each(['text', 'svg'] as const)(
    'bundles the %s path without a Node built-in',
    async (entry) => {
      const code = await bundleForBrowser(entry);
      expect(code).not.toMatch(/\bfrom\s*["']node:|require\(["']node:|\bimport\(["']node:/);
      // svgdom stays out of a page: render-svg's browser entry draws with the page's DOM
      if (entry === 'svg') expect(code).not.toMatch(/svgdom/);
    },
  );

  it('fails when a Node built-in creeps in', async () => {
    await expect(
      build({
        stdin: {
          contents: "import { readFileSync } from 'node:fs'; console.log(readFileSync);",
          resolveDir: repo,
        },
        bundle: true,
        write: false,
        platform: 'browser',
        logLevel: 'silent',
      }),
    ).rejects.toThrow(/node:fs/);
  });
});

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

describe.skipIf(!available)('diagrama in a page', () => {
  it('draws text, Markdown and SVG in Chromium as it does in Node', async () => {
    const page = await browser.newPage();
    const text = await bundleForBrowser('text');
    const svg = await bundleForBrowser('svg');
    await page.setContent('<!doctype html><title>diagrama</title>');
    // each bundle as a module of its own, its exports on window
    for (const [name, code] of [
      ['text', text],
      ['svg', svg],
    ] as const) {
      const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
      await page.addScriptTag({
        type: 'module',
        content: `import * as m from '${url}'; window.${name} = m;`,
      });
      await page.waitForFunction((n) => n in window, name);
    }
    // quotes, an ampersand, angle brackets and a no-break space: the page writes them as HTML
    const awkward = 'nodes:\n  - { id: a, label: "say \\"hi\\" & <go>\\u00a0now" }\n';
    for (const model of [...MODELS, 'awkward']) {
      const source = model === 'awkward' ? awkward : read(model);
      const scene = modelToScene(loadDiagram(source, { file: 'model.yaml' }).diagram);
      const inPage = await page.evaluate((s) => {
        const w = window as unknown as Record<string, Record<string, (source: string) => string>>;
        return {
          text: w.text?.renderText?.(s),
          markdown: w.text?.renderMarkdown?.(s),
          svg: w.svg?.renderSvg?.(s),
        };
      }, source);
      expect(inPage.text, model).toBe(sceneToText(scene));
      expect(inPage.markdown, model).toContain(sceneToText(scene));
      expect(inPage.svg, model).toBe(sceneToSvg(scene));
    }
    // a model that is not plain YAML needs the yaml package, bundled for the page too
    const anchored =
      'nodes:\n  - &a { id: x, label: X }\n  - { id: y, label: Y }\nconnections: [{ from: x, to: y }]\n';
    const drawn = await page.evaluate(
      (s) => (window as unknown as { text: { renderText(s: string): string } }).text.renderText(s),
      anchored,
    );
    expect(drawn).toContain('X');
    // errors keep their line and column in the page as in Node
    const error = await page.evaluate((s) => {
      try {
        (window as unknown as { text: { renderText(s: string): string } }).text.renderText(s);
        return '';
      } catch (e) {
        const d = (e as { diagnostics?: { code: string; position?: object }[] }).diagnostics;
        return JSON.stringify(d?.map((x) => [x.code, x.position]));
      }
    }, 'nodes:\n  - { id: x, lable: X }\n');
    expect(error).toContain('["model/unknown-property",{"file":"model.yaml","line":2,"column":14}');
    await page.close();
  }, 60_000);
});
