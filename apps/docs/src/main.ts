import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '@diagrama/core';
import { generateDocs } from './generate.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const check = process.argv.includes('--check');
const results = await generateDocs({ root, check });
let stale = 0;
let failed = 0;
for (const result of results) {
  if (result.status === 'error') {
    failed++;
    for (const d of result.diagnostics)
      process.stderr.write(`${formatDiagnostic(d, result.file)}\n`);
  } else if (result.status === 'stale') {
    stale++;
    process.stdout.write(result.diff ?? '');
  } else if (result.status === 'updated') {
    process.stdout.write(`updated ${result.file}\n`);
  }
}
if (check && stale > 0) {
  process.stderr.write(`${stale} file(s) are stale: run \`pnpm docs\` and commit the result\n`);
}
process.exitCode = failed > 0 ? 2 : stale > 0 ? 1 : 0;
