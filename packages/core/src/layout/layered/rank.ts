import { borderless } from '../chrome.js';
import { sharedRows } from '../rows.js';
import {
  ancestors,
  childTowards,
  commonContainer,
  isWithin,
  type LayeredGraph,
  type LContainer,
  type LEdge,
  type LNode,
  pointNode,
} from './graph.js';
import { networkSimplex, type SimplexEdge } from './simplex.js';

/**
 * Breaks cycles so the flow runs one way: a depth-first search from the atoms in model order
 * marks every edge that closes a cycle as reversed. Two boxes joined both ways (a service that
 * reads a database and is written back to) enter the search as one arc, from the box the model
 * lists first, and all their lines then run the way that arc ends up: left to the search, two
 * services that each talk both ways to one database would be split, one above it and one
 * below, by whichever the search met first. Deterministic, and a graph without cycles keeps
 * every edge as written.
 */
export function breakCycles(graph: LayeredGraph): void {
  keepContainerOrder(graph);
  compactContainers(graph);
  const out: Arc[][] = Array.from({ length: graph.nodes.length }, () => []);
  // each line as it runs so far: against the flow when its sides ask so, or when the order of
  // containers turned it (keepContainerOrder, compactContainers)
  const ends = (e: LEdge): [number, number] => (e.reversed ? [e.to, e.from] : [e.from, e.to]);
  const arcs = new Set<string>();
  for (const e of graph.edges) arcs.add(ends(e).join('>'));
  // pairs: the arc standing for two boxes joined both ways, by `${first}>${second}`
  const pairs = new Map<string, number>();
  const pairTurned: boolean[] = [];
  graph.edges.forEach((e, i) => {
    const [from, to] = ends(e);
    if (from === to) return;
    if (!arcs.has(`${to}>${from}`)) {
      (out[from] as Arc[]).push({ to, edge: i });
      return;
    }
    const key = from < to ? `${from}>${to}` : `${to}>${from}`;
    if (pairs.has(key)) return;
    pairs.set(key, graph.edges.length + pairTurned.length);
    pairTurned.push(false);
    (out[Math.min(from, to)] as Arc[]).push({
      to: Math.max(from, to),
      edge: pairs.get(key) as number,
    });
  });
  graph.rankEdges.forEach((e, i) => {
    if (e.from !== e.to) (out[e.from] as Arc[]).push({ to: e.to, edge: -1 - i });
  });
  // the search takes a node's lines in the model order of the boxes they reach, so of two
  // boxes joined both ways the one the model lists first comes first (ids say nothing)
  for (const list of out) list.sort((a, b) => a.to - b.to);
  const turn = (e: LEdge): void => {
    // a line already turned against the flow is turned back when it closes a cycle
    e.reversed = !e.reversed;
  };
  for (const edge of closingArcs(out)) {
    if (edge >= graph.edges.length) pairTurned[edge - graph.edges.length] = true;
    else if (edge >= 0) turn(graph.edges[edge] as LEdge);
    else {
      const e = graph.rankEdges[-1 - edge] as { from: number; to: number };
      [e.from, e.to] = [e.to, e.from];
    }
  }
  if (pairs.size === 0) return;
  for (const e of graph.edges) {
    const [from, to] = ends(e);
    const pair = pairs.get(from < to ? `${from}>${to}` : `${to}>${from}`);
    if (pair === undefined || from === to) continue;
    // the pair's arc runs first → second unless the search turned it
    if (from < to === pairTurned[pair - graph.edges.length]) turn(e);
  }
}

/** An arc of a search graph: where it goes, and the edge it stands for. */
interface Arc {
  to: number;
  edge: number;
}

/**
 * The arcs that close a cycle (their `edge`), found by a depth-first search from each node in
 * order: turning them all leaves the graph acyclic. Empty when it is acyclic already.
 */
function closingArcs(out: readonly (readonly Arc[])[]): number[] {
  const closing: number[] = [];
  const state = new Uint8Array(out.length); // 0 new, 1 on the stack, 2 done
  for (let start = 0; start < out.length; start++) {
    if (state[start] !== 0) continue;
    const stack: { v: number; next: number }[] = [{ v: start, next: 0 }];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { v: number; next: number };
      const list = out[top.v] as readonly Arc[];
      if (top.next >= list.length) {
        state[top.v] = 2;
        stack.pop();
        continue;
      }
      const { to, edge } = list[top.next++] as Arc;
      if (state[to] === 1) closing.push(edge);
      else if (state[to] === 0) {
        state[to] = 1;
        stack.push({ v: to, next: 0 });
      }
    }
  }
  return closing;
}

/**
 * Two sibling containers joined both ways (services reading config from volumes and writing
 * data to them) come in model order, as hand drawings put such columns: the lines from the
 * later to the earlier that start at a box nothing feeds (a config file, a mounted folder) run
 * against the flow. Left alone, those sources would rank before the earlier container and the
 * rest of theirs after it, the two interleaved. A line from a box that something feeds (an
 * app in one server writing to the other's database) ranks as it runs.
 */
