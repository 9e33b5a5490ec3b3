import type { Connection } from '../../model/types.js';
import { linesOf, widest } from '../block.js';
import type { NotesApart } from './across.js';
import type { LayeredGraph, LEdge, LNode } from './graph.js';
import { type Pins, pinUse } from './ports.js';

// Notes beside the lines of a layered region: which segment and side each takes, and how far
// apart that pushes the boxes of a rank.

/** Cells between a line and its note: two across a vertical line, one beside a horizontal one. */
export const NOTE_GAP = { down: 2, right: 1 } as const;

/** A note beside one segment of a line, in the gap next to one of the segment's nodes. */
export interface NoteSpec {
  edge: number;
  segment: number;
  /** In the gap before the lower node (`lower`) or after the upper one (`upper`). */
  zone: 'upper' | 'lower';
  host: number;
  pinOffset: number;
  across: number;
  along: number;
  /** After the line (1) or before it (-1), across the flow. */
  side: 1 | -1;
  connection: Connection;
}

/** Where each note goes, and the pins on every node's two sides (where notes must not sit). */
export interface NotePlan {
  specs: NoteSpec[];
  /** Pins on each node's side facing the rank after, by node. */
  upperPinsOf: Map<number, Set<number>>;
  /** Pins on each node's side facing the rank before, by node. */
  lowerPinsOf: Map<number, Set<number>>;
}

/**
 * Chooses a place for every note: in the gap above the lower end, beside the lower stub;
 * beside the upper stub when the lower pin is a shared fan-in; once beside the trunk when
 * every branch of a fan says the same; where the model's hints ask otherwise; beside the
 * other end for the connections in `elsewhere` (whose notes found no room before).
 */
