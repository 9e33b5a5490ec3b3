import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeReadFailure, readRegularFile } from './read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'diagrama-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRegularFile', () => {
  it('reads a regular file, through a link too', async () => {
    writeFileSync(join(dir, 'a.yaml'), 'nodes: []\n');
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'link.yaml'));
    for (const name of ['a.yaml', 'link.yaml']) {
      const result = await readRegularFile(join(dir, name), 100);
      expect(result.ok && Buffer.from(result.bytes).toString()).toBe('nodes: []\n');
    }
  });

  it('refuses what is not a regular file, without reading or blocking', async () => {
    mkdirSync(join(dir, 'folder'));
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    const cases: [string, string][] = [
      ['/dev/zero', 'is a character device, not a regular file'],
      [join(dir, 'fifo'), 'is a named pipe, not a regular file'],
      [join(dir, 'folder'), 'is a folder, not a regular file'],
      [join(dir, 'missing'), 'no such file or folder'],
    ];
    for (const [path, words] of cases) {
      const result = await readRegularFile(path, 1 << 20);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(describeReadFailure(result)).toBe(words);
    }
  });

  it('stops at the limit, whatever the size said', async () => {
    writeFileSync(join(dir, 'big'), 'x'.repeat(5000));
    expect(await readRegularFile(join(dir, 'big'), 4999)).toEqual({
      ok: false,
      reason: 'too-large',
      size: 5000,
    });
    const exact = await readRegularFile(join(dir, 'big'), 5000);
    expect(exact.ok && exact.bytes.length).toBe(5000);
    // /proc files say 0 bytes and have more
    expect(await readRegularFile('/proc/self/status', 10)).toMatchObject({ size: 11 });
  });
});
