import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draw, fromHash, toHash } from './state.js';

describe('state', () => {
  it('shares any model through the URL fragment, and ignores fragments not its own', () => {
    const state = {
      model: 'nodes:\n  - { id: a, label: "Café ☕ 中文" }\n',
      charset: 'rounded',
      theme: 'dark',
    } as const;
    expect(fromHash(toHash(state))).toEqual(state);
    expect(fromHash('#section-2')).toBeUndefined();
    expect(fromHash('#m=%%%')).toBeUndefined();
    // an unknown charset or theme falls back rather than failing
    expect(fromHash(`${toHash(state)}`.replace('c=rounded', 'c=evil'))?.charset).toBe('double');
  });

  it('draws a model, or lists its problems at their lines', () => {
    const ok = draw({
      model: 'nodes:\n  - { id: a, label: A }\n',
      charset: 'ascii',
      theme: 'light',
    });
    expect(ok.text).toContain('|  A  |');
    expect(ok.svg).toMatch(/^<svg/);
    const bad = draw({
      model: 'nodes:\n  - { id: a, lable: A }\n',
      charset: 'double',
      theme: 'light',
    });
    expect(bad.text).toBeUndefined();
    expect(bad.problems.map((p) => [p.code, p.line])).toContainEqual(['model/unknown-property', 2]);
    // advice comes with the drawing, at its line
    const advised = draw({
      model:
        'direction: right\nnodes: [{ id: a, label: A }, { id: b, label: B }, { id: c, label: C }]\nconnections: [{ from: a, to: c }]\n',
      charset: 'double',
      theme: 'light',
    });
    expect(advised.text).toContain('A');
    expect(advised.problems).toMatchObject([
      { code: 'model/direction-is-arrangement', line: 1, warning: true },
    ]);
  });
});

// The built page (pnpm build → dist/), served over HTTP as it would be, in headless Chromium.
const CHROMIUM = '/usr/bin/chromium';
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const available = existsSync(CHROMIUM) && existsSync(join(dist, 'index.html'));
if (process.env.CI && !available) {
  throw new Error('the playground test needs /usr/bin/chromium and a built dist/ (pnpm build)');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};
let server: Server;
let base: string;
let browser: BrowserContext;
let profile: string;
beforeAll(async () => {
  if (!available) return;
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  profile = mkdtempSync(join(tmpdir(), 'diagrama-playground-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Opens the page and waits for its first drawing. */
async function open(url = base): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => (document.getElementById('text')?.textContent ?? '') !== '');
  expect(errors).toEqual([]);
  return page;
}

/** Replaces the editor's text as typing would, and waits for the preview to follow. */
async function type(page: Page, model: string): Promise<void> {
  await page.fill('#model', model);
  await page.waitForTimeout(400);
}

describe.skipIf(!available)('the playground in Chromium', () => {
  it('draws the first example, and follows what is typed', async () => {
    const page = await open();
    expect(await page.textContent('#text')).toContain('Docker');
    expect(await page.locator('#svg svg').count()).toBe(1);
    await type(
      page,
      'nodes:\n  - { id: web, label: Web shop }\n  - { id: db, label: Orders DB }\nconnections:\n  - { from: web, to: db, note: SQL }\n',
    );
    const text = (await page.textContent('#text')) ?? '';
    expect(text).toContain('Web shop');
    expect(text).toContain('SQL');
    expect(await page.locator('#svg svg text', { hasText: 'Orders DB' }).count()).toBe(1);
    await page.selectOption('#charset', 'ascii');
    await page.waitForTimeout(200);
    expect(await page.textContent('#text')).toMatch(/\+-+\+/);
    await page.close();
  });

  it('shows an error at its line, and keeps the last drawing', async () => {
    const page = await open();
    await type(page, 'nodes:\n  - { id: a, label: A }\n  - { id: b, lable: B }\n');
    const problems = page.locator('#problems li');
    expect(
      await problems.evaluateAll((items) => items.map((li) => li.getAttribute('data-line'))),
    ).toEqual(['3', '3']);
    expect((await problems.allTextContents()).join('\n')).toMatch(
      /line 3, column \d+: unknown property "lable"/,
    );
    expect(await page.locator('#gutter .bad').allTextContents()).toEqual(['3']);
    expect(await page.getAttribute('#text', 'class')).toContain('stale');
    await page.close();
  });

  it('keeps a hostile label inert', async () => {
    const page = await open();
    await type(
      page,
      'nodes:\n  - { id: a, label: "<img src=x onerror=window.pwned=1><script>window.pwned=2</script>" }\n  - { id: b, label: "</text><svg onload=window.pwned=3>" }\n',
    );
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
    expect(await page.locator('#svg img, #svg script, #svg svg svg').count()).toBe(0);
    expect(await page.textContent('#text')).toContain('<img src=x');
    await page.close();
  });

  it('restores a shared URL: the model, the charset and the theme', async () => {
    const page = await open();
    await type(page, 'nodes:\n  - { id: a, label: Shared ✓ }\n');
    await page.selectOption('#charset', 'rounded');
    await page.selectOption('#theme', 'dark');
    await page.waitForTimeout(200);
    const url = page.url();
    await page.close();
    const again = await open(url);
    expect(await again.inputValue('#model')).toBe('nodes:\n  - { id: a, label: Shared ✓ }\n');
    expect(await again.inputValue('#charset')).toBe('rounded');
    expect(await again.inputValue('#theme')).toBe('dark');
    expect(await again.textContent('#text')).toContain('╭');
    await again.close();
  });
});
