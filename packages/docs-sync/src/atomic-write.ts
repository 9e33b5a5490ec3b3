import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file that could not be written, with the reason in words. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly reason: string,
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

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, is
 * flushed to disk, and replaces the target with one rename. A reader (or a crash) sees the old
 * file or the new one, never a part; the target's mode is kept; on failure the temporary file
 * is removed and the target is untouched.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let mode: number | undefined;
  try {
    mode = (await fs.stat(path)).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    const handle = await fs.open(temporary, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
      if (mode !== undefined) await handle.chmod(mode);
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    const reason = describeFsError(error);
    throw new WriteError(`cannot write ${path}: ${reason}`, path, reason);
  }
}
