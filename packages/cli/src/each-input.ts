import { isDiagramaError } from '@diagrama/core';
import { EXIT } from './exit-codes.js';
import { IoError } from './io.js';
import type { Reporter } from './reporter.js';

/**
 * Runs `work` for every input, reporting progress and each input's problems, and returns the
 * worst exit code: one bad input never stops the others.
 */
export async function forEachInput(
  inputs: readonly string[],
  reporter: Reporter,
  work: (input: string) => Promise<void>,
): Promise<number> {
  let worst: number = EXIT.ok;
  for (const [index, input] of inputs.entries()) {
    reporter.progress(index + 1, inputs.length, input);
    try {
      await work(input);
    } catch (error) {
      if (isDiagramaError(error)) {
        reporter.diagnostics(error.diagnostics);
        worst = Math.max(worst, EXIT.invalid);
      } else if (error instanceof IoError) {
        reporter.error('io', error.message);
        worst = Math.max(worst, EXIT.io);
      } else {
        throw error;
      }
    }
  }
  reporter.finish();
  return worst;
}
