import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DiagramInput, modelToScene, parseDiagram } from '@diagrama/core';
import { importDrawing } from '@diagrama/import';
import { loadDiagram } from '@diagrama/load';
import { sceneToText } from '@diagrama/render-ascii';
import { describe, expect, it } from 'vitest';
import { repo } from './repo-models.js';
import { type FactKind, facts, recovered } from './shown.js';

// #16: drawings made by hand — from public repositories and in their styles (SOURCES.md) —
// each beside the model a person would write for it. Import must recover what they state.
const folder = join(repo, 'test/import-corpus');
const names = readdirSync(folder)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

/**
 * What import misses, and why; exact, so that a fact it starts to recover fails the test until
 * it leaves the list.
 */
const MISSED: Record<string, string[]> = {
  // a box drawn without corners inside another (`|  ------  |` over `| |  Gunicorn  |  |`):
  // read as the outer box's text, with rules
  django: [
    'box:Docker Container',
    'box:Gunicorn / Daphne',
    'nesting:Docker Container/Gunicorn / Daphne',
    "connection:Docker Container forward NGINX Reverse Proxy + HTTPS (Let's Encrypt) solid",
  ],
  fastapi: [
    'box:Docker Container',
    'box:Uvicorn / Gunicorn',
    'nesting:Docker Container/Uvicorn / Gunicorn',
    "connection:Docker Container forward NGINX Reverse Proxy + HTTPS (Let's Encrypt) solid",
  ],
};

const render = (model: DiagramInput) => sceneToText(modelToScene(parseDiagram(model)));

const results = names.map((name) => {
  const text = readFileSync(join(folder, `${name}.txt`), 'utf8');
  const expected = loadDiagram(readFileSync(join(folder, `${name}.yaml`), 'utf8'), {
    file: `${name}.yaml`,
  }).diagram;
  const got = parseDiagram(importDrawing(text, { render }).model);
  return { name, facts: recovered(facts(expected), facts(got)) };
});

describe('import of hand-drawn diagrams', () => {
  it('has at least 15 drawings', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
  });

  for (const { name, facts: list } of results) {
    it(`${name}: recovers what the drawing states`, () => {
      const missed = list.filter((f) => !f.found).map((f) => `${f.kind}:${f.fact}`);
      expect(missed).toEqual(MISSED[name] ?? []);
    });
  }

  it('recovers at least 95% of boxes, labels, nestings, connections and notes', () => {
    const all = results.flatMap((r) => r.facts);
    const share = (kind?: FactKind) => {
      const of = all.filter((f) => kind === undefined || f.kind === kind);
      return of.filter((f) => f.found).length / of.length;
    };
    expect(share()).toBeGreaterThanOrEqual(0.95);
    for (const kind of ['box', 'connection', 'note'] as const)
      expect(share(kind)).toBeGreaterThanOrEqual(0.95);
  });
});
