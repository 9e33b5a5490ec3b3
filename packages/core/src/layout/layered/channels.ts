/**
 * Routing in the gap between two ranks, the way a channel router lays wires: every segment
 * runs from a pin on the upper side to a pin on the lower side; segments that share a pin
 * form one net (a trunk that branches); a net whose pins are not in one column gets a track,
 * a row of the gap (a column when the flow runs right) where it runs across. Tracks are
 * assigned top down by the left-edge algorithm, so that nets on one track never touch and a
 * net whose upper pin is in the column of another net's lower pin runs above it (no line
 * ever overlaps another). Everything here is in abstract cells: `across` along the ranks.
 */

/** A segment crossing the gap. */
export interface GapSegment {
  /** Identifies the segment (`edge:k`). */
  key: string;
  /** Across cell of its pin on the upper side and on the lower side. */
  top: number;
  bottom: number;
  /** Segments with the same pin key share the pin. */
  topPin: string;
  bottomPin: string;
}

/** How a gap is routed. */
export interface Channel {
  /** Tracks used (rows of the gap when the flow runs down). */
  tracks: number;
  /** The track of each segment's net, or -1 when its net runs straight down one column. */
  track: Map<string, number>;
  /** Segments whose net could not get a track (a cycle of pins): they are routed elsewhere. */
  dropped: string[];
}

interface Net {
  segments: GapSegment[];
  left: number;
  right: number;
  tops: Set<number>;
  bottoms: Set<number>;
}

