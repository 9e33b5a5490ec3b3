/**
 * Limits on untrusted input. They are set by the caller (CLI flags, library options), never
 * from inside a model; every error names the limit, the value seen, where, and the flag.
 */
export interface Limits {
  /** Bytes of one model file, checked before reading it. @default 1048576 */
  maxInputBytes: number;
  /** Nesting of the source data (YAML or JSON), checked before parsing. @default 100 */
  maxDepth: number;
  /** Nodes in one diagram. @default 10000 */
  maxNodes: number;
  /** Connections in one diagram. @default 20000 */
  maxConnections: number;
  /** Hosts inside hosts. @default 32 */
  maxContainerDepth: number;
  /** Graphemes in one label, note or caption. @default 2000 */
  maxLabelGraphemes: number;
  /** Code points in one grapheme (stacked combining marks). @default 32 */
  maxGraphemeCodePoints: number;
  /** Cells of the laid-out picture (columns × rows). @default 25000000 */
  maxCanvasCells: number;
  /** Wall-clock time to lay out and draw one diagram, in milliseconds. @default 10000 */
  timeBudgetMs: number;
}

/** The limits used when the caller sets none. */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxInputBytes: 1024 * 1024,
  maxDepth: 100,
  maxNodes: 10_000,
  maxConnections: 20_000,
  maxContainerDepth: 32,
  maxLabelGraphemes: 2_000,
  maxGraphemeCodePoints: 32,
  maxCanvasCells: 25_000_000,
  timeBudgetMs: 10_000,
};

/** Limits with defaults filled in. */
export function resolveLimits(limits: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/**
 * The message of a limit error: what was seen, the limit, and how to raise it — by the
 * option's name (`raise the \`maxNodes\` limit`); a command line says its flag instead.
 */
export function limitMessage(
  limit: keyof Limits,
  what: string,
  seen: number,
  limits: Limits,
): string {
  return `${what} is ${seen}, over the limit of ${limits[limit]} (${raiseLimit(limit)})`;
}

/** How a message says to raise a limit: by its option name, which callers may rewrite. */
export function raiseLimit(limit: keyof Limits): string {
  return `raise the \`${limit}\` limit`;
}
