import { promises as fs } from 'node:fs';

/** What the CLI reads and writes, injectable for tests. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  readStdin(): Promise<string>;
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

/** Reads a text file, or standard input for `-`. */
export async function readText(path: string, io: CliIo): Promise<string> {
  if (path === '-') return io.readStdin();
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    throw new IoError(
      `cannot read ${path}: ${(await import('@diagrama/docs-sync')).describeFsError(error)}`,
      path,
    );
  }
}

/** Reads all of standard input as UTF-8. */
export async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes a file atomically, reporting failure as an {@link IoError}. */
export async function writeOutput(path: string, content: string): Promise<void> {
  const { WriteError, writeFileAtomic } = await import('@diagrama/docs-sync');
  try {
    await writeFileAtomic(path, content);
  } catch (error) {
    if (error instanceof WriteError) throw new IoError(error.message, path);
    throw error;
  }
}
