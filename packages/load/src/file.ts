import { count, DiagramaError, limitMessage, resolveLimits } from '@diagrama/core';
import { decodeSource } from './decode.js';
import { type LoadedDiagram, type LoadOptions, loadDiagram } from './load.js';
import { describeReadFailure, readRegularFile } from './read-file.js';

/** A model file's text as read, and its bytes (what a cache of renderings is keyed by). */
export interface ModelSource {
  text: string;
  bytes: Uint8Array;
}

/**
 * Reads a model file's text — a regular file only, never more than `maxInputBytes` whatever
 * its size claims — decoded as strict UTF-8. Every failure is a `DiagramaError` with a stable
 * code.
 */
export async function readModelSource(
  path: string,
  options: Pick<LoadOptions, 'file' | 'limits'> = {},
): Promise<ModelSource> {
  const file = options.file ?? path;
  const limits = resolveLimits(options.limits);
  const fail = (code: string, message: string, expected?: string): never => {
    throw new DiagramaError([
      { code, message, position: { file, line: 1, column: 1 }, ...(expected ? { expected } : {}) },
    ]);
  };
  const result = await readRegularFile(path, limits.maxInputBytes);
  if (!result.ok) {
    if (result.reason === 'too-large') {
      return fail(
        'limit/input-size',
        limitMessage('maxInputBytes', 'the file size in bytes', result.size, limits),
        `files of at most ${count(limits.maxInputBytes, 'byte')}`,
      );
    }
    return fail('io/read', `cannot read ${file}: ${describeReadFailure(result)}`);
  }
  return { text: decodeSource(result.bytes, file), bytes: result.bytes };
}

/**
 * Reads a model file (see {@link readModelSource}) and loads it. Every failure is a
 * `DiagramaError` with a stable code.
 */
export async function readModelFile(
  path: string,
  options: LoadOptions = {},
): Promise<LoadedDiagram> {
  const file = options.file ?? path;
  const { text } = await readModelSource(path, options);
  return loadDiagram(text, { ...options, file });
}
