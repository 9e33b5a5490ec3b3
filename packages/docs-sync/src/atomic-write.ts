import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Random hex digits for a temporary name (Web Crypto: loaded only when a file is written). */
const randomHex = (bytes: number): string =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

/** A file that could not be written, with the reason in words. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly reason: string,
    /** A stable code: `io/write`, `io/read-only`, `io/hard-link` or `io/changed`. */
    readonly code = 'io/write',
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

/** Explains a file-system error code in words. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** Options for {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /**
   * What the file held when it was read. If it holds something else just before the
   * rename (someone edited it meanwhile), nothing is written and `io/changed` is raised.
   */
  expected?: string;
}

/** Whether a process with this id is running (one we may not signal is running). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files an earlier run left beside `name` when it was killed between
 * creating and renaming one (`.name.PID.hex.tmp`): only those whose process is gone, so a run
 * still writing keeps its own. Best effort: a file that cannot be removed stays. Returns the
 * paths removed.
 */
export async function sweepStale(folder: string, name: string): Promise<string[]> {
  const prefix = `.${name}.`;
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const match = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(entry.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || alive(pid)) continue;
    const path = join(folder, entry);
    const stat = await fs.lstat(path).catch(() => undefined);
    if (!stat?.isFile()) continue;
    try {
      await fs.rm(path, { force: true });
      removed.push(path);
    } catch {
      // left for a later run
    }
  }
  return removed;
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, is
 * flushed to disk, and replaces the target with one rename. A reader (or a crash) sees the old
 * file or the new one, never a part; the target's mode is kept; on failure the temporary file
 * is removed and the target is untouched.
 *
 * Deliberate choices: a read-only file or folder (by its mode bits — root could write anyway)
 * is refused; a symbolic link is followed and its target replaced, so the link stays a link;
 * a file with several hard links is refused, since replacing it would split them.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const refuse = (code: string, reason: string): never => {
    throw new WriteError(`cannot write ${path}: ${reason}`, path, reason, code);
  };
  let target = path;
  let mode: number | undefined;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const link = await fs.lstat(path);
    if (link.isSymbolicLink()) {
      // a link that points nowhere yet: its target is created, and the link stays a link
      const pointed = resolve(dirname(path), await fs.readlink(path));
      target = await fs.realpath(path).catch(() => pointed);
    }
    const stat = link.isSymbolicLink()
      ? await fs.stat(target).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw error;
        })
      : link;
    if (stat === undefined) throw Object.assign(new Error('no target yet'), { code: 'ENOENT' });
    if (stat.isDirectory()) refuse('io/write', 'is a folder, not a file');
    if (!stat.isFile()) {
      // a device, a FIFO or a socket (`--out /dev/null`): written to, never replaced
      await fs.writeFile(target, content);
      return;
    }
    if (stat.nlink > 1)
      refuse(
        'io/hard-link',
        `the file has ${stat.nlink} hard links; replacing it would split them`,
      );
    if ((stat.mode & 0o222) === 0) refuse('io/read-only', 'the file is read-only');
    mode = stat.mode & 0o7777;
    owner = { uid: stat.uid, gid: stat.gid };
  } catch (error) {
    if (error instanceof WriteError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      refuse('io/write', describeFsError(error));
    }
  }
  const folder = dirname(target);
  try {
    const dir = await fs.stat(folder);
    if ((dir.mode & 0o222) === 0) refuse('io/read-only', 'its folder is read-only');
  } catch (error) {
    if (error instanceof WriteError) throw error;
    refuse('io/write', describeFsError(error));
  }
  await sweepStale(folder, basename(target));
  const temporary = join(folder, `.${basename(target)}.${process.pid}.${randomHex(6)}.tmp`);
  try {
    const handle = await fs.open(temporary, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(content);
      await handle.sync();
      if (mode !== undefined) await handle.chmod(mode);
      // run as root, the new file would be root's: it keeps the old one's owner and group
      if (owner !== undefined && process.getuid?.() === 0) {
        await handle.chown(owner.uid, owner.gid);
      }
    } finally {
      await handle.close();
    }
    if (options.expected !== undefined) {
      const now = await fs.readFile(target, 'utf8').catch(() => undefined);
      // another run wrote the same thing meanwhile: nothing left to do, and no error
      if (now === content) {
        await fs.rm(temporary, { force: true });
        return;
      }
      if (now !== options.expected)
        refuse('io/changed', 'the file changed while diagrama was working on it; run again');
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    if (error instanceof WriteError) throw error;
    refuse('io/write', describeFsError(error));
  }
}
