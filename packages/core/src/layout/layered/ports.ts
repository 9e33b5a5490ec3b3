import { isWithin, type LayeredGraph, type LEdge, type LNode } from './graph.js';

/** Where a segment (edge `edge`, between chain nodes `k` and `k + 1`) meets its two nodes. */
export interface SegmentPins {
  /** Cells across from the upper node's start to the pin on its lower side. */
  upper: number;
  /** Cells across from the lower node's start to the pin on its upper side. */
  lower: number;
  /** Pins shared by a trunk have the same key. */
  upperKey: string;
  lowerKey: string;
}

/** Pins of every segment, by `${edge}:${k}`. */
export type Pins = Map<string, SegmentPins>;

/** A note measured beside a line: the pin it sits by (`zone`), its side and its cells across. */
export interface HeldNote {
  edge: number;
  segment: number;
  zone: 'upper' | 'lower';
  side: 1 | -1;
  across: number;
}

/** The cells of a box's side a line may attach to, given by the caller for each atom. */
export interface SideCells {
  /** Offsets across on the side facing the rank before (the top when the flow runs down). */
  before: number[];
  /** Offsets across on the side facing the rank after. */
  after: number[];
}

/**
 * How many segments meet at each pin on one side: `upper` counts the pins on the upper nodes
 * (where segments leave), `lower` those on the lower nodes. More than one is a shared trunk.
 */
export function pinUse(pins: Pins, side: 'upper' | 'lower'): Map<string, number> {
  const use = new Map<string, number>();
  for (const p of pins.values()) {
    const key = side === 'upper' ? p.upperKey : p.lowerKey;
    use.set(key, (use.get(key) ?? 0) + 1);
  }
  return use;
}

/** Which ends of an edge carry arrowheads, as the chain runs (upper end first). */
export function arrowEnds(edge: LEdge): { upper: boolean; lower: boolean } {
  const { direction } = edge.connection;
  const atFrom = direction === 'both' || direction === 'backward';
  const atTo = direction === 'both' || direction === 'forward';
  return edge.reversed ? { upper: atTo, lower: atFrom } : { upper: atFrom, lower: atTo };
}

interface Touch {
  edge: number;
  k: number;
  /** The node at the other end of the segment. */
  other: number;
  group: string;
}

const nearest = (list: readonly number[], ideal: number): number => {
  let best = list[0] as number;
  for (const o of list) if (Math.abs(o - ideal) < Math.abs(best - ideal)) best = o;
  return best;
};

/**
 * Spreads `count` pins over the usable offsets of a side: one pin at `preferred`'s nearest
 * usable cell; several at a fixed spacing (four cells, else three, else two) centred on
 * `preferred`, so that two lines between the same two boxes run straight and parallel
 * whatever the boxes' widths. Returns fewer offsets when the side is too short for all.
 */
export function spreadOffsets(
  usable: readonly number[],
  count: number,
  preferred: number,
): number[] {
  if (count === 0 || usable.length === 0) return [];
  if (count === 1) return [nearest(usable, preferred)];
  const allowed = new Set(usable);
  const low = usable[0] as number;
  const high = usable[usable.length - 1] as number;
  for (const spacing of [4, 3, 2]) {
    const span = spacing * (count - 1);
    if (span > high - low) continue;
    const first = Math.round(preferred - span / 2);
    // the nearest shift of the whole comb that lands every pin on a usable cell
    for (let shift = 0; shift <= high - low; shift++) {
      for (const start of shift === 0 ? [first] : [first + shift, first - shift]) {
        const comb = Array.from({ length: count }, (_, i) => start + i * spacing);
        if (comb.every((o) => allowed.has(o))) return comb;
      }
    }
  }
  // as many as fit, two cells apart
  const out: number[] = [];
  for (const o of usable)
    if (out.length === 0 || o >= (out[out.length - 1] as number) + 2) out.push(o);
  return out.slice(0, count);
}

