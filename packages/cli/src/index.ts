// Running the CLI in-process
export { EXIT } from './exit-codes.js';
export type { CliIo } from './io.js';
export { HELP, main, version } from './main.js';
