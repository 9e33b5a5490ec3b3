import { count, type ModelPath } from '../../errors.js';
import { type Connection, isContainer, type Node } from '../../model/types.js';
import type { Point } from '../../scene/types.js';
import { annotationTexts, notesUnder } from '../annotations.js';
import {
  BADGE_CELLS,
  BADGE_MIN_WIDTH,
  type Block,
  bareRun,
  connectorFor,
  type LayoutContext,
  linesOf,
  type Placed,
  placeNoteLines,
  sideOffsets,
  widest,
} from '../block.js';
import {
  borderField,
  borderless,
  borderTitleCells,
  shapeBorderCells,
  titleTexts,
} from '../chrome.js';
import { clearTerminals, placeAcross } from './across.js';
import {
  type GapSegment,
  type PlacedNote,
  placeZoneNotes,
  routeChannel,
  type ZoneNote,
} from './channels.js';
import { addGates, dropGates, looseGateEdges } from './gates.js';
import {
  ancestors,
  isWithin,
  type LayeredGraph,
  type LContainer,
  type LEdge,
  type LNode,
  type LStep,
} from './graph.js';
import { NOTE_GAP, type NoteSpec, noteClearances, planNotes } from './notes.js';
import { orderRanks } from './order.js';
import { arrowEnds, assignPins, type Pins, type SideCells, straightenPins } from './ports.js';
import { assignRanks, breakCycles, normalize, stackNested } from './rank.js';
import { addConnections, attachTerminals, buildRegion } from './region.js';
import { alignTiers, stretchRankMates } from './tiers.js';

/** Blank cells between two boxes side by side in a rank. */
export const RANK_SIDE_GAP = 3;
/** Blank cells between a line and what is beside it. */
const LINE_GAP = 1;
/** Abstract geometry of a container (cells from its borders to its content). */
interface Insets {
  /** Along the flow: from the start border to the first rank, from the last rank to the end border. */
  before: number;
  after: number;
  /** Across: from the start border to the content, from the content to the end border. */
  start: number;
  end: number;
  /** Cells across (down) or along (right) the title needs, borders included. */
  titleRoom: number;
  band: number;
  /** Rows of caption under the container's bottom border (inside `after`, or `end` across a right flow). */
  below: number;
}

function insetsOf(container: LContainer, flow: 'down' | 'right'): Insets {
  const { band, inner } = container.titleGeometry;
  const p = container.padding;
  // a container drawn without a border has no ring of border cells
  const ring = borderless(container.host) ? 0 : 1;
  // annotations under it go after its caption, and it is at least as wide as they are
  const notes = notesUnder(container.notes ?? []);
  const below = container.titleGeometry.below + notes.rows;
  const titleRoom = Math.max(inner + 2 * ring, notes.width);
  return flow === 'down'
    ? {
        before: ring + band + p.top,
        after: p.bottom + ring + below,
        start: ring + p.left,
        end: ring + p.right,
        titleRoom,
        band,
        below,
      }
    : {
        before: ring + p.left,
        after: p.right + ring,
        start: ring + band + p.top,
        end: p.bottom + ring + below,
        titleRoom,
        band,
        below,
      };
}

/** Where the router should take over: connections the region found no way to draw. */
function release(edge: LEdge): void {
  edge.routed = true;
}

/**
 * Lays out the children of an `auto` container as a layered drawing (see `layered/`): ranks
 * along the flow from the connections, an order within ranks with few crossings, positions
 * that keep lines straight, and lines drawn through the gaps between ranks as a channel
 * router would — fan-outs and fan-ins as trunks, notes beside their lines. Nested `auto`
 * hosts join the same drawing as containers, so lines enter them from the side facing their
 * source. Everything else (leaves, stacks, hosts arranged by hand) is measured as one atom.
 * Connections the region cannot draw itself (to a node inside an atom, to a container) are
 * left to the router.
 */