export function planNotes(
  graph: LayeredGraph,
  pins: Pins,
  down: boolean,
  elsewhere: ReadonlySet<string> = new Set(),
): NotePlan {
  const noteSpecs: NoteSpec[] = [];
  const lowerPinUse = pinUse(pins, 'lower');
  const upperPinUse = pinUse(pins, 'upper');
  // the pins on each node's sides, to put a note where no other line meets the box
  const upperPinsOf = new Map<number, Set<number>>();
  const lowerPinsOf = new Map<number, Set<number>>();
  const add = (map: Map<number, Set<number>>, node: number, offset: number): void => {
    const set = map.get(node) ?? new Set<number>();
    set.add(offset);
    map.set(node, set);
  };
  graph.edges.forEach((edge, e) => {
    for (let k = 0; k + 1 < edge.chain.length; k++) {
      const p = pins.get(`${e}:${k}`);
      if (!p) continue;
      add(upperPinsOf, edge.chain[k] as number, p.upper);
      add(lowerPinsOf, edge.chain[k + 1] as number, p.lower);
    }
  });
  const sharedNotes = trunkNotes(graph, pins, upperPinUse, 'upper');
  const sharedInNotes = trunkNotes(graph, pins, lowerPinUse, 'lower');
  graph.edges.forEach((edge, e) => {
    const lines = linesOf(edge.connection.note);
    if (lines.length === 0 || edge.chain.length < 2) return;
    const last = edge.chain.length - 2;
    const lastPin = pins.get(`${e}:${last}`);
    const firstPin = pins.get(`${e}:0`);
    if (lastPin === undefined || firstPin === undefined) return;
    const onTrunk = sharedNotes.get(firstPin.upperKey);
    const onInTrunk = onTrunk === undefined ? sharedInNotes.get(lastPin.lowerKey) : undefined;
    // the branches of a fan (out or in) that all say the same say it once, beside the trunk
    if (onTrunk !== undefined && onTrunk !== e) return;
    if (onInTrunk !== undefined && onInTrunk !== e) return;
    // where the model asks for the note: toward one end of the line (which end is upper
    // depends on the flow and on whether the line runs against it), and on which side
    const hints = edge.connection.hints;
    const sourceEnd = edge.reversed ? 'lower' : 'upper';
    const [before, after] = down ? (['above', 'below'] as const) : (['left', 'right'] as const);
    const wanted =
      hints?.noteAt === 'start'
        ? sourceEnd
        : hints?.noteAt === 'end'
          ? sourceEnd === 'upper'
            ? 'lower'
            : 'upper'
          : hints?.noteSide === before
            ? 'upper'
            : hints?.noteSide === after
              ? 'lower'
              : undefined;
    // a note a fan's branches share goes beside its trunk: the end where it leaves or meets
    const asked = onTrunk !== undefined ? 'upper' : onInTrunk !== undefined ? 'lower' : wanted;
    const sharedBelow = onInTrunk === undefined && (lowerPinUse.get(lastPin.lowerKey) ?? 0) > 1;
    const sharedAbove = onTrunk === undefined && (upperPinUse.get(firstPin.upperKey) ?? 0) > 1;
    // a note never sits beside a trunk several lines share: it goes before the branch
    const zone: 'upper' | 'lower' =
      asked === 'upper' && !sharedAbove
        ? 'upper'
        : asked === 'lower' && !sharedBelow
          ? 'lower'
          : sharedBelow
            ? 'upper'
            : 'lower';
    // beside the branch of a fan-in: the last segment whose upper end no other line shares
    // (a line gathered at a gate before it meets the trunk has its branch before the gate)
    let segment = zone === 'upper' && asked === 'upper' ? 0 : last;
    if (zone === 'upper' && sharedBelow) {
      while (segment > 0) {
        const p = pins.get(`${e}:${segment}`);
        if (p !== undefined && (upperPinUse.get(p.upperKey) ?? 0) <= 1) break;
        segment--;
      }
    }
    const preferred: 1 | -1 = down ? 1 : -1;
    /** Where the note would sit in one zone, and which sides of its pin other lines meet. */
    const placeIn = (zone: 'upper' | 'lower', segment: number) => {
      const pin = segment === 0 ? firstPin : lastPin;
      const host =
        zone === 'lower' ? (edge.chain[segment + 1] as number) : (edge.chain[segment] as number);
      const pinOffset = zone === 'lower' ? pin.lower : pin.upper;
      const others = [...((zone === 'lower' ? lowerPinsOf : upperPinsOf).get(host) ?? [])];
      const blocked = others.some((o) => (o - pinOffset) * preferred > 0);
      const free = !others.some((o) => (o - pinOffset) * preferred < 0);
      return { zone, segment, host, pinOffset, blocked, free };
    };
    let at = placeIn(zone, segment);
    // a long line out of a fan whose end is hemmed in by lines on both sides (the middle one
    // of three into a database) has its note beside its own branch where it reaches the first
    // rank it passes: beside the stub it shares, the note would read as the others' too
    const hemmed = at.blocked && !at.free;
    if (zone === 'lower' && asked === undefined && last > 0 && sharedAbove && hemmed)
      at = placeIn('lower', 0);
    // a note that found no room last time (the middle one of three lines into a box, hemmed
    // in by the other two) goes beside its line's other end, when a side is free there
    if (elsewhere.has(edge.connection.id) && asked === undefined) {
      // (a long line out of a fan: beside its branch past the split, where it reaches the
      // first rank it passes)
      const other =
        zone === 'lower' && !sharedAbove
          ? placeIn('upper', 0)
          : zone === 'lower' && last > 0
            ? placeIn('lower', 0)
            : zone === 'upper' && !sharedBelow
              ? placeIn('lower', last)
              : undefined;
      if (other !== undefined && (other.free || !other.blocked)) at = other;
    }
    const { host, pinOffset, blocked, free } = at;
    // beside the line on the side asked for; else where no other line meets the same box:
    // the preferred side (right of a vertical line, above a horizontal one) unless another
    // pin is there
    const [lesser, greater] = down ? (['left', 'right'] as const) : (['above', 'below'] as const);
    const side: 1 | -1 =
      hints?.noteSide === lesser
        ? -1
        : hints?.noteSide === greater
          ? 1
          : blocked && free
            ? (-preferred as 1 | -1)
            : preferred;
    noteSpecs.push({
      edge: e,
      segment: at.segment,
      zone: at.zone,
      host,
      pinOffset,
      across: down ? widest(lines) : lines.length,
      along: down ? lines.length : widest(lines),
      side,
      connection: edge.connection,
    });
  });
  return { specs: noteSpecs, upperPinsOf, lowerPinsOf };
}

/**
 * Fans whose branches all carry the same note and no hint about it: by the pin their trunk
 * leaves from (`upper`, a fan-out) or meets (`lower`, a fan-in), the edge that draws the note
 * once beside the trunk (the first in model order).
 */
