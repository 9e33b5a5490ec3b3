import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('../inputs/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** diagrama's own equivalent of gen.py's scale-N: a group holding a chain of N boxes. */
export function scaleYaml(n) {
  const lines = [
    'nodes:',
    '  - kind: host',
    '    id: group',
    `    label: Group of ${n}`,
    '    children:',
  ];
  for (let i = 1; i <= n; i++) lines.push(`      - {kind: box, id: n${i}, label: Box ${i}}`);
  lines.push('connections:');
  for (let i = 1; i < n; i++)
    lines.push(`  - {from: n${i}, to: n${i + 1}, note: step ${i}, direction: forward}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes every input into a fresh folder: the Docker diagram in each peer's language (from
 * ../shared/bench, copied into inputs/), diagrama's canonical model of it, and the scaled
 * cases from gen.py plus diagrama's equivalents.
 */
export function prepareInputs(sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'diagrama-bench-inputs-'));
  mkdirSync(dir, { recursive: true });
  for (const ext of ['mmd', 'd2', 'txt', 'puml', 'dot'])
    copyFileSync(join(here, `docker.${ext}`), join(dir, `docker.${ext}`));
  writeFileSync(
    join(dir, 'docker.yaml'),
    readFileSync(join(root, 'test/fixtures/architecture-canonical/model.yaml')),
  );
  const gen = spawnSync('python3', [join(here, 'gen.py'), dir, ...sizes.map(String)], {
    encoding: 'utf8',
  });
  if (gen.status !== 0) throw new Error(`gen.py failed: ${gen.stderr}`);
  for (const n of sizes) writeFileSync(join(dir, `scale-${n}.yaml`), scaleYaml(n));
  return dir;
}
