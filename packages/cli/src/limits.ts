import { DEFAULT_LIMITS, type Limits } from '@diagrama/core';

/** The flag for each limit: the libraries name the option, the command line its flag. */
export const LIMIT_FLAGS: Readonly<Record<keyof Limits, string>> = {
  maxInputBytes: '--max-input-bytes',
  maxDepth: '--max-depth',
  maxNodes: '--max-nodes',
  maxConnections: '--max-connections',
  maxContainerDepth: '--max-container-depth',
  maxLabelGraphemes: '--max-label',
  maxGraphemeCodePoints: '--max-grapheme',
  maxCanvasCells: '--max-canvas',
  timeBudgetMs: '--time-budget',
};

/** A library's "raise the `maxNodes` limit", said as the flag that raises it. */
export function withFlags(message: string): string {
  return message.replace(/raise the `(\w+)` limit/g, (whole, name: string) =>
    Object.hasOwn(LIMIT_FLAGS, name) ? `raise it with ${LIMIT_FLAGS[name as keyof Limits]}` : whole,
  );
}

import { type OptionSpec, type ParsedArgs, UsageError, wholeNumber } from './args.js';

/** One option per limit (`--max-nodes 20000`, …). */
export const LIMIT_OPTIONS: Readonly<Record<string, OptionSpec>> = Object.fromEntries(
  Object.values(LIMIT_FLAGS).map((flag) => [flag.slice(2), { takesValue: true }]),
);

/** The help lines of the limit options. */
export const LIMIT_HELP = (Object.keys(LIMIT_FLAGS) as (keyof Limits)[])
  .map(
    (key) => `      ${`${LIMIT_FLAGS[key]} <n>`.padEnd(30)}limit (default: ${DEFAULT_LIMITS[key]})`,
  )
  .join('\n');

/** The limits the user set on the command line. */
export function limitsFrom(parsed: ParsedArgs): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const key of Object.keys(LIMIT_FLAGS) as (keyof Limits)[]) {
    const flag = LIMIT_FLAGS[key];
    const value = parsed.options.get(flag.slice(2));
    if (value === undefined) continue;
    const n = wholeNumber(value, 1);
    if (n === undefined) {
      throw new UsageError(`${flag} needs a positive whole number, in digits (like 20000)`);
    }
    limits[key] = n;
  }
  return limits;
}
