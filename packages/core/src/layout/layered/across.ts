import {
  childTowards,
  commonContainer,
  isWithin,
  type LayeredGraph,
  type LEdge,
  type LNode,
} from './graph.js';
import type { Layers } from './order.js';
import { type Pins, pinUse } from './ports.js';
import { networkSimplex, type SimplexEdge } from './simplex.js';

/** What positioning across the ranks needs besides the graph. */
export interface AcrossOptions {
  /** Blank cells between two boxes (or containers) side by side. */
  gap: number;
  /** Blank cells between a line and what is next to it. */
  lineGap: number;
  /** Blank cells at least beside a container, where routed lines and their notes pass. */
  containerGap?: number;
  /** For each container: cells from its start border to its content, and from its content to its end border. */
  insets: (container: number) => {
    start: number;
    end: number;
    min: number;
    /** Fewest cells from the start border to a terminal (a line meeting the border). */
    terminal: number;
    /** Fewest cells from a terminal to the end border. @default 2 */
    terminalEnd?: number;
  };
  /** For each node: cells it needs before its start and after it (its box, its notes). */
  reach: (node: number) => { before: number; after: number };
  /** What a node reaches inside one of its containers (less than `reach` when a note sits outside). */
  reachWithin?: (node: number, container: number) => { before: number; after: number };
  /** Notes kept clear of the boxes beside theirs by other means than their hosts' reach. */
  notes?: NotesApart;
  /** Blank cells at least between two neighbours in a rank (a step's note between them). */
  between?: (a: number, b: number) => number;
  /** Nodes that must start at least `gap` cells past a container's start border (off a title). */
  afterStart?: readonly { container: number; node: number; gap: number }[];
  /** Nodes whose start a container's end border must be at least `gap` cells past. */
  beforeEnd?: readonly { container: number; node: number; gap: number }[];
  /** Pairs of nodes whose middles line up when nothing else pulls them apart (a column's boxes). */
  align?: readonly (readonly [number, number])[];
  /** Nodes whose lines are straightened before any other's (the text at a line's open end). */
  straightFirst?: (node: number) => boolean;
  /** Largest graph solved exactly; bigger ones are packed and aligned greedily. */
  exactLimit?: number;
  check?: () => void;
}

/**
 * Notes in the gaps between ranks, kept clear of what shares those gaps: beside their hosts,
 * the boxes in their container keep apart by their boxes alone, and `apart` says how far
 * apart the nodes must start for the notes and the lines beside them.
 */
export interface NotesApart {
  hosts: ReadonlySet<number>;
  apart: readonly { from: number; to: number; cells: number }[];
}

