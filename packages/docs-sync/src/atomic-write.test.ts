import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WriteError, writeFileAtomic } from './atomic-write.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'diagrama-write-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});
const path = (name: string) => join(dir, name);
const leftovers = (folder = dir) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));
const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as WriteError).code;
  }
  return 'ok';
};

describe('writeFileAtomic', () => {
  it('refuses a read-only file by its mode bits, even as root, and leaves it intact', async () => {
    writeFileSync(path('ro.md'), 'original');
    chmodSync(path('ro.md'), 0o444);
    expect(await codeOf(writeFileAtomic(path('ro.md'), 'new'))).toBe('io/read-only');
    expect(readFileSync(path('ro.md'), 'utf8')).toBe('original');
    expect(leftovers()).toEqual([]);
  });

  it('refuses a read-only folder', async () => {
    mkdirSync(path('locked'));
    writeFileSync(path('locked/a.md'), 'original');
    chmodSync(path('locked'), 0o555);
    expect(await codeOf(writeFileAtomic(path('locked/a.md'), 'new'))).toBe('io/read-only');
    chmodSync(path('locked'), 0o755);
    expect(readFileSync(path('locked/a.md'), 'utf8')).toBe('original');
    expect(leftovers(path('locked'))).toEqual([]);
  });

  it('follows a symbolic link and keeps it a link', async () => {
    writeFileSync(path('real.md'), 'old');
    symlinkSync(path('real.md'), path('link.md'));
    await writeFileAtomic(path('link.md'), 'new');
    expect(lstatSync(path('link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path('real.md'), 'utf8')).toBe('new');
  });

  it('refuses a file with several hard links rather than splitting them', async () => {
    writeFileSync(path('a.md'), 'old');
    linkSync(path('a.md'), path('b.md'));
    expect(await codeOf(writeFileAtomic(path('a.md'), 'new'))).toBe('io/hard-link');
    expect(readFileSync(path('b.md'), 'utf8')).toBe('old');
  });

  it('refuses to overwrite a file that changed since it was read', async () => {
    writeFileSync(path('doc.md'), 'edited by someone else');
    expect(await codeOf(writeFileAtomic(path('doc.md'), 'new', { expected: 'what we read' }))).toBe(
      'io/changed',
    );
    expect(readFileSync(path('doc.md'), 'utf8')).toBe('edited by someone else');
    expect(leftovers()).toEqual([]);
  });

  // #18: two runs on one tree both wrote the right thing; the second must not fail
  it('succeeds when the file already holds what it would write', async () => {
    writeFileSync(path('doc.md'), 'new');
    await writeFileAtomic(path('doc.md'), 'new', { expected: 'what we read' });
    expect(readFileSync(path('doc.md'), 'utf8')).toBe('new');
    expect(leftovers()).toEqual([]);
  });

  it('creates the target of a dangling link and keeps the link a link', async () => {
    symlinkSync(path('later.md'), path('link.md'));
    await writeFileAtomic(path('link.md'), 'new');
    expect(lstatSync(path('link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path('later.md'), 'utf8')).toBe('new');
  });

  it("sweeps the temporaries a killed run left, and keeps a live run's", async () => {
    const { spawnSync } = await import('node:child_process');
    // a process id that is surely gone: a child that has already exited
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    writeFileSync(path('doc.md'), 'old');
    writeFileSync(path(`.doc.md.${dead}.abc123.tmp`), 'half');
    writeFileSync(path(`.doc.md.${process.ppid}.abc123.tmp`), 'still writing');
    writeFileSync(path(`.other.md.${dead}.abc123.tmp`), 'not ours');
    await writeFileAtomic(path('doc.md'), 'new');
    expect(leftovers().sort()).toEqual(
      [`.doc.md.${process.ppid}.abc123.tmp`, `.other.md.${dead}.abc123.tmp`].sort(),
    );
    expect(readFileSync(path('doc.md'), 'utf8')).toBe('new');
  });

  it('writes to a device without replacing it', async () => {
    await writeFileAtomic('/dev/null', 'nothing');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.skipIf(process.getuid?.() !== 0)(
    "keeps a file's owner and group when root rewrites it",
    async () => {
      writeFileSync(path('doc.md'), 'old');
      chownSync(path('doc.md'), 1234, 5678);
      await writeFileAtomic(path('doc.md'), 'new');
      expect(statSync(path('doc.md'))).toMatchObject({ uid: 1234, gid: 5678 });
    },
  );
});
