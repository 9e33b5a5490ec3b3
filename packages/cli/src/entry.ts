// The entry point of the bundled CLI (dist/bundle/diagrama.cjs), run by bin/diagrama.cjs.

import { main } from './main.js';
import { processIo } from './process-io.js';

export { main } from './main.js';

/** Runs the CLI on this process's arguments and streams and sets its exit code. */
export async function runProcess(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIo());
}