/**
 * Chooses where every segment attaches. Lines from one node to several in the same style
 * and with the same arrowheads share one pin (a trunk that branches), as do lines from
 * several nodes into one, unless `graph.trunks` is off; two lines between the same two nodes
 * never share one (they are drawn as a parallel pair). The other pins are spread over the
 * side in the order of their other ends, never on a corner or on the cells `sides` leaves
 * out. Dummies are one cell wide. An edge that finds no free pin is marked `routed`, and the
 * node whose side had no room for it goes into `short`, with the most pins a side of it asked
 * for.
 */
export function assignPins(
  graph: LayeredGraph,
  sides: (node: LNode) => SideCells,
  preferred: (node: LNode) => number,
  short?: Map<number, number>,
): Pins {
  const { nodes, edges } = graph;
  const outs: Touch[][] = nodes.map(() => []);
  const ins: Touch[][] = nodes.map(() => []);
  edges.forEach((edge, e) => {
    if (edge.released) return;
    const arrows = arrowEnds(edge);
    const group = `${edge.connection.style}|${arrows.upper}|${arrows.lower}`;
    for (let k = 0; k + 1 < edge.chain.length; k++) {
      const a = edge.chain[k] as number;
      const b = edge.chain[k + 1] as number;
      (outs[a] as Touch[]).push({ edge: e, k, other: b, group });
      (ins[b] as Touch[]).push({ edge: e, k, other: a, group });
    }
  });
  const pins: Pins = new Map();
  const pin = (e: number, k: number): SegmentPins => {
    const key = `${e}:${k}`;
    let found = pins.get(key);
    if (!found) {
      found = { upper: 0, lower: 0, upperKey: '', lowerKey: '' };
      pins.set(key, found);
    }
    return found;
  };
  // fan-outs first: a segment in one is never in a fan-in too
  const inFanOut = new Set<string>();
  /** Whether one end is a container's border and the other inside that container. */
  const nested = (a: number, b: number): boolean => {
    const [x, y] = [nodes[a] as LNode, nodes[b] as LNode];
    const holds = (t: LNode, n: LNode): boolean =>
      t.kind === 'terminal' &&
      (n.container === t.container || isWithin(graph, n.container, t.container));
    return holds(x, y) || holds(y, x);
  };
  /** Whether two edges share their way through a junction (and so their pins after it). */
  const sameWay = (a: number, b: number): boolean => {
    const via = (edges[a] as LEdge).via;
    return (
      via !== undefined &&
      via === (edges[b] as LEdge).via &&
      (nodes[via] as LNode).junction === true
    );
  };
  const groupsOf = (
    touches: readonly Touch[],
    blocked: ReadonlySet<string>,
    bus: ReadonlySet<string> = new Set(),
  ): Touch[][] => {
    const byGroup = new Map<string, Touch[]>();
    const singles: Touch[][] = [];
    for (const t of touches) {
      const key = `${t.edge}:${t.k}`;
      if (!graph.trunks || (blocked.has(key) && !bus.has(key))) {
        // lines that share their way (through a junction) share their pin too
        const along = singles.find(
          ([u]) =>
            u !== undefined &&
            u.other === t.other &&
            u.group === t.group &&
            (nodes[t.other] as LNode).kind === 'dummy',
        );
        if (along && graph.trunks) along.push(t);
        else singles.push([t]);
        continue;
      }
      // a trunk to a container and to something inside it would read as one line
      const group = bus.has(key) ? `bus|${t.group}` : t.group;
      const list = byGroup.get(group);
      // (the lines of a fan through one gate share their way to it)
      const fits = (u: Touch): boolean =>
        (u.other !== t.other ||
          (nodes[t.other] as LNode).kind !== 'atom' ||
          sameWay(u.edge, t.edge)) &&
        !nested(u.other, t.other);
      if (list?.every(fits)) list.push(t);
      else if (list) singles.push([t]);
      else byGroup.set(group, [t]);
    }
    const out: Touch[][] = [];
    for (const list of byGroup.values()) {
      if (list.length > 1) out.push(list);
      else out.push(...list.map((t) => [t]));
    }
    return [...out, ...singles];
  };
  const place = (
    v: number,
    touches: readonly Touch[],
    side: 'before' | 'after',
    blocked: ReadonlySet<string>,
    bus?: ReadonlySet<string>,
  ): Touch[][] => {
    const node = nodes[v] as LNode;
    const groups = groupsOf(touches, blocked, bus);
    if (node.kind !== 'atom') {
      for (const group of groups) {
        for (const t of group) {
          const p = pin(t.edge, t.k);
          if (side === 'after') {
            p.upper = 0;
            p.upperKey = `${v}:a`;
          } else {
            p.lower = 0;
            p.lowerKey = `${v}:b`;
          }
        }
      }
      return groups;
    }
    const position = (group: readonly Touch[]): number =>
      group.reduce((sum, t) => sum + (nodes[t.other] as LNode).order, 0) / group.length;
    groups.sort((a, b) => position(a) - position(b) || (a[0] as Touch).edge - (b[0] as Touch).edge);
    const cells = sides(node)[side];
    const offsets = spreadOffsets(cells, groups.length, preferred(node));
    groups.forEach((group, index) => {
      const offset = offsets[index];
      for (const t of group) {
        if (offset === undefined) {
          (edges[t.edge] as LEdge).routed = true;
          short?.set(v, Math.max(short.get(v) ?? 0, groups.length));
          continue;
        }
        const p = pin(t.edge, t.k);
        if (side === 'after') {
          p.upper = offset;
          p.upperKey = `${v}:a${index}`;
        } else {
          p.lower = offset;
          p.lowerKey = `${v}:b${index}`;
        }
      }
    });
    return groups;
  };
  // a line that gathers with others at a gate on its way into one box (orders and payments
  // into the database) leaves its source on a pin of its own: in a trunk with the source's
  // other lines, the junction would join every box at the gate to every target of the trunk
  const gathering = new Set<string>();
  edges.forEach((edge, e) => {
    const via = edge.via === undefined ? undefined : (nodes[edge.via] as LNode);
    if (via?.gate === 'out' && via.junction !== true) gathering.add(`${e}:0`);
  });
  // a box with lines there and back to two or more others (an API querying a database and a
  // cache, each answering) keeps each pair side by side on pins of their own: in trunks, the
  // queries' trunk and the answers' would cross each other
  const ends = new Set<string>();
  edges.forEach((edge) => {
    if (!edge.released && edge.from !== edge.to) ends.add(`${edge.from}>${edge.to}`);
  });
  const partners = new Map<number, Set<number>>();
  edges.forEach((edge) => {
    if (edge.released || !ends.has(`${edge.to}>${edge.from}`)) return;
    for (const [a, b] of [
      [edge.from, edge.to],
      [edge.to, edge.from],
    ] as const) {
      const set = partners.get(a) ?? new Set<number>();
      set.add(b);
      partners.set(a, set);
    }
  });
  edges.forEach((edge, e) => {
    if (edge.released || !ends.has(`${edge.to}>${edge.from}`)) return;
    const many = (v: number): boolean => (partners.get(v)?.size ?? 0) >= 2;
    if (!many(edge.from) && !many(edge.to)) return;
    for (let k = 0; k + 1 < edge.chain.length; k++) gathering.add(`${e}:${k}`);
  });
  const fanOuts: { source: number; touches: Touch[] }[] = [];
  nodes.forEach((_, v) => {
    for (const group of place(v, outs[v] as Touch[], 'after', gathering)) {
      if (group.length < 2) continue;
      for (const t of group) inFanOut.add(`${t.edge}:${t.k}`);
      fanOuts.push({ source: v, touches: group });
    }
  });
  const bus = buses(graph, fanOuts);
  // a long line coming down past the rank above keeps a pin of its own where it arrives: in a
  // fan-in with lines from that rank it would turn across them to reach the shared pin
  // — unless it comes down between them (a system feeding two gateways and the broker behind
  // them): then it runs straight on through the trunk's junction
  const longIn = new Set<string>();
  nodes.forEach((node, v) => {
    if (node.kind !== 'atom') return;
    const list = ins[v] as Touch[];
    const orders = list
      .filter((t) => (nodes[t.other] as LNode).kind === 'atom')
      .map((t) => (nodes[t.other] as LNode).order);
    if (orders.length === 0) return;
    const [first, last] = [Math.min(...orders), Math.max(...orders)];
    for (const t of list) {
      const other = nodes[t.other] as LNode;
      if (other.kind !== 'dummy' || (other.order > first && other.order < last)) continue;
      longIn.add(`${t.edge}:${t.k}`);
    }
  });
  nodes.forEach((_, v) => {
    place(v, ins[v] as Touch[], 'before', new Set([...inFanOut, ...longIn, ...gathering]), bus);
  });
  return pins;
}

