// Layout quality on real diagrams: the corpus in ../corpus/ (models of architecture diagrams
// drawn by hand in public repositories, written without layout hints, as a new user would),
// measured from diagrama's scene and from what Graphviz `dot` and D2 make of the same graphs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelToScene, sceneMetrics } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { sceneToSvg } from '@diagrama/render-svg';
import { toD2, toDot } from './peer-languages.mjs';
import { loadNpmPeer } from './peers.mjs';

const corpusDir = fileURLToPath(new URL('../corpus/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The corpus: its manifest, each entry with its model file. */
export function readCorpus() {
  const manifest = JSON.parse(readFileSync(`${corpusDir}corpus.json`, 'utf8'));
  return manifest.map((entry) => {
    const file = new URL(entry.file ?? `${entry.id}.yaml`, `file://${corpusDir}`).pathname;
    return { ...entry, file, source: readFileSync(file, 'utf8') };
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Drops repeated and collinear points (dot draws orthogonal edges as Béziers along lines). */
function simplify(points) {
  const out = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && Math.abs(last[0] - p[0]) < 0.01 && Math.abs(last[1] - p[1]) < 0.01) continue;
    const before = out.at(-2);
    if (before && last) {
      const cross =
        (last[0] - before[0]) * (p[1] - last[1]) - (last[1] - before[1]) * (p[0] - last[0]);
      if (Math.abs(cross) < 0.5) {
        out[out.length - 1] = p;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

/** Crossings, bends and detours of edges given as polylines of points (any units). */
export function polylineMetrics(edges) {
  const segments = edges.map((points) => points.slice(1).map((b, k) => [points[k], b]));
  const properly = ([a, b], [c, d]) => {
    const orient = (p, q, r) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
    const o1 = orient(a, b, c);
    const o2 = orient(a, b, d);
    const o3 = orient(c, d, a);
    const o4 = orient(c, d, b);
    return o1 * o2 < -1e-6 && o3 * o4 < -1e-6;
  };
  let crossings = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      for (const s of segments[i]) for (const t of segments[j]) if (properly(s, t)) crossings++;
    }
  }
  const bends = edges.map((points) => Math.max(0, points.length - 2));
  const detours = edges.map((points) => {
    let length = 0;
    for (let k = 1; k < points.length; k++) {
      length +=
        Math.abs(points[k][0] - points[k - 1][0]) + Math.abs(points[k][1] - points[k - 1][1]);
    }
    const first = points[0];
    const last = points.at(-1);
    const direct = Math.abs(last[0] - first[0]) + Math.abs(last[1] - first[1]);
    return direct < 1e-6 ? 1 : length / direct;
  });
  return { crossings, bends, detours };
}

/** What `dot` makes of a diagram: metrics from its `-Tjson` output, and its SVG. */
function viaDot(diagram, withSvg) {
  const source = toDot(diagram);
  const run = (format) =>
    spawnSync('dot', [`-T${format}`], { input: source, encoding: 'utf8', timeout: 60_000 });
  const json = run('json');
  if (json.status !== 0) return { error: json.stderr.trim().split('\n')[0] ?? 'dot failed' };
  const graph = JSON.parse(json.stdout);
  const edges = (graph.edges ?? []).map((edge) => {
    const points = [];
    for (const op of edge._draw_ ?? []) if (op.points) points.push(...op.points);
    return simplify(points);
  });
  return {
    ...polylineMetrics(edges.filter((points) => points.length >= 2)),
    ...(withSvg ? { svg: run('svg').stdout } : {}),
  };
}

/** What D2 (with its ELK layout, orthogonal like diagrama's) makes of a diagram. */
async function viaD2(d2, diagram, withSvg) {
  try {
    const compiled = await d2.compile(toD2(diagram), { layout: 'elk' });
    const edges = compiled.diagram.connections
      .map((c) => simplify((c.route ?? []).map((p) => [p.x, p.y])))
      .filter((points) => points.length >= 2);
    return {
      ...polylineMetrics(edges),
      ...(withSvg ? { svg: await d2.render(compiled.diagram, compiled.renderOptions) } : {}),
    };
  } catch (error) {
    return { error: String(error?.message ?? error).split('\n')[0] };
  }
}

const hasDot = () => spawnSync('sh', ['-c', 'command -v dot']).status === 0;

/**
 * Measures every corpus diagram with diagrama, dot and D2 (the peers when installed). With
 * `images`, writes each tool's SVG of each diagram to docs/img/corpus/ for the docs page.
 */
export async function layoutQuality({ images = false } = {}) {
  const d2module = await loadNpmPeer('@terrastruct/d2');
  const d2 = d2module ? new d2module.D2() : undefined;
  const dot = hasDot();
  const imageDir = `${root}docs/img/corpus/`;
  if (images) mkdirSync(imageDir, { recursive: true });
  const rows = [];
  for (const entry of readCorpus()) {
    const { diagram } = loadDiagram(entry.source, { file: entry.file });
    const scene = modelToScene(diagram);
    const m = sceneMetrics(scene);
    const row = {
      id: entry.id,
      entry,
      diagrama: {
        crossings: m.crossings,
        bends: m.bends,
        detours: m.detours,
        area: m.area,
        size: `${scene.width}×${scene.height}`,
        areaRatio: entry.hand ? m.area / (entry.hand.rows * entry.hand.columns) : undefined,
        noteCollisions: m.noteCollisions,
        awayArrows: m.awayArrows,
      },
      dot: dot ? viaDot(diagram, images) : { error: 'dot not installed (pnpm bench:setup)' },
      d2: d2 ? await viaD2(d2, diagram, images) : { error: 'D2 not installed (pnpm bench:setup)' },
    };
    if (images) {
      writeFileSync(`${imageDir}${entry.id}-diagrama.svg`, sceneToSvg(scene, { theme: 'light' }));
      if (row.dot.svg) writeFileSync(`${imageDir}${entry.id}-dot.svg`, row.dot.svg);
      if (row.d2.svg) writeFileSync(`${imageDir}${entry.id}-d2.svg`, row.d2.svg);
    }
    delete row.dot.svg;
    delete row.d2.svg;
    rows.push(row);
  }
  return rows;
}

const perConnection = (tool) => (tool.bends ? median(tool.bends).toFixed(1) : '–');
const detour = (tool) => (tool.detours ? median(tool.detours).toFixed(2) : '–');

/** The verdicts against the targets of the layout work (issue #13). */
export function qualityVerdicts(rows) {
  const all = (f) => rows.flatMap((r) => f(r.diagrama));
  const withDot = rows.filter((r) => r.dot.crossings !== undefined);
  const ratios = rows.map((r) => r.diagrama.areaRatio).filter((x) => x !== undefined);
  return [
    {
      target: 'no note collides with a line, a box or a text',
      seen: `${rows.reduce((s, r) => s + r.diagrama.noteCollisions, 0)} colliding cells`,
      met: rows.every((r) => r.diagrama.noteCollisions === 0),
    },
    {
      target: 'crossings no more than dot’s on every diagram',
      seen: withDot.length
        ? `${withDot.filter((r) => r.diagrama.crossings <= r.dot.crossings).length} of ${withDot.length}`
        : 'dot not installed',
      met: withDot.length > 0 && withDot.every((r) => r.diagrama.crossings <= r.dot.crossings),
    },
    {
      target: 'median bends per connection ≤ 1',
      seen: median(all((d) => d.bends)).toFixed(2),
      met: median(all((d) => d.bends)) <= 1,
    },
    {
      target: 'median detour ratio ≤ 1.2',
      seen: median(all((d) => d.detours)).toFixed(2),
      met: median(all((d) => d.detours)) <= 1.2,
    },
    {
      target: 'area within 1.3× of the hand drawing (where the corpus records it)',
      seen: ratios.length
        ? `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`
        : '–',
      met: ratios.every((x) => x <= 1.3),
    },
    {
      target: 'no arrow enters a box from the side facing away from its source',
      seen: `${rows.reduce((s, r) => s + r.diagrama.awayArrows, 0)} arrows`,
      met: rows.every((r) => r.diagrama.awayArrows === 0),
    },
  ];
}

/** Prints the table. */
export function printQuality(rows) {
  console.log('\n5. Layout quality on the corpus (hint-free models of diagrams drawn by hand):');
  console.log(
    `  ${'diagram'.padEnd(20)} ${'crossings d/dot/D2'.padEnd(20)} ${'bends/conn'.padEnd(16)} ${'detour'.padEnd(18)} ${'area×hand'.padEnd(10)} notes away`,
  );
  for (const r of rows) {
    const c = (tool) => (tool.crossings ?? '–').toString();
    console.log(
      `  ${r.id.padEnd(20)} ${`${c(r.diagrama)}/${c(r.dot)}/${c(r.d2)}`.padEnd(20)} ${`${perConnection(r.diagrama)}/${perConnection(r.dot)}/${perConnection(r.d2)}`.padEnd(16)} ${`${detour(r.diagrama)}/${detour(r.dot)}/${detour(r.d2)}`.padEnd(18)} ${(r.diagrama.areaRatio?.toFixed(2) ?? '–').padEnd(10)} ${String(r.diagrama.noteCollisions).padEnd(5)} ${r.diagrama.awayArrows}`,
    );
  }
  for (const v of qualityVerdicts(rows)) {
    console.log(`  ${v.met ? 'met    ' : 'NOT MET'} ${v.target}: ${v.seen}`);
  }
}

export { median };