function keepContainerOrder(graph: LayeredGraph): void {
  const between = (e: { from: number; to: number }): [number, number] | undefined => {
    const [u, v] = [graph.nodes[e.from] as LNode, graph.nodes[e.to] as LNode];
    const parent = commonContainer(graph, u.container, v.container);
    if (u.container === parent || v.container === parent) return undefined;
    return [childTowards(graph, u.container, parent), childTowards(graph, v.container, parent)];
  };
  const pairs = graph.edges.map(between);
  const ways = new Map<string, number>();
  for (const pair of pairs) {
    if (!pair) continue;
    const [a, b] = pair;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    ways.set(key, (ways.get(key) ?? 0) | (a < b ? 1 : 2));
  }
  const fed = new Set(graph.edges.map((e) => e.to));
  graph.edges.forEach((e, i) => {
    const pair = pairs[i];
    if (!pair || pair[0] < pair[1] || fed.has(e.from) || e.against) return;
    if (ways.get(`${pair[1]}:${pair[0]}`) === 3) e.reversed = true;
  });
}

/** Graphs past this many lines skip `compactContainers` (each search is bounded too). */
const COMPACT_LIMIT = 2000;
/** The most boxes one search from a line's far end visits. */
const COMPACT_REACH = 256;

/**
 * A line out of a container whose way leads back into the same container through the main
 * flow (an instance in a private subnet going out through a NAT gateway and an internet
 * gateway to the load balancer that users reach, which feeds the subnet's containers) runs
 * against the flow: its far end ranks above it, so the container stays a band of ranks as
 * hand drawings have it, instead of stretching from the instance down to the boxes the way
 * back reaches. Only a line from a box nothing feeds turns, and only when something else
 * feeds the way back (the users): a way back that only the line itself feeds (a load balancer
 * to its task, the task out to the NAT gateway beside the balancer) is the flow. A line whose
 * way back is already drawn against it keeps it (see `keepContainerOrder`).
 */
function compactContainers(graph: LayeredGraph): void {
  if (graph.containers.length === 0 || graph.edges.length > COMPACT_LIMIT) return;
  const out: number[][] = Array.from({ length: graph.nodes.length }, () => []);
  const into: number[][] = Array.from({ length: graph.nodes.length }, () => []);
  const link = (from: number, to: number): void => {
    (out[from] as number[]).push(to);
    (into[to] as number[]).push(from);
  };
  /** Turns a line against the flow, and its link with it: the way it made is gone. */
  const turn = (e: LEdge): void => {
    e.reversed = true;
    e.against = true;
    const [outs, ins] = [out[e.from] as number[], into[e.to] as number[]];
    outs.splice(outs.indexOf(e.to), 1);
    ins.splice(ins.indexOf(e.from), 1);
    link(e.to, e.from);
  };
  for (const e of graph.edges) {
    if (e.reversed) link(e.to, e.from);
    else link(e.from, e.to);
  }
  for (const e of graph.rankEdges) link(e.from, e.to);
  const inside = (v: number, c: number): boolean =>
    isWithin(graph, (graph.nodes[v] as LNode).container, c);
  /**
   * Whether a way from `start` along the flow, outside container `c`, comes back into it
   * with something other than `source` and the way itself feeding it.
   */
  const comesBack = (source: number, start: number, c: number): boolean => {
    const parent = new Map<number, number>([[start, -1]]);
    const queue = [start];
    for (let at = 0; at < queue.length && parent.size < COMPACT_REACH; at++) {
      const v = queue[at] as number;
      for (const next of out[v] as number[]) {
        if (parent.has(next)) continue;
        if (inside(next, c)) {
          const way = new Set<number>([source, next]);
          for (let w = v; w !== -1; w = parent.get(w) as number) way.add(w);
          return [...way].some(
            (w) => w !== source && (into[w] as number[]).some((u) => !way.has(u)),
          );
        }
        parent.set(next, v);
        queue.push(next);
      }
    }
    return false;
  };
  // only a line from a box nothing feeds: a box fed from elsewhere has its place in the flow
  // already (an API server that its workers report back to stays over them)
  const fed = new Set<number>();
  for (const e of graph.edges) fed.add(e.reversed ? e.from : e.to);
  for (const e of graph.rankEdges) fed.add(e.to);
  for (const e of graph.edges) {
    if (e.reversed || e.against || e.from === e.to || fed.has(e.from)) continue;
    const source = (graph.nodes[e.from] as LNode).container;
    if (source === -1) continue;
    // the innermost container the line leaves (the one holding its source but not its target)
    for (let c = source; c !== -1; c = (graph.containers[c] as LContainer).parent) {
      if (inside(e.to, c)) break;
      if (comesBack(e.from, e.to, c)) {
        turn(e);
        break;
      }
    }
  }
  /**
   * Whether a way against the flow from `start`, outside container `c` and not through
   * `avoid`, reaches into it at a box other than `target`.
   */
  const leftFrom = (
    start: number,
    c: number,
    avoid: readonly number[],
    target: number,
  ): boolean => {
    const seen = new Set<number>([start, target, ...avoid]);
    const queue = [start];
    for (let at = 0; at < queue.length && seen.size < COMPACT_REACH; at++) {
      for (const previous of into[queue[at] as number] as number[]) {
        if (seen.has(previous)) continue;
        if (inside(previous, c)) return true;
        seen.add(previous);
        queue.push(previous);
      }
    }
    return false;
  };
  // the way back in: a line into a container from a box that another of its members reaches
  // (an order service publishing to a queue that feeds the payment service beside it; a
  // database's change feed, through Debezium, into the Kafka beside the database) runs
  // against the flow when nothing inside places the box it enters: nothing else feeds it, or
  // something outside does as its fellows are fed (the gateway over all the services). The
  // target keeps its place in the row and what the way passes comes after it, instead of the
  // container breaking in two around the way. A way out through what feeds the target (a
  // kubelet reporting to the API server that drives it) is no way back in, and neither is a
  // way out of the target itself (a task out through the NAT gateway to the balancer that
  // feeds it): that is the target's own place in the flow
  const lines = new Map<number, LEdge[]>();
  for (const e of graph.edges) {
    const list = lines.get(e.from);
    if (list) list.push(e);
    else lines.set(e.from, [e]);
  }
  for (const e of graph.edges) {
    if (e.reversed || e.against || e.from === e.to) continue;
    const target = (graph.nodes[e.to] as LNode).container;
    if (target === -1) continue;
    const feeders = (into[e.to] as number[]).filter((u) => u !== e.from);
    for (let c = target; c !== -1; c = (graph.containers[c] as LContainer).parent) {
      if (inside(e.from, c)) break;
      const outside = feeders.filter((u) => !inside(u, c));
      const free = feeders.length === 0 || outside.length > 0;
      // no more lines turn than leave for it: a bus that members publish to with one line
      // and that feeds two of them keeps its two lines along the flow (`stackNested` then
      // sets its container before theirs)
      const back = (lines.get(e.from) ?? []).filter((f) => !f.reversed && inside(f.to, c));
      const away = (into[e.from] as number[]).filter((u) => inside(u, c)).length;
      if (free && back.length <= Math.max(1, away) && leftFrom(e.from, c, outside, e.to)) {
        // the way it closed is gone: a later line of the same loop (Kafka on to Spark, in
        // the container Debezium sits in) keeps the flow
        turn(e);
        break;
      }
    }
  }
}

