import type { LayeredGraph, LContainer, LNode } from './graph.js';

/** Options for {@link orderRanks}. */
export interface OrderOptions {
  /** Sweeps at most (each down or up, then transposition). @default 12 */
  maxSweeps?: number;
  check?: () => void;
}

/** The nodes of each rank, in order. */
export type Layers = number[][];

interface Unit {
  nodes: number[];
  key: number;
  /** Whether the key comes from neighbours, not from where the unit stands already. */
  known: boolean;
  tie: number;
  container?: number;
}

/** The segments between rank r and r + 1: [upper node, lower node] pairs, with repeats. */
export function gapSegments(graph: LayeredGraph, ranks: number): [number, number][][] {
  const out: [number, number][][] = Array.from({ length: Math.max(0, ranks - 1) }, () => []);
  for (const edge of graph.edges) {
    for (let k = 0; k + 1 < edge.chain.length; k++) {
      const upper = edge.chain[k] as number;
      const lower = edge.chain[k + 1] as number;
      const rank = (graph.nodes[upper] as { rank: number }).rank;
      out[rank]?.push([upper, lower]);
    }
  }
  return out;
}

/** Crossings between two ranks: inversions of the lower ends once sorted by the upper ends. */
export function countCrossings(
  segments: readonly [number, number][],
  position: Int32Array,
): number {
  if (segments.length < 2) return 0;
  const pairs = segments
    .map(([u, v]) => [position[u] as number, position[v] as number] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let size = 1;
  for (const [, b] of pairs) size = Math.max(size, b + 2);
  const tree = new Int32Array(size + 1);
  let crossings = 0;
  let seen = 0;
  for (const [, b] of pairs) {
    // lower ends already seen to the right of b cross this segment
    let atMost = 0;
    for (let i = b + 1; i > 0; i -= i & -i) atMost += tree[i] as number;
    crossings += seen - atMost;
    for (let i = b + 1; i <= size; i += i & -i) tree[i] = (tree[i] as number) + 1;
    seen++;
  }
  return crossings;
}

/**
 * Graphs past this many nodes (dummies included) skip the swaps on a tie: they are for the
 * plateaus of drawings a person reads, and on big graphs the orders they find can be wider
 * and cost the router far more than they save (a 1,000-box graph: 0.4 s became 8 s).
 */
const TIE_SWAP_LIMIT = 400;

/**
 * Orders the nodes of every rank so that few edges cross (barycentre sweeps down and up, then
 * transposition of neighbours), the way `dot` and ELK do. Each container's nodes stay together
 * in every rank, and two containers side by side keep the same left-to-right order in every
 * rank they share, so containers stay rectangles. It starts from the model order and keeps it
 * unless a sweep finds strictly fewer crossings, so a hand-written order survives whenever it
 * costs nothing. Sets each node's `order`; returns the layers.
 */
export function orderRanks(graph: LayeredGraph, options: OrderOptions = {}): Layers {
  const { nodes, containers } = graph;
  const rankCount = nodes.reduce((max, node) => Math.max(max, node.rank + 1), 0);
  const check = options.check ?? (() => {});
  // structure: direct nodes per (container, rank), child containers, presence
  const direct = new Map<string, number[]>();
  const present = new Set<string>();
  nodes.forEach((node, i) => {
    const key = `${node.container}:${node.rank}`;
    const list = direct.get(key);
    if (list) list.push(i);
    else direct.set(key, [i]);
    for (let c = node.container; c !== -1; c = (containers[c] as LContainer).parent) {
      present.add(`${c}:${node.rank}`);
    }
  });
  const children = new Map<number, number[]>();
  containers.forEach((c, i) => {
    const list = children.get(c.parent);
    if (list) list.push(i);
    else children.set(c.parent, [i]);
  });
  const up: number[][] = nodes.map(() => []);
  const down: number[][] = nodes.map(() => []);
  for (const edge of graph.edges) {
    for (let k = 0; k + 1 < edge.chain.length; k++) {
      const a = edge.chain[k] as number;
      const b = edge.chain[k + 1] as number;
      (down[a] as number[]).push(b);
      (up[b] as number[]).push(a);
    }
  }
  const segments = gapSegments(graph, rankCount);
  const position = new Int32Array(nodes.length);
  let relations = new Set<string>();

  /** Orders the part of rank `r` inside container `c` by `key` (undefined: stay put). */
  const arrange = (
    c: number,
    r: number,
    key: (v: number) => number | undefined,
  ): { nodes: number[]; key: number; known: boolean } => {
    const units: Unit[] = [];
    for (const v of direct.get(`${c}:${r}`) ?? []) {
      const k = key(v);
      units.push({
        nodes: [v],
        key: k ?? (position[v] as number),
        known: k !== undefined,
        tie: position[v] as number,
      });
    }
    for (const d of children.get(c) ?? []) {
      if (!present.has(`${d}:${r}`)) continue;
      const inner = arrange(d, r, key);
      let tie = Number.POSITIVE_INFINITY;
      for (const v of inner.nodes) tie = Math.min(tie, position[v] as number);
      units.push({ nodes: inner.nodes, key: inner.key, known: inner.known, tie, container: d });
    }
    units.sort((a, b) => a.key - b.key || a.tie - b.tie);
    // containers keep the order they had in the ranks already done in this sweep
    const slots: number[] = [];
    const boxed: Unit[] = [];
    units.forEach((unit, i) => {
      if (unit.container === undefined) return;
      slots.push(i);
      boxed.push(unit);
    });
    if (boxed.length > 1) {
      const placed: Unit[] = [];
      const left = [...boxed];
      while (left.length > 0) {
        const next =
          left.find((u) =>
            left.every((w) => w === u || !relations.has(`${w.container}<${u.container}`)),
          ) ?? (left[0] as Unit);
        placed.push(next);
        left.splice(left.indexOf(next), 1);
      }
      slots.forEach((slot, i) => {
        units[slot] = placed[i] as Unit;
      });
      for (let i = 0; i < placed.length; i++) {
        for (let j = i + 1; j < placed.length; j++) {
          relations.add(`${(placed[i] as Unit).container}<${(placed[j] as Unit).container}`);
        }
      }
    }
    // a container goes where its connected members pull it: members with no line in this
    // direction would only hold it where it stands
    const out: number[] = [];
    for (const unit of units) for (const v of unit.nodes) out.push(v);
    const pulling = units.filter((unit) => unit.known);
    const counted = pulling.length > 0 ? pulling : units;
    const sum = counted.reduce((total, unit) => total + unit.key, 0);
    return {
      nodes: out,
      key: counted.length > 0 ? sum / counted.length : 0,
      known: pulling.length > 0,
    };
  };

  /** Records the order of containers in a rank that a sweep starts from. */
  const remember = (layer: readonly number[]): void => {
    const seen: number[] = [];
    const at = new Map<number, number>();
    for (const v of layer) {
      for (
        let c = (nodes[v] as { container: number }).container;
        c !== -1;
        c = (containers[c] as LContainer).parent
      ) {
        if (!at.has(c)) {
          at.set(c, seen.length);
          seen.push(c);
        }
      }
    }
    for (let i = 0; i < seen.length; i++) {
      for (let j = i + 1; j < seen.length; j++) {
        const a = seen[i] as number;
        const b = seen[j] as number;
        if ((containers[a] as LContainer).parent === (containers[b] as LContainer).parent) {
          relations.add(`${a}<${b}`);
        }
      }
    }
  };

  const layers: Layers = Array.from({ length: rankCount }, () => []);
  const setLayer = (r: number, order: number[]): void => {
    layers[r] = order;
    order.forEach((v, i) => {
      position[v] = i;
    });
  };
  // the model order: atoms by sequence, a dummy right after its edge's source
  nodes.forEach((node, i) => {
    position[i] = Math.round(node.sequence * 2);
  });
  for (let r = 0; r < rankCount; r++) {
    setLayer(r, arrange(-1, r, (v) => (nodes[v] as { sequence: number }).sequence).nodes);
  }
  relations = new Set();

  const total = (): number =>
    segments.reduce((sum, list) => sum + countCrossings(list, position), 0);
  const barycentre = (neighbours: readonly number[]): number | undefined => {
    if (neighbours.length === 0) return undefined;
    let sum = 0;
    for (const n of neighbours) sum += position[n] as number;
    return sum / neighbours.length;
  };
  const sweep = (downward: boolean): void => {
    relations = new Set();
    const first = downward ? 0 : rankCount - 1;
    remember(layers[first] as number[]);
    for (let k = 1; k < rankCount; k++) {
      check();
      const r = downward ? k : rankCount - 1 - k;
      const from = downward ? up : down;
      setLayer(r, arrange(-1, r, (v) => barycentre(from[v] as number[])).nodes);
    }
  };
  const pairCrossings = (a: number, b: number): number => {
    let count = 0;
    for (const lists of [up, down]) {
      for (const x of lists[a] as number[]) {
        for (const y of lists[b] as number[])
          if ((position[x] as number) > (position[y] as number)) count++;
      }
    }
    return count;
  };
  // the ends of steps between boxes side by side: a swap on a tie never moves them, since
  // crossings leave out the steps a box standing between their ends would part
  const stepEnds = new Set<number>();
  for (const s of [...(graph.steps ?? []), ...(graph.peers ?? [])]) stepEnds.add(s.from).add(s.to);
  /**
   * Swaps neighbours in a rank while that removes crossings; `reverse` swaps them on a tie
   * too (but never two that do not cross at all, nor the ends of a step), as `dot` does on
   * alternate iterations, to leave a plateau where the sweeps stall (two services whose lines
   * below tie).
   */
  const transpose = (reverse: boolean): void => {
    for (let pass = 0; pass < 8; pass++) {
      let improved = false;
      for (const layer of layers) {
        for (let i = 0; i + 1 < layer.length; i++) {
          const v = layer[i] as number;
          const w = layer[i + 1] as number;
          if (
            (nodes[v] as { container: number }).container !==
            (nodes[w] as { container: number }).container
          )
            continue;
          const [now, swapped] = [pairCrossings(v, w), pairCrossings(w, v)];
          const tie = reverse && now > 0 && swapped === now && !stepEnds.has(v) && !stepEnds.has(w);
          if (swapped < now || tie) {
            layer[i] = w;
            layer[i + 1] = v;
            position[v] = i + 1;
            position[w] = i;
            improved = true;
          }
        }
      }
      if (!improved) break;
    }
  };

  let best = layers.map((layer) => [...layer]);
  let bestCount = total();
  const maxSweeps = options.maxSweeps ?? 12;
  let stale = 0;
  for (let iteration = 0; iteration < maxSweeps && bestCount > 0 && stale < 4; iteration++) {
    sweep(iteration % 2 === 0);
    transpose(iteration % 4 >= 2 && nodes.length <= TIE_SWAP_LIMIT);
    const count = total();
    if (count < bestCount) {
      best = layers.map((layer) => [...layer]);
      bestCount = count;
      stale = 0;
    } else stale++;
  }
  best.forEach((layer, r) => {
    setLayer(r, layer);
  });
  // a step between siblings reads from left to right: its source goes just before its target
  // (or the target just after), when that costs no crossing; a box that steps to two puts the
  // second on its other side (a worker between the queue and the database it writes to). A
  // move never parts the boxes of a step already side by side
  const steps = graph.steps ?? [];
  const beside = (list: readonly number[]): number =>
    steps.filter((step) => {
      const i = list.indexOf(step.from);
      const j = list.indexOf(step.to);
      return i >= 0 && j >= 0 && Math.abs(i - j) === 1;
    }).length;
  for (const step of steps) {
    const r = (nodes[step.from] as LNode).rank;
    if ((nodes[step.to] as LNode).rank !== r) continue;
    const layer = layers[r] as number[];
    const i = position[step.from] as number;
    const j = position[step.to] as number;
    if (j === i + 1) continue;
    const before = total();
    // side by side first, then reading left to right
    const reads = (list: readonly number[]): number =>
      2 * beside(list) +
      steps.filter((s) => list.indexOf(s.to) === list.indexOf(s.from) + 1 && list.includes(s.to))
        .length;
    /**
     * Boxes standing between the boxes one box above fans out to (a worker beside the cache,
     * between the cache and the database the API over them writes to): fewer is better.
     */
    const parted = (list: readonly number[]): number => {
      let count = 0;
      const fans = new Map<number, number[]>();
      list.forEach((v, k) => {
        for (const u of up[v] as number[]) {
          const at = fans.get(u);
          if (at) at.push(k);
          else fans.set(u, [k]);
        }
      });
      for (const [u, at] of fans) {
        if (at.length < 2) continue;
        const [low, high] = [Math.min(...at), Math.max(...at)];
        for (let k = low + 1; k < high; k++)
          if (!(up[list[k] as number] as number[]).includes(u)) count++;
      }
      return count;
    };
    const now = reads(layer);
    /** Whether two boxes side by side in `list` are a step's two ends. */
    const linkedBeside = (list: readonly number[], i: number): boolean =>
      steps.some(
        (s) =>
          (s.from === list[i] && s.to === list[i + 1]) ||
          (s.to === list[i] && s.from === list[i + 1]),
      );
    // a box moves with the boxes its steps already hold beside it (a chain of peers, the
    // dashboard between the metrics store and the alert manager), but never with the anchor
    const place = (moved: number, anchor: number, after: boolean) => (list: number[]) => {
      let first = list.indexOf(moved);
      let last = first;
      while (first > 0 && linkedBeside(list, first - 1)) first--;
      while (last + 1 < list.length && linkedBeside(list, last)) last++;
      let run = list.slice(first, last + 1);
      if (run.includes(anchor)) run = [moved];
      for (const v of run) list.splice(list.indexOf(v), 1);
      list.splice(list.indexOf(anchor) + (after ? 1 : 0), 0, ...run);
    };
    const tries = [
      place(step.to, step.from, true),
      place(step.from, step.to, false),
      place(step.to, step.from, false),
      place(step.from, step.to, true),
    ];
    // fewest crossings first, then no fan parted, then the order that reads best (both of a
    // chain's steps beside)
    let chosen: number[] | undefined;
    let fewest = before;
    let apart = Number.POSITIVE_INFINITY;
    let best = now;
    for (const move of tries) {
      const list = [...layer];
      move(list);
      const read = reads(list);
      if (read <= now) continue;
      setLayer(r, list);
      const count = total();
      const split = parted(list);
      if (
        count <= fewest &&
        (chosen === undefined ||
          count < fewest ||
          split < apart ||
          (split === apart && read > best))
      ) {
        chosen = list;
        fewest = count;
        apart = split;
        best = read;
      }
    }
    setLayer(r, chosen ?? layer);
  }
  for (const r of clearSideLines(graph, layers, up, down)) setLayer(r, layers[r] as number[]);
  nodes.forEach((node, i) => {
    node.order = position[i] as number;
  });
  return layers;
}

/**
 * A box with no line stands where its model order put it, but never between the two ends of a
 * line drawn across the flow (two databases replicating side by side): it goes to the far
 * side of the end that shares its container, so the line runs straight, not around it.
 * Returns the ranks it changed.
 */
function clearSideLines(
  graph: LayeredGraph,
  layers: Layers,
  up: readonly number[][],
  down: readonly number[][],
): Set<number> {
  const changed = new Set<number>();
  const pairs = graph.sameRank ?? [];
  if (pairs.length === 0) return changed;
  const paired = new Set<number>();
  for (const [a, b] of pairs) paired.add(a).add(b);
  const lone = (v: number): boolean =>
    (graph.nodes[v] as LNode).kind === 'atom' &&
    (up[v] as number[]).length === 0 &&
    (down[v] as number[]).length === 0 &&
    !paired.has(v);
  for (const [a, b] of pairs) {
    const layer = layers[(graph.nodes[a] as LNode).rank] as number[];
    if ((graph.nodes[b] as LNode).rank !== (graph.nodes[a] as LNode).rank) continue;
    const [left, right] = layer.indexOf(a) < layer.indexOf(b) ? [a, b] : [b, a];
    for (const v of layer.slice(layer.indexOf(left) + 1, layer.indexOf(right))) {
      if (!lone(v)) continue;
      const container = (graph.nodes[v] as LNode).container;
      const anchor = [left, right].find(
        (end) => (graph.nodes[end] as LNode).container === container,
      );
      if (anchor === undefined) continue;
      layer.splice(layer.indexOf(v), 1);
      layer.splice(layer.indexOf(anchor) + (anchor === left ? 0 : 1), 0, v);
      changed.add((graph.nodes[a] as LNode).rank);
    }
  }
  return changed;
}
