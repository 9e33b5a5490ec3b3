import { close, constants, fstat, open, read } from 'node:fs';
import { promisify } from 'node:util';
import { count } from '@diagrama/core';

// The callback API, promisified: `fs.promises` loads a dozen internal modules (readline,
// watchers, streams) on first use, a millisecond or two of every CLI run.
const openFile = promisify(open);
const statHandle = promisify(fstat);
const readInto = promisify(read);
const closeFile = promisify(close);

/** Why {@link readRegularFile} refused or failed, as a stable reason. */
export type ReadFailure =
  | { reason: 'not-found' }
  | { reason: 'not-regular'; what: string }
  | { reason: 'too-large'; size: number }
  | { reason: 'error'; code: string };

/** The bytes of a regular file, or why there are none. */
export type ReadResult = { ok: true; bytes: Uint8Array } | ({ ok: false } & ReadFailure);

const KIND_NAMES: [test: (s: import('node:fs').Stats) => boolean, name: string][] = [
  [(s) => s.isDirectory(), 'a folder'],
  [(s) => s.isFIFO(), 'a named pipe'],
  [(s) => s.isCharacterDevice(), 'a character device'],
  [(s) => s.isBlockDevice(), 'a block device'],
  [(s) => s.isSocket(), 'a socket'],
];

/**
 * Reads a regular file, never more than `maxBytes` bytes whatever its size claims to be.
 * Folders, devices (`/dev/zero`), named pipes and sockets are refused without reading, and a
 * pipe is opened without blocking, so a FIFO cannot hang the caller. A file that grows past
 * `maxBytes` while being read (or a `/proc` file whose size says 0) stops at `maxBytes + 1`
 * and is reported as too large.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<ReadResult> {
  let fd: number;
  try {
    fd = await openFile(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'not-found' };
    if (code === 'EISDIR') return { ok: false, reason: 'not-regular', what: 'a folder' };
    if (code === 'ENXIO') return { ok: false, reason: 'not-regular', what: 'a socket' };
    return { ok: false, reason: 'error', code };
  }
  try {
    const info = await statHandle(fd);
    if (!info.isFile()) {
      const what = KIND_NAMES.find(([test]) => test(info))?.[1] ?? 'not a regular file';
      return { ok: false, reason: 'not-regular', what };
    }
    if (info.size > maxBytes) return { ok: false, reason: 'too-large', size: info.size };
    // read up to one byte past the limit: a file larger than its stat said is caught too
    const cap = maxBytes + 1;
    let buffer = Buffer.allocUnsafe(Math.min(cap, Math.max(info.size, 4096)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length >= cap) break;
        const grown = Buffer.allocUnsafe(Math.min(cap, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const { bytesRead } = await readInto(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { ok: false, reason: 'too-large', size: length };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: 'error', code: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    await closeFile(fd).catch(() => {});
  }
}

/** Words for a failed read, for messages: `no such file or folder`, `is a named pipe`, … */
export function describeReadFailure(failure: ReadFailure): string {
  switch (failure.reason) {
    case 'not-found':
      return 'no such file or folder';
    case 'not-regular':
      return `is ${failure.what}, not a regular file`;
    case 'too-large':
      return `larger than the limit (${count(failure.size, 'byte')} or more)`;
    case 'error':
      return failure.code === 'EACCES' || failure.code === 'EPERM'
        ? 'permission denied'
        : failure.code;
  }
}