export function measureLayered(
  id: string,
  items: readonly Placed[],
  context: LayoutContext,
  alongFlow: ReadonlySet<string> = new Set(),
): Block {
  const flow = context.flow;
  const down = flow === 'down';
  const reported = context.diagnostics.length;
  const region = buildRegion(items, context);
  const { graph, models } = region;
  const containerEdges = addConnections(region, context, alongFlow);
  const check = context.check;
  // hints made for hand-drawn columns: `length` sets a gap's rows, `noteRow` has no meaning here
  const minGap = new Map<LEdge, number>();
  for (const edge of graph.edges) {
    const hints = edge.connection.hints;
    const path = [...(context.connectionPaths.get(edge.connection.id) ?? []), 'hints'];
    if (hints?.noteRow !== undefined) {
      context.diagnostics.push({
        code: 'layout/unsupported-hint',
        message:
          'the noteRow hint places a note on a straight connector between neighbours in a down or right container; here the node positions come from the connections',
        path: [...path, 'noteRow'],
        expected: 'no noteRow hint, or `direction: down` (or right) on the container',
      });
    }
    if (hints?.length !== undefined) {
      const notes = linesOf(edge.connection.note).length;
      if (notes > hints.length) {
        context.diagnostics.push({
          code: 'layout/note-too-long',
          message: `the note has ${count(notes, 'line')} but the connector is only ${count(hints.length, 'row')} long`,
          path: [...path, 'length'],
          expected: `a length of at least ${notes}`,
          example: `{"length":${notes}}`,
        });
      }
      minGap.set(edge, hints.length);
    }
  }
  breakCycles(graph);
  // gates for fans across container borders; a line the ranks put far from its gate goes
  // its own way, and the ranks are found again without it
  const plain = { nodes: graph.nodes.length, rankEdges: graph.rankEdges.length };
  addGates(graph, new Set(), down);
  assignRanks(graph, check, down);
  // sibling containers one of which ranked inside the other's span are stacked, and ranked again
  if (stackNested(graph)) {
    dropGates(graph, plain);
    addGates(graph, new Set(), down);
    assignRanks(graph, check, down);
  }
  const loose = looseGateEdges(graph);
  if (loose.size > 0) {
    dropGates(graph, plain);
    addGates(graph, loose, down);
    assignRanks(graph, check, down);
  }
  // peers that other lines ranked apart are joined along the flow like any line
  for (const peer of graph.peers ?? []) {
    const [a, b] = [graph.nodes[peer.from] as LNode, graph.nodes[peer.to] as LNode];
    if (a.rank === b.rank) continue;
    graph.edges.push({ ...peer, reversed: a.rank > b.rank, chain: [] });
  }
  // a side the model asks for that a layered line does not take (it leaves its upper end
  // downward and enters its lower end from above) sends the line to the router
  for (const edge of graph.edges) {
    const hints = edge.connection.hints;
    if (hints?.fromSide === undefined && hints?.toSide === undefined) continue;
    const [ahead, behind] = down ? (['bottom', 'top'] as const) : (['right', 'left'] as const);
    const fromSide = edge.reversed ? behind : ahead;
    const toSide = edge.reversed ? ahead : behind;
    if ((hints.fromSide ?? fromSide) !== fromSide || (hints.toSide ?? toSide) !== toSide) {
      release(edge);
      edge.released = true;
    }
  }
  // a line back against the flow past other ranks goes around them, as hand drawings loop a
  // cycle's last step back outside the column: the boxes it would pass stay in line. One
  // that pairs with a line the other way between the same boxes runs beside it instead
  const forward = new Set<string>();
  for (const edge of graph.edges) if (!edge.reversed) forward.add(`${edge.from}>${edge.to}`);
  for (const edge of graph.edges) {
    if (!edge.reversed || edge.released || forward.has(`${edge.to}>${edge.from}`)) continue;
    const [a, b] = [graph.nodes[edge.from] as LNode, graph.nodes[edge.to] as LNode];
    if (Math.abs(a.rank - b.rank) < 2) continue;
    release(edge);
    edge.released = true;
  }
  attachTerminals(graph, containerEdges);
  normalize(graph);
  const layers = orderRanks(graph, { check, maxSweeps: graph.nodes.length > 2000 ? 4 : 12 });
  // a step between siblings the order could not set side by side would loop around the boxes
  // between them, and one whose ends other lines ranked apart (a worker's line into the
  // database puts it below the API that also writes there) would wander across the flow: it
  // ranks its ends like any line instead (the layout is found again, once)
  if (alongFlow.size === 0) {
    const apart = (graph.steps ?? []).filter((step) => {
      const [a, b] = [graph.nodes[step.from] as LNode, graph.nodes[step.to] as LNode];
      return step.sibling === true && (a.rank !== b.rank || Math.abs(a.order - b.order) !== 1);
    });
    if (apart.length > 0) {
      context.diagnostics.length = reported;
      return measureLayered(id, items, context, new Set(apart.map((s) => s.connection.id)));
    }
  }
  /**
   * Rows (from the top of node `v`'s box) where no line may meet its left or right side: where
   * its shape draws on that side (a database's lid) or the rule under a heading meets it.
   */
  const sideTaken = (v: number, side: 'left' | 'right'): number[] => {
    const node = graph.nodes[v] as LNode;
    return [
      ...shapeBorderCells(models[v]?.kind ?? 'box', node.boxAlong)[side],
      ...(node.block?.ruled ?? []),
    ];
  };
  /**
   * Where two boxes side by side (tops in line) share a row inside both that neither takes on
   * its facing side (see `sideTaken`): the shorter box sits centred beside the taller where
   * it can, lower or higher to find one. Undefined when there is none: a straight step would
   * run into the lid, and the router takes the line.
   */
  const sharedRow = (
    from: number,
    to: number,
    forward: boolean,
  ): { short: number; tall: number; shift: number } | undefined => {
    const a = graph.nodes[from] as LNode;
    const b = graph.nodes[to] as LNode;
    const takenA = sideTaken(from, forward ? 'right' : 'left');
    const takenB = sideTaken(to, forward ? 'left' : 'right');
    const [tall, short, takenTall, takenShort] =
      a.boxAlong >= b.boxAlong ? [from, to, takenA, takenB] : [to, from, takenB, takenA];
    const high = (graph.nodes[tall] as LNode).boxAlong;
    const low = (graph.nodes[short] as LNode).boxAlong;
    const centred = Math.floor((high - low) / 2);
    const shifts = Array.from({ length: high - low + 1 }, (_, d) => d).sort(
      (p, q) => Math.abs(p - centred) - Math.abs(q - centred) || p - q,
    );
    for (const shift of shifts) {
      for (let row = Math.max(1, shift + 1); row <= Math.min(high, shift + low) - 2; row++) {
        if (takenTall.includes(row) || takenShort.includes(row - shift)) continue;
        return { short, tall, shift };
      }
    }
    return undefined;
  };
  /** Whether a step's sides, when the model names them, are the ones it would leave and enter. */
  const facesWay = (connection: Connection, forward: boolean): boolean => {
    const out = down ? (forward ? 'right' : 'left') : forward ? 'bottom' : 'top';
    const into = down ? (forward ? 'left' : 'right') : forward ? 'top' : 'bottom';
    const { fromSide, toSide } = connection.hints ?? {};
    return (fromSide ?? out) === out && (toSide ?? into) === into;
  };
  /** Boxes set lower than the rest of their rank, to share a row with a step's other box. */
  const stepAlign = new Map<number, { partner: number; shift: number }>();
  // steps between siblings the order put side by side are drawn here, straight across the gap
  // between them, their notes over the line (across a right flow, a note is the router's)
  const steps: LStep[] = [];
  for (const step of graph.steps ?? []) {
    const a = graph.nodes[step.from] as LNode;
    const b = graph.nodes[step.to] as LNode;
    const forward = a.order < b.order;
    // nothing beside the box on the left (an annotation right of it) for the line to cross
    const left = forward ? a : b;
    if (
      a.rank !== b.rank ||
      Math.abs(a.order - b.order) !== 1 ||
      left.across !== left.boxAcross ||
      (!down && linesOf(step.connection.note).length > 0) ||
      !facesWay(step.connection, forward)
    )
      continue;
    if (down) {
      const row = sharedRow(step.from, step.to, forward);
      if (row === undefined) continue;
      if (row.shift !== 0) stepAlign.set(row.short, { partner: row.tall, shift: row.shift });
    }
    steps.push(step);
  }
  // two containers side by side whose members talk both ways (two regions, a group beside a
  // host) line up what they hold rather than their borders: the one with less above its
  // content (no title band) sits lower, so each pair's line runs straight
  for (const [a, b] of graph.sameRank ?? []) {
    const [na, nb] = [graph.nodes[a] as LNode, graph.nodes[b] as LNode];
    const [ta, tb] = [na.block?.contentTop, nb.block?.contentTop];
    if (ta === undefined || tb === undefined || ta === tb || na.rank !== nb.rank) continue;
    const [low, high] = ta < tb ? [a, b] : [b, a];
    if (stepAlign.has(low) || stepAlign.has(high)) continue;
    stepAlign.set(low, { partner: high, shift: Math.abs(ta - tb) });
  }
  // a line across the flow that is no step (a service inside a host talking to the cache
  // beside the host) is the router's, but its boxes still share a row the way a step's do, so
  // the line runs straight rather than jogging by the difference in their heights
  const stepped = new Set(steps.flatMap((s) => [s.from, s.to]));
  for (const [a, b] of graph.sameRank ?? []) {
    const [na, nb] = [graph.nodes[a] as LNode, graph.nodes[b] as LNode];
    if (!down || na.rank !== nb.rank || na.kind !== 'atom' || nb.kind !== 'atom') continue;
    if (na.block?.contentTop !== undefined || nb.block?.contentTop !== undefined) continue;
    if ([a, b].some((v) => stepAlign.has(v) || stepped.has(v))) continue;
    const row = sharedRow(a, b, na.order < nb.order);
    if (row !== undefined && row.shift !== 0) {
      stepAlign.set(row.short, { partner: row.tall, shift: row.shift });
    }
  }
  const stepRoom = new Map<string, number>();
  for (const step of steps) {
    const a = graph.nodes[step.from] as LNode;
    const b = graph.nodes[step.to] as LNode;
    const [left, right] = a.order < b.order ? [step.from, step.to] : [step.to, step.from];
    const note = widest(linesOf(step.connection.note));
    if (down) stepRoom.set(`${left}:${right}`, note > 0 ? note + 4 : 0);
    context.drawn.add(step.connection.id);
  }
  // across a right flow a step runs down between rows, drawn here or (with a note) by the
  // router: a cell of line before its head, as a column of boxes hand-drawn has it
  if (!down) {
    for (const step of graph.steps ?? []) {
      const a = graph.nodes[step.from] as LNode;
      const b = graph.nodes[step.to] as LNode;
      if (a.rank !== b.rank || Math.abs(a.order - b.order) !== 1) continue;
      const key = a.order < b.order ? `${step.from}:${step.to}` : `${step.to}:${step.from}`;
      stepRoom.set(key, bareRun(step.connection));
    }
  }
  const insets = graph.containers.map((c) => insetsOf(c, flow));
  const indexOf = new Map(graph.nodes.map((node, i) => [node, i]));
  const sides = (node: LNode): SideCells => {
    const model = models[indexOf.get(node) ?? -1];
    const block = node.block as Block;
    // a stack drawn as separate boxes has no outline to attach to
    if (model?.kind === 'stack' && model.hints?.layout === 'separate')
      return { before: [], after: [] };
    const all = sideOffsets(node.boxAcross);
    if (down) {
      const badge = model !== undefined && !isContainer(model) && node.boxAcross >= BADGE_MIN_WIDTH;
      // never on the badge, nor on a title written into the top border
      const titled = model === undefined ? [] : borderTitleCells(model, node.boxAcross);
      const shape = shapeBorderCells(model?.kind ?? 'box', node.boxAcross);
      const before = all.filter(
        (o) =>
          !(badge && (BADGE_CELLS as readonly number[]).includes(o)) &&
          !titled.includes(o) &&
          !shape.top.includes(o),
      );
      // a caption under the box would be crossed: lines leave such atoms elsewhere
      const after =
        block.height > block.boxHeight ? [] : all.filter((o) => !shape.bottom.includes(o));
      return { before, after };
    }
    const band = block.band ?? 0;
    const v = indexOf.get(node) as number;
    const [left, right] = [sideTaken(v, 'left'), sideTaken(v, 'right')];
    return {
      before: all.filter((o) => o > band && !left.includes(o)),
      after: all.filter((o) => o > band && !right.includes(o)),
    };
  };
  const preferred = (node: LNode): number => {
    const centre = Math.floor(node.boxAcross / 2);
    const before = sides(node).before;
    let best = centre;
    let distance = Number.POSITIVE_INFINITY;
    for (const o of before) {
      if (Math.abs(o - centre) < distance) {
        best = o;
        distance = Math.abs(o - centre);
      }
    }
    return best;
  };
  /** Measures box v again as `grown` (hinted to hold its lines) and takes its new sizes. */
  const remeasure = (v: number, grown: Node): void => {
    const block = context.measure(grown, region.paths[v] as ModelPath, !down);
    Object.assign(graph.nodes[v] as LNode, {
      block,
      along: down ? block.height : block.width,
      across: down ? block.width : block.height,
      boxAlong: down ? block.boxHeight : block.boxWidth,
      boxAcross: down ? block.boxWidth : block.boxHeight,
    });
  };
  // a box asked for more lines on one side across the flow than it has rows there (two boxes
  // side by side with a line each way between their facing sides) grows along the flow: a
  // row for each line and one between
  graph.nodes.forEach((node, v) => {
    const model = models[v];
    if (node.kind !== 'atom' || model === undefined || isContainer(model)) return;
    if (model.kind === 'stack' || model.kind === 'layer' || model.hints?.padding) return;
    let most = 0;
    for (const side of down ? (['left', 'right'] as const) : (['top', 'bottom'] as const)) {
      let count = 0;
      for (const c of context.connectionsOf.get(model.id) ?? []) {
        if (c.from === model.id && c.hints?.fromSide === side) count++;
        if (c.to === model.id && c.hints?.toSide === side) count++;
      }
      most = Math.max(most, count);
    }
    const need = 2 * most + 1;
    if (most < 2 || node.boxAlong >= need) return;
    const extra = need - node.boxAlong;
    const hints = down
      ? {
          ...model.hints,
          padding: { top: Math.floor(extra / 2), bottom: Math.ceil(extra / 2) },
        }
      : { ...model.hints, width: need };
    remeasure(v, { ...model, hints } as Node);
  });
  // a labelled box with more lines on a side than it has room for grows (wider when the flow
  // runs down, taller when it runs right) rather than sending them around; the box at the
  // other end of such a line, whose side had room, keeps its size
  /** Boxes whose sides had no room for their lines: the most ports a side of each needs. */
  const crowded = new Map<number, number>();
  let pins = assignPins(graph, sides, preferred, crowded);
  if (crowded.size > 0) {
    let grew = false;
    for (const [v, most] of crowded) {
      const node = graph.nodes[v] as LNode;
      const model = models[v];
      if (node.kind !== 'atom' || model === undefined) continue;
      if (isContainer(model) || model.kind === 'stack' || model.kind === 'layer') continue;
      // a row for each port the side needs (lines in one trunk share one) and one between;
      // across a right flow the lines meet the box's sides, where its shape may take cells
      // (a database's lid)
      const shape = down ? undefined : shapeBorderCells(model.kind, node.boxAlong);
      const taken = shape ? Math.max(shape.left.length, shape.right.length) : BADGE_CELLS.length;
      const need = 2 * most + 1 + taken;
      if (node.boxAcross >= need) continue;
      const extra = need - node.boxAcross;
      const padding = { top: 0, right: 2, bottom: 0, left: 2, ...model.hints?.padding };
      const hints = down
        ? { ...model.hints, width: need }
        : {
            ...model.hints,
            padding: {
              ...padding,
              top: padding.top + Math.floor(extra / 2),
              bottom: padding.bottom + Math.ceil(extra / 2),
            },
          };
      remeasure(v, { ...model, hints } as Node);
      grew = true;
    }
    if (grew) {
      for (const e of graph.edges) if (!e.released) delete e.routed;
      pins = assignPins(graph, sides, preferred);
    }
  }
  if (down && context.equalHeights) stretchRankMates(graph);
  const spread = Math.max(0, context.spread - 1);
  const noteGap = NOTE_GAP[flow];

  const {
    specs: noteSpecs,
    upperPinsOf,
    lowerPinsOf,
  } = planNotes(graph, pins, down, context.notesElsewhere);
  /** Notes by zone and the rank of the node they sit beside. */
  const notesAt = new Map<string, NoteSpec[]>();
  const noteByKey = new Map<string, NoteSpec>();
  for (const spec of noteSpecs) {
    const key = `${spec.zone}:${(graph.nodes[spec.host] as LNode).rank}`;
    const list = notesAt.get(key);
    if (list) list.push(spec);
    else notesAt.set(key, [spec]);
    noteByKey.set(`${spec.edge}:${spec.segment}`, spec);
  }
  const reach = graph.nodes.map((node) => ({ before: 0, after: Math.max(0, node.across - 1) }));
  // a note beside a line from outside its box's container sits outside that container, in
  // the gap where the line crosses the border: it widens only the containers holding both ends
  const notesOf = new Map<number, { before: number; after: number; holds: number[] }[]>();
  for (const note of noteSpecs) {
    const r = reach[note.host] as { before: number; after: number };
    const after = note.side === 1 ? note.pinOffset + noteGap + note.across - 1 : 0;
    const before = note.side === 1 ? 0 : note.across + noteGap - 1 - note.pinOffset;
    r.after = Math.max(r.after, after);
    r.before = Math.max(r.before, before);
    const edge = graph.edges[note.edge] as LEdge;
    const other = edge.chain[note.zone === 'lower' ? note.segment : note.segment + 1] as number;
    const holds = ancestors(graph, (graph.nodes[other] as LNode).container);
    const list = notesOf.get(note.host);
    if (list) list.push({ before, after, holds });
    else notesOf.set(note.host, [{ before, after, holds }]);
  }
  /** What node `v` reaches inside container `c`: its box, and its notes that sit inside. */
  const reachWithin = (v: number, c: number): { before: number; after: number } => {
    const out = { before: 0, after: Math.max(0, (graph.nodes[v] as LNode).across - 1) };
    for (const note of notesOf.get(v) ?? []) {
      if (!note.holds.includes(c)) continue;
      out.before = Math.max(out.before, note.before);
      out.after = Math.max(out.after, note.after);
    }
    return out;
  };
  const notesApart = noteClearances(graph, layers, noteSpecs, {
    upper: upperPinsOf,
    lower: lowerPinsOf,
    noteGap,
    // a cell more between a note and a line not its own than between the note and its line
    lineGap: LINE_GAP + 1 + spread,
    noteSpace: (down ? RANK_SIDE_GAP : 1) + 2 * spread,
  });
  // a container's title shares its rows with the lines that cross them (into the container
  // over a band or a border title, out of it under a caption): with k of them the title needs
  // k + 1 stretches of its width, so one is always free
  const crossingBand = new Array<number>(graph.containers.length).fill(0);
  /**
   * For a band: the segments crossing it, `edge:segment` (their lower pins say where); for a
   * caption under the container, `edge:segment:up` (their upper pins say where).
   */
  const bandCrossers = graph.containers.map(() => [] as string[]);
  if (down) {
    for (const [e, edge] of graph.edges.entries()) {
      for (let k = 0; k + 1 < edge.chain.length; k++) {
        const u = graph.nodes[edge.chain[k] as number] as LNode;
        const v = graph.nodes[edge.chain[k + 1] as number] as LNode;
        const upper = ancestors(graph, u.container);
        const lower = ancestors(graph, v.container);
        for (const c of lower) {
          const container = graph.containers[c] as LContainer;
          const place = container.titleGeometry.place;
          // a line that ends on the border over a band never reaches the title
          const ends = v.kind === 'terminal' && v.container === c && place === 'band';
          if ((place === 'band' || place === 'border') && v.rank === container.firstRank && !ends) {
            if (upper.includes(c)) continue;
            crossingBand[c] = (crossingBand[c] as number) + 1;
            if (place === 'band') (bandCrossers[c] as string[]).push(`${e}:${k}`);
          }
        }
        for (const c of upper) {
          const container = graph.containers[c] as LContainer;
          if (container.titleGeometry.place === 'below' && u.rank === container.lastRank) {
            if (lower.includes(c)) continue;
            crossingBand[c] = (crossingBand[c] as number) + 1;
            (bandCrossers[c] as string[]).push(`${e}:${k}:up`);
          }
        }
      }
    }
  }
  const terminalStart = new Array<number>(graph.containers.length).fill(2);
  // lines crossing a top border that holds a title at its start cross it past the title
  const afterStart: { container: number; node: number; gap: number }[] = [];
  const leftTitleRoom = graph.containers.map((container) =>
    down &&
    container.titleGeometry.place === 'border' &&
    (container.host.hints?.labelAlign ?? 'left') === 'left' &&
    (container.host.hints?.labelOffset ?? 0) === 0
      ? Math.max(widest(container.title.slice(0, 1)) + 6, widest(container.title.slice(1)) + 3)
      : 0,
  );
  graph.edges.forEach((edge, e) => {
    for (let k = 0; k + 1 < edge.chain.length; k++) {
      const v = edge.chain[k + 1] as number;
      const u = graph.nodes[edge.chain[k] as number] as LNode;
      const lower = graph.nodes[v] as LNode;
      const pin = pins.get(`${e}:${k}`);
      if (!pin || lower.kind === 'terminal') continue;
      for (const c of ancestors(graph, lower.container)) {
        const room = leftTitleRoom[c] as number;
        const container = graph.containers[c] as LContainer;
        if (room === 0 || lower.rank !== container.firstRank) continue;
        if (ancestors(graph, u.container).includes(c)) continue;
        afterStart.push({ container: c, node: v, gap: room - pin.lower });
      }
    }
  });
  const openEnds = context.openEnds;
  // a band's title or a caption shares its rows with the lines crossing them: placed first as
  // if the lines left it room, and again with room for it wherever they fall when they did not
  // (a title in the border keeps its room from the start)
  const crossed = bandCrossers.some((list) => list.length > 0);
  const pristine = crossed ? copyPins(pins) : undefined;
  const conservative = bandCrossers.map((list) => list.length === 0);
  /** Widths containers must reach so that their band titles fit beside the lines as placed. */
  const widen = new Array<number>(graph.containers.length).fill(0);
  /** Room after the last line across a squeezed band title: end past that line's box. */
  let titleEnds: { container: number; node: number; gap: number }[] = [];
  let across!: ReturnType<typeof placeAcross>;
  const arrange = (): void => {
    across = placeAcross(graph, layers, pins, {
      afterStart,
      beforeEnd: titleEnds,
      align: [...region.column, ...(graph.stacked ?? [])],
      ...(openEnds && openEnds.size > 0
        ? { straightFirst: (v: number) => openEnds.has((graph.nodes[v] as LNode).id) }
        : {}),
      between: (a, b) => stepRoom.get(`${a}:${b}`) ?? 0,
      // rows are about twice as tall as columns are wide: across a right flow one blank row will do
      gap: (down ? RANK_SIDE_GAP : 1) + 2 * spread,
      lineGap: LINE_GAP + spread,
      // routed lines pass beside containers with their notes: room for them (a row in a right flow)
      containerGap: down ? context.noteRoom : Math.min(context.noteRoom, 2),
      insets: (c) => {
        const inset = insets[c] as Insets;
        const hinted = (graph.containers[c] as LContainer).host.hints?.width;
        const container = graph.containers[c] as LContainer;
        // a title at the start of the top border keeps the lines that cross it to its right
        const leftTitle = (leftTitleRoom[c] as number) > 0;
        const lines = leftTitle || !conservative[c] ? 0 : (crossingBand[c] as number);
        // k lines leave k + 1 stretches: the widest title line and a free cell on each side
        // fit in one of them however the lines fall (only when the lines as placed left none)
        const ring = borderless(container.host) ? 0 : 1;
        const titleRoom =
          lines === 0
            ? inset.titleRoom
            : (widest(container.title) + 2) * (lines + 1) + lines + 2 * ring;
        const min = Math.max(
          down ? Math.max(titleRoom, widen[c] as number) : 0,
          hinted ?? 0,
          inset.start + inset.end + 1,
        );
        // a line meets the start border two cells from the corner (past a title written there),
        // and below the title band
        const terminal = down ? Math.max(2, leftTitleRoom[c] as number) : inset.band + 2;
        // across a right flow, the caption under a container is below its bottom border
        const terminalEnd = down ? 2 : inset.below + 2;
        terminalStart[c] = terminal;
        return { start: inset.start, end: inset.end, min, terminal, terminalEnd };
      },
      reach: (v) => reach[v] as { before: number; after: number },
      reachWithin,
      notes: notesApart,
      check,
    });

    // terminals move off the lines that cross their container's border where they would meet it
    clearTerminals(
      graph,
      across,
      (t) => {
        const node = graph.nodes[t] as LNode;
        const c = node.container;
        const out: number[] = [];
        graph.edges.forEach((edge, e) => {
          for (let k = 0; k + 1 < edge.chain.length; k++) {
            const u = graph.nodes[edge.chain[k] as number] as LNode;
            const v = graph.nodes[edge.chain[k + 1] as number] as LNode;
            const pin = pins.get(`${e}:${k}`);
            if (!pin || edge.chain[k] === t || edge.chain[k + 1] === t) continue;
            const inV = isWithin(graph, v.container, c);
            const inU = isWithin(graph, u.container, c);
            if (node.terminal === 'start' && inV && !inU && v.rank === node.rank) {
              out.push((across.node[edge.chain[k + 1] as number] as number) + pin.lower);
            }
            if (node.terminal === 'end' && inU && !inV && u.rank === node.rank) {
              out.push((across.node[edge.chain[k] as number] as number) + pin.upper);
            }
          }
        });
        return out;
      },
      (c) => terminalStart[c] as number,
      (c) => (down ? 2 : (insets[c] as Insets).below + 2),
    );

    straightenPins(graph, across.node, pins, sides, noteSpecs, noteGap);
  };
  arrange();
  let squeezed = pristine ? titlesWithoutRoom(graph, across, pins, bandCrossers) : [];
  if (pristine && squeezed.length > 0) {
    // first only as much wider as the title lacks after the last line; the reserve for any
    // fall of the lines if the content moves with the room it gains
    const ends: typeof titleEnds = [];
    for (const { container, lack, last } of squeezed) {
      widen[container] =
        (across.end[container] as number) - (across.start[container] as number) + 1 + lack;
      if (last !== undefined) {
        const need = widest((graph.containers[container] as LContainer).title);
        ends.push({ container, node: last.node, gap: last.pin + need + 3 });
      }
    }
    pins = copyPins(pristine);
    arrange();
    squeezed = titlesWithoutRoom(graph, across, pins, bandCrossers);
    const before = [...conservative];
    if (squeezed.length > 0) {
      for (const { container } of squeezed) conservative[container] = true;
      pins = copyPins(pristine);
      arrange();
    }
    // the width may go anywhere in the container, and the placement may put it before the
    // first line, pushing the start border out: tried too is the room right after the last
    // line, where the title then goes; it wins when its titles fit and the drawing comes out
    // narrower, or as wide with narrower containers
    if (ends.length > 0) {
      const kept = { across, pins, conservative: [...conservative] };
      const spans = (a: typeof across): number =>
        graph.containers.reduce(
          (sum, _, c) => sum + (a.end[c] as number) - (a.start[c] as number),
          0,
        );
      conservative.splice(0, conservative.length, ...before);
      titleEnds = ends;
      pins = copyPins(pristine);
      arrange();
      const [wide, was] = [extent(graph, across), extent(graph, kept.across)];
      const better =
        titlesWithoutRoom(graph, across, pins, bandCrossers).length === 0 &&
        (wide < was || (wide === was && spans(across) < spans(kept.across)));
      if (!better) {
        titleEnds = [];
        conservative.splice(0, conservative.length, ...kept.conservative);
        ({ across, pins } = kept);
      }
    }
  }
  if (context.equalHeights) alignTiers(graph, across, pins, down);

  // along the flow: rank bands, then for each gap closings, upper zone, tracks, lower zone, openings
  const rankCount = layers.length;
  const band = new Array<number>(rankCount).fill(1);
  for (const node of graph.nodes) band[node.rank] = Math.max(band[node.rank] as number, node.along);
  // a rank that holds only gates takes no row: a fan branches right inside the border it
  // enters, and gathers right before the border it leaves
  /**
   * The kind of the gates among `nodes` when they hold gates of one kind and nothing else but
   * fillers (and, when `passing`, lines passing through).
   */
  const gatesAmong = (nodes: readonly number[], passing: boolean): 'in' | 'out' | undefined => {
    const gates = new Set<'in' | 'out'>();
    for (const v of nodes) {
      const node = graph.nodes[v] as LNode;
      if (node.gate !== undefined) gates.add(node.gate);
      else if (node.kind !== 'filler' && !(passing && node.kind === 'dummy')) return undefined;
    }
    return gates.size === 1 ? [...gates][0] : undefined;
  };
  // lines passing through a rank of gates take no rows of their own either
  const gatesOnly = layers.map((layer) => gatesAmong(layer, true));
  gatesOnly.forEach((only, r) => {
    if (only !== undefined) band[r] = 0;
  });
  /**
   * Whether container i's rank holds nothing of it but gates of one kind: a fan enters it
   * there (its first rank) or leaves (its last). Its border then moves into that rank's band,
   * beside what the rank holds elsewhere, instead of taking rows of its own.
   */
  const onlyGates = (i: number, rank: number, kind: 'in' | 'out'): boolean =>
    gatesAmong(
      (layers[rank] ?? []).filter((v) => isWithin(graph, (graph.nodes[v] as LNode).container, i)),
      false,
    ) === kind;
  const sunk = graph.containers.map((c, i) => onlyGates(i, c.firstRank, 'in'));
  const raised = graph.containers.map((c, i) => onlyGates(i, c.lastRank, 'out'));
  const containers = graph.containers;
  const extraAfter = new Array<number>(containers.length).fill(0);
  const stackBefore = (c: number): number => {
    const container = containers[c] as LContainer;
    let inner = 0;
    containers.forEach((d, i) => {
      if (d.parent === c && d.firstRank === container.firstRank)
        inner = Math.max(inner, stackBefore(i));
    });
    return (insets[c] as Insets).before + inner;
  };
  const stackAfter = (c: number): number => {
    const container = containers[c] as LContainer;
    let inner = 0;
    containers.forEach((d, i) => {
      if (d.parent === c && d.lastRank === container.lastRank)
        inner = Math.max(inner, stackAfter(i));
    });
    return (insets[c] as Insets).after + (extraAfter[c] as number) + inner;
  };
  const segmentsOf: GapSegment[][] = Array.from({ length: Math.max(0, rankCount - 1) }, () => []);
  const segmentInfo = new Map<string, { edge: number; k: number }>();
  graph.edges.forEach((edge, e) => {
    if (edge.routed) return;
    for (let k = 0; k + 1 < edge.chain.length; k++) {
      const u = edge.chain[k] as number;
      const v = edge.chain[k + 1] as number;
      const pin = pins.get(`${e}:${k}`);
      if (!pin) continue;
      const key = `${e}:${k}`;
      segmentInfo.set(key, { edge: e, k });
      segmentsOf[(graph.nodes[u] as LNode).rank]?.push({
        key,
        top: (across.node[u] as number) + pin.upper,
        bottom: (across.node[v] as number) + pin.lower,
        topPin: pin.upperKey,
        bottomPin: pin.lowerKey,
      });
    }
  });
  const channels = segmentsOf.map((segments) => routeChannel(segments));
  // a net that found no track: its edges are routed around the boxes instead
  for (const channel of channels) {
    for (const key of channel.dropped) {
      const info = segmentInfo.get(key);
      if (info) release(graph.edges[info.edge] as LEdge);
    }
  }
  const live = (key: string): boolean => {
    const info = segmentInfo.get(key);
    return info !== undefined && !(graph.edges[info.edge] as LEdge).routed;
  };
  /** Walls across a gap: the borders of containers that span both its ranks. */
  const wallsAt = (r: number): number[] => {
    const out: number[] = [];
    containers.forEach((c, i) => {
      if (c.firstRank <= r && c.lastRank >= r + 1)
        out.push(across.start[i] as number, across.end[i] as number);
    });
    return out.sort((a, b) => a - b);
  };
  // notes stay inside the region: nothing it did not measure may stick out of it
  let regionAcross = 0;
  graph.nodes.forEach((_, v) => {
    const r = reach[v] as { before: number; after: number };
    regionAcross = Math.max(regionAcross, (across.node[v] as number) + r.after + 1);
  });
  graph.containers.forEach((_, i) => {
    regionAcross = Math.max(regionAcross, (across.end[i] as number) + 1);
  });
  const boundsFor = (walls: readonly number[]) => (pin: number) => {
    let low = -2;
    let high = regionAcross + 1;
    for (const w of walls) {
      if (w < pin) low = Math.max(low, w);
      if (w > pin) high = Math.min(high, w);
    }
    return { low, high };
  };
  interface GapPlan {
    closing: number;
    upper: number;
    tracks: number;
    lowerStart: number;
    lower: number;
    opening: number;
    upperNotes: PlacedNote[];
    /** Cells between the zone's start and its notes. */
    upperLead: number;
    lowerNotes: PlacedNote[];
  }
  let plans: GapPlan[] = [];
  const starts = new Array<number>(rankCount).fill(0);
  let total = 0;
  const notePlaced = new Set<string>();
  /** Per rank: the first row inside the containers drawn whole in it, from the band's start. */
  const lead = new Array<number>(rankCount).fill(0);
  if (down) {
    graph.nodes.forEach((node, v) => {
      const top = node.block?.contentTop;
      if (node.kind !== 'atom' || top === undefined) return;
      const shift = stepAlign.get(v)?.shift ?? 0;
      lead[node.rank] = Math.max(lead[node.rank] as number, shift + top);
    });
  }
  // a rank of layer stacks that no line touches stands on one ground: bottoms in line, as
  // the drawings of virtual machines beside containers have them
  const touched = new Set<number>();
  for (const e of graph.edges) touched.add(e.from).add(e.to);
  for (const s of [...(graph.steps ?? []), ...(graph.peers ?? [])]) touched.add(s.from).add(s.to);
  const groundRank = new Array<boolean>(rankCount).fill(true);
  graph.nodes.forEach((node, v) => {
    if (node.kind !== 'atom' || (node.grounded && !touched.has(v))) return;
    groundRank[node.rank] = false;
  });
  /**
   * Cells between a rank band's start and node v's block when no step sets it: down the flow
   * a row of boxes starts on one line, as people draw them (tops in line, so the arrows into
   * them end level); across it, and for what is not a box, centred in the band.
   */
  const rest = (node: LNode): number => {
    const room = (band[node.rank] as number) - node.along;
    if (!down || node.kind !== 'atom') return Math.floor(room / 2);
    if (groundRank[node.rank]) return room;
    // level with the first row inside a container drawn whole in the same rank
    return node.block?.contentTop !== undefined
      ? 0
      : Math.max(0, Math.min(lead[node.rank] as number, room));
  };
  /** Cells between a rank band's start and node v's block. */
  const centring = (v: number): number => {
    const node = graph.nodes[v] as LNode;
    const aligned = stepAlign.get(v);
    if (aligned !== undefined) {
      const at = rest(graph.nodes[aligned.partner] as LNode) + aligned.shift;
      if (at + node.along <= (band[node.rank] as number)) return at;
    }
    return rest(node);
  };
  /** Rows container i takes before its first rank's band (a sunk border takes the band's). */
  const rowsBefore = (i: number): number => {
    const own = stackBefore(i);
    const c = containers[i] as LContainer;
    return sunk[i] ? Math.max(0, own - (band[c.firstRank] as number)) : own;
  };
  /** Rows container i takes after its last rank's band (a raised border takes the band's). */
  const rowsAfter = (i: number): number => {
    const own = stackAfter(i);
    const c = containers[i] as LContainer;
    return raised[i] ? Math.max(0, own - (band[c.lastRank] as number)) : own;
  };
  /** Container i's first row along the flow (its top border going down). */
  const firstRow = (i: number): number => {
    const c = containers[i] as LContainer;
    const first = (starts[c.firstRank] as number) - stackBefore(i);
    return sunk[i] ? first + (band[c.firstRank] as number) : first;
  };
  /** Container i's last row along the flow, a caption under it included. */
  const lastRow = (i: number): number => {
    const c = containers[i] as LContainer;
    const last = (starts[c.lastRank] as number) + (band[c.lastRank] as number) - 1 + stackAfter(i);
    return raised[i] ? last - (band[c.lastRank] as number) : last;
  };
  const planAlong = (): void => {
    plans = [];
    notePlaced.clear();
    const opening = (r: number): number =>
      containers.reduce((max, c, i) => (c.firstRank === r ? Math.max(max, rowsBefore(i)) : max), 0);
    const closing = (r: number): number =>
      containers.reduce((max, c, i) => (c.lastRank === r ? Math.max(max, rowsAfter(i)) : max), 0);
    /** Rows a line leaving node u of rank r runs before the gap's zones (walls, a short box). */
    const lineBelow = (u: number, r: number): number => {
      const node = graph.nodes[u] as LNode;
      return node.kind === 'terminal'
        ? closing(r) - stackAfter(node.container)
        : (band[r] as number) - (centring(u) + node.boxAlong) + closing(r);
    };
    /** Rows a line reaching node v of rank r + 1 runs after the gap's zones. */
    const lineAbove = (v: number, r: number): number => {
      const node = graph.nodes[v] as LNode;
      return node.kind === 'terminal'
        ? opening(r + 1) - stackBefore(node.container)
        : centring(v) + opening(r + 1);
    };
    let at = opening(0);
    for (let r = 0; r < rankCount; r++) {
      starts[r] = at;
      at += band[r] as number;
      if (r + 1 >= rankCount) {
        at += closing(r);
        break;
      }
      const channel = channels[r] as ReturnType<typeof routeChannel>;
      const segments = (segmentsOf[r] as GapSegment[]).filter((s) => live(s.key));
      const bent = (key: string): boolean => (channel.track.get(key) ?? -1) >= 0;
      // a bend at least two cells before an arrowhead: rows the line runs outside the zones
      // (container walls it crosses, a box shorter than its rank) count
      let arrowUpper = 1;
      let arrowLower = 1;
      for (const s of segments) {
        const info = segmentInfo.get(s.key) as { edge: number; k: number };
        const edge = graph.edges[info.edge] as LEdge;
        const arrows = arrowEnds(edge);
        if (!bent(s.key)) {
          // a straight line between two borders takes its bare run (▲ │ ▼ for two heads)
          if (edge.chain.length === 2) {
            const u = edge.chain[0] as number;
            const v = edge.chain[1] as number;
            if (lineBelow(u, r) + lineAbove(v, r) === 0)
              arrowLower = Math.max(arrowLower, bareRun(edge.connection) - 1);
          }
          continue;
        }
        if (arrows.upper && info.k === 0) {
          arrowUpper = Math.max(arrowUpper, 2 - lineBelow(edge.chain[0] as number, r));
        }
        if (arrows.lower && info.k + 2 === edge.chain.length) {
          arrowLower = Math.max(arrowLower, 2 - lineAbove(edge.chain[info.k + 1] as number, r));
        }
      }
      const walls = wallsAt(r);
      const byKey = new Map(segments.map((s) => [s.key, s]));
      const zone = (
        which: 'upper' | 'lower',
        extra: readonly NoteSpec[],
      ): { placed: PlacedNote[]; rows: number; missed: NoteSpec[] } => {
        const notes: ZoneNote[] = [];
        const specs = notesAt.get(`${which}:${which === 'lower' ? r + 1 : r}`) ?? [];
        const wanted = [...specs, ...extra].filter((spec) =>
          byKey.has(`${spec.edge}:${spec.segment}`),
        );
        for (const spec of wanted) {
          const segment = byKey.get(`${spec.edge}:${spec.segment}`) as GapSegment;
          notes.push({
            key: `${spec.edge}:${spec.segment}`,
            pin: which === 'lower' ? segment.bottom : segment.top,
            across: spec.across,
            along: spec.along,
            side: spec.side,
          });
        }
        const lines = new Set(segments.map((s) => (which === 'lower' ? s.bottom : s.top)));
        const result = placeZoneNotes(notes, lines, noteGap, boundsFor(walls));
        const done = new Set(result.placed.map((p) => p.key));
        const missed = wanted.filter((spec) => !done.has(`${spec.edge}:${spec.segment}`));
        return { ...result, missed };
      };
      // a note with no room beside its lower stub tries the upper one
      const lowerNotes = zone('lower', []);
      const upperNotes = zone('upper', lowerNotes.missed);
      for (const p of [...upperNotes.placed, ...lowerNotes.placed]) notePlaced.add(p.key);
      const tracks = channel.tracks;
      // across a right flow a note beside the border of a box that fills its rank (the one
      // its line leaves) keeps a column off it
      const upperLead =
        !down &&
        upperNotes.placed.some((p) => {
          const spec = noteByKey.get(p.key);
          if (spec === undefined) return false;
          return (layers[r] ?? []).some((v) => {
            const node = graph.nodes[v] as LNode;
            if (node.kind !== 'atom') return false;
            if (centring(v) + node.boxAlong < (band[r] as number)) return false;
            const from = across.node[v] as number;
            return p.start <= from + node.boxAcross - 1 && p.start + spec.across - 1 >= from;
          });
        })
          ? 1
          : 0;
      const upper = Math.max(
        gatesOnly[r] === 'in' || (gatesOnly[r] === 'out' && opening(r + 1) > 0) ? 0 : arrowUpper,
        upperNotes.rows > 0 ? upperLead + upperNotes.rows + 1 : 0,
      );
      const lowerStart = tracks > 0 && lowerNotes.rows > 0 ? 1 : 0;
      const lower =
        Math.max(
          gatesOnly[r + 1] === 'out' ? 0 : arrowLower,
          lowerNotes.rows > 0 ? lowerStart + lowerNotes.rows + 1 : 0,
        ) + spread;
      // a length hint: the gap is at least that many rows
      let least = 0;
      for (const [edge, length] of minGap) {
        if (edge.routed || edge.chain.length < 2) continue;
        if ((graph.nodes[edge.chain[0] as number] as LNode).rank === r)
          least = Math.max(least, length);
      }
      const natural = closing(r) + upper + tracks + lower + opening(r + 1);
      const plan: GapPlan = {
        closing: closing(r),
        upper,
        tracks,
        lowerStart,
        lower: lower + Math.max(0, least - natural),
        opening: opening(r + 1),
        upperNotes: upperNotes.placed,
        upperLead,
        lowerNotes: lowerNotes.placed,
      };
      plans.push(plan);
      at += plan.closing + plan.upper + plan.tracks + plan.lower + plan.opening;
    }
    total = at;
  };
  planAlong();
  // a title running along the flow (flow right) needs its container long enough
  if (!down) {
    for (let pass = 0; pass < 4; pass++) {
      let grew = false;
      containers.forEach((c, i) => {
        const need = (insets[i] as Insets).titleRoom - (lastRow(i) - firstRow(i) + 1);
        if (need > 0) {
          extraAfter[i] = (extraAfter[i] as number) + need;
          grew = true;
        }
      });
      if (!grew) break;
      planAlong();
    }
  }
  // edges whose notes found no room: drawn here, their notes placed after routing
  for (const spec of noteSpecs) {
    const key = `${spec.edge}:${spec.segment}`;
    if (live(key) && !notePlaced.has(key)) context.looseNotes.push(spec.connection);
  }
  for (const edge of graph.edges) {
    if (!edge.routed) context.drawn.add(edge.connection.id);
  }

  const acrossSize = regionAcross;
  const alongSize = total;
  const width = down ? acrossSize : alongSize;
  const height = down ? alongSize : acrossSize;

  /** Along cell where node v's block starts (centred in its rank band). */
  const alongOf = (v: number): number =>
    (starts[(graph.nodes[v] as LNode).rank] as number) + centring(v);
  /** The row (along) where a line leaving node v downward starts: its box's last row, or its container's end border. */
  const endRow = (v: number): number => {
    const node = graph.nodes[v] as LNode;
    if (node.kind === 'terminal') {
      const c = containers[node.container] as LContainer;
      return (
        (starts[c.lastRank] as number) +
        (band[c.lastRank] as number) -
        1 +
        stackAfter(node.container) -
        (down ? (insets[node.container] as Insets).below : 0)
      );
    }
    return alongOf(v) + node.boxAlong - 1;
  };
  /** The row where a line coming down into node v ends: its box's first row, or its container's start border. */
  const startRow = (v: number): number => {
    const node = graph.nodes[v] as LNode;
    if (node.kind === 'terminal') {
      const c = containers[node.container] as LContainer;
      return (starts[c.firstRank] as number) - stackBefore(node.container);
    }
    return alongOf(v);
  };
  return {
    id,
    width,
    height,
    boxWidth: width,
    boxHeight: height,
    place(left, top, depth, sink) {
      const at = (along: number, acrossCell: number): Point =>
        down ? { x: left + acrossCell, y: top + along } : { x: left + along, y: top + acrossCell };
      // containers, outermost first
      const containerBoxes = containers.map((c, i) => {
        const first = firstRow(i);
        // a caption under the container is outside its box
        const below = (insets[i] as Insets).below;
        const last = lastRow(i) - (down ? below : 0);
        const a = at(first, across.start[i] as number);
        const b = at(last, (across.end[i] as number) - (down ? 0 : below));
        return {
          x: Math.min(a.x, b.x),
          y: Math.min(a.y, b.y),
          width: Math.abs(b.x - a.x) + 1,
          height: Math.abs(b.y - a.y) + 1,
        };
      });
      containers.forEach((c, i) => {
        const box = containerBoxes[i] as { x: number; y: number; width: number; height: number };
        sink.boxes.push({
          id: c.id,
          kind: c.host.kind,
          ...box,
          depth: depth + c.depth,
          ...borderField(c.host),
        });
        if (c.titleGeometry.rule) {
          sink.dividers.push({ id: `${c.id}#0`, box: c.id, y: box.y + (insets[i] as Insets).band });
        }
      });
      graph.nodes.forEach((node, v) => {
        if (node.kind !== 'atom' || !node.block) return;
        const p = at(alongOf(v), across.node[v] as number);
        node.block.place(p.x, p.y, depth + ancestors(graph, node.container).length, sink);
      });
      // lines
      const drawnStart = sink.connectors.length;
      graph.edges.forEach((edge, e) => {
        if (edge.routed) return;
        const cells: Point[] = [];
        const upper = edge.chain[0] as number;
        const lowerNode = edge.chain[edge.chain.length - 1] as number;
        const first = pins.get(`${e}:0`);
        const last = pins.get(`${e}:${edge.chain.length - 2}`);
        if (!first || !last) return;
        cells.push(at(endRow(upper), (across.node[upper] as number) + first.upper));
        for (let k = 0; k + 1 < edge.chain.length; k++) {
          const u = edge.chain[k] as number;
          const r = (graph.nodes[u] as LNode).rank;
          const plan = plans[r] as GapPlan;
          const key = `${e}:${k}`;
          const track = (channels[r] as ReturnType<typeof routeChannel>).track.get(key) ?? -1;
          const pin = pins.get(key);
          if (!pin) continue;
          const topCell = (across.node[u] as number) + pin.upper;
          const bottomCell = (across.node[edge.chain[k + 1] as number] as number) + pin.lower;
          if (track >= 0 && topCell !== bottomCell) {
            const row =
              (starts[r] as number) + (band[r] as number) + plan.closing + plan.upper + track;
            cells.push(at(row, topCell), at(row, bottomCell));
          }
        }
        cells.push(at(startRow(lowerNode), (across.node[lowerNode] as number) + last.lower));
        const points = simplify(cells);
        const connection = edge.connection;
        const ordered = edge.reversed ? points.reverse() : points;
        // lines of a layered drawing are one family: light in every charset, so trunks and
        // crossings join cleanly (straight neighbours in hand-arranged columns stay heavy)
        sink.connectors.push(connectorFor(connection, ordered, true));
      });
      // steps between siblings: from the border facing the other box, on a row both boxes
      // share (the source's middle where it can), the note centred over the line
      for (const step of steps) {
        const a = graph.nodes[step.from] as LNode;
        const b = graph.nodes[step.to] as LNode;
        const forward = a.order < b.order;
        const fromCell = forward
          ? (across.node[step.from] as number) + a.boxAcross - 1
          : (across.node[step.from] as number);
        const toCell = forward
          ? (across.node[step.to] as number)
          : (across.node[step.to] as number) + b.boxAcross - 1;
        const inner = Math.max(alongOf(step.from), alongOf(step.to)) + 1;
        const outer = Math.min(alongOf(step.from) + a.boxAlong, alongOf(step.to) + b.boxAlong) - 2;
        const middle = alongOf(step.from) + Math.floor((a.boxAlong - 1) / 2);
        // off a database's lid or a heading's rule (see `sideTaken`): the nearest free row
        const taken = new Set(
          (
            [
              [step.from, forward ? 'right' : 'left'],
              [step.to, forward ? 'left' : 'right'],
            ] as const
          ).flatMap(([v, side]) => sideTaken(v, side).map((o) => alongOf(v) + o)),
        );
        let row = Math.max(inner, Math.min(outer, middle));
        for (let d = 1; taken.has(row) && d <= outer - inner; d++) {
          const down = Math.max(inner, Math.min(outer, middle + d));
          const up = Math.max(inner, Math.min(outer, middle - d));
          row = !taken.has(down) ? down : up;
        }
        // boxes that came out with no row in common: across the gap with one jog in its
        // middle, from the source's middle row to the target's
        const other = alongOf(step.to) + Math.floor((b.boxAlong - 1) / 2);
        const jog = Math.floor((fromCell + toCell) / 2);
        const points =
          inner > outer
            ? [at(middle, fromCell), at(middle, jog), at(other, jog), at(other, toCell)]
            : [at(row, fromCell), at(row, toCell)];
        sink.connectors.push(connectorFor(step.connection, points, true));
        const lines = linesOf(step.connection.note);
        if (lines.length === 0) continue;
        const low = Math.min(fromCell, toCell);
        const room = Math.abs(toCell - fromCell) - 1;
        placeNoteLines(
          sink,
          step.connection,
          lines,
          (line) => left + low + 1 + Math.floor((room - line.width) / 2),
          top + (inner > outer ? Math.min(middle, other) : row) - lines.length,
          'left',
        );
      }
      // notes
      plans.forEach((plan, r) => {
        const zoneStart = (starts[r] as number) + (band[r] as number) + plan.closing;
        const place = (placed: readonly PlacedNote[], offset: number): void => {
          for (const p of placed) {
            const spec = noteByKey.get(p.key);
            if (!spec) continue;
            const lines = linesOf(spec.connection.note);
            const along = zoneStart + offset + p.row;
            if (down) {
              // left of its line a note hugs the line: its lines end there, anchored at the end
              const hug = spec.side === -1;
              placeNoteLines(
                sink,
                spec.connection,
                lines,
                (line) => left + p.start + (hug ? spec.across - line.width : 0),
                top + along,
                hug ? 'right' : 'left',
              );
            } else {
              placeNoteLines(
                sink,
                spec.connection,
                lines,
                () => left + along,
                top + p.start,
                'left',
              );
            }
          }
        };
        place(plan.upperNotes, plan.upperLead);
        place(plan.lowerNotes, plan.upper + plan.tracks + plan.lowerStart);
      });
      type Box = { x: number; y: number; width: number; height: number };
      /** Columns of `box` where this region's lines run down through rows `top`…`bottom`. */
      const crossingColumns = (box: Box, top: number, bottom: number): Set<number> => {
        const crossing = new Set<number>();
        for (let k = drawnStart; k < sink.connectors.length; k++) {
          const points = (sink.connectors[k] as { points: Point[] }).points;
          for (let j = 0; j + 1 < points.length; j++) {
            const a = points[j] as Point;
            const b = points[j + 1] as Point;
            if (a.x !== b.x) continue;
            const y0 = Math.min(a.y, b.y);
            const y1 = Math.max(a.y, b.y);
            if (a.x >= box.x && a.x < box.x + box.width && y0 <= bottom && y1 >= top) {
              crossing.add(a.x);
            }
          }
        }
        return crossing;
      };
      // titles, clear of the lines that cross the rows they take
      containers.forEach((c, i) => {
        const box = containerBoxes[i] as Box;
        const g = c.titleGeometry;
        if (g.place === 'none') return;
        const top =
          g.place === 'below' ? box.y + box.height : g.place === 'border' ? box.y : box.y + 1;
        const crossing = crossingColumns(box, top, top + c.title.length - 1);
        const hints = c.host.hints;
        sink.texts.push(
          ...titleTexts(
            c.id,
            c.title,
            g,
            box,
            hints?.labelAlign,
            hints?.labelOffset ?? 0,
            crossing,
          ),
        );
      });
      // annotations under containers, after their captions, clear of the lines leaving them
      containers.forEach((c, i) => {
        const under = notesUnder(c.notes ?? []);
        if (under.rows === 0) return;
        const box = containerBoxes[i] as Box;
        const top =
          box.y + box.height + (c.titleGeometry.place === 'below' ? c.title.length : 0) + under.gap;
        const columns = [...crossingColumns(box, top, top + under.rows - under.gap - 1)];
        // at the container's left, else at its right, else right of the last line that would
        // cross it: wherever a blank column keeps it off every line leaving the container (a
        // note right beside a line reads as that line's)
        const clear = (x: number): boolean =>
          columns.every((col) => col < x - 1 || col > x + under.width);
        const past = Math.max(-1, ...columns.filter((col) => col <= box.x + under.width)) + 2;
        const x =
          [box.x, box.x + box.width - under.width, past].find(
            (at) => at >= box.x && at + under.width <= box.x + box.width && clear(at),
          ) ?? box.x;
        let row = top;
        for (const note of c.notes ?? []) {
          sink.texts.push(...annotationTexts(note, x, row));
          row += note.lines.length;
        }
      });
    },
  };
}

