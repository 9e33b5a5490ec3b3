// The entry point of the bundled CLI (dist/bundle/diagrama.cjs), run by bin/diagrama.cjs.

import { EXIT } from './exit-codes.js';
import { main } from './main.js';
import { processIo } from './process-io.js';

export { main } from './main.js';

/** Runs the CLI on this process's arguments and streams and sets its exit code. */
export async function runProcess(): Promise<void> {
  const io = processIo();
  const code = await main(process.argv.slice(2), io);
  // output through a stream fails after the fact (a full disk): an I/O error, not a crash
  const failure = await io.stdout.settle?.();
  if (failure !== undefined && code !== EXIT.io) {
    io.stderr.write(`diagrama: error[io]: ${failure.message}\n`);
    process.exitCode = EXIT.io;
    return;
  }
  process.exitCode = code;
}
