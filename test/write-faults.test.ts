import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

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

  it('standard output on a full device is an I/O error, exit 3, not a crash', () => {
    const dir = join(scratch, 'stdout');
    mkdirSync(dir);
    writeFileSync(join(dir, 'model.yaml'), model('Rest API'));
    for (const format of ['ascii', 'svg']) {
      const result = spawnSync(
        '/bin/sh',
        ['-c', `"${process.execPath}" "${bin}" render model.yaml --format ${format} > /dev/full`],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(result.status).toBe(3);
      expect(result.stderr).toBe(
        'diagrama: error[io]: cannot write to standard output: no space left on the device\n',
      );
    }
  });

  it('a folder that cannot be read is an I/O error for it alone', async () => {
    const { findMarkdownFiles } = await import('@diagrama/docs-sync');
    const fs = await import('node:fs');
    const dir = join(scratch, 'unreadable');
    mkdirSync(join(dir, 'a'), { recursive: true });
    mkdirSync(join(dir, 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'one.md'), '# one\n');
    writeFileSync(join(dir, 'b', 'two.md'), '# two\n');
    // root reads any folder whatever its mode: the refusal is made, not arranged with chmod
    const real = fs.promises.readdir;
    const spy = vi.spyOn(fs.promises, 'readdir').mockImplementation(((path, options) => {
      if (String(path) === join(dir, 'a')) {
        return Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' }));
      }
      return real(path as string, options as { withFileTypes: true });
    }) as typeof fs.promises.readdir);
    try {
      const skipped: string[] = [];
      const found = await findMarkdownFiles(dir, {
        onUnreadable: (folder) => skipped.push(folder),
      });
      expect(found).toEqual([join(dir, 'b', 'two.md')]);
      expect(skipped).toEqual([join(dir, 'a')]);
      await expect(findMarkdownFiles(join(dir, 'a'))).rejects.toThrow(
        `cannot read the folder ${join(dir, 'a')}: permission denied`,
      );
    } finally {
      spy.mockRestore();
    }
  });

  it.skipIf(process.getuid?.() === 0)(
    'an unreadable subfolder gives exit 3 and the other files are still written',
    () => {
      const dir = join(scratch, 'locked');
      mkdirSync(join(dir, 'locked'), { recursive: true });
      writeFileSync(join(dir, 'model.yaml'), model('Rest API'));
      writeFileSync(join(dir, 'a.md'), page);
      chmodSync(join(dir, 'locked'), 0);
      try {
        const result = spawnSync(process.execPath, [bin, 'docs', dir], { encoding: 'utf8' });
        expect(result.status).toBe(3);
        expect(result.stderr).toContain('error[io/read]: cannot read the folder');
        expect(readFileSync(join(dir, 'a.md'), 'utf8')).toContain('Rest API');
      } finally {
        chmodSync(join(dir, 'locked'), 0o755);
      }
    },
  );

  it('a page of 130,000 lines is checked like any other, and so are the pages after it', () => {
    const dir = join(scratch, 'long');
    mkdirSync(dir);
    writeFileSync(join(dir, 'model.yaml'), model('Rest API'));
    const tail = Array.from({ length: 130_000 }, (_, i) => `line ${i}`).join('\n');
    writeFileSync(join(dir, 'a.md'), `${page}${tail}\n`);
    writeFileSync(join(dir, 'b.md'), page);
    const result = spawnSync(process.execPath, [bin, 'docs', '--check', dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(result.stderr).not.toContain('internal');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('+++ b/');
    expect(result.stdout.match(/^\+\+\+ /gm)).toHaveLength(2);
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
