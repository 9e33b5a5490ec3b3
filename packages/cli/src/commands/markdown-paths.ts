import { promises as fs } from 'node:fs';
import { describeFsError, findMarkdownFiles } from '@diagrama/docs-sync';
import { EXIT } from '../exit-codes.js';
import { IoError } from '../io.js';
import type { Reporter } from '../reporter.js';

/**
 * The Markdown files the paths name: files as given, folders searched. An unreadable
 * subfolder is reported for itself (exit 3) and the others are still searched.
 */
export async function expandMarkdownPaths(
  paths: readonly string[],
  reporter: Reporter,
): Promise<{ files: string[]; code: number }> {
  const files: string[] = [];
  let code: number = EXIT.ok;
  for (const path of paths) {
    let stat: Awaited<ReturnType<typeof fs.stat>>;
    try {
      stat = await fs.stat(path);
    } catch {
      throw new IoError(`cannot read ${path}: no such file or folder`, path);
    }
    if (!stat.isDirectory()) {
      files.push(path);
      continue;
    }
    let found: string[];
    try {
      found = await findMarkdownFiles(path, {
        // an unreadable subfolder is an I/O error for it alone: the others are still done
        onUnreadable: (folder, error) => {
          code = EXIT.io;
          reporter.diagnostics([
            {
              code: 'io/read',
              message: `cannot read the folder ${folder}: ${describeFsError(error)}; its files were skipped`,
              position: { file: folder, line: 1, column: 1 },
            },
          ]);
        },
      });
    } catch (error) {
      throw new IoError(error instanceof Error ? error.message : String(error), path);
    }
    for (const file of found) files.push(file);
  }
  return { files, code };
}
