import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { modelToScene, parseDiagram } from '@diagrama/core';
import { sceneToText } from '@diagrama/render-ascii';
import { median, ms } from './stats.mjs';

/**
 * `hosts` hosts of `perHost` boxes each, in a grid of ten hosts per row. Inside each host
 * every box is joined to the next by a labelled connection (straight connectors), and the
 * last box of each host is joined to the first box of the next host by a labelled arrow
 * that the router takes across the hosts (the last host's runs from its first box to its
 * last, around the whole chain): `hosts × perHost` connections in all.
 */
export function scaleModel(hosts, perHost) {
  const nodes = [];
  const connections = [];
  for (let h = 0; h < hosts; h++) {
    const children = [];
    for (let i = 0; i < perHost; i++) {
      children.push({
        kind: i % 3 === 0 ? 'client' : i % 3 === 1 ? 'api' : 'daemon',
        id: `h${h}-n${i}`,
        label: `Box ${h}.${i}`,
      });
      if (i > 0)
        connections.push({ from: `h${h}-n${i - 1}`, to: `h${h}-n${i}`, note: `step ${i}` });
    }
    nodes.push({ kind: 'host', id: `h${h}`, label: `Host ${h}`, children });
    const last = h + 1 < hosts;
    connections.push({
      from: last ? `h${h}-n${perHost - 1}` : `h${h}-n0`,
      to: last ? `h${h + 1}-n0` : `h${h}-n${perHost - 1}`,
      note: `hop ${h}`,
      direction: 'forward',
    });
  }
  return { direction: 'grid', columns: 10, nodes, connections };
}

/** Peak resident memory (MB) of a fresh process that validates, lays out and renders once. */
function peakMemory(hosts, perHost) {
  const script = fileURLToPath(new URL('./scale-once.mjs', import.meta.url));
  const out = execFileSync(process.execPath, [script, String(hosts), String(perHost)], {
    encoding: 'utf8',
  });
  return JSON.parse(out).peakMb;
}

/**
 * Layout + text rendering time (the model already validated) and memory per size, median of
 * `runs` after one warm-up. Validation is timed apart, since the targets are for layout.
 */
export function scale({ sizes, runs }) {
  const rows = [];
  const limits = { maxNodes: 1_000_000, maxConnections: 1_000_000, timeBudgetMs: 600_000 };
  for (const [hosts, perHost] of sizes) {
    const input = scaleModel(hosts, perHost);
    const times = [];
    const parseTimes = [];
    let lines = 0;
    let routed = 0;
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const diagram = parseDiagram(input, { limits });
      const t1 = performance.now();
      const scene = modelToScene(diagram, { limits });
      const text = sceneToText(scene);
      const t2 = performance.now();
      if (i > 0) {
        parseTimes.push(t1 - t0);
        times.push(t2 - t1);
      }
      lines = text.split('\n').length - 1;
      routed = scene.connectors.filter((c) => c.routed).length;
    }
    rows.push({
      nodes: hosts * perHost,
      connections: input.connections.length,
      routed,
      median: median(times),
      parseMedian: median(parseTimes),
      rssMb: peakMemory(hosts, perHost),
      lines,
    });
  }
  return rows;
}

/** How much faster than n log n the cost grew from `a` to `b` (≤ 1: no worse than n log n). */
export function growthVersusNLogN(a, b) {
  const expected = (b.nodes * Math.log(b.nodes)) / (a.nodes * Math.log(a.nodes));
  return b.median / a.median / expected;
}

/** Prints the scale table with the growth from each size to the next. */
export function printScale(rows) {
  console.log('\nLayout + text rendering in one process (model validated beforehand), median:');
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    const growth = previous
      ? `  ×${(row.median / previous.median).toFixed(1)} for ×${(row.nodes / previous.nodes).toFixed(0)} nodes`
      : '';
    console.log(
      `  ${String(row.nodes).padStart(6)} nodes, ${String(row.connections).padStart(6)} connections (${row.routed} routed): ${ms(row.median).padStart(10)}  (validation ${ms(row.parseMedian)})  rss ${row.rssMb.toFixed(0)} MB, ${row.lines} lines${growth}`,
    );
  });
  const k1 = rows.find((r) => r.nodes === 1000);
  const k10 = rows.find((r) => r.nodes === 10000);
  if (k1) console.log(`  1,000 nodes under 50 ms: ${k1.median < 50 ? 'met' : 'NOT met'}`);
  if (k10) {
    console.log(`  10,000 nodes under 1 s: ${k10.median < 1000 ? 'met' : 'NOT met'}`);
    console.log(`  rss under 200 MB at 10,000: ${k10.rssMb < 200 ? 'met' : 'NOT met'}`);
  }
  if (k1 && k10) {
    const g = growthVersusNLogN(k1, k10);
    console.log(
      `  growth 1k → 10k: ×${(k10.median / k1.median).toFixed(1)} (n log n allows ×${((10000 * Math.log(10000)) / (1000 * Math.log(1000))).toFixed(1)}): ${g <= 1 ? 'met' : 'NOT met'}`,
    );
  }
}