/**
 * Segments that may share a pin at both ends: fan-outs from several sources to the very same
 * targets (every source to every target, direct lines of one style, the lines into each
 * target saying the same or nothing), which the
 * channel then draws as one bus — the sources' lines gather on one track that branches to
 * every target, as hand drawings of two instances in front of shared services have it. The
 * drawing says every upper box reaches every lower one, which is exactly what the lines say.
 */
function buses(
  graph: LayeredGraph,
  fanOuts: readonly { source: number; touches: Touch[] }[],
): Set<string> {
  const out = new Set<string>();
  const direct = (t: Touch): boolean => {
    const edge = graph.edges[t.edge] as LEdge;
    const hints = edge.connection.hints;
    return (
      edge.chain.length === 2 &&
      hints?.noteAt === undefined &&
      hints?.noteSide === undefined &&
      (graph.nodes[t.other] as LNode).kind === 'atom'
    );
  };
  /**
   * Whether every line into each target says the same (or nothing): the bus's branch to a
   * target then carries that note once, as a hand drawing labels "Query" on the way into the
   * database and "Check cache" on the way into the cache.
   */
  const agreed = (fans: readonly { touches: Touch[] }[]): boolean => {
    const said = new Map<number, string | undefined>();
    for (const fan of fans) {
      for (const t of fan.touches) {
        const note = (graph.edges[t.edge] as LEdge).connection.note;
        if (!said.has(t.other)) said.set(t.other, note);
        else if (said.get(t.other) !== note) return false;
      }
    }
    return true;
  };
  const byTargets = new Map<string, { source: number; touches: Touch[] }[]>();
  for (const fan of fanOuts) {
    if (!fan.touches.every(direct)) continue;
    const targets = fan.touches.map((t) => t.other).sort((a, b) => a - b);
    const key = `${(fan.touches[0] as Touch).group}|${targets.join(',')}`;
    const list = byTargets.get(key);
    if (list) list.push(fan);
    else byTargets.set(key, [fan]);
  }
  for (const fans of byTargets.values()) {
    if (fans.length < 2 || !agreed(fans)) continue;
    for (const fan of fans) for (const t of fan.touches) out.add(`${t.edge}:${t.k}`);
  }
  return out;
}