/** Groups segments that share a pin into nets, in the order of their first segment. */
function nets(segments: readonly GapSegment[]): Net[] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => {
    let at = i;
    while (parent[at] !== at) at = parent[at] as number;
    return at;
  };
  const byPin = new Map<string, number>();
  segments.forEach((segment, i) => {
    for (const pin of [`t${segment.topPin}`, `b${segment.bottomPin}`]) {
      const known = byPin.get(pin);
      if (known === undefined) byPin.set(pin, i);
      else {
        const a = find(known);
        const b = find(i);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, Net>();
  segments.forEach((segment, i) => {
    const root = find(i);
    let net = groups.get(root);
    if (!net) {
      net = {
        segments: [],
        left: segment.top,
        right: segment.top,
        tops: new Set(),
        bottoms: new Set(),
      };
      groups.set(root, net);
    }
    net.segments.push(segment);
    net.left = Math.min(net.left, segment.top, segment.bottom);
    net.right = Math.max(net.right, segment.top, segment.bottom);
    net.tops.add(segment.top);
    net.bottoms.add(segment.bottom);
  });
  return [...groups.values()];
}

/** Routes one gap: which track each net takes, and how many tracks there are. */
export function routeChannel(segments: readonly GapSegment[]): Channel {
  const all = nets(segments);
  const track = new Map<string, number>();
  const bent = all.filter((net) => net.left < net.right);
  for (const net of all) {
    if (net.left === net.right) for (const s of net.segments) track.set(s.key, -1);
  }
  // a net with an upper pin in the column of another net's lower pin must run above it
  const topOwner = new Map<number, Net>();
  for (const net of bent) for (const c of net.tops) topOwner.set(c, net);
  const above = new Map<Net, Set<Net>>();
  for (const net of bent) above.set(net, new Set());
  for (const net of bent) {
    for (const c of net.bottoms) {
      const owner = topOwner.get(c);
      if (owner && owner !== net) above.get(net)?.add(owner);
    }
  }
  const dropped: string[] = [];
  const remaining = new Set(bent);
  const placed = new Set<Net>();
  /** Lines that cross when `a` runs above `b`: b's upper stubs over a's track, a's lower ones under b's. */
  const crossingsAbove = (a: Net, b: Net): number => {
    let count = 0;
    for (const c of b.tops) if (c > a.left && c < a.right) count++;
    for (const c of a.bottoms) if (c > b.left && c < b.right) count++;
    return count;
  };
  /** What running above every net still waiting costs, against running below them. */
  const eagerness = (net: Net): number => {
    let cost = 0;
    for (const other of remaining) {
      if (other !== net) cost += crossingsAbove(net, other) - crossingsAbove(other, net);
    }
    return cost;
  };
  let tracks = 0;
  while (remaining.size > 0) {
    const cost = new Map<Net, number>();
    for (const net of remaining) cost.set(net, eagerness(net));
    const ready = [...remaining]
      .filter((net) => [...(above.get(net) ?? [])].every((a) => placed.has(a) || !remaining.has(a)))
      .sort(
        (a, b) =>
          (cost.get(a) as number) - (cost.get(b) as number) || a.left - b.left || a.right - b.right,
      );
    if (ready.length === 0) {
      // a cycle: the leftmost net is routed elsewhere
      const victim = [...remaining].sort((a, b) => a.left - b.left)[0] as Net;
      remaining.delete(victim);
      for (const s of victim.segments) dropped.push(s.key);
      continue;
    }
    // the cheapest first, then any that fit beside it on the same track without touching
    const now: Net[] = [];
    const best = cost.get(ready[0] as Net) as number;
    for (const net of ready) {
      if (now.length > 0 && (cost.get(net) as number) > best && net !== ready[0]) {
        // only nets that cost nothing more than the first share its track
        if ((cost.get(net) as number) > 0) continue;
      }
      if (now.some((other) => net.left <= other.right + 1 && other.left <= net.right + 1)) continue;
      now.push(net);
    }
    for (const net of now) {
      remaining.delete(net);
      for (const s of net.segments) track.set(s.key, tracks);
    }
    for (const net of now) placed.add(net);
    tracks++;
  }
  return { tracks, track, dropped };
}

/** A note to place beside a line in a zone of a gap. */
export interface ZoneNote {
  key: string;
  /** The across cell of the line it belongs beside. */
  pin: number;
  /** Cells the note takes across and along. */
  across: number;
  along: number;
  /** The side it prefers: +1 after the line, -1 before it. */
  side: 1 | -1;
}

/** Where a note went: its first cell across and its first row of the zone. */
export interface PlacedNote {
  key: string;
  start: number;
  row: number;
}

/**
 * Places notes beside their lines in a zone crossed by lines at `lines` (across cells), with
 * `gap` cells between a note and its line and one blank cell to anything else, never past
 * `bounds` (the container walls around the pin). Each note takes its preferred side when it
 * is free, else the other, else rows further down; a note that fits nowhere is left out (and
 * placed later beside another part of its line).
 */
export function placeZoneNotes(
  notes: readonly ZoneNote[],
  lines: ReadonlySet<number>,
  gap: number,
  bounds: (pin: number) => { low: number; high: number },
): { placed: PlacedNote[]; rows: number } {
  const taken: { start: number; end: number; row: number; rows: number }[] = [];
  const placed: PlacedNote[] = [];
  let rows = 0;
  const clear = (start: number, end: number, row: number, along: number, pin: number): boolean => {
    const { low, high } = bounds(pin);
    if (start - 1 <= low || end + 1 >= high) return false;
    // its own line sits `gap` away; every other keeps a blank cell from it
    for (const line of lines)
      if (line !== pin && line >= start - 1 && line <= end + 1) return false;
    for (const t of taken) {
      const overlapRows = row < t.row + t.rows && t.row < row + along;
      if (overlapRows && start <= t.end + 1 && t.start <= end + 1) return false;
    }
    return true;
  };
  for (const note of [...notes].sort((a, b) => a.pin - b.pin || (a.key < b.key ? -1 : 1))) {
    let done = false;
    for (let row = 0; row < 8 && !done; row++) {
      for (const side of [note.side, -note.side as 1 | -1]) {
        const start = side === 1 ? note.pin + gap : note.pin - gap - note.across + 1;
        const end = start + note.across - 1;
        if (!clear(start, end, row, note.along, note.pin)) continue;
        taken.push({ start, end, row, rows: note.along });
        placed.push({ key: note.key, start, row });
        rows = Math.max(rows, row + note.along);
        done = true;
        break;
      }
    }
  }
  return { placed, rows };
}