/** Positions across: each node's start cell, each container's two border cells. */
export interface AcrossPositions {
  node: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

/**
 * A width no placement can go below: the widest rank of nodes that sit directly in the
 * region, packed as tight as their constraints allow (0 when no rank is made of such nodes
 * alone). Enough to tell that a placement is already as narrow as it gets.
 */
function leastSpan(
  layers: Layers,
  constraints: ReadonlyMap<string, SimplexEdge>,
  reach: readonly { before: number; after: number }[],
  nodes: readonly LNode[],
): number {
  let least = 0;
  for (const layer of layers) {
    const top = layer.filter((v) => (nodes[v] as LNode).container === -1);
    if (top.length === 0 || top.length !== layer.length) continue;
    let cells = (reach[top[0] as number] as { before: number }).before;
    let whole = true;
    for (let i = 0; i + 1 < top.length && whole; i++) {
      const step = constraints.get(`${top[i]}>${top[i + 1]}`);
      if (step) cells += step.minlen;
      else whole = false;
    }
    if (!whole) continue;
    cells += (reach[top[top.length - 1] as number] as { after: number }).after + 1;
    least = Math.max(least, cells);
  }
  return least;
}

/** The cost of a cell of bend in the cheapest line: smaller costs only break ties. */
const UNIT = 4;

/** How many cells of width cost as much as one unit of any other cost, where width breaks ties. */
const TIE_BREAK = 1 << 12;

/** How much a bend in a segment costs per cell: long lines straight first (as `dot` does). */
const straightness = (a: LNode, b: LNode): number =>
  a.kind === 'dummy' && b.kind === 'dummy' ? 32 : a.kind === 'dummy' || b.kind === 'dummy' ? 8 : 4;

/**
 * Places every node across its rank and every container's borders: nodes keep their order
 * and their gaps, containers hold their nodes with their insets, and segments are as straight
 * as they can be (network simplex on `dot`'s auxiliary graph, where a segment's length across
 * costs per cell, and a container's width a little).
 */
export function placeAcross(
  graph: LayeredGraph,
  layers: Layers,
  pins: Pins,
  options: AcrossOptions,
): AcrossPositions {
  const { nodes, containers } = graph;
  const n = nodes.length;
  const startVar = (c: number): number => n + 2 * c;
  const endVar = (c: number): number => n + 2 * c + 1;
  const variables = n + 2 * containers.length;
  const edges = new Map<string, SimplexEdge>();
  const constrain = (from: number, to: number, minlen: number, weight = 0): void => {
    const key = `${from}>${to}`;
    const known = edges.get(key);
    if (known) {
      known.minlen = Math.max(known.minlen, minlen);
      known.weight += weight;
    } else edges.set(key, { from, to, minlen, weight });
  };
  const reach = nodes.map((_, i) => options.reach(i));
  // nodes whose notes are kept apart by `apart`: beside them, boxes count only as boxes
  const box = (v: number) => ({ before: 0, after: Math.max(0, (nodes[v] as LNode).across - 1) });
  const byBox = options.notes?.hosts ?? new Set<number>();
  for (const { from, to, cells } of options.notes?.apart ?? []) constrain(from, to, cells);
  /** The thing that stands for node `v` among the children of container `parent`. */
  const standIn = (
    v: number,
    parent: number,
    atEnd: boolean,
  ): { variable: number; offset: number } => {
    const node = nodes[v] as LNode;
    if (node.container === parent) {
      const r = reach[v] as { before: number; after: number };
      return { variable: v, offset: atEnd ? r.after : r.before };
    }
    const c = childTowards(graph, node.container, parent);
    return { variable: atEnd ? endVar(c) : startVar(c), offset: 0 };
  };
  /** The fewest cells from one node's start to the next one's in its rank (two of a kind). */
  const packed = new Map<string, number>();
  const isLine = (v: number): boolean => (nodes[v] as LNode).kind !== 'atom';
  const isTerminal = (v: number): boolean => (nodes[v] as LNode).kind === 'terminal';
  for (const fullLayer of layers) {
    // a terminal is where a line meets its container's border: it takes no room in its rank,
    // only a cell of the border, two apart from the next terminal on the same border or an
    // enclosing one and from the corners (and `clearTerminals` moves it off the lines that
    // enter the container there); a container's other border, or a box beside it, is no
    // obstacle
    const terminals = fullLayer.filter(isTerminal);
    const conflict = (a: LNode, b: LNode): boolean =>
      a.container === b.container
        ? a.terminal === b.terminal
        : isWithin(graph, a.container, b.container) || isWithin(graph, b.container, a.container);
    terminals.forEach((t, i) => {
      const a = nodes[t] as LNode;
      const next = terminals.slice(i + 1).find((u) => conflict(a, nodes[u] as LNode));
      if (next !== undefined) constrain(t, next, 2);
    });
    for (const t of terminals) {
      const c = (nodes[t] as LNode).container;
      constrain(startVar(c), t, options.insets(c).terminal);
      constrain(t, endVar(c), options.insets(c).terminalEnd ?? 2);
    }
    const layer = fullLayer.filter((v) => !isTerminal(v));
    for (let i = 0; i + 1 < layer.length; i++) {
      const a = layer[i] as number;
      const b = layer[i + 1] as number;
      const parent = commonContainer(
        graph,
        (nodes[a] as LNode).container,
        (nodes[b] as LNode).container,
      );
      const left = standIn(a, parent, true);
      const right = standIn(b, parent, false);
      const own = left.variable === a && right.variable === b;
      const lines = own && (isLine(a) || isLine(b));
      if (own && !lines && (byBox.has(a) || byBox.has(b))) {
        left.offset = box(a).after;
        right.offset = box(b).before;
      }
      const beside = !own;
      // a note between its own line and another keeps a cell more from the other, so that
      // it reads as its own line's
      const noted =
        lines &&
        ((!isLine(b) && (reach[b] as { before: number }).before > 0) ||
          (!isLine(a) && (reach[a] as { after: number }).after > box(a).after));
      // and a line that runs down between two boxes of the rank keeps a cell more from each,
      // so it reads as a line of its own passing them, not as a border of either
      const between = (k: number): boolean =>
        k > 0 &&
        k + 1 < layer.length &&
        !isLine(layer[k - 1] as number) &&
        !isLine(layer[k + 1] as number);
      const parting = lines && (isLine(a) ? between(i) : between(i + 1));
      const gap = lines
        ? options.lineGap + (noted || parting ? 1 : 0)
        : Math.max(
            options.gap,
            beside ? (options.containerGap ?? 0) : (options.between?.(a, b) ?? 0),
          );
      constrain(left.variable, right.variable, gap + 1 + left.offset + right.offset);
      if (own) packed.set(`${a}>${b}`, gap + 1 + left.offset + right.offset);
      // a note that sits outside its box's container keeps clear of the neighbour beside that
      // container
      if (left.variable !== a && (reach[a] as { after: number }).after > box(a).after)
        constrain(
          a,
          right.variable,
          gap + 1 + (reach[a] as { after: number }).after + right.offset,
        );
      if (right.variable !== b && (reach[b] as { before: number }).before > 0)
        constrain(
          left.variable,
          b,
          gap + 1 + left.offset + (reach[b] as { before: number }).before,
        );
    }
  }
  containers.forEach((container, c) => {
    const inset = options.insets(c);
    constrain(startVar(c), endVar(c), inset.min - 1, 1);
    for (let r = container.firstRank; r <= container.lastRank; r++) {
      const layer = layers[r] ?? [];
      const inside = layer.filter((v) => {
        if (isTerminal(v)) return false;
        for (
          let at = (nodes[v] as LNode).container;
          at !== -1;
          at = (containers[at] as { parent: number }).parent
        ) {
          if (at === c) return true;
        }
        return false;
      });
      if (inside.length === 0) continue;
      const [head, tail] = [inside[0] as number, inside[inside.length - 1] as number];
      const first = standIn(head, c, false);
      const last = standIn(tail, c, true);
      // a note of the end box that sits outside a container inside `c` still lies within `c`
      const within = options.reachWithin;
      if (within && first.variable === head) first.offset = within(head, c).before;
      if (within && last.variable === tail) last.offset = within(tail, c).after;
      constrain(startVar(c), first.variable, inset.start + first.offset);
      constrain(last.variable, endVar(c), inset.end + last.offset);
      if (within && first.variable !== head) {
        const before = within(head, c).before;
        if (before > 0) constrain(startVar(c), head, inset.start + before);
      }
      if (within && last.variable !== tail) {
        const r = within(tail, c);
        if (r.after > Math.max(0, (nodes[tail] as LNode).across - 1))
          constrain(tail, endVar(c), inset.end + r.after);
      }
    }
  });
  for (const { container, node, gap } of options.beforeEnd ?? []) {
    constrain(node, endVar(container), gap);
  }
  for (const { container, node, gap } of options.afterStart ?? []) {
    constrain(startVar(container), node, gap);
  }
  const linear = [...edges.values()];
  let aux = variables;
  // a branch of a trunk bends wherever it meets the trunk, so a terminal on one gains nothing
  // by lining up with the trunk's source: around a single box it goes to the middle, as hand
  // drawings drop each branch into the middle of the server it feeds
  const upperUse = pinUse(pins, 'upper');
  const lowerUse = pinUse(pins, 'lower');
  const shared = (use: Map<string, number>, key: string): boolean =>
    key !== '' && (use.get(key) ?? 0) > 1;
  const onBranch = new Set<number>();
  graph.edges.forEach((edge, e) => {
    for (let k = 0; k + 1 < edge.chain.length; k++) {
      const pin = pins.get(`${e}:${k}`);
      if (!pin) continue;
      const u = edge.chain[k] as number;
      const v = edge.chain[k + 1] as number;
      if (isTerminal(v) && shared(upperUse, pin.upperKey)) onBranch.add(v);
      if (isTerminal(u) && shared(lowerUse, pin.lowerKey)) onBranch.add(u);
    }
  });
  // a terminal leans toward the middle of what its container holds in its rank, so a line
  // leaving a container's border leaves from the middle rather than a corner
  for (const layer of layers) {
    for (const t of layer) {
      if (!isTerminal(t)) continue;
      const c = (nodes[t] as LNode).container;
      const inside = layer.filter((v) => {
        if (isTerminal(v)) return false;
        for (
          let at = (nodes[v] as LNode).container;
          at !== -1;
          at = (containers[at] as { parent: number }).parent
        ) {
          if (at === c) return true;
        }
        return false;
      });
      const middle = inside[Math.floor((inside.length - 1) / 2)];
      if (middle === undefined) continue;
      // an even count has its middle between the two central boxes (as they pack)
      const next = inside.length % 2 === 0 ? inside[inside.length / 2] : undefined;
      const pair = next === undefined ? undefined : packed.get(`${middle}>${next}`);
      const centre =
        pair === undefined
          ? Math.floor((nodes[middle] as LNode).across / 2)
          : Math.floor((pair + (nodes[next as number] as LNode).across) / 2);
      const weight = (onBranch.has(t) ? 64 : 1) * UNIT;
      linear.push({ from: aux, to: t, minlen: centre, weight });
      linear.push({ from: aux, to: middle, minlen: 0, weight });
      aux++;
    }
  }
  // how many segments leave each node toward the next rank, and enter it from the last
  const below = new Int32Array(n);
  const above = new Int32Array(n);
  for (const edge of graph.edges) {
    for (let k = 0; k + 1 < edge.chain.length; k++) {
      const [u, v] = [edge.chain[k] as number, edge.chain[k + 1] as number];
      below[u] = (below[u] as number) + 1;
      above[v] = (above[v] as number) + 1;
    }
  }
  // of a fork whose other branch ends, the one that goes on is the spine (a pipeline's next
  // stage, beside the stop each stage may fail to): by node, how many of its branches lead
  // on (a long line as far as the box it ends at). A wider fan keeps its parent centred over
  // its children, as a tree is drawn
  const goesOn = (edge: LEdge): boolean => (below[edge.chain.at(-1) as number] as number) > 0;
  const onward = new Int32Array(n);
  for (const edge of graph.edges) {
    if (edge.chain.length > 1 && goesOn(edge)) {
      const u = edge.chain[0] as number;
      onward[u] = (onward[u] as number) + 1;
    }
  }
  /** Whether node `u` forks in two, one line going on (the spine) and one ending. */
  const hasSpine = (u: number): boolean => below[u] === 2 && onward[u] === 1;
  graph.edges.forEach((edge, e) => {
    for (let k = 0; k + 1 < edge.chain.length; k++) {
      const u = edge.chain[k] as number;
      const v = edge.chain[k + 1] as number;
      const pin = pins.get(`${e}:${k}`);
      const pu = pin?.upper ?? 0;
      const pv = pin?.lower ?? 0;
      const delta = Math.max(pu, pv);
      const first = options.straightFirst?.(u) || options.straightFirst?.(v);
      // of several lines leaving a box (or entering one) all but one bend whatever their
      // length, so they give way to a line that can be straight: a fan's children spread to
      // sit over what each of them alone feeds, as hand drawings line them up. The spine of
      // a fork stays straight, the line that ends hangs off it
      const spine = k === 0 && hasSpine(u) && goesOn(edge);
      const branch = ((below[u] as number) > 1 && !spine) || (above[v] as number) > 1;
      // a long branch off a spine bends where it leaves it, not just before its arrowhead (a
      // tie-break: a fraction of any other cost)
      const offSpine = hasSpine(edge.chain[0] as number) && !goesOn(edge);
      const arrival = offSpine && k > 0 && k + 2 === edge.chain.length ? 1 : 0;
      const weight =
        ((straightness(nodes[u] as LNode, nodes[v] as LNode) * (first ? 4 : 1)) /
          (branch ? 4 : 1)) *
          UNIT +
        arrival;
      linear.push({ from: aux, to: u, minlen: delta - pu, weight });
      linear.push({ from: aux, to: v, minlen: delta - pv, weight });
      aux++;
    }
  });
  for (const [u, v] of options.align ?? []) {
    const cu = Math.floor((nodes[u] as LNode).across / 2);
    const cv = Math.floor((nodes[v] as LNode).across / 2);
    const delta = Math.max(cu, cv);
    linear.push({ from: aux, to: u, minlen: delta - cu, weight: UNIT });
    linear.push({ from: aux, to: v, minlen: delta - cv, weight: UNIT });
    aux++;
  }
  // past the limit, the first feasible answer (tight packing), then relaxed toward straight
  // lines: each pivot costs a pass over the graph, so the exact answer is for diagrams people
  // draw by hand, not for thousands of nodes
  const exact = n <= (options.exactLimit ?? 400);
  const solve = (count: number, list: readonly SimplexEdge[]): Int32Array =>
    networkSimplex(count, list, {
      maxIterations: exact ? 5000 : 0,
      ...(options.check ? { check: options.check } : {}),
    });
  let values = solve(aux, linear);
  if (exact) {
    // among equally good answers, a narrower one: parts that could sit anywhere along their
    // straight lines (a host under two boxes that feed its border) must not spread the
    // drawing. Solved again with the width costing a little, and kept only when narrower, so
    // the first answer's balance stays wherever it costs no width
    const ends: { from: number; to: number; before: number; after: number }[] = [];
    nodes.forEach((node, v) => {
      const r = reach[v] as { before: number; after: number };
      // inside a container only what reaches past its box counts (a note beside a line)
      if (node.container !== -1 && r.before === 0 && r.after <= Math.max(0, node.across - 1))
        return;
      ends.push({ from: v, to: v, before: r.before, after: r.after + 1 });
    });
    containers.forEach((c, i) => {
      if (c.parent === -1) ends.push({ from: startVar(i), to: endVar(i), before: 0, after: 1 });
    });
    const span = (at: Int32Array): number => {
      let low = Number.POSITIVE_INFINITY;
      let high = Number.NEGATIVE_INFINITY;
      for (const e of ends) {
        low = Math.min(low, (at[e.from] as number) - e.before);
        high = Math.max(high, (at[e.to] as number) + e.after);
      }
      return high - low;
    };
    if (ends.length > 1 && span(values) > leastSpan(layers, edges, reach, nodes)) {
      const [left, right] = [aux, aux + 1];
      const width: SimplexEdge[] = [{ from: left, to: right, minlen: 0, weight: 1 }];
      for (const e of ends) {
        width.push({ from: left, to: e.from, minlen: e.before, weight: 0 });
        width.push({ from: e.to, to: right, minlen: e.after, weight: 0 });
      }
      // the width only breaks ties: every cell of it costs less than any other cost's unit
      const scaled = linear.map((e) => ({ ...e, weight: e.weight * TIE_BREAK }));
      const narrow = solve(aux + 2, [...scaled, ...width]);
      if (span(narrow) < span(values)) values = narrow;
    }
  }
  if (!exact) relax(values, variables, linear, options.check);
  // a box whose lines pull equally both ways (a fan-out to two) sits in the middle of them,
  // as `dot` balances, not at one end of its equally good places
  balance(
    values,
    variables,
    linear,
    nodes.map(
      (node) => node.kind === 'atom' || node.kind === 'terminal' || node.gate !== undefined,
    ),
    nodes.map((node) => node.kind === 'atom' || node.kind === 'terminal'),
    nodes.map((node) => node.kind === 'terminal'),
    nodes.map((node) => node.rank),
    () =>
      containers.map((_, c) => {
        const members: number[] = [];
        const fillers = new Set<number>();
        nodes.forEach((node, v) => {
          if (!isWithin(graph, node.container, c)) return;
          if (node.kind === 'filler') fillers.add(v);
          else members.push(v);
        });
        return { members, fillers, start: startVar(c), end: endVar(c) };
      }),
  );
  centreContents(graph, values, [...edges.values()], n);
  let low = Number.POSITIVE_INFINITY;
  for (let v = 0; v < n; v++)
    low = Math.min(low, (values[v] as number) - (reach[v] as { before: number }).before);
  for (let c = 0; c < containers.length; c++) low = Math.min(low, values[startVar(c)] as number);
  if (!Number.isFinite(low)) low = 0;
  return {
    node: Int32Array.from({ length: n }, (_, v) => (values[v] as number) - low),
    start: Int32Array.from(containers, (_, c) => (values[startVar(c)] as number) - low),
    end: Int32Array.from(containers, (_, c) => (values[endVar(c)] as number) - low),
  };
}

/**
 * Centres what a container holds when the container is wider than its content (a long title,
 * a width hint, lines meeting its border far apart): the content moves as one, half the
 * spare room to each side, as D2 and `dot` draw a cluster. Only a container no line crosses
 * moves its content (a line in or out would bend; one that ends on its border stays where it
 * is), and only as far as the constraints on its borders leave room. Innermost first.
 */
function centreContents(
  graph: LayeredGraph,
  values: Int32Array,
  constraints: readonly SimplexEdge[],
  n: number,
): void {
  const { nodes, containers } = graph;
  const startVar = (c: number): number => n + 2 * c;
  const endVar = (c: number): number => n + 2 * c + 1;
  const depth = (c: number): number => {
    let d = 0;
    for (
      let at = (containers[c] as { parent: number }).parent;
      at !== -1;
      at = (containers[at] as { parent: number }).parent
    )
      d++;
    return d;
  };
  const order = containers.map((_, c) => c).sort((a, b) => depth(b) - depth(a));
  for (const c of order) {
    // the variables inside: nodes within it, and the borders of containers within it
    const inside = new Set<number>();
    nodes.forEach((node, v) => {
      // where a line meets this container's border is part of the border: it stays
      if (node.kind === 'terminal' && node.container === c) return;
      for (let at = node.container; at !== -1; at = (containers[at] as { parent: number }).parent) {
        if (at === c) {
          inside.add(v);
          return;
        }
      }
    });
    containers.forEach((_, d) => {
      for (
        let at = (containers[d] as { parent: number }).parent;
        at !== -1;
        at = (containers[at] as { parent: number }).parent
      ) {
        if (at === c) {
          inside.add(startVar(d));
          inside.add(endVar(d));
          return;
        }
      }
    });
    if (inside.size === 0) continue;
    const crosses = graph.edges.some((edge) =>
      edge.chain.some((v, k) => {
        const next = edge.chain[k + 1];
        return next !== undefined && inside.has(v) !== inside.has(next);
      }),
    );
    if (crosses) continue;
    let left = Number.POSITIVE_INFINITY;
    let right = Number.POSITIVE_INFINITY;
    let blocked = false;
    for (const { from, to, minlen } of constraints) {
      const a = inside.has(from);
      const b = inside.has(to);
      if (a === b) continue;
      const slack = (values[to] as number) - (values[from] as number) - minlen;
      if (from === startVar(c)) left = Math.min(left, slack);
      else if (to === endVar(c)) right = Math.min(right, slack);
      else blocked = true;
    }
    if (blocked || !Number.isFinite(left) || !Number.isFinite(right)) continue;
    const shift = Math.trunc((right - left) / 2);
    if (shift === 0) continue;
    for (const v of inside) values[v] = (values[v] as number) + shift;
  }
}

interface Want {
  other: number;
  offset: number;
  weight: number;
}

/**
 * Hard bounds and segment pulls per variable, from the auxiliary graph's edges: `wants` says
 * where each segment would have a variable sit (the other end's place plus an offset), and
 * `pull` how a weighted constraint between two variables (a container's width) draws them in.
 */
function pulls(linear: readonly SimplexEdge[], variables: number) {
  const lower: { from: number; minlen: number }[][] = Array.from({ length: variables }, () => []);
  const upper: { to: number; minlen: number }[][] = Array.from({ length: variables }, () => []);
  const wants: Want[][] = Array.from({ length: variables }, () => []);
  const pull = new Float64Array(variables);
  const auxEdges = new Map<number, SimplexEdge[]>();
  for (const e of linear) {
    if (e.from >= variables) {
      const list = auxEdges.get(e.from);
      if (list) list.push(e);
      else auxEdges.set(e.from, [e]);
      continue;
    }
    (lower[e.to] as { from: number; minlen: number }[]).push({ from: e.from, minlen: e.minlen });
    (upper[e.from] as { to: number; minlen: number }[]).push({ to: e.to, minlen: e.minlen });
    if (e.weight > 0) {
      pull[e.from] = (pull[e.from] as number) + e.weight;
      pull[e.to] = (pull[e.to] as number) - e.weight;
    }
  }
  for (const [, pair] of auxEdges) {
    const [a, b] = pair as [SimplexEdge, SimplexEdge];
    if (!a || !b || a.to >= variables || b.to >= variables) continue;
    // |(x_a − minlen_a) − (x_b − minlen_b)|: a wants x_b − minlen_b + minlen_a
    (wants[a.to] as Want[]).push({ other: b.to, offset: a.minlen - b.minlen, weight: a.weight });
    (wants[b.to] as Want[]).push({ other: a.to, offset: b.minlen - a.minlen, weight: b.weight });
  }
  /** Where `v` may go with the others fixed (or moving with it, when in `along`). */
  const bounds = (
    values: Int32Array,
    v: number,
    along?: ReadonlySet<number>,
  ): { low: number; high: number } => {
    let low = Number.NEGATIVE_INFINITY;
    let high = Number.POSITIVE_INFINITY;
    for (const c of lower[v] as { from: number; minlen: number }[]) {
      if (along?.has(c.from)) continue;
      low = Math.max(low, (values[c.from] as number) + c.minlen);
    }
    for (const c of upper[v] as { to: number; minlen: number }[]) {
      if (along?.has(c.to)) continue;
      high = Math.min(high, (values[c.to] as number) - c.minlen);
    }
    return { low, high };
  };
  return { wants, pull, bounds };
}

/**
 * The two points around the stretch where points pull equally both ways (their weighted
 * median, when it is an interval rather than one point); undefined when there is none.
 * Sorts the points.
 */
function flatStretch<P extends { at: number; weight: number }>(points: P[]): [P, P] | undefined {
  points.sort((p, q) => p.at - q.at);
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  let acc = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    acc += (points[i] as P).weight;
    if (acc * 2 === total) return [points[i] as P, points[i + 1] as P];
    if (acc * 2 > total) return undefined;
  }
  return undefined;
}

