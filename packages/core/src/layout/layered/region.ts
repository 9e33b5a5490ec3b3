// Building a region's layered graph from the items a container holds: its atoms (boxes, and
// containers drawn whole), its nested `auto` containers as compound nodes, and its
// connections, as edges between atoms, rank-only edges, steps across the flow, and lines that
// meet a container's border. `measureLayered` (measure.ts) runs the stages on it.
import type { ModelPath } from '../../errors.js';
import {
  type Connection,
  type HostNode,
  isContainer,
  type Node,
  type Side,
} from '../../model/types.js';
import { walkNodes } from '../../model/walk.js';
import { type LayoutContext, linesOf, type Placed, resolveSpacing } from '../block.js';
import { borderless, containerPadding, emptyHost, titleGeometry } from '../chrome.js';
import { isPeerLine, isRequester, sidesFree } from '../peers.js';
import {
  ancestors,
  childTowards,
  commonContainer,
  type LayeredGraph,
  type LContainer,
  type LNode,
  pointNode,
} from './graph.js';

/** Every id a node holds, itself included. */
function idsWithin(node: Node): Set<string> {
  const out = new Set<string>();
  walkNodes([node], (inner) => out.add(inner.id));
  return out;
}

/**
 * Whether a host is laid out as part of the region around it: an `auto` host always; a host
 * arranged along the region's own flow (`down` in a flow down) when a line crosses its border
 * to what it holds, so that line enters from the side facing its source instead of being
 * routed around a block. Its children then keep their order, one rank each (see
 * `keepArranged`), unless a line between them runs against it.
 */
function joinsRegion(node: Node, context: LayoutContext): node is HostNode {
  if (!isContainer(node) || emptyHost(node)) return false;
  // a container with annotations over or beside it is a block, which carries them (the
  // region draws those under it)
  const notes = context.annotationsOf?.get(node.id) ?? [];
  if (notes.some((n) => n.at !== 'below' && n.at !== 'bottom')) return false;
  if (node.direction === 'auto') return true;
  if (node.direction !== context.flow || node.children.length < 2) return false;
  const inside = idsWithin(node);
  const childOf = new Map<string, number>();
  node.children.forEach((child, i) => {
    for (const id of idsWithin(child)) childOf.set(id, i);
  });
  let crossed = false;
  for (const id of inside) {
    for (const c of context.connectionsOf.get(id) ?? []) {
      const [a, b] = [childOf.get(c.from), childOf.get(c.to)];
      if (inside.has(c.from) !== inside.has(c.to)) crossed ||= id !== node.id;
      // a line from a later child to an earlier one, or a hint meant for the arranged column
      else if (a !== undefined && b !== undefined && a !== b) {
        if (b < a || c.hints?.noteRow !== undefined) return false;
      }
    }
  }
  return crossed;
}

/** A region's layered graph, and where its atoms come from in the model. */
export interface Region {
  graph: LayeredGraph;
  /** Model id → atom index. */
  atomOf: Map<string, number>;
  /** Model id → container index. */
  containerOf: Map<string, number>;
  /** Model id of a node inside an atom's block → the atom. */
  insideAtom: Map<string, number>;
  /** Every atom's model node, and where it is in the model. */
  models: Node[];
  paths: ModelPath[];
  /** Boxes one after the other in a host arranged along the flow: their middles line up. */
  column: [number, number][];
}