/**
 * A container that lines from a sibling enter and leave again back into that sibling (a
 * service publishing to an event bus that feeds the services beside it) ranks inside the
 * sibling's span (or within it up to one of its ends: a private subnet whose task reaches
 * back to the NAT gateway in the public one), drawn beside it with every line going out
 * sideways and back. Once ranks are
 * known, such pairs are stacked instead, as D2 and hand drawings have them: the fewer lines
 * between the two (in model order when even) run against the flow, so one container comes
 * wholly before the other. Returns whether any line was turned (the ranks are then stale).
 */
export function stackNested(graph: LayeredGraph): boolean {
  /** Edges between two sibling containers, by the pair (lower index first), each as it ranks. */
  const between = new Map<string, { edge: LEdge; from: number; to: number }[]>();
  for (const edge of graph.edges) {
    if (edge.released || edge.against) continue;
    const [u, v] = [graph.nodes[edge.from] as LNode, graph.nodes[edge.to] as LNode];
    const parent = commonContainer(graph, u.container, v.container);
    if (u.container === parent || v.container === parent) continue;
    const a = childTowards(graph, u.container, parent);
    const b = childTowards(graph, v.container, parent);
    const [from, to] = edge.reversed ? [b, a] : [a, b];
    const key = from < to ? `${from}:${to}` : `${to}:${from}`;
    const list = between.get(key);
    if (list) list.push({ edge, from, to });
    else between.set(key, [{ edge, from, to }]);
  }
  let turned = false;
  for (const [key, list] of between) {
    const [x, y] = key.split(':').map(Number) as [number, number];
    const forth = list.filter((l) => l.from === x);
    const back = list.filter((l) => l.from === y);
    if (forth.length === 0 || back.length === 0) continue;
    const [cx, cy] = [graph.containers[x] as LContainer, graph.containers[y] as LContainer];
    const inside = (inner: LContainer, outer: LContainer): boolean =>
      (outer.firstRank < inner.firstRank && inner.lastRank <= outer.lastRank) ||
      (outer.firstRank <= inner.firstRank && inner.lastRank < outer.lastRank);
    if (!inside(cx, cy) && !inside(cy, cx)) continue;
    const turn = back.length <= forth.length ? back : forth;
    for (const l of turn) l.edge.reversed = !l.edge.reversed;
    // lines ranked through a container's border (a container joined to the other whole) may
    // already hold the two in the other order: then turning would close a cycle
    if (!acyclic(graph)) {
      for (const l of turn) l.edge.reversed = !l.edge.reversed;
      continue;
    }
    turned = true;
  }
  return turned;
}

