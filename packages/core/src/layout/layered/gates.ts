// Gates: where a fan-out from a box outside a container to several boxes inside it (or a
// fan-in the other way) crosses the container's border once, as people draw it — one line
// in through the top, branching inside — instead of one line per target through the border
// and the title band.

import { borderless } from '../chrome.js';
import {
  childTowards,
  commonContainer,
  isWithin,
  type LayeredGraph,
  type LContainer,
  type LEdge,
  type LNode,
  pointNode,
} from './graph.js';
import { arrowEnds } from './ports.js';

/** Whether an edge may share a gate: drawn by the region, with the flow, no side asked for. */
const gateable = (edge: LEdge): boolean =>
  !edge.reversed &&
  !edge.released &&
  edge.connection.hints?.fromSide === undefined &&
  edge.connection.hints?.toSide === undefined;

/**
 * Adds a gate for every fan of two or more lines of one style and the same arrowheads from a
 * box to boxes inside a container that does not hold the box (or from boxes inside one to a
 * box outside it): a point inside the innermost container holding the far ends, ranked
 * between the two sides, that the fan's lines all pass (`LEdge.via`). The ranks make room
 * for it, so the shared line enters (or leaves) the container and branches inside; with
 * `bands` (a flow down), a single line to the same box from a container beside gets a gate
 * too. Runs after cycles are broken and before ranking; does nothing when trunks are off.
 */
export function addGates(
  graph: LayeredGraph,
  skip: ReadonlySet<LEdge> = new Set(),
  bands = false,
): void {
  if (!graph.trunks) return;
  const atoms = graph.nodes.length;
  const fans = new Map<string, number[]>();
  graph.edges.forEach((edge, e) => {
    if (!gateable(edge) || edge.from === edge.to || skip.has(edge)) return;
    const arrows = arrowEnds(edge);
    const style = `${edge.connection.style}|${arrows.upper}|${arrows.lower}`;
    for (const [end, side] of [
      [edge.from, 'out'],
      [edge.to, 'in'],
    ] as const) {
      const key = `${side}|${end}|${style}`;
      const list = fans.get(key);
      if (list) list.push(e);
      else fans.set(key, [e]);
    }
  });
  const edgeOf = (e: number): LEdge => graph.edges[e] as LEdge;
  const containerOf = (v: number): number => (graph.nodes[v] as LNode).container;
  // each fan's lines by the container they enter first (a fan-in: leave last)
  const groups: { out: boolean; near: number; edges: number[] }[] = [];
  for (const [key, list] of fans) {
    if (list.length < 2) continue;
    const out = key.startsWith('out|');
    const near = out ? edgeOf(list[0] as number).from : edgeOf(list[0] as number).to;
    const byEntry = new Map<number, number[]>();
    for (const e of list) {
      const far = containerOf(out ? edgeOf(e).to : edgeOf(e).from);
      const entry = childTowards(graph, far, commonContainer(graph, containerOf(near), far));
      // a group drawn without a border has none to cross
      if (entry === -1 || borderless((graph.containers[entry] as LContainer).host)) continue;
      const group = byEntry.get(entry);
      if (group) group.push(e);
      else byEntry.set(entry, [e]);
    }
    for (const edges of byEntry.values()) if (edges.length > 1) groups.push({ out, near, edges });
  }
  const gated = junctions(graph, skip);
  /** Per box a fan-in gathers at, the containers whose lines gather inside them first. */
  const gathered = new Map<number, Set<number>>();
  for (const { out, near, edges } of groups) {
    const open = edges.filter((e) => !gated.has(e));
    if (open.length < 2) continue;
    const far = open.map((e) => (out ? edgeOf(e).to : edgeOf(e).from));
    if (new Set(far).size < open.length) continue;
    const inside = far.map(containerOf).reduce((a, b) => commonContainer(graph, a, b));
    // in the model order, the gate stands just before the first box it leads to or from
    const sequence = Math.min(...far.map((v) => (graph.nodes[v] as LNode).sequence)) - 0.5;
    const gate = addGate(graph, atoms, inside, sequence, out ? 'in' : 'out');
    if (!out) {
      const list = gathered.get(near) ?? new Set<number>();
      list.add(inside);
      gathered.set(near, list);
    }
    for (const e of open) {
      gated.add(e);
      const edge = edgeOf(e);
      edge.via = gate;
      if (out) {
        graph.rankEdges.push({ from: near, to: gate, weight: 1 });
        graph.rankEdges.push({ from: gate, to: edge.to, weight: 1 });
      } else {
        graph.rankEdges.push({ from: edge.from, to: gate, weight: 1 });
        graph.rankEdges.push({ from: gate, to: near, weight: 1 });
      }
    }
  }
  // a single line into that box from a container beside one whose lines gather first leaves
  // through a gate of its own, so it starts where they do: the private subnets of three
  // availability zones on one row, though one zone's instance and subnet gather first (in a
  // flow down, where containers side by side are a row)
  if (!bands) return;
  graph.edges.forEach((edge, e) => {
    const inside = gathered.get(edge.to);
    if (!inside || gated.has(e) || edge.via !== undefined || !gateable(edge) || skip.has(edge))
      return;
    const from = containerOf(edge.from);
    if (from === -1 || inside.has(from) || isWithin(graph, containerOf(edge.to), from)) return;
    const host = graph.containers[from] as LContainer;
    if (borderless(host.host)) return;
    const beside = [...inside].some(
      (c) => (graph.containers[c] as LContainer).parent === host.parent,
    );
    if (!beside) return;
    const sequence = (graph.nodes[edge.from] as LNode).sequence + 0.5;
    const gate = addGate(graph, atoms, from, sequence, 'out');
    gated.add(e);
    edge.via = gate;
    graph.rankEdges.push({ from: edge.from, to: gate, weight: 1 });
    graph.rankEdges.push({ from: gate, to: edge.to, weight: 1 });
  });
}

