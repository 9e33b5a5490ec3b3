import { count, DiagramaError } from '@diagrama/core';

/** What the CLI reads and writes, injectable for tests. */
export interface CliIo {
  stdout: {
    write(text: string | Uint8Array): unknown;
    isTTY?: boolean;
    columns?: number | undefined;
    /** Waits until what was written has gone out; resolves to the error that stopped it, if any. */
    settle?(): Promise<Error | undefined>;
  };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** All of standard input, refusing more than `maxBytes`. */
  readStdinBytes(maxBytes: number): Promise<Uint8Array>;
  env: Readonly<Record<string, string | undefined>>;
}

/** A file that could not be read or written; exit code 3. */
export class IoError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** Reads all of standard input, stopping with `limit/input-size` past `maxBytes`. */
export async function readProcessStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      throw new DiagramaError([
        {
          code: 'limit/input-size',
          message: `standard input is over the limit of ${count(maxBytes, 'byte')} (raise it with --max-input-bytes)`,
          position: { file: '<stdin>', line: 1, column: 1 },
        },
      ]);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Writes a file atomically, reporting failure as an {@link IoError}. */
export async function writeOutput(path: string, content: string | Uint8Array): Promise<void> {
  const { WriteError, writeFileAtomic } = await import('@diagrama/docs-sync');
  try {
    await writeFileAtomic(path, content);
  } catch (error) {
    if (error instanceof WriteError) throw new IoError(error.message, path);
    throw error;
  }
}