/** Whether the edges, each as it ranks, and the rank-only edges leave the ranks a partial order. */
function acyclic(graph: LayeredGraph): boolean {
  const out: Arc[][] = Array.from({ length: graph.nodes.length }, () => []);
  graph.edges.forEach((e, i) => {
    if (e.from === e.to) return;
    const [from, to] = e.reversed ? [e.to, e.from] : [e.from, e.to];
    (out[from] as Arc[]).push({ to, edge: i });
  });
  graph.rankEdges.forEach((e, i) => {
    if (e.from !== e.to) (out[e.from] as Arc[]).push({ to: e.to, edge: -1 - i });
  });
  return closingArcs(out).length === 0;
}

/**
 * Gives every atom a rank: edges point from a lower rank to a higher one and are as short as
 * they can be in total (network simplex). Then each container's first and last rank.
 */
export function assignRanks(graph: LayeredGraph, check?: () => void, bands = false): void {
  const atoms = graph.nodes.length;
  const weights = new Map<string, SimplexEdge>();
  const add = (from: number, to: number, weight: number): void => {
    if (from === to) return;
    const key = `${from}:${to}`;
    const known = weights.get(key);
    if (known) known.weight += weight;
    else weights.set(key, { from, to, minlen: 1, weight });
  };
  for (const e of graph.edges) {
    if (e.reversed) add(e.to, e.from, 1);
    else add(e.from, e.to, 1);
  }
  for (const e of graph.rankEdges) add(e.from, e.to, e.weight);
  const apart = containersApart(graph, [...weights.values()]);
  const ranks = networkSimplex(
    atoms + (apart.length > 0 ? 2 * graph.containers.length : 0),
    [...weights.values(), ...apart],
    check ? { check } : {},
  );
  graph.nodes.forEach((node, i) => {
    node.rank = ranks[i] as number;
  });
  // a node with no connection sits with its connected siblings, not alone at rank 0 — nor
  // pulled to the last rank because a line leaves its container's border
  const linked = new Set<number>();
  for (const e of graph.edges) linked.add(e.from).add(e.to);
  for (const e of graph.rankEdges) {
    if (!e.fromSpread) linked.add(e.from);
    if (!e.toSpread) linked.add(e.to);
  }
  // — but beside the connected sibling written before it (after it, when none is), as a
  // hand drawing keeps the order its boxes are listed in
  const lastLinked = new Map<number, number>();
  const waiting = new Map<number, LNode[]>();
  graph.nodes.forEach((node, i) => {
    if (node.container === -1 || node.kind !== 'atom') return;
    const rank = lastLinked.get(node.container);
    if (linked.has(i)) {
      for (const lone of waiting.get(node.container) ?? []) lone.rank = node.rank;
      waiting.delete(node.container);
      lastLinked.set(node.container, node.rank);
    } else if (rank !== undefined) node.rank = rank;
    else {
      const list = waiting.get(node.container);
      if (list) list.push(node);
      else waiting.set(node.container, [node]);
    }
  });
  // a node joined only across the flow sits beside its partner (twice, for a chain of them)
  for (let pass = 0; pass < 2; pass++) {
    for (const [a, b] of graph.sameRank ?? []) {
      const [na, nb] = [graph.nodes[a] as LNode, graph.nodes[b] as LNode];
      if (!linked.has(b)) {
        nb.rank = na.rank;
        if (pass === 1) linked.add(b);
      } else if (!linked.has(a)) {
        na.rank = nb.rank;
        if (pass === 1) linked.add(a);
      }
    }
  }
  alignPeers(graph, [...weights.values()]);
  alignOpenEnds(graph, [...weights.values()]);
  alignSources(graph, [...weights.values()]);
  stackLoneMembers(graph, linked, [...weights.values()]);
  spanContainers(graph, bands);
}

/**
 * Containers of boxes with no line (kubelet, kube-proxy and pods in a worker node) that stand
 * three or more in a row with nothing else on their rank (the worker nodes a control plane
 * feeds) stack their boxes along the flow, as hand drawings do, rather than making a row of
 * rows three times as wide; each when no line into or out of it would run against the flow.
 */
