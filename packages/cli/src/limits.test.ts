import { describe, expect, it } from 'vitest';
import { LIMIT_FLAGS, withFlags } from './limits.js';

describe('withFlags', () => {
  it("says a library's limit option as the flag that raises it", () => {
    expect(withFlags('over the limit of 10 (raise the `maxNodes` limit)')).toBe(
      'over the limit of 10 (raise it with --max-nodes)',
    );
    expect(withFlags('raise the `timeBudgetMs` limit')).toBe('raise it with --time-budget');
    // a name that is not a limit (or text from a model) is left alone
    expect(withFlags('raise the `constructor` limit')).toBe('raise the `constructor` limit');
  });

  it('has a flag for every limit', () => {
    for (const flag of Object.values(LIMIT_FLAGS)) expect(flag).toMatch(/^--[a-z-]+$/);
  });
});
