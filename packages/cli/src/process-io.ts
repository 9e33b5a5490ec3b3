import { fstatSync, statSync, writeSync } from 'node:fs';
import { describeFsError } from '@diagrama/docs-sync';
import { type CliIo, IoError, readProcessStdin } from './io.js';

type Output = CliIo['stdout'];

/** True when `error` is a system error with this code. */
const hasCode = (error: unknown, code: string): boolean =>
  (error as NodeJS.ErrnoException | null)?.code === code;

/**
 * Whether writes to `fd` can go straight to the descriptor: a file, a pipe, a socket (what a
 * parent process's `spawn` gives) or `/dev/null`.
 * Terminals (and anything else) go through Node's stream, which knows their width.
 */
function writesDirectly(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() || stat.isFIFO() || stat.isSocket()) return true;
    return stat.isCharacterDevice() && stat.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/**
 * Standard output for the CLI. Files, pipes, sockets and `/dev/null` are written with `writeSync`
 * (in order, nothing buffered at exit), which spares every run Node's stream modules — a
 * few milliseconds of a start-up that is mostly Node's own. A terminal, or a pipe that
 * turns out to be non-blocking, goes through `process.stdout`. A reader that goes away
 * (`diagrama render … | head`) ends the output quietly instead of crashing the run; any other
 * failure (a full disk, `/dev/full`, an I/O error) is an I/O error, exit 3, never a crash.
 */
export function processStdout(): Output {
  let closed = false;
  let failure: Error | undefined;
  const failed = (error: unknown): IoError =>
    new IoError(`cannot write to standard output: ${describeFsError(error)}`, '<stdout>');
  let stream: NodeJS.WriteStream | undefined;
  const viaStream = (): NodeJS.WriteStream => {
    if (stream === undefined) {
      stream = process.stdout;
      stream.on('error', (error) => {
        closed = true;
        if (!hasCode(error, 'EPIPE')) failure ??= failed(error);
      });
    }
    return stream;
  };
  let direct: boolean | undefined;
  const isDirect = () => {
    direct ??= writesDirectly(1);
    return direct;
  };
  return {
    write(text: string | Uint8Array): boolean {
      if (closed) return false;
      if (!isDirect()) return viaStream().write(text);
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += writeSync(1, bytes, offset);
        } catch (error) {
          if (hasCode(error, 'EPIPE')) {
            closed = true;
            return false;
          }
          if (!hasCode(error, 'EAGAIN')) {
            closed = true;
            failure = failed(error);
            throw failure;
          }
          direct = false;
          return viaStream().write(bytes.subarray(offset));
        }
      }
      return true;
    },
    settle(): Promise<Error | undefined> {
      const open = stream;
      if (open === undefined || closed) return Promise.resolve(failure);
      // the stream reports a failed write after its callback: one more turn hears it
      return new Promise((done) => {
        open.write('', () => setImmediate(() => done(failure)));
      });
    },
    get isTTY() {
      return isDirect() ? false : viaStream().isTTY === true;
    },
    get columns() {
      return isDirect() ? undefined : viaStream().columns;
    },
  };
}

/** Standard error, created on first use (most runs write nothing to it). */
function processStderr(): CliIo['stderr'] {
  return {
    write: (text: string) => process.stderr.write(text),
    get isTTY() {
      return process.stderr.isTTY === true;
    },
  };
}

/** The CLI's input and output: this process's streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: processStdout(),
    stderr: processStderr(),
    readStdinBytes: readProcessStdin,
    env: process.env,
  };
}