/**
 * The middle of a box's usable side cells, and how far from it a pin that several lines share
 * may stand: a cell and a half, or a sixth of a wide side (a shared pin is where the eye looks
 * for the box).
 */
function reach(cells: readonly number[]): { middle: number; slack: number } {
  const [first, last] = [cells[0] as number, cells[cells.length - 1] as number];
  return { middle: (first + last) / 2, slack: Math.max(1.5, (last - first) / 6) };
}

/**
 * Once boxes are placed, a line whose two ends ended up a few cells apart (a box's pins
 * spread at one spacing, the other box's at another, a long line's column beside them) moves
 * its pin on one box to stand over the other end, when that cell is free on the side and
 * keeps two cells from the box's other pins: one jog fewer (a straight line crosses no more
 * lines than the jog did). A long
 * line that shares a trunk leaves it for a pin of its own when its column runs under the box
 * and every other branch of the trunk goes the other way: straight down, not out and back.
 * A pin a note was measured beside moves only away from its note, and no line is straightened
 * into the cells of another line's note (`noteGap` cells from its own line) or the blank cell
 * round it, so the room measured for every note still holds: a branch's note stays beside its
 * branch instead of falling back beside the trunk.
 */
export function straightenPins(
  graph: LayeredGraph,
  at: Int32Array,
  pins: Pins,
  sides: (node: LNode) => SideCells,
  notes: readonly HeldNote[] = [],
  noteGap = 0,
): void {
  const held = new Map(notes.map((n) => [`${n.edge}:${n.segment}:${n.zone}`, n.side]));
  /** Notes by the gap they sit in (the rank of their segment's upper end). */
  const notesInGap = new Map<number, HeldNote[]>();
  for (const n of notes) {
    const rank = (graph.nodes[(graph.edges[n.edge] as LEdge).chain[n.segment] as number] as LNode)
      .rank;
    const list = notesInGap.get(rank);
    if (list) list.push(n);
    else notesInGap.set(rank, [n]);
  }
  /** Segments by the pin they use, keyed `upper|key` or `lower|key`. */
  const users = new Map<string, string[]>();
  const add = (pin: string, key: string): void => {
    const list = users.get(pin);
    if (list) list.push(key);
    else users.set(pin, [key]);
  };
  pins.forEach((p, key) => {
    add(`upper|${p.upperKey}`, key);
    add(`lower|${p.lowerKey}`, key);
  });
  const segment = (key: string): { u: number; v: number } => {
    const [e, k] = key.split(':').map(Number) as [number, number];
    const chain = (graph.edges[e] as LEdge).chain;
    return { u: chain[k] as number, v: chain[k + 1] as number };
  };
  /** Segments meeting each node's side, keyed `node|side`: moving a pin keeps its node. */
  const atSide = new Map<string, string[]>();
  pins.forEach((_, key) => {
    const { u, v } = segment(key);
    for (const side of [`${u}|upper`, `${v}|lower`]) {
      const list = atSide.get(side);
      if (list) list.push(key);
      else atSide.set(side, [key]);
    }
  });
  /** Offsets of the pins on one side of node v, but those of the segments in `skip`. */
  const others = (v: number, side: 'upper' | 'lower', skip: readonly string[]): number[] =>
    (atSide.get(`${v}|${side}`) ?? [])
      .filter((key) => !skip.includes(key))
      .map((key) => {
        const p = pins.get(key) as SegmentPins;
        return side === 'upper' ? p.upper : p.lower;
      });
  const free = (
    v: number,
    side: 'upper' | 'lower',
    skip: readonly string[],
    to: number,
  ): boolean => {
    const node = graph.nodes[v] as LNode;
    if (node.kind !== 'atom') return false;
    const cells = side === 'upper' ? sides(node).after : sides(node).before;
    if (!cells.includes(to)) return false;
    return others(v, side, skip).every((o) => Math.abs(o - to) >= 2);
  };
  /** Ends of a segment across, the pin on `side` moved to `to` when given. */
  const ends = (key: string, side?: 'upper' | 'lower', to?: number): [number, number] => {
    const p = pins.get(key) as SegmentPins;
    const { u, v } = segment(key);
    return [
      (at[u] as number) + (side === 'upper' && to !== undefined ? to : p.upper),
      (at[v] as number) + (side === 'lower' && to !== undefined ? to : p.lower),
    ];
  };
  /** Lines on the same side of the node that the segment crosses, its pin on `side` at `to`. */
  const crossings = (key: string, node: number, side: 'upper' | 'lower', to?: number): number => {
    const [top, bottom] = ends(key, side, to);
    let count = 0;
    for (const other of atSide.get(`${node}|${side}`) ?? []) {
      if (other === key) continue;
      const [otherTop, otherBottom] = ends(other);
      if ((top - otherTop) * (bottom - otherBottom) < 0) count++;
    }
    return count;
  };
  /** Whether a pin may move by `shift` (a pin with a note beside it moves only away from it). */
  const movableAt = (key: string, side: 'upper' | 'lower', shift: number): boolean =>
    shift * (held.get(`${key}:${side}`) ?? 0) <= 0;
  /** Whether a line of segment `key` running straight at `x` keeps clear of other lines' notes. */
  const clearOfNotes = (key: string, x: number): boolean => {
    const e = Number(key.split(':')[0]);
    const rank = (graph.nodes[segment(key).u] as LNode).rank;
    return (notesInGap.get(rank) ?? []).every((n) => {
      if (n.edge === e) return true;
      const p = pins.get(`${n.edge}:${n.segment}`);
      if (p === undefined) return true;
      const ends = segment(`${n.edge}:${n.segment}`);
      const pin =
        n.zone === 'lower' ? (at[ends.v] as number) + p.lower : (at[ends.u] as number) + p.upper;
      const [first, last] =
        n.side === 1
          ? [pin + noteGap, pin + noteGap + n.across - 1]
          : [pin - noteGap - n.across + 1, pin - noteGap];
      return x < first - 1 || x > last + 1;
    });
  };
  const end = (key: string, side: 'upper' | 'lower'): number => {
    const p = pins.get(key) as SegmentPins;
    const { u, v } = segment(key);
    return side === 'upper' ? (at[v] as number) + p.lower : (at[u] as number) + p.upper;
  };
  /**
   * Where lines from several boxes join before one box (three services into one database),
   * the joint and the pin under it slide together to stand under the segment's upper end,
   * when the pin stays by the middle of the lower box: the line from the box in the middle of
   * the row runs straight from its own middle, not from a corner of it.
   */
  const slideJunction = (e: number, k: number): boolean => {
    const edge = graph.edges[e] as LEdge;
    const u = edge.chain[k] as number;
    const joint = edge.chain[k + 1] as number;
    const node = graph.nodes[joint] as LNode;
    if (!node.junction || (graph.nodes[u] as LNode).kind !== 'atom') return false;
    const into: number[] = [];
    const below: string[] = [];
    pins.forEach((p, key) => {
      const { u: a, v: b } = segment(key);
      if (b === joint) into.push((at[a] as number) + p.upper);
      if (a === joint) below.push(key);
    });
    const targets = new Set(below.map((key) => segment(key).v));
    const lowerKeys = new Set(below.map((key) => (pins.get(key) as SegmentPins).lowerKey));
    if (targets.size !== 1 || lowerKeys.size !== 1) return false;
    const w = [...targets][0] as number;
    if ((graph.nodes[w] as LNode).kind !== 'atom') return false;
    const x = (at[u] as number) + (pins.get(`${e}:${k}`) as SegmentPins).upper;
    if (x <= Math.min(...into) || x >= Math.max(...into)) return false;
    const shift = x - (at[joint] as number);
    const first = pins.get(below[0] as string) as SegmentPins;
    const to = first.lower + shift;
    const { middle, slack } = reach(sides(graph.nodes[w] as LNode).before);
    if (Math.abs(to - middle) > slack || !free(w, 'lower', below, to)) return false;
    if (below.some((key) => !movableAt(key, 'lower', shift))) return false;
    if (!clearOfNotes(`${e}:${k}`, x)) return false;
    at[joint] = x;
    for (const key of below) (pins.get(key) as SegmentPins).lower = to;
    return true;
  };
  graph.edges.forEach((edge, e) => {
    if (edge.routed || edge.released) return;
    for (let k = 0; k + 1 < edge.chain.length; k++) {
      const key = `${e}:${k}`;
      const p = pins.get(key);
      if (!p) continue;
      const u = edge.chain[k] as number;
      const v = edge.chain[k + 1] as number;
      const top = (at[u] as number) + p.upper;
      const bottom = (at[v] as number) + p.lower;
      if (top === bottom) continue;
      const lower = top - (at[v] as number);
      const upper = bottom - (at[u] as number);
      const mates = (side: 'upper' | 'lower'): string[] =>
        users.get(`${side}|${side === 'upper' ? p.upperKey : p.lowerKey}`) ?? [];
      const movable = (side: 'upper' | 'lower', shift: number): boolean =>
        movableAt(key, side, shift);
      /** Whether the segment may leave the pin it shares on `side` for one at `to`. */
      const leaves = (side: 'upper' | 'lower', from: number, to: number): boolean => {
        const list = mates(side);
        if (list.length === 1) return true;
        // only a long line (its other end a dummy) leaves a trunk, the rest all the other way
        const far = graph.nodes[side === 'upper' ? v : u] as LNode;
        if (far.kind !== 'dummy') return false;
        const base = (side === 'upper' ? at[u] : at[v]) as number;
        return list.every((m) => m === key || (end(m, side) - (base + to)) * (from - to) > 0);
      };
      const move = (side: 'upper' | 'lower', to: number): boolean => {
        const from = side === 'upper' ? p.upper : p.lower;
        const node = side === 'upper' ? u : v;
        if (!movable(side, to - from) || !leaves(side, from, to)) return false;
        if (!clearOfNotes(key, side === 'lower' ? top : bottom)) return false;
        // a line leaving a trunk keeps two cells from it too: the trunk stays where it was
        if (!free(node, side, mates(side).length > 1 ? [key] : mates(side), to)) return false;
        // a pin's order among its side's pins keeps their lines apart: never a new crossing
        if (crossings(key, node, side, to) > crossings(key, node, side)) return false;
        const list = mates(side);
        if (list.length > 1) {
          // its own pin now: the trunk keeps the others
          list.splice(list.indexOf(key), 1);
          const own = `${node}:${side === 'upper' ? 'a' : 'b'}~${key}`;
          users.set(`${side}|${own}`, [key]);
          if (side === 'upper') p.upperKey = own;
          else p.lowerKey = own;
        }
        if (side === 'upper') p.upper = to;
        else p.lower = to;
        return true;
      };
      // a pin a trunk or a bus shares (three services into one registry) moves whole, under
      // a line that then runs straight through where the others meet it, before that line's
      // own pin leaves the middle of a narrower box
      const trunk = (): boolean => {
        const list = mates('lower');
        if (list.length < 2 || (graph.nodes[v] as LNode).kind !== 'atom') return false;
        // by a cell or two (or its slack), and stays by the middle of the side
        const { middle, slack } = reach(sides(graph.nodes[v] as LNode).before);
        if (Math.abs(lower - p.lower) > Math.max(2, slack) || Math.abs(lower - middle) > slack)
          return false;
        if (!movable('lower', lower - p.lower) || !free(v, 'lower', list, lower)) return false;
        if (!clearOfNotes(key, top)) return false;
        const before = list.reduce((n, m) => n + crossings(m, v, 'lower'), 0);
        const saved = list.map((m) => (pins.get(m) as SegmentPins).lower);
        for (const m of list) (pins.get(m) as SegmentPins).lower = lower;
        const after = list.reduce((n, m) => n + crossings(m, v, 'lower'), 0);
        if (after <= before) return true;
        list.forEach((m, i) => {
          (pins.get(m) as SegmentPins).lower = saved[i] as number;
        });
        return false;
      };
      if (move('lower', lower) || trunk() || slideJunction(e, k)) continue;
      move('upper', upper);
    }
  });
}