/** Builds the layered graph of a region from its items, measuring every atom. */
export function buildRegion(items: readonly Placed[], context: LayoutContext): Region {
  const graph: LayeredGraph = {
    nodes: [],
    containers: [],
    edges: [],
    rankEdges: [],
    trunks: context.trunks,
  };
  const atomOf = new Map<string, number>();
  const containerOf = new Map<string, number>();
  const insideAtom = new Map<string, number>();
  const models: Node[] = [];
  const paths: ModelPath[] = [];
  const flow = context.flow;
  // the first step of extra room is for routes between arranged boxes; lines here have their own
  const room = Math.max(0, context.spread - 1);
  let sequence = 0;
  const everyId = (node: Node, atom: number): void => {
    insideAtom.set(node.id, atom);
    if (isContainer(node)) for (const child of node.children) everyId(child, atom);
    if (node.kind === 'stack') for (const layer of node.layers) everyId(layer, atom);
  };
  const visit = (placed: readonly Placed[], container: number, depth: number): void => {
    for (const { node, path } of placed) {
      if (joinsRegion(node, context)) {
        const index = graph.containers.length;
        const title = linesOf(node.label);
        const base = containerPadding(node);
        const notes = context.annotationsOf?.get(node.id);
        graph.containers.push({
          id: node.id,
          host: node,
          parent: container,
          depth,
          title,
          titleGeometry: titleGeometry(node.titleAt, title, borderless(node)),
          padding: resolveSpacing(
            {
              top: base.top + room,
              right: base.right + room,
              bottom: base.bottom + room,
              left: base.left + room,
            },
            node.hints?.padding,
          ),
          firstRank: 0,
          lastRank: 0,
          sequence: sequence++,
          ...(notes ? { notes } : {}),
        });
        containerOf.set(node.id, index);
        visit(
          node.children.map((child, i) => ({ node: child, path: [...path, 'children', i] })),
          index,
          depth + 1,
        );
        continue;
      }
      const block = context.measure(node, path, flow === 'right');
      const down = flow === 'down';
      const index = graph.nodes.length;
      graph.nodes.push({
        id: node.id,
        kind: 'atom',
        container,
        block,
        along: down ? block.height : block.width,
        across: down ? block.width : block.height,
        boxAlong: down ? block.boxHeight : block.boxWidth,
        boxAcross: down ? block.boxWidth : block.boxHeight,
        rank: 0,
        order: 0,
        sequence: sequence++,
        ...(node.kind === 'stack' ? { grounded: true as const } : {}),
      });
      models.push(node);
      paths.push(path);
      atomOf.set(node.id, index);
      everyId(node, index);
      insideAtom.delete(node.id);
    }
  };
  visit(items, -1, 0);
  const column = keepArranged(graph, atomOf, containerOf);
  return { graph, atomOf, containerOf, insideAtom, models, paths, column };
}

/**
 * A host arranged along the flow that joined the region keeps its children in model order,
 * one rank after another: rank-only edges from each child to the next. Returns the pairs of
 * boxes that follow each other there, to be lined up on one axis as the column would be.
 */
function keepArranged(
  graph: LayeredGraph,
  atomOf: ReadonlyMap<string, number>,
  containerOf: ReadonlyMap<string, number>,
): [number, number][] {
  const column: [number, number][] = [];
  const membersOf = (node: Node): number[] => {
    const atom = atomOf.get(node.id);
    if (atom !== undefined) return [atom];
    const container = containerOf.get(node.id);
    return container === undefined ? [] : atomsWithin(graph, container);
  };
  for (const { host } of graph.containers) {
    if (host.direction === 'auto') continue;
    for (let i = 0; i + 1 < host.children.length; i++) {
      const before = membersOf(host.children[i] as Node);
      const after = membersOf(host.children[i + 1] as Node);
      for (const from of before)
        for (const to of after) graph.rankEdges.push({ from, to, weight: 1 });
      const [a, b] = [
        atomOf.get(host.children[i]?.id ?? ''),
        atomOf.get(host.children[i + 1]?.id ?? ''),
      ];
      if (a !== undefined && b !== undefined) column.push([a, b]);
    }
  }
  return column;
}

/** Atoms inside container `c` (at any depth). */
function atomsWithin(graph: LayeredGraph, c: number): number[] {
  const out: number[] = [];
  graph.nodes.forEach((node, i) => {
    if (node.kind === 'atom' && ancestors(graph, node.container).includes(c)) out.push(i);
  });
  return out;
}

/**
 * Steps between siblings: a line from `u` to `v` where one box `p` leads to both (an API
 * calling observe, reason and decide, which also hand on to each other). A hand drawing puts
 * the siblings side by side with the step between them across the flow, not one below the
 * other with `p`'s lines reaching past; so the step is drawn across (by the router) and ranks
 * nothing. Only for lines between boxes of one container with no side asked for, each pair
 * once, and never both ways.
 */