/** Moves every node of `moving` by `shift` when each stays within its bounds; says whether. */
function shiftIfFits(
  values: Int32Array,
  bounds: (
    values: Int32Array,
    v: number,
    along?: ReadonlySet<number>,
  ) => { low: number; high: number },
  moving: readonly number[],
  shift: number,
): boolean {
  const along = new Set(moving);
  const fits = moving.every((m) => {
    const { low, high } = bounds(values, m, along);
    const next = (values[m] as number) + shift;
    return next >= low && next <= high;
  });
  if (fits) for (const m of moving) values[m] = (values[m] as number) + shift;
  return fits;
}

/** The most nodes a part hanging from one node may hold to be carried along with it. */
const HANGING_LIMIT = 64;

/**
 * The part of the graph that hangs from `v` through the neighbours `from` alone: every node
 * reached from them without passing `v`, when none of them is one of `v`'s other neighbours
 * (the services under a gateway and the store they share). Undefined when it reaches one, or
 * grows past the limit.
 */
function hanging(
  wants: readonly Want[][],
  v: number,
  from: readonly number[],
  others: ReadonlySet<number>,
): number[] | undefined {
  const seen = new Set<number>([v, ...from]);
  const queue = [...from];
  for (let at = 0; at < queue.length; at++) {
    for (const w of wants[queue[at] as number] as Want[]) {
      if (seen.has(w.other)) continue;
      if (others.has(w.other) || seen.size >= HANGING_LIMIT) return undefined;
      seen.add(w.other);
      queue.push(w.other);
    }
  }
  return queue;
}

