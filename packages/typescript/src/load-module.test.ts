import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagramaError } from '@diagrama/core';
import { afterAll, describe, expect, it } from 'vitest';
import { isTypeScriptModule } from './index.js';
import { loadDiagramModule } from './load-module.js';
import { typeCheckDiagramModule } from './type-check.js';

const dir = mkdtempSync(join(tmpdir(), 'diagrama-ts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const codes = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as DiagramaError).diagnostics.map((d) => d.code);
  }
  return [];
};

describe('loadDiagramModule', () => {
  it('loads a plain-form default export with type annotations stripped', async () => {
    const path = file(
      'plain.ts',
      "const label: string = 'Rest API';\nexport default { nodes: [{ kind: 'api' as const, label }] };\n",
    );
    const diagram = await loadDiagramModule(path);
    expect(diagram.nodes[0]).toMatchObject({ kind: 'api', id: 'rest-api' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.mjs'))).toEqual([]);
  });

  it('reports syntax errors at their line and column', async () => {
    const path = file('syntax.ts', 'export default {\n  nodes: [,\n');
    await expect(loadDiagramModule(path)).rejects.toBeInstanceOf(DiagramaError);
    expect((await codes(loadDiagramModule(path)))[0]).toMatch(/^ts\/TS\d+$/);
  });

  it('rejects modules without a default export, that throw, hang or export a non-diagram', async () => {
    expect(await codes(loadDiagramModule(file('none.ts', 'export const x = 1;\n')))).toEqual([
      'ts/no-default-export',
    ]);
    expect(await codes(loadDiagramModule(file('throws.ts', "throw new Error('no');\n")))).toEqual([
      'ts/module-threw',
    ]);
    expect(
      await codes(
        loadDiagramModule(file('hangs.ts', 'await new Promise(() => {});\n'), { timeoutMs: 200 }),
      ),
    ).toEqual(['ts/timeout']);
    // a synchronous loop is stopped at the deadline too: the module runs in its own thread
    const started = Date.now();
    expect(
      await codes(
        loadDiagramModule(file('spins.ts', 'while (true) {}\nexport default {};\n'), {
          timeoutMs: 300,
        }),
      ),
    ).toEqual(['ts/timeout']);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(
      await codes(
        loadDiagramModule(file('fn.ts', 'export default { nodes: [], draw() {} };\n'), {
          timeoutMs: 2_000,
        }),
      ),
    ).toEqual(['ts/not-data']);
    expect(await codes(loadDiagramModule(file('number.ts', 'export default 42;\n')))).toEqual([
      'ts/not-a-diagram',
    ]);
    expect(
      await codes(
        loadDiagramModule(
          file('invalid.ts', "export default { nodes: [{ kind: 'server', label: 'x' }] };\n"),
        ),
      ),
    ).toEqual(['model/unknown-kind']);
  });
});

describe('typeCheckDiagramModule', () => {
  it('reports type errors at their line and column and accepts well-typed modules', async () => {
    const bad = file(
      'bad.ts',
      "import type { DiagramInput } from '@diagrama/core';\nconst d: DiagramInput = { nodes: [{ kind: 'api', label: 5 }] };\nexport default d;\n",
    );
    const [problem] = await typeCheckDiagramModule(bad);
    expect(problem).toMatchObject({ code: 'ts/TS2322', position: { line: 2, column: 50 } });
    const good = file(
      'good.ts',
      "import { api, diagram } from '@diagrama/core';\nexport default diagram({ nodes: [api('Rest API')] });\n",
    );
    expect(await typeCheckDiagramModule(good)).toEqual([]);
    const notDiagram = file('wrong.ts', 'export default 42;\n');
    expect((await typeCheckDiagramModule(notDiagram))[0]?.message).toContain(
      'the default export is not a diagram',
    );
  });

  it('knows which files are TypeScript modules', () => {
    expect(isTypeScriptModule('a.ts')).toBe(true);
    expect(isTypeScriptModule('a.mts')).toBe(true);
    expect(isTypeScriptModule('a.d.ts')).toBe(false);
    expect(isTypeScriptModule('a.yaml')).toBe(false);
  });
});
