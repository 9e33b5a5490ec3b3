import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserWorkspaceConfig } from 'vitest/config';

/**
 * The settings every vitest project shares. Workspace packages resolve to their `src`
 * through the `@diagrama/source` export condition, so tests never run against a stale `dist`.
 */
export function sharedProject(configUrl: string): UserWorkspaceConfig {
  const root = dirname(fileURLToPath(configUrl));
  return {
    resolve: { conditions: ['@diagrama/source'] },
    ssr: { resolve: { conditions: ['@diagrama/source'] } },
    test: {
      name: basename(root),
      root,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts', '*.test.ts'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      // CI runs every package's tests at once on two cores; a slow machine is not a failure.
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}