function stackLoneMembers(
  graph: LayeredGraph,
  linked: ReadonlySet<number>,
  edges: readonly SimplexEdge[],
): void {
  const members = new Map<number, number[]>();
  graph.nodes.forEach((node, i) => {
    if (node.kind !== 'atom' || node.container === -1) return;
    const list = members.get(node.container);
    if (list) list.push(i);
    else members.set(node.container, [i]);
  });
  const parents = new Set(graph.containers.map((c) => c.parent));
  const rankOf = (v: number): number => (graph.nodes[v] as LNode).rank;
  /** Containers of two boxes or more, none with a line, all on one rank. */
  const loneSet = new Set<number>();
  for (const [c, list] of members) {
    if (
      list.length >= 2 &&
      !parents.has(c) &&
      list.every((v) => !linked.has(v) && rankOf(v) === rankOf(list[0] as number))
    )
      loneSet.add(c);
  }
  if (loneSet.size < 3) return;
  const lone = (c: number): boolean => loneSet.has(c);
  const stacking = [...members.keys()].filter((c) => {
    if (!lone(c)) return false;
    const list = members.get(c) as number[];
    const first = rankOf(list[0] as number);
    // in a row of three such containers or more (worker nodes), and nothing else on the rank
    const parent = (graph.containers[c] as LContainer).parent;
    const beside = new Set<number>();
    let other = false;
    for (const node of graph.nodes) {
      if (node.kind !== 'atom' || node.rank !== first) continue;
      const side = node.container === -1 ? -1 : childTowards(graph, node.container, parent);
      if (side === -1 && node.container !== -1 && !isWithin(graph, node.container, parent))
        continue;
      if (side === -1 || !lone(side)) other = true;
      else beside.add(side);
    }
    return !other && beside.size >= 3;
  });
  for (const c of stacking) {
    const list = members.get(c) as number[];
    const first = rankOf(list[0] as number);
    const next = new Map(list.map((v, i) => [v, first + i]));
    const rank = (v: number): number => next.get(v) ?? rankOf(v);
    if (!edges.every((e) => rank(e.to) - rank(e.from) >= e.minlen)) continue;
    for (const [v, r] of next) (graph.nodes[v] as LNode).rank = r;
    graph.stacked ??= [];
    for (let i = 0; i + 1 < list.length; i++) {
      graph.stacked.push([list[i] as number, list[i + 1] as number]);
    }
  }
}

/**
 * Two boxes joined across the flow (brokers replicating both ways, each in its own zone) share
 * a rank when they can, so their line runs straight across: the side that holds the box ranked
 * higher (its container under the two boxes' common one, or the box alone) moves down, or the
 * other side up, as a whole, when no line into or out of it would then run against the flow.
 */
function alignPeers(graph: LayeredGraph, edges: readonly SimplexEdge[]): void {
  const pairs = graph.sameRank ?? [];
  if (pairs.length === 0) return;
  const out: SimplexEdge[][] = graph.nodes.map(() => []);
  for (const e of edges) (out[e.from] as SimplexEdge[]).push(e);
  const sides = new Map<number, Set<number>>();
  for (const [a, b] of pairs.slice(0, PEER_LIMIT)) {
    const [na, nb] = [graph.nodes[a] as LNode, graph.nodes[b] as LNode];
    if (na.rank === nb.rank) continue;
    const [high, low] = na.rank < nb.rank ? [a, b] : [b, a];
    const shift = (graph.nodes[low] as LNode).rank - (graph.nodes[high] as LNode).rank;
    const common = commonContainer(graph, na.container, nb.container);
    /** The atoms that move with node v: its side under the common container. */
    const side = (v: number): Set<number> => {
      const child = childTowards(graph, (graph.nodes[v] as LNode).container, common);
      if (child === -1) return new Set([v]);
      const known = sides.get(child);
      if (known) return new Set(known);
      const inside = new Set<number>();
      graph.nodes.forEach((node, i) => {
        if (node.kind === 'atom' && isWithin(graph, node.container, child)) inside.add(i);
      });
      sides.set(child, inside);
      return new Set(inside);
    };
    /** Whether moving `moved` by `by` ranks keeps every edge pointing along the flow. */
    const fits = (moved: Set<number>, by: number): boolean => {
      if (moved.has(a) && moved.has(b)) return false;
      for (const i of moved) if ((graph.nodes[i] as LNode).rank + by < 0) return false;
      const rank = (i: number): number => (graph.nodes[i] as LNode).rank + (moved.has(i) ? by : 0);
      return edges.every((e) => rank(e.to) - rank(e.from) >= e.minlen);
    };
    // moving down, what the moved side leads to moves along where its lines would turn back
    // (a broker beside the API that feeds it, with the worker the broker feeds)
    const down = pushed(graph, out, side(high), shift, low);
    for (const [moved, by] of [
      [down ?? side(high), shift],
      [side(low), -shift],
    ] as const) {
      if (!fits(moved, by)) continue;
      for (const i of moved) (graph.nodes[i] as LNode).rank += by;
      break;
    }
  }
}

/** Most boxes a peer's move down takes along. */
const PUSH_LIMIT = 64;
/** Most pairs of peers `alignPeers` lines up: each costs a pass over the lines. */
const PEER_LIMIT = 256;

/**
 * `start` moved `by` ranks down with every node its lines then run back into, and theirs in
 * turn; undefined when that would move `partner` too, or more than {@link PUSH_LIMIT} nodes.
 */
function pushed(
  graph: LayeredGraph,
  out: readonly (readonly SimplexEdge[])[],
  start: ReadonlySet<number>,
  by: number,
  partner: number,
): Set<number> | undefined {
  const moved = new Set(start);
  const rank = (i: number): number => (graph.nodes[i] as LNode).rank + (moved.has(i) ? by : 0);
  const queue = [...moved];
  for (let head = 0; head < queue.length; head++) {
    for (const e of out[queue[head] as number] ?? []) {
      if (moved.has(e.to) || rank(e.to) - rank(e.from) >= e.minlen) continue;
      if (e.to === partner || moved.size >= PUSH_LIMIT) return undefined;
      moved.add(e.to);
      queue.push(e.to);
    }
  }
  return moved;
}

