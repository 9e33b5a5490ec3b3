// pnpm screenshots: every documented example drawn as SVG, in the light and the dark theme,
// photographed in headless Chromium into docs/img/screenshots/, for review in pull requests
// (people look at pictures; tests check geometry). Not part of docs:check: a browser's pixels
// are not the same from one machine to the next.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelToScene } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { sceneToSvg } from '@diagrama/render-svg';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const out = join(repo, 'docs/img/screenshots');
const PAGES = { light: '#ffffff', dark: '#0d1117' };

if (!existsSync(CHROMIUM)) {
  console.error(`screenshots: no Chromium at ${CHROMIUM} (set CHROMIUM to its path)`);
  process.exit(3);
}
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ deviceScaleFactor: 1 });
const index = [
  '# Screenshots',
  '',
  'Every documented example in Chromium, light and dark (`pnpm screenshots`).',
  '',
];
for (const file of readdirSync(join(repo, 'docs/examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const name = file.replace(/\.yaml$/, '');
  const path = join(repo, 'docs/examples', file);
  const scene = modelToScene(loadDiagram(readFileSync(path, 'utf8'), { file: path }).diagram);
  index.push(`## ${name}`, '');
  for (const theme of ['light', 'dark']) {
    const svg = sceneToSvg(scene, { theme });
    await page.setContent(
      `<!doctype html><body style="margin:0;padding:16px;background:${PAGES[theme]};display:inline-block">${svg}</body>`,
    );
    const body = await page.$('body');
    writeFileSync(join(out, `${name}-${theme}.png`), await body.screenshot());
    index.push(`![${name} (${theme})](${name}-${theme}.png)`, '');
  }
}
writeFileSync(join(out, 'README.md'), `${index.join('\n')}`);
await browser.close();
console.log(`screenshots: docs/img/screenshots/ (${readdirSync(out).length - 1} pictures)`);
