import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'packages/cli/bin/diagrama.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'diagrama-faults-'));
afterAll(() => {
  spawnSync('umount', [join(scratch, 'full')]);
  rmSync(scratch, { recursive: true, force: true });
});

const page = '# Page\n\n<!-- diagrama:start model.yaml -->\n<!-- diagrama:end -->\n';
const model = (label: string) => `nodes:\n  - {kind: api, label: "${label}"}\n`;

describe('writes under faults', () => {
  it('two runs at once leave every file fully old or fully new', async () => {
    const dir = join(scratch, 'race');
    mkdirSync(dir);
    writeFileSync(join(dir, 'model.yaml'), model('Rest API'));
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `p${i}.md`), page);
    const runs = [0, 1].map(
      () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, [bin, 'docs', dir, '--quiet'], { stdio: 'ignore' });
          child.on('exit', resolve);
        }),
    );
    const codes = await Promise.all(runs);
    for (const code of codes) expect([0, 3]).toContain(code);
    for (let i = 0; i < 20; i++) {
      const text = readFileSync(join(dir, `p${i}.md`), 'utf8');
      expect([
        page,
        expect.stringContaining('║  Rest API  ║\n╚════════════╝\n```\n<!-- diagrama:end -->\n'),
      ]).toContainEqual(text);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a full disk leaves the original intact, reports exit 3 and no temporary file', (context) => {
    const dir = join(scratch, 'full');
    mkdirSync(dir);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], {
      encoding: 'utf8',
    });
    if (mounted.status !== 0) {
      context.skip(
        `cannot mount a small tmpfs here (${(mounted.stderr || 'not permitted').trim()})`,
      );
    }
    writeFileSync(join(dir, 'model.yaml'), model('x'.repeat(1500)));
    writeFileSync(join(dir, 'page.md'), page);
    writeFileSync(join(dir, 'filler'), Buffer.alloc(56 * 1024));
    const result = spawnSync(process.execPath, [bin, 'docs', join(dir, 'page.md')], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/no space left on the device/);
    expect(readFileSync(join(dir, 'page.md'), 'utf8')).toBe(page);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a read-only page is refused with exit 3, and the other files are still written', () => {
    const dir = join(scratch, 'ro');
    mkdirSync(dir);
    writeFileSync(join(dir, 'model.yaml'), model('Rest API'));
    writeFileSync(join(dir, 'a.md'), page);
    writeFileSync(join(dir, 'b.md'), page, { mode: 0o444 });
    const result = spawnSync(process.execPath, [bin, 'docs', dir], { encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('error[io/read-only]');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toContain('Rest API');
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe(page);
  });
});
