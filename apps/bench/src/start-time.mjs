import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, ms } from './stats.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = `${root}packages/cli/bin/diagrama.cjs`;

/** Whole-process wall time of each command, interleaved so machine noise hits all alike. */
export function startTime({ runs, warmup }) {
  const commands = {
    'node -e 0 (the floor)': [process.execPath, ['-e', '0']],
    'diagrama render (ascii, YAML)': [
      process.execPath,
      [bin, 'render', 'docs/examples/docker-architecture.yaml', '--format', 'ascii'],
    ],
    'diagrama render (svg, YAML)': [
      process.execPath,
      [bin, 'render', 'docs/examples/docker-architecture.yaml', '--format', 'svg'],
    ],
    'diagrama render (ascii, .ts)': [
      process.execPath,
      [bin, 'render', 'docs/examples/docker-architecture.ts'],
    ],
  };
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const [name, [command, args]] of Object.entries(commands)) {
      const start = performance.now();
      const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      const elapsed = performance.now() - start;
      if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
      if (i >= warmup) times[name].push(elapsed);
    }
  }
  const floor = median(times['node -e 0 (the floor)']);
  const rows = Object.entries(times).map(([name, list]) => ({
    name,
    median: median(list),
    ratio: median(list) / floor,
  }));
  return { runs, floor, rows };
}

/** Prints the start-time table. */
export function printStartTime(result) {
  console.log(`\nCLI start-up, whole process, median of ${result.runs} runs (interleaved):`);
  for (const row of result.rows)
    console.log(
      `  ${row.name.padEnd(34)} ${ms(row.median).padStart(10)}  ${row.ratio.toFixed(2)}× node`,
    );
  const ascii = result.rows.find((r) => r.name.startsWith('diagrama render (ascii, YAML)'));
  console.log(
    `  target: ascii render ≤ 1.5× node -e 0 → ${ascii.ratio <= 1.5 ? 'met' : 'NOT met'} (${ascii.ratio.toFixed(2)}×)`,
  );
}
