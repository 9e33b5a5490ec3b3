import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelToScene } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { sceneToText } from '@diagrama/render-ascii';
import { describe, expect, it } from 'vitest';

const read = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), 'utf8');
const readme = read('README.md');

describe('README', () => {
  it('has a Quick start with exactly two command lines, the second being what CI runs', () => {
    const section = readme.split('## Quick start')[1] ?? '';
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const lines = block.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/install.*quickstart/);
    expect(lines[1]).toMatch(/ test$/);
    expect(read('.ci/run')).toContain('lines[1]');
  });

  it('shows the architecture diagram as SVG with the exact text rendering as its alternative', () => {
    const zone =
      /<!-- diagrama:start (\S+) image=(\S+) -->\n!\[[^\]]*\]\(<([^>]+)>\)\n\n```text\n([\s\S]*?)```\n<!-- diagrama:end -->/.exec(
        readme,
      );
    expect(zone?.[1]).toBe('docs/examples/docker-architecture.yaml');
    expect(zone?.[3]).toBe(zone?.[2]);
    expect(read(zone?.[2] ?? '')).toMatch(/^<svg [^>]*role="img"/);
    const model = read(zone?.[1] ?? '');
    expect(zone?.[4]).toBe(sceneToText(modelToScene(loadDiagram(model).diagram)));
  });
});