function siblingSteps(
  candidates: readonly Connection[],
  atomOf: ReadonlyMap<string, number>,
  graph: LayeredGraph,
): Set<Connection> {
  const out = new Map<number, Set<number>>();
  const plain = (c: Connection): [number, number] | undefined => {
    const u = atomOf.get(c.from);
    const v = atomOf.get(c.to);
    if (u === undefined || v === undefined || u === v) return undefined;
    if (c.hints?.fromSide !== undefined || c.hints?.toSide !== undefined) return undefined;
    return [u, v];
  };
  const pairs = new Map<string, number>();
  for (const c of candidates) {
    const ends = plain(c);
    if (!ends) continue;
    const [u, v] = ends;
    const set = out.get(u) ?? new Set<number>();
    set.add(v);
    out.set(u, set);
    const key = u < v ? `${u}:${v}` : `${v}:${u}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const parents = new Map<number, number[]>();
  for (const [u, targets] of out) {
    for (const v of targets) {
      const list = parents.get(v) ?? [];
      list.push(u);
      parents.set(v, list);
    }
  }
  /** Whether `to` can be reached from `from` along the lines. */
  const reaches = (from: number, to: number): boolean => {
    const seen = new Set<number>([from]);
    const stack = [from];
    while (stack.length > 0) {
      for (const w of out.get(stack.pop() as number) ?? []) {
        if (w === to) return true;
        if (!seen.has(w)) {
          seen.add(w);
          stack.push(w);
        }
      }
    }
    return false;
  };
  /**
   * The boxes that lead to both ends of a line from u to v — and do not follow from v: in a
   * cycle (a circuit breaker's closed, open and half-open states) every state leads to every
   * other, and none is a step beside another.
   */
  const leaders = (u: number, v: number): number[] =>
    (parents.get(u) ?? []).filter((p) => p !== v && out.get(p)?.has(v) === true && !reaches(v, p));
  /**
   * How many boxes both ends of a line from u to v lead to (planner, builder and reviewer
   * each writing to the board and the repository): two or more, along a chain of such lines,
   * read as a row over them.
   */
  const followers = (u: number, v: number): number => {
    let count = 0;
    for (const w of out.get(v) ?? []) if (w !== u && out.get(u)?.has(w)) count++;
    return count;
  };
  const steps = new Set<Connection>();
  const stepPairs = new Set<string>();
  const byFollowers: [Connection, number, number][] = [];
  for (const c of candidates) {
    const ends = plain(c);
    if (!ends) continue;
    const [u, v] = ends;
    if (pairs.get(u < v ? `${u}:${v}` : `${v}:${u}`) !== 1) continue;
    if ((graph.nodes[u] as LNode).container !== (graph.nodes[v] as LNode).container) continue;
    if (leaders(u, v).length > 0) {
      steps.add(c);
      stepPairs.add(`${u}>${v}`);
    } else if (followers(u, v) >= 2) byFollowers.push([c, u, v]);
  }
  // only a chain of them reads as a row: one such line alone (an API handing work to a
  // worker, both using the database and the cache) keeps the worker between the two below
  for (const [c, u, v] of byFollowers) {
    const chained = byFollowers.some(([d, a, b]) => d !== c && (a === v || b === u));
    if (!chained) continue;
    steps.add(c);
    stepPairs.add(`${u}>${v}`);
  }
  // a box that leads to both only across a step sits beside u, not above it: u and v need
  // not share a rank (w1 beside w2, both over the database they write to)
  for (const c of [...steps]) {
    const [u, v] = plain(c) as [number, number];
    const led = leaders(u, v);
    if (led.length > 0 && led.every((p) => stepPairs.has(`${p}>${u}`))) steps.delete(c);
  }
  // a box that several siblings step into (services all registering with one registry) can
  // sit beside only one of them: it goes below them all, their lines a fan-in from above
  const stepsInto = new Map<number, Connection[]>();
  for (const c of steps) {
    const v = (plain(c) as [number, number])[1];
    stepsInto.set(v, [...(stepsInto.get(v) ?? []), c]);
  }
  for (const list of stepsInto.values()) if (list.length > 1) for (const c of list) steps.delete(c);
  return steps;
}

/** A connection with a container at one end at least: drawn once ranks are known. */
interface ContainerEdge {
  connection: Connection;
  from: { atom: number } | { container: number };
  to: { atom: number } | { container: number };
}

/**
 * Adds the region's connections: edges between atoms, rank-only edges for the rest. Returns
 * the ones with a container at an end, drawn once ranks are known (see `attachTerminals`).
 */
export function addConnections(
  region: Region,
  context: LayoutContext,
  alongFlow: ReadonlySet<string> = new Set(),
): ContainerEdge[] {
  const containerEdges: ContainerEdge[] = [];
  const { graph, atomOf, containerOf, insideAtom, models } = region;
  /**
   * Whether a line both ways joins a client or a person grouped apart from what it talks to
   * (browsers in a clients group, the server in a host): a request and its response, drawn
   * along the flow from the group above, not a peer beside the server.
   */
  const askedAcross = (a: number, b: number): boolean => {
    if ((graph.nodes[a] as LNode).container === (graph.nodes[b] as LNode).container) return false;
    return isRequester(models[a]?.kind) || isRequester(models[b]?.kind);
  };
  type End = { atom: number } | { container: number } | undefined;
  const endOf = (id: string): End => {
    const atom = atomOf.get(id);
    if (atom !== undefined) return { atom };
    const container = containerOf.get(id);
    if (container !== undefined) return { container };
    const inner = insideAtom.get(id);
    if (inner !== undefined) return { atom: inner };
    return undefined;
  };
  const members = (end: NonNullable<End>): number[] =>
    'atom' in end ? [end.atom] : atomsWithin(graph, end.container);
  // the connections touching this region, in the order of their ids
  const touching = new Set<Connection>();
  for (const ids of [atomOf.keys(), containerOf.keys(), insideAtom.keys()]) {
    for (const id of ids) for (const c of context.connectionsOf.get(id) ?? []) touching.add(c);
  }
  const candidates = [...touching].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const flat = siblingSteps(candidates, atomOf, graph);
  for (const c of flat) if (alongFlow.has(c.id)) flat.delete(c);
  // a line both ways is drawn between peers only when it is the one line between them (two
  // make a parallel pair, drawn along the flow)
  const pairOf = (c: Connection): string =>
    c.from < c.to ? `${c.from}\n${c.to}` : `${c.to}\n${c.from}`;
  const linesBetween = new Map<string, number>();
  for (const c of candidates) linesBetween.set(pairOf(c), (linesBetween.get(pairOf(c)) ?? 0) + 1);
  // a box talking both ways to three or more (an app to its database, queue and cache) is a
  // hub: set in one row with it, they would sit on both sides and its lines jump over each
  // other, where a hand drawing fans them out along the flow
  const hub = (id: string): boolean =>
    (context.connectionsOf.get(id) ?? []).filter(isPeerLine).length >= 3;
  // containers fed by one box or feeding one (a balancer over three database nodes, the nodes
  // over one store) stand side by side: a line between their members (the primary streaming
  // to the standbys) runs across between them, as between peers, not down a rank
  const fellows = new Map<string, Set<number>>();
  const fellow = (key: string, c: number): void => {
    const set = fellows.get(key);
    if (set) set.add(c);
    else fellows.set(key, new Set([c]));
  };
  /** The containers from `inner` up to the child of `outer` that holds it, `inner` first. */
  const below = (inner: number, outer: number): number[] => {
    const out: number[] = [];
    for (let x = inner; x !== outer && x !== -1; x = (graph.containers[x] as LContainer).parent) {
      out.push(x);
    }
    return out;
  };
  for (const c of candidates) {
    const target = containerOf.get(c.to);
    if (target !== undefined) fellow(`in|${c.from}`, target);
    const source = containerOf.get(c.from);
    if (source !== undefined) fellow(`out|${c.to}`, source);
    // a line from a box to a member of a container feeds that container as much (a balancer
    // to the first box of each of two app servers)
    const [u, v] = [atomOf.get(c.from), atomOf.get(c.to)];
    if (u === undefined || v === undefined || u === v) continue;
    const [cu, cv] = [(graph.nodes[u] as LNode).container, (graph.nodes[v] as LNode).container];
    const parent = commonContainer(graph, cu, cv);
    // every container on the way counts (a discovery service over the pods of a data plane:
    // the pods are the fellows, side by side inside the plane)
    if (target === undefined) for (const x of below(cv, parent)) fellow(`in|${c.from}`, x);
    if (source === undefined) for (const x of below(cu, parent)) fellow(`out|${c.to}`, x);
  }
  const parallel = new Set<string>();
  for (const set of fellows.values()) {
    for (const a of set) for (const b of set) if (a !== b) parallel.add(`${a}:${b}`);
  }
  const sideBySide = (a: number, b: number): boolean => {
    if (parallel.size === 0) return false;
    const [u, v] = [graph.nodes[a] as LNode, graph.nodes[b] as LNode];
    const parent = commonContainer(graph, u.container, v.container);
    if (u.container === parent || v.container === parent) return false;
    const [x, y] = [
      childTowards(graph, u.container, parent),
      childTowards(graph, v.container, parent),
    ];
    return parallel.has(`${x}:${y}`);
  };
  // a box another box of its own container feeds (a database under the web server beside it)
  // sits below that one, and a box only fed from outside its container (the web server a
  // balancer feeds) sits at its top: a line between two such, one each side (the other zone's
  // web server writing to the primary), comes down along the flow, not across
  const fedInside = new Set<number>();
  const fedFromOutside = new Map<number, Connection[]>();
  for (const c of candidates) {
    const [u, v] = [atomOf.get(c.from), atomOf.get(c.to)];
    if (u === undefined || v === undefined || u === v) continue;
    if ((graph.nodes[u] as LNode).container === (graph.nodes[v] as LNode).container)
      fedInside.add(v);
    else {
      const list = fedFromOutside.get(v);
      if (list) list.push(c);
      else fedFromOutside.set(v, [c]);
    }
  }
  /** Whether `v` sits at the top of its container by lines other than `line`. */
  const atTop = (v: number, line: Connection): boolean =>
    !fedInside.has(v) && (fedFromOutside.get(v) ?? []).some((c) => c !== line);
  const sameLevel = (line: Connection, u: number, v: number): boolean =>
    !(atTop(u, line) && fedInside.has(v)) && !(atTop(v, line) && fedInside.has(u));
  // a side across the flow (left or right of a box in a column) is the router's to draw
  const across: readonly Side[] = context.flow === 'down' ? ['left', 'right'] : ['top', 'bottom'];
  for (const connection of candidates) {
    if (context.drawn.has(connection.id)) continue;
    const from = endOf(connection.from);
    const to = endOf(connection.to);
    if (from === undefined || to === undefined) continue;
    // between two atoms themselves (not nodes inside them)
    const exact =
      'atom' in from &&
      'atom' in to &&
      atomOf.get(connection.from) === from.atom &&
      atomOf.get(connection.to) === to.atom &&
      from.atom !== to.atom;
    const single = (linesBetween.get(pairOf(connection)) ?? 0) === 1;
    const { fromSide, toSide } = connection.hints ?? {};
    // arrowheads at both ends: peers talking, drawn side by side as a hand drawing has them
    // (across a downward flow; a flow to the right already sets them side by side)
    const peers =
      context.flow === 'down' &&
      'atom' in from &&
      'atom' in to &&
      (isPeerLine(connection) ||
        (sidesFree(connection) &&
          sideBySide(from.atom, to.atom) &&
          sameLevel(connection, from.atom, to.atom))) &&
      single &&
      !askedAcross(from.atom, to.atom) &&
      !hub(connection.from) &&
      !hub(connection.to);
    if (
      (fromSide && across.includes(fromSide)) ||
      (toSide && across.includes(toSide)) ||
      flat.has(connection) ||
      peers
    ) {
      if ('atom' in from && 'atom' in to && from.atom !== to.atom) {
        graph.sameRank ??= [];
        graph.sameRank.push([from.atom, to.atom]);
        if (peers && exact) {
          graph.peers ??= [];
          graph.peers.push({ connection, from: from.atom, to: to.atom });
        }
        // a step is drawn here only between sibling boxes; sides asked for that face each
        // other across the flow make one too, when the order puts the two that way round
        // (see the steps' filter)
        const siblings =
          exact &&
          (graph.nodes[from.atom] as LNode).container === (graph.nodes[to.atom] as LNode).container;
        const facing =
          fromSide !== undefined &&
          toSide !== undefined &&
          across.includes(fromSide) &&
          across.includes(toSide) &&
          fromSide !== toSide;
        if (flat.has(connection) || ((peers || (facing && single)) && siblings)) {
          graph.steps ??= [];
          graph.steps.push({
            from: from.atom,
            to: to.atom,
            connection,
            ...(flat.has(connection) ? { sibling: true as const } : {}),
          });
        }
      }
      continue;
    }
    const against = runsAgainst(connection, context.flow);
    if (exact) {
      graph.edges.push({
        connection,
        from: from.atom,
        to: to.atom,
        reversed: against,
        chain: [],
        ...(against ? { against } : {}),
      });
      continue;
    }
    const sources = members(from);
    const targets = members(to);
    // a container and what it holds: routed from the inside, no rank order between them
    if (sources.some((s) => targets.includes(s))) continue;
    // the members of a container end stand in for it: the line does not tie each of them
    const spread = {
      ...('container' in from ? { fromSpread: true as const } : {}),
      ...('container' in to ? { toSpread: true as const } : {}),
    };
    for (const s of sources)
      for (const t of targets)
        graph.rankEdges.push(
          against ? { from: t, to: s, weight: 1 } : { from: s, to: t, weight: 1, ...spread },
        );
    const named = (id: string, end: NonNullable<End>): boolean =>
      'container' in end || atomOf.get(id) === end.atom;
    if (named(connection.from, from) && named(connection.to, to)) {
      containerEdges.push({ connection, from, to });
    }
  }
  return containerEdges;
}

/**
 * Draws connections that end at a container: the line meets the container's border, at a
 * terminal node inside it (in its first rank when the line comes in, its last when it goes
 * out) that keeps a column free for it. Only lines that run with the flow are drawn so; the
 * others are left to the router.
 */
export function attachTerminals(graph: LayeredGraph, edges: readonly ContainerEdge[]): void {
  // with trunks, the lines out of one container leave by one terminal and branch like a box's
  // fan (a platform provisioning three tenants), and the lines into one gather at one
  const shared = new Map<string, number>();
  const terminal = (c: number, side: 'start' | 'end', sequence: number): number => {
    const key = `${c}:${side}`;
    const known = graph.trunks ? shared.get(key) : undefined;
    if (known !== undefined) return known;
    const container = graph.containers[c] as LContainer;
    const made =
      graph.nodes.push(
        pointNode({
          id: `~t${graph.nodes.length}`,
          kind: 'terminal',
          container: c,
          rank: side === 'start' ? container.firstRank : container.lastRank,
          sequence,
          terminal: side,
        }),
      ) - 1;
    shared.set(key, made);
    return made;
  };
  let span = 1;
  for (const n of graph.nodes) span = Math.max(span, n.sequence + 1);
  for (const c of graph.containers) span = Math.max(span, c.sequence + 1);
  for (const { connection, from, to } of edges) {
    const rankOf = (end: ContainerEdge['from'], side: 'start' | 'end'): number =>
      'atom' in end
        ? (graph.nodes[end.atom] as LNode).rank
        : side === 'start'
          ? (graph.containers[end.container] as LContainer).firstRank
          : (graph.containers[end.container] as LContainer).lastRank;
    if (rankOf(from, 'end') >= rankOf(to, 'start')) continue;
    const sequence =
      'atom' in from
        ? (graph.nodes[from.atom] as LNode).sequence
        : (graph.containers[from.container] as LContainer).sequence;
    // lines out of one container keep the model order of their targets, not of their ids
    const far =
      'atom' in to
        ? (graph.nodes[to.atom] as LNode).sequence
        : (graph.containers[to.container] as LContainer).sequence;
    const a =
      'atom' in from ? from.atom : terminal(from.container, 'end', sequence + (0.49 * far) / span);
    const b = 'atom' in to ? to.atom : terminal(to.container, 'start', sequence + 0.5);
    graph.edges.push({ connection, from: a, to: b, reversed: false, chain: [] });
  }
}

/**
 * Whether the sides a connection asks for put its source after its target along the flow: a
 * line that leaves its source from the top or enters its target from below (in a flow to the
 * right, from the left or into the right) — a worker drawn under the store it writes to,
 * its arrow pointing up. Sides that contradict each other ask nothing of the ranks.
 */
export function runsAgainst(connection: Connection, flow: 'down' | 'right'): boolean {
  const { fromSide, toSide } = connection.hints ?? {};
  const [ahead, behind] = flow === 'down' ? ['bottom', 'top'] : ['right', 'left'];
  const up = fromSide === behind || toSide === ahead;
  const down = fromSide === ahead || toSide === behind;
  return up && !down;
}
