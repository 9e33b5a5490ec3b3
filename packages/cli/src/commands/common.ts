import { type OptionSpec, UsageError, wholeNumber } from '../args.js';

/** Options every command accepts. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { takesValue: false, short: 'h' },
  quiet: { takesValue: false, short: 'q' },
  json: { takesValue: false },
  debug: { takesValue: false },
};

/** The help lines of the common options. */
export const COMMON_HELP = `  -q, --quiet                   print only errors
      --json                    print diagnostics as one JSON object on standard error
      --debug                   print stack traces of internal errors
  -h, --help                    show this help`;

/** The exit codes, as every help text states them. */
export const EXIT_HELP = `Exit codes:
  0   ok
  1   a check found stale output
  2   invalid input or usage
  3   a file could not be read or written
  70  an internal error (a bug: please report it)`;

/** Parses `--timeout` (or another flag given in milliseconds, `flag` with its default). */
export function parseTimeout(
  value: string | true | undefined,
  flag = '--timeout',
  fallback = 10_000,
): number {
  if (value === undefined) return fallback;
  // timers fire at once past 2^31 - 1 ms: that is the longest wait there is
  const ms = wholeNumber(value, 1, 2 ** 31 - 1);
  if (ms === undefined) {
    throw new UsageError(`${flag} needs a whole number of milliseconds, from 1 to 2147483647`);
  }
  return ms;
}