/**
 * The nodes that hang from `v` through `u` as a path ending in a leaf (a client above a
 * gateway, and the bends of its line): they cost nothing to move with `v`, so they do not
 * pull on it. Undefined when `u` leads anywhere else.
 */
function follower(wants: readonly Want[][], v: number, u: number): number[] | undefined {
  const chain: number[] = [];
  let previous = v;
  let at = u;
  for (let guard = 0; guard < wants.length; guard++) {
    chain.push(at);
    let next = -1;
    for (const w of wants[at] as Want[]) {
      if (w.other === previous) continue;
      if (w.other === v || (next !== -1 && next !== w.other)) return undefined;
      next = w.other;
    }
    if (next === -1) return chain;
    previous = at;
    at = next;
  }
  return undefined;
}

/**
 * Moves each chosen node to the middle of the stretch where its own segments cost the same
 * (its weighted median is an interval when the pulls either way are equal), within its hard
 * bounds, taking along what hangs from it. The total cost does not change: only ties are
 * broken, toward the middle. Only a node between two ends (boxes, or lines meeting a
 * container's border) moves, not toward a long line's bend, which would break a straight
 * chain through it; and only when it reaches the middle: a partial move gains no symmetry
 * and costs a straight line its straightness. A side that hangs from the node alone (the
 * pages of a client fanning in to a gateway) is moved instead, to centre its lines on it.
 */
