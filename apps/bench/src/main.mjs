// pnpm bench [--quick] [--report]: prints figures (and with --report writes docs/benchmarks.md
// and its charts). Nothing here is a test. Every peer is measured in the same run, so the
// figures that matter are the ratios.
import os from 'node:os';
import { batchCommands, batchDocs } from './batch-docs.mjs';
import { bundleSizes, printBundleSizes } from './bundle-size.mjs';
import { importTime, printImport } from './import.mjs';
import { prepareInputs } from './inputs.mjs';
import { graphvizStatus, peerStatus } from './peers.mjs';
import { commands, measure } from './processes.mjs';
import { layoutQuality, printQuality } from './quality.mjs';
import { writeQualityReport } from './quality-report.mjs';
import { writeReport } from './report.mjs';
import { printScale, scale } from './scale.mjs';
import { printStartTime, startTime } from './start-time.mjs';
import { ms } from './stats.mjs';
import { throughput } from './throughput.mjs';

const quick = process.argv.includes('--quick');
const report = process.argv.includes('--report');
const sizes = quick ? [10] : [10, 100, 1000, 10000];
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};
console.log(
  `diagrama benchmarks (${quick ? 'quick' : 'full'}) — ${machine.cpu}, ${machine.cores} cores, node ${machine.node}`,
);

const peers = peerStatus();
console.log('\nPeers:');
for (const [name, status] of Object.entries(peers)) {
  console.log(
    `  ${name.padEnd(20)} ${status.available ? status.version : `MISSING — ${status.why}`}`,
  );
}

// Start-up first: the in-process peers loaded below (D2 keeps a WASM worker alive) would
// otherwise load the machine while node -e 0 and diagrama are timed, and skew the ratio.
const start = startTime(quick ? { runs: 5, warmup: 1 } : { runs: 30, warmup: 3 });
printStartTime(start);

const inProcess = scale({
  sizes: quick
    ? [
        [1, 10],
        [10, 10],
        [10, 100],
      ]
    : [
        [1, 10],
        [10, 10],
        [10, 100],
        [100, 100],
      ],
  runs: quick ? 2 : 7,
});

const rates = await throughput(
  quick ? { windowMs: 100, windows: 3 } : { windowMs: 1000, windows: 5 },
);
console.log('\n1. In-process throughput of the architecture diagram (renders per second, median):');
for (const kind of ['text', 'svg']) {
  for (const [name, value] of Object.entries(rates[kind]))
    console.log(`  ${kind.padEnd(5)} ${name.padEnd(20)} ${value.toFixed(1).padStart(10)}/s`);
}

const dir = prepareInputs(sizes);
const docker = commands('docker', dir);
const processTable = { 'node -e 0': [process.execPath, ['-e', '0']], ...docker.out };
const processes = measure(processTable, {
  runs: quick ? 1 : 10,
  timeoutMs: quick ? 15_000 : 60_000,
});
console.log('\n2. One render as a whole process (median wall time, peak memory):');
for (const [name, r] of Object.entries(processes)) {
  console.log(
    `  ${name.padEnd(26)} ${r.outcome === 'ok' ? `${ms(r.ms).padStart(10)}  ${r.peakMb.toFixed(0).padStart(5)} MB` : r.outcome.toUpperCase()}`,
  );
}

printScale(inProcess);
console.log(
  '\n3. Scaling: a group holding a chain of N boxes, N−1 labelled connections (whole process):',
);
const scaling = {};
for (const n of sizes) {
  const table = commands(`scale-${n}`, dir).out;
  scaling[n] = measure(table, { runs: 1, timeoutMs: quick ? 10_000 : 60_000, warmup: false });
  for (const [name, r] of Object.entries(scaling[n])) {
    console.log(
      `  ${String(n).padStart(6)} ${name.padEnd(26)} ${r.outcome === 'ok' ? `${ms(r.ms).padStart(10)}  ${r.peakMb.toFixed(0).padStart(5)} MB` : r.outcome.toUpperCase()}`,
    );
  }
}

const imported = importTime({ runs: quick ? 3 : 15 });
printImport(imported);

// a docs folder of 100 pages, one zone each: regenerate once, then time the check
const batch = batchDocs(100);
const batchRuns = measure(batchCommands(batch), { runs: quick ? 1 : 10, timeoutMs: 120_000 });
console.log('\n7. A docs folder of 100 pages, one zone each (median wall time):');
for (const [name, r] of Object.entries(batchRuns)) {
  console.log(
    `  ${name.padEnd(26)} ${r.outcome === 'ok' ? ms(r.ms).padStart(10) : r.outcome.toUpperCase()}`,
  );
}

const bundles = await bundleSizes();
printBundleSizes(bundles);

const quality = await layoutQuality({ images: report });
printQuality(quality);

if (report) {
  await writeQualityReport(quality, {
    machine,
    versions: ['Graphviz', '@terrastruct/d2']
      .map((name) => {
        const status = name === 'Graphviz' ? graphvizStatus() : peers[name];
        return `${name} ${status?.available ? status.version : 'not installed'}`;
      })
      .join(', '),
  });
  console.log('wrote docs/layout-quality.md');
  const file = writeReport({
    machine,
    peers,
    rates,
    start,
    processes,
    scaling,
    inProcess,
    imported,
    batchRuns,
    bundles,
    quick,
    sizes,
  });
  console.log(`\nwrote ${file}`);
}

// The D2 peer keeps a worker alive; the run is over, so end the process explicitly.
process.exit(0);