function trunkNotes(
  graph: LayeredGraph,
  pins: Pins,
  pinUse: ReadonlyMap<string, number>,
  side: 'upper' | 'lower',
): Map<string, number> {
  const byPin = new Map<string, number[]>();
  graph.edges.forEach((edge, e) => {
    const pin = pins.get(`${e}:${side === 'upper' ? 0 : edge.chain.length - 2}`);
    const key = side === 'upper' ? pin?.upperKey : pin?.lowerKey;
    if (key === undefined || (pinUse.get(key) ?? 0) < 2) return;
    const list = byPin.get(key);
    if (list) list.push(e);
    else byPin.set(key, [e]);
  });
  const out = new Map<string, number>();
  for (const [key, list] of byPin) {
    const notes = list.map((e) => (graph.edges[e] as LEdge).connection);
    const first = notes[0]?.note;
    const same = notes.every(
      (c) =>
        c.note !== undefined &&
        c.note === first &&
        c.hints?.noteAt === undefined &&
        c.hints?.noteSide === undefined,
    );
    if (same && list.length === (pinUse.get(key) ?? 0)) out.set(key, list[0] as number);
  }
  return out;
}

/**
 * How far apart boxes in one rank must start for their notes: a note sits in the gap between
 * two ranks, beside its line, so what shares its rows is the lines meeting the boxes beside
 * its own (and their notes), not those boxes. A box may start under the note as long as its
 * lines and notes on that side clear it; `placeAcross` keeps the boxes themselves apart.
 */
export function noteClearances(
  graph: LayeredGraph,
  layers: readonly (readonly number[])[],
  notes: readonly NoteSpec[],
  room: {
    /** Pins on each node's side facing the rank after (upper) and before (lower), by node. */
    upper: ReadonlyMap<number, ReadonlySet<number>>;
    lower: ReadonlyMap<number, ReadonlySet<number>>;
    noteGap: number;
    lineGap: number;
    /** Blank cells between two notes side by side. */
    noteSpace: number;
  },
): NotesApart {
  const out: { from: number; to: number; cells: number }[] = [];
  const byHost = new Map<number, NoteSpec[]>();
  for (const note of notes) {
    if ((graph.nodes[note.host] as LNode).kind !== 'atom') continue;
    const list = byHost.get(note.host);
    if (list) list.push(note);
    else byHost.set(note.host, [note]);
  }
  /** The cells a note covers across, from its host's start. */
  const span = (n: NoteSpec): [number, number] =>
    n.side === 1
      ? [n.pinOffset + room.noteGap, n.pinOffset + room.noteGap + n.across - 1]
      : [n.pinOffset - room.noteGap - n.across + 1, n.pinOffset - room.noteGap];
  /** Pins of node `v` in the gap where notes of `zone` sit (a lower note: lines from above). */
  const pinsIn = (v: number, zone: NoteSpec['zone']): number[] => [
    ...((zone === 'lower' ? room.lower : room.upper).get(v) ?? []),
  ];
  for (const layer of layers) {
    for (let i = 0; i < layer.length; i++) {
      const a = layer[i] as number;
      const left = graph.nodes[a] as LNode;
      if (left.kind !== 'atom') continue;
      for (let j = i + 1; j < layer.length; j++) {
        const c = layer[j] as number;
        const right = graph.nodes[c] as LNode;
        if (right.kind !== 'atom' || right.container !== left.container) break;
        let cells = 0;
        for (const n of byHost.get(a) ?? []) {
          if (n.side !== 1) continue;
          const end = span(n)[1];
          for (const p of pinsIn(c, n.zone)) cells = Math.max(cells, end + room.lineGap + 1 - p);
          for (const m of byHost.get(c) ?? []) {
            if (m.side === -1 && m.zone === n.zone)
              cells = Math.max(cells, end + room.noteSpace + 1 - span(m)[0]);
          }
        }
        for (const m of byHost.get(c) ?? []) {
          if (m.side !== -1) continue;
          const start = span(m)[0];
          for (const p of pinsIn(a, m.zone)) cells = Math.max(cells, p + room.lineGap + 1 - start);
        }
        if (cells > 0) out.push({ from: a, to: c, cells });
      }
    }
  }
  return { hosts: new Set(byHost.keys()), apart: out };
}