/**
 * A container whose boxes only lines from outside reach (volumes the servers write to,
 * services an event bus feeds) sets them on one rank, the lowest any of them needs, as hand
 * drawings put such a container: a row, not a column stretched to meet each source. Their lines only grow longer, so no constraint
 * breaks. (Boxes that only send out of a container are kept together by `containersApart`.)
 */
function alignOpenEnds(graph: LayeredGraph, edges: readonly SimplexEdge[]): void {
  const into = new Map<number, number[]>();
  const sends = new Set<number>();
  for (const e of edges) {
    const list = into.get(e.to);
    if (list) list.push(e.from);
    else into.set(e.to, [e.from]);
    sends.add(e.from);
  }
  const sinks = new Map<number, number[]>();
  graph.nodes.forEach((node, v) => {
    if (node.kind !== 'atom' || node.container === -1 || sends.has(v)) return;
    const sources = into.get(v) ?? [];
    // a gate is where a line from outside comes in
    const outside = (u: number): boolean =>
      (graph.nodes[u] as LNode).gate === 'in' ||
      !isWithin(graph, (graph.nodes[u] as LNode).container, node.container);
    if (sources.length === 0 || !sources.every(outside)) return;
    const list = sinks.get(node.container);
    if (list) list.push(v);
    else sinks.set(node.container, [v]);
  });
  // only a container of nothing else: one whose boxes pass lines on keeps its ranks
  const atomsIn = new Map<number, number>();
  for (const node of graph.nodes) {
    if (node.kind === 'atom') atomsIn.set(node.container, (atomsIn.get(node.container) ?? 0) + 1);
  }
  for (const [container, members] of sinks) {
    if (members.length < 2 || members.length !== atomsIn.get(container)) continue;
    const rank = Math.max(...members.map((v) => (graph.nodes[v] as LNode).rank));
    for (const v of members) (graph.nodes[v] as LNode).rank = rank;
  }
}

/**
 * The mirror of `alignOpenEnds`: a container whose boxes nothing feeds and whose every line
 * leaves it (data sources — APIs, files, streams, a database — feeding an ingestion layer)
 * sets them on one rank, the first any of them takes, as hand drawings put such a column. A
 * box whose line goes straight to its target would otherwise sit a rank later than those whose
 * lines gather at a gate first. Their lines only grow longer, so no constraint breaks.
 */
function alignSources(graph: LayeredGraph, edges: readonly SimplexEdge[]): void {
  const fed = new Set<number>();
  const out = new Map<number, number[]>();
  for (const e of edges) {
    fed.add(e.to);
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
  }
  const members = new Map<number, number[]>();
  const mixed = new Set<number>();
  graph.nodes.forEach((node, v) => {
    if (node.kind !== 'atom' || node.container === -1) return;
    const targets = out.get(v) ?? [];
    // a gate is where lines leave together
    const outside = (w: number): boolean =>
      (graph.nodes[w] as LNode).gate === 'out' ||
      !isWithin(graph, (graph.nodes[w] as LNode).container, node.container);
    if (fed.has(v) || targets.length === 0 || !targets.every(outside)) {
      mixed.add(node.container);
      return;
    }
    const list = members.get(node.container);
    if (list) list.push(v);
    else members.set(node.container, [v]);
  });
  for (const [container, list] of members) {
    if (list.length < 2 || mixed.has(container)) continue;
    const rank = Math.min(...list.map((v) => (graph.nodes[v] as LNode).rank));
    for (const v of list) (graph.nodes[v] as LNode).rank = rank;
  }
}

/** Most pairs of siblings `containersApart` looks at: each costs a search of the graph. */
const APART_LIMIT = 64;

/**
 * Constraints that place siblings joined only one way — two containers, or a box and a
 * container — one after the other along the flow, as people draw a cluster feeding another or
 * users above the cluster they reach: every node of the first before every node of the
 * second, not interleaved in the ranks they share. Over variables `atoms + 2c`
 * (the first rank of container c) and `atoms + 2c + 1` (its last rank); empty when no pair
 * qualifies. A pair that would close a cycle with the edges and the pairs before it is left
 * out, so the constraints stay acyclic.
 */
