import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const built = fileURLToPath(new URL('../packages/docs-sync/dist/atomic-write.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'diagrama-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an interrupted write', () => {
  it('leaves the original or the whole new file, never a part, when killed mid-write', async () => {
    const target = join(dir, 'doc.md');
    const original = 'original content\n';
    const size = 64 * 1024 * 1024;
    for (const delay of [0, 5, 20, 60]) {
      writeFileSync(target, original);
      const script = `
        const { writeFileAtomic } = await import(${JSON.stringify(built)});
        process.stdout.write('go\\n');
        await writeFileAtomic(${JSON.stringify(target)}, 'x'.repeat(${size}));
      `;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const after = readFileSync(target, 'utf8');
      expect(after === original || after.length === size, `after ${delay} ms`).toBe(true);
    }
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.tmp'))) rmSync(join(dir, file));
  }, 30_000);
});
