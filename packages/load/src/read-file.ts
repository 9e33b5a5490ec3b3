import { close, closeSync, constants, fstatSync, openSync, read, readSync } from 'node:fs';
import { promisify } from 'node:util';
import { count } from '@diagrama/core';

// The callback API, promisified: `fs.promises` loads a dozen internal modules (readline,
// watchers, streams) on first use, a millisecond or two of every CLI run.
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
  // small files (a model, a page of docs) are read without leaving the thread: four system
  // calls of microseconds each, where a round trip through libuv's pool costs tens of them
  // per call and a hundred pages spent most of a run waiting; larger ones do not block it
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (error) {
    return openFailure(error);
  }
  let sync = true;
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) {
      const what = KIND_NAMES.find(([test]) => test(info))?.[1] ?? 'not a regular file';
      return { ok: false, reason: 'not-regular', what };
    }
    if (info.size > maxBytes) return { ok: false, reason: 'too-large', size: info.size };
    sync = info.size <= SYNC_READ_BYTES;
    return sync
      ? readAllSync(fd, info.size, maxBytes)
      : await readAllAsync(fd, info.size, maxBytes);
  } catch (error) {
    return { ok: false, reason: 'error', code: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    if (sync) {
      try {
        closeSync(fd);
      } catch {
        // closing a file only read cannot lose anything
      }
    } else await closeFile(fd).catch(() => {});
  }
}

/** Files up to this size are read synchronously (see {@link readRegularFile}). */
const SYNC_READ_BYTES = 1 << 20;

function openFailure(error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'not-found' };
  if (code === 'EISDIR') return { ok: false, reason: 'not-regular', what: 'a folder' };
  if (code === 'ENXIO') return { ok: false, reason: 'not-regular', what: 'a socket' };
  return { ok: false, reason: 'error', code };
}

/**
 * Gathers a file's bytes, up to `maxBytes + 1` (one past the limit: a file larger than its
 * stat said is caught too), for a loop of reads sync or async.
 */
function gather(size: number, maxBytes: number) {
  const cap = maxBytes + 1;
  let buffer = Buffer.allocUnsafe(Math.min(cap, Math.max(size + 1, 4096)));
  let length = 0;
  return {
    /** Where the next read goes; undefined once the limit is reached. */
    room(): { buffer: Buffer; offset: number; wanted: number } | undefined {
      if (length === buffer.length) {
        if (buffer.length >= cap) return undefined;
        const grown = Buffer.allocUnsafe(Math.min(cap, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      return { buffer, offset: length, wanted: buffer.length - length };
    },
    /** Counts a read in; whether to read on (a short read of a regular file is its end). */
    took(got: number, wanted: number): boolean {
      length += got;
      return got > 0 && got === wanted;
    },
    result(): ReadResult {
      if (length > maxBytes) return { ok: false, reason: 'too-large', size: length };
      return { ok: true, bytes: buffer.subarray(0, length) };
    },
  };
}

function readAllSync(fd: number, size: number, maxBytes: number): ReadResult {
  const bytes = gather(size, maxBytes);
  for (let r = bytes.room(); r; r = bytes.room()) {
    if (!bytes.took(readSync(fd, r.buffer, r.offset, r.wanted, null), r.wanted)) break;
  }
  return bytes.result();
}

/** {@link readAllSync}, each read through libuv's pool. */
async function readAllAsync(fd: number, size: number, maxBytes: number): Promise<ReadResult> {
  const bytes = gather(size, maxBytes);
  for (let r = bytes.room(); r; r = bytes.room()) {
    const { bytesRead } = await readInto(fd, r.buffer, r.offset, r.wanted, null);
    if (!bytes.took(bytesRead, r.wanted)) break;
  }
  return bytes.result();
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
