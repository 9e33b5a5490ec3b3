import type { Connection, HostNode, Spacing } from '../../model/types.js';
import type { DisplayLine } from '../../text/width.js';
import type { BlockNote } from '../annotations.js';
import type { Block } from '../block.js';
import type { TitleGeometry } from '../chrome.js';

/** An edge that only shapes the ranks: `from` above `to`. */
export interface RankEdge {
  from: number;
  to: number;
  weight: number;
  /** `from` is one of the members of a container the line leaves from, not its end itself. */
  fromSpread?: true;
  /** `to` is one of the members of a container the line goes to. */
  toSpread?: true;
}

/**
 * The layered graph of one region: a container whose children are placed from their
 * connections (`direction: auto`), with every nested `auto` host of the same flow as a
 * compound node. Stages read it and add to it in turn — ranks, dummies, order, ports,
 * coordinates — each a pure function tested on its own; the scene is written once, at the end.
 *
 * Coordinates are abstract: `along` follows the flow (rows when it runs down, columns when it
 * runs right) and `across` runs along the ranks.
 */
export interface LayeredGraph {
  /** Atoms first (in model order), then dummies and fillers as `normalize` adds them. */
  nodes: LNode[];
  /** Compound nodes (nested hosts), parents before children. */
  containers: LContainer[];
  /** Connections drawn between atoms, each as a chain of nodes one rank apart. */
  edges: LEdge[];
  /** Connections that only shape the ranks (their ends are containers): `from` above `to`. */
  rankEdges: RankEdge[];
  /** Draw fan-outs and fan-ins as shared trunks. */
  trunks: boolean;
  /**
   * Pairs of atoms a line joins across the flow (side by side): one that nothing else ranks
   * takes the other's rank.
   */
  sameRank?: [number, number][];
  /**
   * Lines both ways between two atoms, which rank nothing: drawn across the flow when the
   * ranks put their ends side by side, as ordinary edges when other lines rank them apart.
   */
  peers?: { connection: Connection; from: number; to: number }[];
  /**
   * Steps between siblings (see `siblingSteps`): drawn across the flow from `from` to the next
   * box, `to`, when the order puts them side by side; otherwise left to the router.
   */
  steps?: LStep[];
  /** Boxes with no line that ranking set one after another (rank.ts): their middles line up. */
  stacked?: [number, number][];
}

/** A line across the flow between two boxes of one rank. */
export interface LStep {
  from: number;
  to: number;
  connection: Connection;
  /**
   * Found by `siblingSteps`, not asked for: when the order does not set its boxes side by
   * side, the line ranks its ends like any other (see `measureLayered`).
   */
  sibling?: true;
}

/** What a node of the layered graph is. */
export type LNodeKind = 'atom' | 'dummy' | 'filler' | 'terminal';

/** A node of the layered graph. */
export interface LNode {
  /** The model id of an atom; `~d<n>` for dummies and fillers. */
  id: string;
  kind: LNodeKind;
  /** The container it sits directly in; -1 for the region itself. */
  container: number;
  /** For atoms: the measured block (its box is at its top-left). */
  block?: Block;
  /** Cells along the flow and across it that the node takes (its box, notes and captions). */
  along: number;
  across: number;
  /** Cells the box itself takes along and across; ports sit on its borders. */
  boxAlong: number;
  boxAcross: number;
  /** Set by ranking. */
  rank: number;
  /** Set by ordering: its position within its rank, from 0. */
  order: number;
  /** Model order of atoms (a dummy takes its edge's source's), for ties. */
  sequence: number;
  /**
   * For terminals: where a line meets its container's border — the node sits inside the
   * container, in its first rank (`start`, the line enters there) or its last (`end`).
   */
  terminal?: 'start' | 'end';
  /**
   * For dummies: a gate the lines of a fan share across a container's border (gates.ts),
   * where they enter (`in`, then branch) or leave (`out`, once gathered).
   */
  gate?: 'in' | 'out';
  /** For gates: where several boxes' lines to the very same boxes gather and branch. */
  junction?: true;
  /** For atoms that are layer stacks: they stand on the ground, their bottoms in line. */
  grounded?: true;
}

/** A compound node: a nested host drawn by the region. */
export interface LContainer {
  id: string;
  host: HostNode;
  /** The container it sits in; -1 for the region itself. */
  parent: number;
  depth: number;
  title: DisplayLine[];
  /** Where the title goes and the cells it takes. */
  titleGeometry: TitleGeometry;
  padding: Spacing;
  /** Set by ranking: the first and last rank its members take. */
  firstRank: number;
  lastRank: number;
  sequence: number;
  /** Annotations under it (`below`, `bottom`), drawn after its caption. */
  notes?: readonly BlockNote[];
}

/** A connection drawn by the region. */
export interface LEdge {
  connection: Connection;
  /** Node indexes of the connection's ends (atoms). */
  from: number;
  to: number;
  /** Whether it runs against the flow (its chain goes from `to` down to `from`). */
  reversed: boolean;
  /**
   * Set when the source goes after the target along the flow: the model's sides ask it (it
   * leaves its source from the top, or enters its target from below, in a flow down), or the
   * line leads back into the container it leaves (`compactContainers`). It ranks reversed
   * unless that would close a cycle.
   */
  against?: boolean;
  /**
   * The nodes it passes, one per rank, from the upper end to the lower end (dummies between).
   * Set by `normalize`.
   */
  chain: number[];
  /** Set by ordering when the region cannot draw it: it is routed around the boxes instead. */
  routed?: boolean;
  /** Set when the model asks for sides the region's lines never take: always routed, no pins. */
  released?: boolean;
  /** A gate the chain passes at the gate's rank, shared with the rest of its fan (gates.ts). */
  via?: number;
}

/** The containers holding node `n`, innermost first. */
export function ancestors(graph: LayeredGraph, container: number): number[] {
  const out: number[] = [];
  for (let c = container; c !== -1; c = (graph.containers[c] as LContainer).parent) out.push(c);
  return out;
}

/** Whether container `inner` is `outer` or inside it (-1 holds everything). */
export function isWithin(graph: LayeredGraph, inner: number, outer: number): boolean {
  if (outer === -1) return true;
  for (let c = inner; c !== -1; c = (graph.containers[c] as LContainer).parent) {
    if (c === outer) return true;
  }
  return false;
}

/** The innermost container holding both containers (-1: the region). */
export function commonContainer(graph: LayeredGraph, a: number, b: number): number {
  const mine = new Set(ancestors(graph, a));
  for (const c of ancestors(graph, b)) if (mine.has(c)) return c;
  return -1;
}

/** The child of `parent` on the way down to container `c` (or `c` itself); -1 when c is parent. */
export function childTowards(graph: LayeredGraph, c: number, parent: number): number {
  let at = c;
  while (at !== -1) {
    const up = (graph.containers[at] as LContainer).parent;
    if (up === parent) return at;
    at = up;
  }
  return -1;
}

/**
 * A node that takes no room along the flow and one cell across it, in rank `rank`: a dummy on
 * a long line, a filler for a container's empty rank, a gate or a terminal.
 */
export function pointNode(
  fields: Pick<LNode, 'id' | 'kind' | 'container' | 'rank' | 'sequence'> & Partial<LNode>,
): LNode {
  return { along: 0, across: 1, boxAlong: 0, boxAcross: 1, order: 0, ...fields };
}