function containersApart(graph: LayeredGraph, edges: readonly SimplexEdge[]): SimplexEdge[] {
  const atoms = graph.nodes.length;
  if (graph.containers.length === 0) return [];
  const first = (c: number): number => atoms + 2 * c;
  const last = (c: number): number => atoms + 2 * c + 1;
  /** What stands for node `v` among the children of `parent`: itself or its container. */
  const standIn = (v: number, parent: number): number => {
    const node = graph.nodes[v] as LNode;
    return node.container === parent ? -1 - v : childTowards(graph, node.container, parent);
  };
  const ways = new Map<string, { from: number; to: number; back: boolean; lines: number }>();
  /** For each container: the siblings its members are reached from. */
  const sources = new Map<number, Set<number>>();
  for (const e of edges) {
    const [u, v] = [graph.nodes[e.from] as LNode, graph.nodes[e.to] as LNode];
    const parent = commonContainer(graph, u.container, v.container);
    const [a, b] = [standIn(e.from, parent), standIn(e.to, parent)];
    if (b >= 0) sources.set(b, (sources.get(b) ?? new Set<number>()).add(a));
    // two atoms are ranked by their edge already; a container is what this is about
    if (a < 0 && b < 0) continue;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    const known = ways.get(key);
    if (!known) ways.set(key, { from: a, to: b, back: false, lines: 1 });
    else if (known.from !== a) known.back = true;
    else known.lines++;
  }
  // a container also reached from elsewhere (two regions behind one DNS, joined by a
  // replication line) keeps its place beside the other: it does not hang after it — unless
  // several lines join the two (images each feeding its container): then it comes after
  const pairs = [...ways.values()].filter(
    (w) => !w.back && (w.to < 0 || (sources.get(w.to)?.size ?? 0) <= 1 || w.lines > 1),
  );
  if (pairs.length === 0 || pairs.length > APART_LIMIT) return [];
  // the rank variables of every container hold what is inside it
  const holds: SimplexEdge[] = [];
  const hold = (from: number, to: number): void => {
    holds.push({ from, to, minlen: 0, weight: 0 });
  };
  graph.nodes.forEach((node, v) => {
    if (node.container === -1) return;
    hold(first(node.container), v);
    hold(v, last(node.container));
  });
  graph.containers.forEach((c, i) => {
    hold(first(i), last(i));
    if (c.parent === -1) return;
    hold(first(c.parent), first(i));
    hold(last(i), last(c.parent));
  });
  const n = atoms + 2 * graph.containers.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const e of [...edges, ...holds]) (out[e.from] as number[]).push(e.to);
  const reaches = (from: number, to: number): boolean => {
    const seen = new Uint8Array(n);
    const stack = [from];
    seen[from] = 1;
    while (stack.length > 0) {
      const v = stack.pop() as number;
      if (v === to) return true;
      for (const w of out[v] as number[]) {
        if (seen[w] === 0) {
          seen[w] = 1;
          stack.push(w);
        }
      }
    }
    return false;
  };
  const apart: SimplexEdge[] = [];
  for (const { from, to } of pairs) {
    const tail = from < 0 ? -1 - from : last(from);
    const head = to < 0 ? -1 - to : first(to);
    if (reaches(head, tail)) continue;
    (out[tail] as number[]).push(head);
    apart.push({ from: tail, to: head, minlen: 1, weight: 0 });
  }
  return apart.length === 0 ? [] : [...apart, ...holds];
}

/**
 * Sets each container's first and last rank from the nodes inside it; with `bands` (a flow
 * down), bordered siblings in a row start on one rank (see below).
 */
export function spanContainers(graph: LayeredGraph, bands = false): void {
  for (const c of graph.containers) {
    c.firstRank = Number.POSITIVE_INFINITY;
    c.lastRank = Number.NEGATIVE_INFINITY;
  }
  for (const node of graph.nodes) {
    for (const c of ancestors(graph, node.container)) {
      const container = graph.containers[c] as LContainer;
      container.firstRank = Math.min(container.firstRank, node.rank);
      container.lastRank = Math.max(container.lastRank, node.rank);
    }
  }
  // an empty container takes the first rank
  for (const c of graph.containers) {
    if (c.firstRank > c.lastRank) {
      c.firstRank = 0;
      c.lastRank = 0;
    }
  }
  // bordered siblings side by side that share a rank start on the first of theirs (zones in
  // a row, one holding a chain from the rank above): their title bands stand in one row,
  // the empty ranks filled, instead of a band pushed into the gap over the rank they start on
  if (!bands) return;
  // (only a container no line enters: a line coming in keeps its way in from above)
  const entered = new Set<LContainer>();
  const enter = (from: number, to: number): void => {
    const [source, target] = [graph.nodes[from] as LNode, graph.nodes[to] as LNode];
    if (source.rank >= target.rank) return;
    for (const c of ancestors(graph, target.container)) {
      if (!isWithin(graph, source.container, c)) entered.add(graph.containers[c] as LContainer);
    }
  };
  for (const edge of graph.edges) {
    enter(edge.from, edge.to);
    enter(edge.to, edge.from);
  }
  for (const edge of graph.rankEdges) enter(edge.from, edge.to);
  const bySiblings = new Map<number, LContainer[]>();
  for (const c of graph.containers) {
    if (borderless(c.host)) continue;
    const list = bySiblings.get(c.parent);
    if (list) list.push(c);
    else bySiblings.set(c.parent, [c]);
  }
  for (const list of bySiblings.values()) {
    for (const row of sharedRows(
      list,
      (c) => c.firstRank,
      (c) => c.lastRank,
    )) {
      const first = Math.min(...row.map((c) => c.firstRank));
      for (const c of row) if (!entered.has(c)) c.firstRank = first;
    }
  }
}

/**
 * Splits every edge longer than one rank into a chain of dummy nodes, one per rank it
 * crosses, and fills each container's ranks that hold nothing with a filler, so that every
 * rank a container spans has a node of it to order. A dummy stays inside the container its
 * edge leaves while that container lasts, then enters the container its edge goes into as
 * soon as that one starts: lines leave through bottoms and enter through tops.
 */