/** Adds a gate: a point of no size in `container` that lines pass. Returns its index. */
function addGate(
  graph: LayeredGraph,
  atoms: number,
  container: number,
  sequence: number,
  gate: 'in' | 'out',
  junction = false,
): number {
  const index = graph.nodes.length;
  graph.nodes.push(
    pointNode({
      id: `~g${index - atoms}`,
      kind: 'dummy',
      container,
      rank: 0,
      sequence,
      gate,
      ...(junction ? { junction: true } : {}),
    }),
  );
  return index;
}

/**
 * Junctions: boxes of one container that each reach the very same boxes outside it (two pods
 * of a deployment, both calling a database, a cache and a config map) gather at one gate
 * inside the container, cross its border once, and branch from there — a bus, as hand
 * drawings have it, instead of every box's fan leaving through the border on its own. Only
 * for lines of one style without notes. Returns the edges it routes through a junction.
 */
function junctions(graph: LayeredGraph, skip: ReadonlySet<LEdge>): Set<number> {
  const atoms = graph.nodes.length;
  const outOf = new Map<number, number[]>();
  graph.edges.forEach((edge, e) => {
    if (!gateable(edge) || skip.has(edge) || edge.connection.note !== undefined) return;
    const [s, t] = [graph.nodes[edge.from] as LNode, graph.nodes[edge.to] as LNode];
    if (s.kind !== 'atom' || s.container === -1 || isWithin(graph, t.container, s.container))
      return;
    if (borderless((graph.containers[s.container] as LContainer).host)) return;
    const list = outOf.get(edge.from);
    if (list) list.push(e);
    else outOf.set(edge.from, [e]);
  });
  const groups = new Map<string, number[]>();
  for (const [source, list] of outOf) {
    const edge = graph.edges[list[0] as number] as LEdge;
    const arrows = arrowEnds(edge);
    const targets = list.map((e) => (graph.edges[e] as LEdge).to).sort((a, b) => a - b);
    if (targets.length < 2 || new Set(targets).size < targets.length) continue;
    const same = list.every((e) => {
      const other = graph.edges[e] as LEdge;
      const ends = arrowEnds(other);
      return (
        other.connection.style === edge.connection.style &&
        ends.upper === arrows.upper &&
        ends.lower === arrows.lower
      );
    });
    if (!same) continue;
    const key = `${(graph.nodes[source] as LNode).container}|${targets.join(',')}`;
    const group = groups.get(key);
    if (group) group.push(source);
    else groups.set(key, [source]);
  }
  const gated = new Set<number>();
  for (const sources of groups.values()) {
    if (sources.length < 2) continue;
    const first = graph.nodes[sources[0] as number] as LNode;
    const sequence = Math.min(...sources.map((v) => (graph.nodes[v] as LNode).sequence)) + 0.5;
    const gate = addGate(graph, atoms, first.container, sequence, 'out', true);
    for (const source of sources) {
      graph.rankEdges.push({ from: source, to: gate, weight: 1 });
      for (const e of outOf.get(source) ?? []) {
        const edge = graph.edges[e] as LEdge;
        edge.via = gate;
        gated.add(e);
        graph.rankEdges.push({ from: gate, to: edge.to, weight: 1 });
      }
    }
  }
  return gated;
}

/**
 * The lines through a gate whose far end did not come out in the rank next to it (a source
 * two ranks up, a target further down): they would run along the gate's fan only to meet it
 * late. Empty when every gate serves its fan as drawn.
 */
export function looseGateEdges(graph: LayeredGraph): Set<LEdge> {
  const loose = new Set<LEdge>();
  for (const edge of graph.edges) {
    if (edge.via === undefined) continue;
    const gate = graph.nodes[edge.via] as LNode;
    const [from, to] = [graph.nodes[edge.from] as LNode, graph.nodes[edge.to] as LNode];
    // a junction's branches go on as far as they need; a fan shares its way to its gate
    // (a fan-out) or from it (a fan-in), however far that is
    const fanOut = gate.gate === 'in' && !gate.junction;
    const fanIn = gate.gate === 'out' && !gate.junction;
    if (
      (from.rank !== gate.rank - 1 && !fanOut) ||
      (to.rank !== gate.rank + 1 && !gate.junction && !fanIn)
    ) {
      loose.add(edge);
    }
  }
  return loose;
}

/** Takes every gate away again: the nodes and rank edges added after `before`. */
export function dropGates(graph: LayeredGraph, before: { nodes: number; rankEdges: number }): void {
  for (const edge of graph.edges) delete edge.via;
  graph.nodes.length = before.nodes;
  graph.rankEdges.length = before.rankEdges;
}