function balance(
  values: Int32Array,
  variables: number,
  linear: readonly SimplexEdge[],
  chosen: readonly boolean[],
  ends: readonly boolean[],
  terminals: readonly boolean[],
  ranks: readonly number[],
  boxesOf: () => readonly {
    members: readonly number[];
    fillers: ReadonlySet<number>;
    start: number;
    end: number;
  }[],
): void {
  let boxes: ReturnType<typeof boxesOf> | undefined;
  const { wants, bounds } = pulls(linear, variables);
  // from the last rank up: a parent centres over children already centred under theirs
  const order = chosen
    .map((yes, v) => (yes ? v : -1))
    .filter((v) => v >= 0)
    .sort((a, b) => (ranks[b] ?? 0) - (ranks[a] ?? 0) || a - b);
  for (const v of order) {
    const list = wants[v] as Want[];
    if (list.length < 2) continue;
    // what hangs alone from one side (a client above, a store below) is carried along;
    // the rest, on a side with two or more, are what the node centres between
    const others = [...new Set(list.map((w) => w.other))];
    const side = (u: number): number => Math.sign((ranks[u] ?? 0) - (ranks[v] ?? 0));
    const onSide = [0, 0, 0];
    for (const u of others) onSide[side(u) + 1] = (onSide[side(u) + 1] as number) + 1;
    // only a side with two or more gives something to centre between (most nodes have none)
    if ((onSide[0] as number) < 2 && (onSide[2] as number) < 2) continue;
    const carried: number[] = [];
    const anchors = new Set<number>();
    for (const u of others) {
      const alone = onSide[side(u) + 1] === 1;
      // a line leaving the container's border beside v leans on v's middle (a server's last
      // box over the store below it): it goes along, with what hangs from it
      const chain =
        alone && (side(u) !== 0 || terminals[u] === true) ? follower(wants, v, u) : undefined;
      if (chain) for (const m of chain) carried.push(m);
      else anchors.add(u);
    }
    // a side of two or more that hangs from v alone (clients fanning in to a gateway, and
    // nothing else joins them to the rest) moves as one at no cost: it is centred on v, so v
    // sits in the middle of its lines on that side as on the other
    const hung = new Map<number, number[]>();
    for (const s of [-1, 1]) {
      const near = [...anchors].filter((u) => side(u) === s);
      if (near.length < 2) continue;
      const rest = new Set([...anchors].filter((u) => side(u) !== s));
      // a terminal stays where its container's middle holds it: what hangs from it alone
      // (two proxies whose lines gather into a cluster's border) centres on it
      if (rest.size === 0 && !terminals[v]) continue;
      const found = hanging(wants, v, near, rest);
      if (!found) continue;
      // a container whose nodes all hang there moves with them, borders and all
      const part = [...found];
      const inPart = new Set(found);
      boxes ??= boxesOf();
      boxes.forEach((box) => {
        if (box.members.length > 0 && box.members.every((m) => inPart.has(m) || box.fillers.has(m)))
          part.push(...box.fillers, box.start, box.end);
      });
      const stretch = flatStretch(
        list
          .filter((w) => near.includes(w.other))
          .map((w) => ({ at: (values[w.other] as number) + w.offset, weight: w.weight })),
      );
      if (stretch === undefined || stretch[1].at - stretch[0].at < 2) continue;
      const shift = (values[v] as number) - Math.floor((stretch[0].at + stretch[1].at) / 2);
      if (shift === 0 || shiftIfFits(values, bounds, part, shift)) hung.set(s, part);
    }
    // a line that is one branch of another node's fan bends at that fan's junction wherever
    // v sits: a node with a fan of its own on the other side centres on that fan alone (a
    // site over its two servers, as a tree is drawn by hand)
    const fanBranch = (u: number): boolean => {
      const toward = Math.sign((ranks[v] ?? 0) - (ranks[u] ?? 0));
      if (toward === 0) return false;
      const others = new Set<number>();
      for (const w of wants[u] as Want[]) {
        if (Math.sign((ranks[w.other] ?? 0) - (ranks[u] ?? 0)) === toward) others.add(w.other);
      }
      return others.size >= 2;
    };
    let kept = anchors;
    for (const s of [-1, 1]) {
      const near = [...anchors].filter((u) => side(u) === s);
      const far = [...anchors].filter((u) => side(u) !== s);
      if (near.length >= 2 && far.length > 0 && far.every((u) => side(u) === 0 || fanBranch(u)))
        kept = new Set(near);
      // the far side hangs from v alone and is centred on it: it goes along while v centres
      // on this side's fan (users over a dashboard that sends them to two namespaces)
      const part = hung.get(-s);
      if (near.length >= 2 && part && far.every((u) => side(u) === -s)) {
        kept = new Set(near);
        carried.push(...part);
      }
    }
    const points = list
      .filter((w) => kept.has(w.other))
      .map((w) => ({
        at: (values[w.other] as number) + w.offset,
        weight: w.weight,
        box: ends[w.other] === true,
      }));
    if (points.length < 2) continue;
    const stretch = flatStretch(points);
    if (stretch === undefined || !stretch[0].box || !stretch[1].box) continue;
    const [from, to] = [stretch[0].at, stretch[1].at];
    if (to - from < 2) continue;
    const current = values[v] as number;
    // only within the flat stretch: the node is already somewhere in it
    if (current < from || current > to) continue;
    const shift = Math.floor((from + to) / 2) - current;
    if (shift === 0) continue;
    shiftIfFits(values, bounds, [v, ...carried], shift);
  }
}