/** A copy of every pin, to place again from where the first placement started. */
const copyPins = (pins: Pins): Pins => new Map([...pins].map(([key, p]) => [key, { ...p }]));

/**
 * Containers whose band title finds no stretch between the lines crossing its rows (as placed)
 * with a free cell each side, as the title writer needs, and the cells the last one lacks.
 * `crossers` lists, per container, the segments crossing its band.
 */
function titlesWithoutRoom(
  graph: LayeredGraph,
  across: { node: ArrayLike<number>; start: ArrayLike<number>; end: ArrayLike<number> },
  pins: Pins,
  crossers: readonly (readonly string[])[],
): { container: number; lack: number; last?: { node: number; pin: number } }[] {
  const out: { container: number; lack: number; last?: { node: number; pin: number } }[] = [];
  crossers.forEach((keys, c) => {
    if (keys.length === 0) return;
    const columns = new Set<number>();
    let last: { node: number; pin: number; at: number } | undefined;
    for (const key of keys) {
      const [e, k, end] = key.split(':') as [string, string, string | undefined];
      const pin = pins.get(`${e}:${k}`);
      // a band is crossed where the line enters the rank under it, a caption where it leaves
      // the rank over it
      const up = end === 'up';
      const v = (graph.edges[Number(e)] as LEdge).chain[Number(k) + (up ? 0 : 1)];
      if (!pin || v === undefined) continue;
      const offset = up ? pin.upper : pin.lower;
      const at = (across.node[v] as number) + offset;
      columns.add(at);
      if (last === undefined || at > last.at) last = { node: v, pin: offset, at };
    }
    // between the lines and the borders, a blank cell on each side of the title
    const walls = [across.start[c] as number, ...[...columns].sort((a, b) => a - b)];
    walls.push(across.end[c] as number);
    const room = walls.slice(1).map((x, i) => x - (walls[i] as number) - 3);
    const need = widest((graph.containers[c] as LContainer).title);
    // a container wider than its content grows at its end: the last stretch takes the cells
    if (!room.some((r) => r >= need))
      out.push({
        container: c,
        lack: need - (room.at(-1) ?? 0),
        ...(last ? { last: { node: last.node, pin: last.pin } } : {}),
      });
  });
  return out;
}

/** Cells across that the placed region takes: its nodes and its containers' borders. */
function extent(
  graph: LayeredGraph,
  across: { node: ArrayLike<number>; end: ArrayLike<number> },
): number {
  let out = 0;
  graph.nodes.forEach((node, v) => {
    out = Math.max(out, (across.node[v] as number) + node.across);
  });
  for (let c = 0; c < graph.containers.length; c++) out = Math.max(out, across.end[c] as number);
  return out;
}

/** Drops repeated and collinear points of a polyline. */
function simplify(cells: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of cells) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))
    ) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}