export function normalize(graph: LayeredGraph): void {
  const add = (node: LNode): number => graph.nodes.push(node) - 1;
  const sharedWays = new Map<string, number[]>();
  let span = 1;
  for (const node of graph.nodes) span = Math.max(span, node.sequence + 1);
  /** The boxes each box's lines reach a rank down. */
  const below = new Map<number, Set<number>>();
  for (const edge of graph.edges) {
    if (edge.released) continue;
    const [u, v] = edge.reversed ? [edge.to, edge.from] : [edge.from, edge.to];
    if ((graph.nodes[v] as LNode).rank !== (graph.nodes[u] as LNode).rank + 1) continue;
    below.set(u, (below.get(u) ?? new Set()).add(v));
  }
  /**
   * Where a long line's dummies stand in the model order: right after its source, among the
   * lines from one box in the order of their far ends, so a fan starts out uncrossed. A line
   * that skips past boxes it fans out to, to a box they all lead into (a system feeding two
   * gateways and the broker behind them), runs between them: in the middle of the fan.
   */
  const dummySequence = (upper: number, lower: number): number => {
    const top = graph.nodes[upper] as LNode;
    const bottom = graph.nodes[lower] as LNode;
    const fan = [...(below.get(upper) ?? [])]
      .filter((v) => below.get(v)?.has(lower) === true)
      .map((v) => (graph.nodes[v] as LNode).sequence)
      .sort((a, b) => a - b);
    if (fan.length < 2) return top.sequence + 0.5 + (0.24 * bottom.sequence) / span;
    const middle = fan.length >> 1;
    return fan.length % 2 === 0
      ? ((fan[middle - 1] as number) + (fan[middle] as number)) / 2
      : (fan[middle] as number) + 0.5;
  };
  for (const edge of graph.edges) {
    // the router draws a released line: it holds no place in the ranks
    if (edge.released) {
      edge.chain = [];
      continue;
    }
    const upper = edge.reversed ? edge.to : edge.from;
    const lower = edge.reversed ? edge.from : edge.to;
    const top = graph.nodes[upper] as LNode;
    const bottom = graph.nodes[lower] as LNode;
    const chain = [upper];
    const exits = ancestors(graph, top.container).filter(
      (c) => !isWithin(graph, bottom.container, c),
    );
    const entries = ancestors(graph, bottom.container)
      .filter((c) => !isWithin(graph, top.container, c))
      .reverse();
    const via = edge.via === undefined ? undefined : (graph.nodes[edge.via] as LNode);
    // the lines through a junction share their way on to each box they reach, and so do the
    // lines of a fan-in after its gate; the lines of a fan-out share theirs to the gate
    const shared = via?.junction || via?.gate === 'out' ? `${edge.via}>${lower}` : undefined;
    const known = shared === undefined ? undefined : sharedWays.get(shared);
    const lead = via?.gate === 'in' && !via.junction ? `${upper}>${edge.via}` : undefined;
    const ahead = lead === undefined ? undefined : sharedWays.get(lead);
    const sequence = dummySequence(upper, lower);
    let rank = top.rank + 1;
    if (ahead && via) {
      chain.push(...ahead);
      rank = via.rank;
    }
    for (; rank < bottom.rank; rank++) {
      if (via?.rank === rank) {
        if (lead !== undefined && !ahead) sharedWays.set(lead, chain.slice(1));
        chain.push(edge.via as number);
        if (known) {
          chain.push(...known);
          break;
        }
        continue;
      }
      let container = -1;
      const leaving = exits.find((c) => rank <= (graph.containers[c] as LContainer).lastRank);
      if (leaving !== undefined) container = leaving;
      else {
        const outer =
          exits.length > 0
            ? (graph.containers[exits[exits.length - 1] as number] as LContainer).parent
            : top.container;
        container = outer;
        for (const c of entries) {
          if (rank >= (graph.containers[c] as LContainer).firstRank) container = c;
          else break;
        }
      }
      chain.push(
        add(
          pointNode({
            id: `~d${graph.nodes.length}`,
            kind: 'dummy',
            container,
            rank,
            sequence,
          }),
        ),
      );
    }
    if (shared !== undefined && !known && via) {
      sharedWays.set(shared, chain.slice(chain.indexOf(edge.via as number) + 1));
    }
    chain.push(lower);
    edge.chain = chain;
  }
  // fillers: a container takes room in every rank it spans
  const present = new Set<string>();
  for (const node of graph.nodes) {
    for (const c of ancestors(graph, node.container)) present.add(`${c}:${node.rank}`);
  }
  graph.containers.forEach((c, index) => {
    for (let rank = c.firstRank; rank <= c.lastRank; rank++) {
      if (present.has(`${index}:${rank}`)) continue;
      add(
        pointNode({
          id: `~f${graph.nodes.length}`,
          kind: 'filler',
          container: index,
          rank,
          sequence: c.sequence,
        }),
      );
      for (const up of ancestors(graph, index)) present.add(`${up}:${rank}`);
    }
  });
}
