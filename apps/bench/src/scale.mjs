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

/** Validation, layout and text rendering time and memory per size. */
export function scale({ sizes, runs }) {
  const rows = [];
  for (const [hosts, perHost] of sizes) {
    const input = scaleModel(hosts, perHost);
    const times = [];
    let lines = 0;
    for (let i = 0; i < runs + 1; i++) {
      const start = performance.now();
      const limits = { maxNodes: 1_000_000, maxConnections: 1_000_000 };
      const text = sceneToText(modelToScene(parseDiagram(input, { limits }), { limits }));
      const elapsed = performance.now() - start;
      if (i > 0) times.push(elapsed);
      lines = text.split('\n').length;
    }
    rows.push({
      nodes: hosts * perHost,
      connections: input.connections.length,
      median: median(times),
      heapMb: process.memoryUsage().heapUsed / 2 ** 20,
      rssMb: process.memoryUsage().rss / 2 ** 20,
      lines,
    });
  }
  return rows;
}

/** Prints the scale table with the growth from each size to the next. */
export function printScale(rows) {
  console.log('\nValidation + layout + text rendering in one process, median:');
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    const growth = previous
      ? `  ×${(row.median / previous.median).toFixed(1)} for ×${(row.nodes / previous.nodes).toFixed(0)} nodes`
      : '';
    console.log(
      `  ${String(row.nodes).padStart(6)} nodes, ${String(row.connections).padStart(6)} connections: ${ms(row.median).padStart(10)}  rss ${row.rssMb.toFixed(0)} MB, ${row.lines} lines${growth}`,
    );
  });
}
