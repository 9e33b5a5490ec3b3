import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peerStatus } from './peers.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/bin/diagrama.cjs');

/**
 * A docs folder of `count` Markdown files, each with one zone naming its own model (the
 * architecture diagram), regenerated once so that `docs --check` finds nothing stale; and
 * the same diagrams as Graph::Easy inputs.
 */
export function batchDocs(count) {
  const dir = mkdtempSync(join(tmpdir(), 'diagrama-bench-docs-'));
  mkdirSync(join(dir, '.git'));
  const model = readFileSync(join(root, 'test/fixtures/architecture-canonical/model.yaml'));
  const easy = readFileSync(new URL('../inputs/docker.txt', import.meta.url));
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `m${i}.yaml`), model);
    writeFileSync(
      join(dir, `page${i}.md`),
      `# Page ${i}\n\nSome prose.\n\n<!-- diagrama:start m${i}.yaml -->\n<!-- diagrama:end -->\n`,
    );
    writeFileSync(join(dir, `g${i}.txt`), easy);
  }
  // written once, with the cache a pre-commit hook or a cached CI job would keep warm
  spawnSync(process.execPath, [bin, 'docs', '--cache', dir], { stdio: 'ignore' });
  return { dir, count };
}

/**
 * The commands timed for a batch docs folder: diagrama checks them all in one process (every
 * zone rendered, and with a warm cache of renderings), Graph::Easy renders them in its usual
 * per-file loop; `node -e 0` is the floor.
 */
export function batchCommands({ dir }) {
  const table = {
    'node -e 0': [process.execPath, ['-e', '0']],
    'diagrama docs --check': [process.execPath, [bin, 'docs', '--check', dir]],
    'diagrama docs --check --cache': [process.execPath, [bin, 'docs', '--check', '--cache', dir]],
  };
  if (peerStatus()['Graph::Easy'].available) {
    table['Graph::Easy, per file'] = [
      'bash',
      ['-c', `for f in "${dir}"/g*.txt; do graph-easy --as=boxart "$f" > /dev/null; done`],
    ];
  }
  return table;
}
