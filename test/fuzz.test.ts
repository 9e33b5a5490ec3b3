import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { fuzz } from './fuzz/fuzz.mjs';

describe('fuzzing the CLI (quick run; `pnpm fuzz` runs 100,000 cases)', () => {
  it('never crashes, never prints a stack trace or a raw control character', async () => {
    const result = (await fuzz({ cases: 1500, seconds: 120, seed: 7 })) as {
      ran: number;
      failures: unknown[];
    };
    expect(result.failures).toEqual([]);
    expect(result.ran).toBe(1500);
  }, 180_000);
});
