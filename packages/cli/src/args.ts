import { parseArgs as nodeParseArgs } from 'node:util';

/** Parsed command-line arguments. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

/** An option a command accepts: a flag, or one that takes a value. */
export interface OptionSpec {
  takesValue: boolean;
  short?: string;
}

/** Thrown for arguments that do not fit the command. */
export class UsageError extends Error {}

/**
 * Parses `argv` against a table of options with Node's own `util.parseArgs`: `--name value`,
 * `--name=value`, short aliases, `--` to end options, and `-` as a positional (standard input
 * or output). Its tokens are checked here, so every problem is a {@link UsageError} in the
 * CLI's words.
 */
export function parseArgs(
  argv: readonly string[],
  specs: Readonly<Record<string, OptionSpec>>,
): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = {
      type: spec.takesValue ? 'string' : 'boolean',
      ...(spec.short ? { short: spec.short } : {}),
    };
  }
  const { tokens } = nodeParseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const values = new Map<string, string | true>();
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option ${token.rawName}`);
    const long = `--${token.name}`;
    if (!spec.takesValue) {
      if (token.inlineValue) throw new UsageError(`${long} takes no value`);
      values.set(token.name, true);
      continue;
    }
    if (token.value === undefined) throw new UsageError(`${long} needs a value`);
    values.set(token.name, token.value);
  }
  return { positionals, options: values };
}

/**
 * A whole number written in decimal digits (no sign, exponent, hex or spaces), at least
 * `minimum` and at most `maximum`; undefined when the text is anything else. `Number()` alone
 * takes `1e3`, `0x10` and `' 7 '`, which a flag should refuse.
 * @example wholeNumber('80', 1) // 80
 * @example wholeNumber('1e3', 1) // undefined
 */
export function wholeNumber(
  text: string | true | undefined,
  minimum: number,
  maximum = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (typeof text !== 'string' || !/^[0-9]{1,16}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= minimum && n <= maximum ? n : undefined;
}
