import { DEFAULT_LIMITS, LIMIT_FLAGS, type Limits } from '@diagrama/core';
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
