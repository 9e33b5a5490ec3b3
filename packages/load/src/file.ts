import { count, DiagramaError, limitMessage, resolveLimits } from '@diagrama/core';
import { decodeSource } from './decode.js';
import { type LoadedDiagram, type LoadOptions, loadDiagram } from './load.js';
import { describeReadFailure, readRegularFile } from './read-file.js';

/**
 * Reads a model file — a regular file only, never more than `maxInputBytes` whatever its size
 * claims — decodes it as strict UTF-8 and loads it. Every failure is a `DiagramaError` with a
 * stable code.
 */
export async function readModelFile(
  path: string,
  options: LoadOptions = {},
): Promise<LoadedDiagram> {
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
  return loadDiagram(decodeSource(result.bytes, file), { ...options, file });
}
