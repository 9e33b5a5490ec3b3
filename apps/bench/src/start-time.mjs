import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, ms } from './stats.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = `${root}packages/cli/bin/diagrama.cjs`;

/**
 * Variables that change how long Node itself takes to start. NODE_EXTRA_CA_CERTS makes
 * Node 20 read and parse a certificate bundle before running anything (≈ 35 ms on the
 * machine this was written on, more than Node's whole start without it): left in, it
 * inflates the floor and flatters every ratio. The verdict uses the clean environment.
 */
const START_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];

function cleanEnv() {
  const env = { ...process.env };
  for (const name of START_VARIABLES) delete env[name];
  return env;
}

/** Whole-process wall time of each command, interleaved so machine noise hits all alike. */
function measure({ runs, warmup, env }) {
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
      const result = spawnSync(command, args, {
        cwd: root,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
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
  return { floor, rows };
}

/**
 * Start-up in a clean environment (the verdict), and also as this shell has it when one of
 * {@link START_VARIABLES} is set.
 */
export function startTime({ runs, warmup }) {
  const set = START_VARIABLES.filter((name) => process.env[name] !== undefined);
  const clean = measure({ runs, warmup, env: cleanEnv() });
  const inherited = set.length > 0 ? measure({ runs, warmup, env: process.env }) : undefined;
  return { runs, ...clean, removed: set, inherited };
}

const table = (rows) =>
  rows.map(
    (row) =>
      `  ${row.name.padEnd(34)} ${ms(row.median).padStart(10)}  ${row.ratio.toFixed(2)}× node`,
  );

/** Prints the start-time tables. */
export function printStartTime(result) {
  console.log(
    `\nCLI start-up, whole process, median of ${result.runs} runs (interleaved), clean environment${
      result.removed.length > 0 ? ` (without ${result.removed.join(', ')})` : ''
    }:`,
  );
  for (const line of table(result.rows)) console.log(line);
  if (result.inherited) {
    console.log(`\nThe same with ${result.removed.join(', ')} as set here:`);
    for (const line of table(result.inherited.rows)) console.log(line);
  }
  const ascii = result.rows.find((r) => r.name.startsWith('diagrama render (ascii, YAML)'));
  console.log(
    `  target: ascii render ≤ 1.5× node -e 0 (clean) → ${ascii.ratio <= 1.5 ? 'met' : 'NOT met'} (${ascii.ratio.toFixed(2)}×)`,
  );
}
