/** Process exit codes, documented in `--help` and the README. */
export const EXIT = {
  /** Everything worked. */
  ok: 0,
  /** A check found stale output. */
  stale: 1,
  /** Invalid input or usage. */
  invalid: 2,
  /** A file could not be read or written. */
  io: 3,
  /** An internal error (a bug). */
  internal: 70,
} as const;
