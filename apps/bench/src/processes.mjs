import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peerEntry, peerStatus } from './peers.mjs';
import { median } from './stats.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const inputs = fileURLToPath(new URL('../inputs/', import.meta.url));
const bin = `${root}packages/cli/bin/diagrama.cjs`;
const scratch = mkdtempSync(join(tmpdir(), 'diagrama-bench-'));

/** A Node script that renders one file once with an npm peer. */
function npmScript(peer, format) {
  const path = join(scratch, `${peer.replace(/\W/g, '-')}-${format}.mjs`);
  const body =
    peer === 'beautiful-mermaid'
      ? `import { readFileSync } from 'node:fs';
import { renderMermaidASCII, renderMermaidSVG } from '${peerEntry('beautiful-mermaid')}';
const source = readFileSync(process.argv[2], 'utf8');
process.stdout.write(${format === 'svg' ? 'renderMermaidSVG' : 'renderMermaidASCII'}(source), () => process.exit(0));`
      : `import { readFileSync } from 'node:fs';
const { D2 } = await import('${peerEntry('@terrastruct/d2')}');
const d2 = new D2();
const compiled = await d2.compile(readFileSync(process.argv[2], 'utf8'));
process.stdout.write(await d2.render(compiled.diagram, { ...compiled.renderOptions${format === 'svg' ? '' : ', ascii: true'} }), () => process.exit(0));`;
  writeFileSync(path, body);
  return path;
}

/** Limits raised so the largest scale inputs are accepted. */
const LARGE_INPUT = [
  '--max-nodes',
  '20000',
  '--max-connections',
  '20000',
  '--max-input-bytes',
  '20000000',
];

/** The whole-process commands for one input, by tool; peers that are missing are left out. */
export function commands(name, dir = inputs) {
  const status = peerStatus();
  const file = (e) => join(dir, `${name}.${e}`);
  const out = {
    'diagrama text': [process.execPath, [bin, 'render', file('yaml'), ...LARGE_INPUT]],
    'diagrama svg': [process.execPath, [bin, 'render', file('yaml'), '-f', 'svg', ...LARGE_INPUT]],
  };
  if (status['beautiful-mermaid'].available) {
    out['beautiful-mermaid text'] = [
      process.execPath,
      [npmScript('beautiful-mermaid', 'text'), file('mmd')],
    ];
    out['beautiful-mermaid svg'] = [
      process.execPath,
      [npmScript('beautiful-mermaid', 'svg'), file('mmd')],
    ];
  }
  if (status['@terrastruct/d2'].available) {
    out['D2 text'] = [process.execPath, [npmScript('@terrastruct/d2', 'text'), file('d2')]];
    out['D2 svg'] = [process.execPath, [npmScript('@terrastruct/d2', 'svg'), file('d2')]];
  }
  if (status['Graph::Easy'].available) {
    out['Graph::Easy boxart'] = ['graph-easy', ['--as=boxart', file('txt')]];
    out['Graph::Easy svg'] = ['graph-easy', ['--as=svg', file('txt')]];
  }
  if (status.PlantUML.available) {
    out['PlantUML text'] = ['plantuml', ['-ttxt', '-pipe'], file('puml')];
    out['PlantUML svg'] = ['plantuml', ['-tsvg', '-pipe'], file('puml')];
  }
  return { out };
}

/**
 * Runs a command once under /usr/bin/time: wall time, peak memory, outcome. coreutils'
 * `timeout` runs it in a process group of its own and ends the whole group when time is up:
 * a peer's wrapper script killed alone would leave its JVM running, and every later figure
 * would be measured beside it.
 */
export function runOnce([command, args, stdinFile], timeoutMs) {
  const start = performance.now();
  const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  const result = spawnSync(
    'timeout',
    ['-k', '2', seconds, '/usr/bin/time', '-f', '%M', command, ...args],
    {
      cwd: root,
      input: stdinFile ? spawnSync('cat', [stdinFile]).stdout : undefined,
      encoding: 'utf8',
      timeout: timeoutMs + 5000,
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  const ms = performance.now() - start;
  const kb = Number((result.stderr ?? '').trim().split('\n').pop());
  const outcome =
    result.error?.code === 'ETIMEDOUT' ||
    result.signal === 'SIGTERM' ||
    result.status === 124 ||
    result.status === 137
      ? 'timeout'
      : result.status === 0
        ? 'ok'
        : 'failed';
  return {
    ms,
    peakMb: Number.isFinite(kb) ? kb / 1024 : undefined,
    outcome,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
  };
}

/** Median wall time and peak memory of each command over `runs` (interleaved), after one warm-up. */
export function measure(commandTable, { runs, timeoutMs, warmup = true }) {
  const results = Object.fromEntries(Object.keys(commandTable).map((name) => [name, []]));
  const first = warmup ? 1 : 0;
  for (let i = 0; i < runs + first; i++) {
    for (const [name, command] of Object.entries(commandTable)) {
      if (results[name].some((r) => r.outcome !== 'ok')) continue;
      const result = runOnce(command, timeoutMs);
      if (i >= first || result.outcome !== 'ok') results[name].push(result);
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([name, list]) => {
      const failed = list.find((r) => r.outcome !== 'ok');
      return [
        name,
        failed
          ? {
              outcome: failed.outcome,
              detail: failed.stderr.split('\n').filter(Boolean).slice(-2).join(' ').slice(0, 160),
            }
          : {
              outcome: 'ok',
              ms: median(list.map((r) => r.ms)),
              peakMb: median(list.map((r) => r.peakMb ?? 0)),
              output: list[list.length - 1]?.stdout ?? '',
            },
      ];
    }),
  );
}