/**
 * Improves a feasible answer by coordinate descent, for graphs too big to solve exactly: each
 * node moves to the weighted median of where its segments want it, as far as its constraints
 * allow; a container's borders close in on what they hold. A few sweeps down and up.
 */
function relax(
  values: Int32Array,
  variables: number,
  linear: readonly SimplexEdge[],
  check?: () => void,
): void {
  const { wants, pull, bounds } = pulls(linear, variables);
  for (let sweep = 0; sweep < 8; sweep++) {
    check?.();
    let moved = false;
    const visit = (v: number): void => {
      const { low, high } = bounds(values, v);
      if (low > high) return;
      const list = wants[v] as Want[];
      let target: number;
      if (list.length > 0) {
        const points = list
          .map((w) => ({ at: (values[w.other] as number) + w.offset, weight: w.weight }))
          .sort((p, q) => p.at - q.at);
        const half = points.reduce((sum, p) => sum + p.weight, 0) / 2;
        let acc = 0;
        target = (points[0] as { at: number }).at;
        for (const p of points) {
          acc += p.weight;
          target = p.at;
          if (acc >= half) break;
        }
      } else {
        // no segment: a container border closes in, anything else stays
        const p = pull[v] as number;
        target = p > 0 ? high : p < 0 ? low : (values[v] as number);
      }
      const next = Math.max(low, Math.min(high, target));
      if (Number.isFinite(next) && next !== values[v]) {
        values[v] = next;
        moved = true;
      }
    };
    if (sweep % 2 === 0) for (let v = 0; v < variables; v++) visit(v);
    else for (let v = variables - 1; v >= 0; v--) visit(v);
    if (!moved) break;
  }
}

/**
 * Moves every terminal off the columns where other lines cross its container's border (and
 * off its neighbours'), to the nearest free cell of the border: a line ending on the border
 * must never run on, or right beside, a line that goes through it.
 */
export function clearTerminals(
  graph: LayeredGraph,
  positions: AcrossPositions,
  busy: (terminal: number) => readonly number[],
  lowest: (container: number) => number,
  highest: (container: number) => number = () => 2,
): void {
  const taken = new Map<string, number[]>();
  graph.nodes.forEach((node, t) => {
    if (node.kind !== 'terminal') return;
    const c = node.container;
    const key = `${c}:${node.terminal}`;
    const others = taken.get(key) ?? [];
    const blocked = [...busy(t), ...others];
    const low = (positions.start[c] as number) + lowest(c);
    const high = (positions.end[c] as number) - highest(c);
    const free = (x: number): boolean =>
      x >= low && x <= high && blocked.every((b) => Math.abs(b - x) > 1);
    const at = positions.node[t] as number;
    for (let shift = 0; shift <= high - low; shift++) {
      const x = [at + shift, at - shift].find(free);
      if (x !== undefined) {
        positions.node[t] = x;
        break;
      }
    }
    others.push(positions.node[t] as number);
    taken.set(key, others);
  });
}
