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
 * Parses `argv` against a table of options. Accepts `--name value`, `--name=value`, short
 * aliases, `--` to end options, and `-` as a positional (standard input or output).
 */
export function parseArgs(
  argv: readonly string[],
  specs: Readonly<Record<string, OptionSpec>>,
): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const byShort = new Map(
    Object.entries(specs).flatMap(([name, spec]) =>
      spec.short ? [[spec.short, name] as const] : [],
    ),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.startsWith('--')
      ? (() => {
          const eq = arg.indexOf('=');
          return eq === -1 ? [arg.slice(2), undefined] : [arg.slice(2, eq), arg.slice(eq + 1)];
        })()
      : [byShort.get(arg.slice(1)) ?? arg, undefined];
    const spec = Object.hasOwn(specs, rawName) ? specs[rawName] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option ${arg}`);
    if (!spec.takesValue) {
      if (inline !== undefined) throw new UsageError(`--${rawName} takes no value`);
      options.set(rawName, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${rawName} needs a value`);
    options.set(rawName, value);
  }
  return { positionals, options };
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
