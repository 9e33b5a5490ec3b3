import { count, DiagramaError, type ModelPath, quote } from '../errors.js';
import { type Limits, limitMessage, raiseLimit, resolveLimits } from '../limits.js';
import { describeDiagram } from '../model/describe.js';
import {
  type Connection,
  type Diagram,
  type HostNode,
  isContainer,
  type Node,
} from '../model/types.js';
import { arrangements, walkNodes } from '../model/walk.js';
import { SCENE_VERSION, type Scene } from '../scene/types.js';
import type { DisplayLine } from '../text/width.js';
import { annotateBlock, type BlockNote } from './annotations.js';
import { type Block, type LayoutContext, linesOf, pairKey, widest } from './block.js';
import { borderless, clearBorderTitles, emptyHost } from './chrome.js';
import { equalizeRows } from './equal-heights.js';
import { fitWidth, wrapText } from './fit-width.js';
import { measureFlow } from './flow.js';
import { measureHost } from './host.js';
import { measureLeaf } from './leaf.js';
import { LOOP_REACH, withLoopRoom } from './loops.js';
import { closeOpenEnds, noteStandIns } from './open-ends.js';
import { sideLines } from './parallel.js';
import { stackPeers } from './peers.js';
import { type RouteFailure, type RouteRequest, routeConnections } from './route.js';
import { measureStack } from './stack.js';

type Measure = (node: Node, path: ModelPath, context: LayoutContext) => Block;

/** One measuring handler per node kind. */
const MEASURE_BY_KIND: Readonly<Record<Node['kind'], Measure>> = {
  // a host with nothing in it (a machine named as one end of a line) is drawn as a box
  host: (node, path, context) =>
    emptyHost(node)
      ? measureLeaf(node, path, context)
      : measureHost(node as HostNode, path, context),
  group: (node, path, context) => measureHost(node as HostNode, path, context),
  stack: (node, path, context) =>
    measureStack(node as Extract<Node, { kind: 'stack' }>, path, context),
  client: measureLeaf,
  api: measureLeaf,
  daemon: measureLeaf,
  database: measureLeaf,
  queue: measureLeaf,
  user: measureLeaf,
  external: measureLeaf,
  box: measureLeaf,
  layer: measureLeaf,
};

/** Options for {@link modelToScene}. */
export interface LayoutOptions {
  /** Limits on the picture's size and the time spent; defaults to `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
  /**
   * Cancels the layout (a request that went away) with `limit/time-budget`. The wall-clock
   * budget itself is `limits.timeBudgetMs`, checked as the layout goes.
   */
  signal?: AbortSignal;
  /**
   * The most columns the picture may take. Labels and notes are wrapped at spaces, then rows
   * turned into columns, to fit; `layout/too-wide` names the narrowest width possible when
   * nothing fits. @default unlimited
   */
  width?: number;
}

function aborted(limits: Limits): DiagramaError {
  return new DiagramaError([
    {
      code: 'limit/time-budget',
      message: `laying out the diagram took longer than its budget of ${limits.timeBudgetMs} ms (${raiseLimit('timeBudgetMs')})`,
      expected: 'a smaller diagram, or a larger budget',
    },
  ]);
}

function measureNode(node: Node, path: ModelPath, context: LayoutContext, sideways = false): Block {
  const handler = MEASURE_BY_KIND[node.kind];
  if (handler === undefined) throw new Error(`no layout for node kind ${String(node.kind)}`);
  const block = handler(node, path, context);
  // a box's lines back to itself loop beside it, clear of the lines in and out
  const loops = context.loopsOf?.get(node.id);
  const place = sideways ? 'below' : 'right';
  if (loops) context.loopPlaces?.set(node.id, place);
  const looped = loops ? withLoopRoom(block, place, loops) : block;
  const notes = context.annotationsOf?.get(node.id);
  if (!notes) return looped;
  // in a row, lines leave a box on its right: an annotation there goes under it instead
  return annotateBlock(
    looped,
    sideways ? notes.map((n) => (n.at === 'right' ? { ...n, at: 'below' as const } : n)) : notes,
  );
}

/** The notes of each node's lines back to itself, but for participants of a sequence. */
function loopsOf(diagram: Diagram): Map<string, DisplayLine[][]> {
  const arranged = arrangements(diagram);
  const out = new Map<string, DisplayLine[][]>();
  for (const c of diagram.connections) {
    if (c.from !== c.to || arranged.get(c.from) === 'sequence') continue;
    out.set(c.from, [...(out.get(c.from) ?? []), linesOf(c.note)]);
  }
  return out;
}

/** The owner of an annotation's texts: an id no node can have. */
const annotationOwner = (index: number): string => `(annotation ${index + 1})`;

/** The annotations of a diagram: beside each node, and at its edges. */
function annotationsOf(diagram: Diagram): {
  byNode: Map<string, BlockNote[]>;
  edges: BlockNote[];
} {
  const byNode = new Map<string, BlockNote[]>();
  const edges: BlockNote[] = [];
  diagram.annotations.forEach((annotation, index) => {
    const note: BlockNote = {
      at: annotation.at,
      lines: linesOf(annotation.text),
      owner: annotationOwner(index),
    };
    if (annotation.node === undefined) edges.push(note);
    else byNode.set(annotation.node, [...(byNode.get(annotation.node) ?? []), note]);
  });
  return { byNode, edges };
}

/** Each node's container, by id. */
function parents(diagram: Diagram): Map<string, string> {
  const out = new Map<string, string>();
  walkNodes(diagram.nodes, (node, parent) => {
    if (parent === undefined) return;
    // the cells of a layer are drawn in the stack's box, as the layers are
    out.set(node.id, parent.kind === 'layer' ? (out.get(parent.id) ?? parent.id) : parent.id);
  });
  return out;
}

/** Connections in the order of their ids: what the layout goes by, never the model's order. */
const idOrder = (a: Connection, b: Connection): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The most times a diagram is laid out again with more room before routing gives up. */
const MAX_SPREAD = 8;

/**
 * Lays a validated diagram out in whole character cells and returns the positioned scene
 * every renderer draws. Pure: the same diagram always gives the same scene, whatever the
 * order of its connections. Neighbours joined by a connection get a straight connector;
 * every other connection is routed around the boxes (see `routeConnections`), and the
 * diagram is laid out again with more room between boxes when a route or its note does not
 * fit. Throws a `DiagramaError` when the diagram cannot be laid out (a width hint too small,
 * a connection that finds no route).
 */
export function modelToScene(diagram: Diagram, options: LayoutOptions = {}): Scene {
  const limits = resolveLimits(options.limits);
  const signal = options.signal;
  if (signal?.aborted) throw aborted(limits);
  // Date.now, not performance.now: in Node the first use of `performance` loads perf_hooks
  // (about a millisecond of every CLI run), and a budget in milliseconds needs no more
  const deadline = Date.now() + limits.timeBudgetMs;
  const check = (): void => {
    if (signal?.aborted || Date.now() > deadline) throw aborted(limits);
  };
  const { width } = options;
  if (width === undefined) return layOutWithRoutes(diagram, limits, check);
  if (!Number.isInteger(width) || width < 1) {
    throw new DiagramaError([
      {
        code: 'layout/bad-width',
        message: `the width must be a whole number of columns, at least 1, not ${String(width)}`,
        path: [],
        expected: 'a positive integer',
        example: '80',
      },
    ]);
  }
  return fitWidth(diagram, width, (shaped) => layOutWithRoutes(shaped, limits, check));
}

/**
 * The connections that will need routes: the flows draw at most one connection (the first
 * by id) per pair of neighbours in a row, a column or a stack; grids draw none.
 */
function toRoute(diagram: Diagram, byId: readonly Connection[]): Connection[] {
  const neighbours = new Set<string>();
  const pairs = (nodes: readonly Node[]): void => {
    for (let i = 0; i + 1 < nodes.length; i++) {
      neighbours.add(pairKey((nodes[i] as Node).id, (nodes[i + 1] as Node).id));
    }
  };
  // nodes laid out together by one `auto` region draw their own connections
  const region = new Map<string, string>();
  const walk = (
    nodes: readonly Node[],
    direction: Diagram['direction'],
    owner: string | undefined,
  ): void => {
    if (direction === 'down' || direction === 'right') pairs(nodes);
    // a sequence draws the messages between its participants
    if (direction === 'sequence') {
      const sequence = owner ?? nodes.map((n) => n.id).join('\n');
      for (const node of nodes) region.set(node.id, `sequence:${sequence}`);
    }
    for (const node of nodes) {
      const inRegion = direction === 'auto' && isContainer(node) && node.direction === 'auto';
      // a container arranged by hand is one box of the region around it, which draws the
      // lines ending at its border (not those to its children)
      if (direction === 'auto' && owner !== undefined) region.set(node.id, owner);
      if (isContainer(node)) {
        walk(
          node.children,
          node.direction,
          inRegion ? owner : node.direction === 'auto' ? node.id : undefined,
        );
      }
      if (node.kind === 'stack') pairs(node.layers);
    }
  };
  walk(diagram.nodes, diagram.direction, diagram.direction === 'auto' ? '(root)' : undefined);
  const drawn = new Set<string>();
  const routed: Connection[] = [];
  for (const connection of byId) {
    const key = pairKey(connection.from, connection.to);
    const owner = region.get(connection.from);
    if (owner !== undefined && owner === region.get(connection.to)) continue;
    if (connection.from === connection.to || !neighbours.has(key) || drawn.has(key)) {
      routed.push(connection);
    } else {
      drawn.add(key);
    }
  }
  return routed;
}

/**
 * Lays out and routes; a note that found no place even with the most room is wrapped at its
 * spaces to half its width and the whole laid out again — two short lines fit where one long
 * one did not. Should that fail too, the first failure is what the user hears of.
 */
function layOutWithRoutes(model: Diagram, limits: Limits, check: () => void): Scene {
  try {
    return layOutRouted(model, limits, check);
  } catch (error) {
    if (!(error instanceof DiagramaError)) throw error;
    const crowded = error.diagnostics.filter((d) => d.code === 'layout/no-room-for-note');
    if (crowded.length === 0) throw error;
    const narrower = wrapNotes(
      model,
      new Set(crowded.map((d) => (d.path?.[0] === 'connections' ? d.path[1] : undefined))),
    );
    if (narrower === undefined) throw error;
    try {
      return layOutRouted(narrower, limits, check);
    } catch (again) {
      // the time budget spent is news; another failure to fit is the same story
      const spent =
        again instanceof DiagramaError &&
        again.diagnostics.some((d) => d.code.startsWith('limit/'));
      throw spent ? again : error;
    }
  }
}

/** The model with the notes of the connections at `indices` wrapped to half their width. */
function wrapNotes(model: Diagram, indices: ReadonlySet<unknown>): Diagram | undefined {
  let changed = false;
  const connections = model.connections.map((c, i) => {
    if (!indices.has(i) || c.note === undefined) return c;
    const width = widest(linesOf(c.note));
    const note = wrapText(c.note, Math.max(NARROWEST_NOTE, Math.ceil(width / 2)));
    if (note === c.note) return c;
    changed = true;
    return { ...c, note };
  });
  return changed ? { ...model, connections } : undefined;
}

/** Columns a note is never wrapped below. */
const NARROWEST_NOTE = 8;

/** Lays out, then routes, laying out again with more room while routes do not fit. */
function layOutRouted(model: Diagram, limits: Limits, check: () => void): Scene {
  try {
    return layOutClosed(model, limits, check, true);
  } catch (error) {
    // an open end set across the flow that leaves no route is drawn along the flow instead
    const routing = (d: { code: string }) =>
      d.code === 'layout/no-route' || d.code === 'layout/no-room-for-note';
    if (!(error instanceof DiagramaError) || !error.diagnostics.some(routing)) throw error;
    if (!model.connections.some((c) => c.open !== undefined)) throw error;
    return layOutClosed(model, limits, check, false);
  }
}

function layOutClosed(model: Diagram, limits: Limits, check: () => void, across: boolean): Scene {
  // lines that leave the diagram end at a stand-in the arrangements place like any node
  // (and the members of a container of peers go across the flow, see `stackPeers`; the
  // third and later lines between two boxes go round their sides, see `sideLines`)
  const closed = closeOpenEnds(sideLines(stackPeers(model)), across);
  if (closed.diagnostics.length > 0) throw new DiagramaError(closed.diagnostics);
  const diagram = closed.diagram;
  const source = { model, standIns: closed.standIns };
  const byId = [...diagram.connections].sort(idOrder);
  const up = parents(diagram);
  const isInside = (inner: string, outer: string): boolean => {
    for (let at = up.get(inner); at !== undefined; at = up.get(at)) if (at === outer) return true;
    return false;
  };
  const routed = toRoute(diagram, byId);
  // routes first try the usual gaps, which keeps containers to their own padding, and then
  // one more cell of room everywhere: the tighter picture wins unless the roomier one's
  // routes bend less (a line squeezed through a gap between boxes takes detours). Past a
  // few dozen routes only the roomier one is tried. Each failure lays out again with more
  // room; gaps between side-by-side containers get room for the widest routed note
  const widestNote = routed.reduce((max, c) => Math.max(max, widest(linesOf(c.note))), 0);
  let noteRoom = widestNote > 0 ? widestNote + 4 : 0;
  // links between neighbours side by side widen for routed notes only once one found no room
  let linkRoom = 0;
  let first = new Set<string>();
  const elsewhere = new Set<string>();
  type Tried = { attempt: Attempt; failures: readonly RouteFailure[]; done?: true };
  const tryAt = (spread: number): Tried => {
    const attempt = layOut(
      diagram,
      byId,
      check,
      spread,
      { noteRoom, linkRoom },
      elsewhere,
      first,
      source,
    );
    if (attempt.routed.length === 0 && attempt.context.looseNotes.length === 0) {
      return { attempt, failures: [], done: true };
    }
    check();
    const scene = attempt.scene;
    // room outside the picture for a route around it and, beside its outermost line, the
    // widest note of a routed connection (the scene grows to fit what the router drew)
    const outerNote = [
      ...attempt.routed.map((r) => r.notes),
      ...attempt.context.looseNotes.map((c) => linesOf(c.note)),
    ].reduce((max, notes) => Math.max(max, widest(notes) + 2), 0);
    // and a loop's reach (a container's loops stand outside it, with their notes beyond)
    const loops = attempt.routed.some((r) => r.connection.from === r.connection.to);
    const margin = 2 + spread + outerNote + (loops ? LOOP_REACH : 0);
    // a picture over the canvas limit is refused before the router allocates its grid
    // (finish reports limit/canvas)
    if (scene.width * scene.height > limits.maxCanvasCells) {
      return { attempt, failures: [], done: true };
    }
    const { failures } = routeConnections(
      scene,
      attempt.routed,
      margin,
      isInside,
      check,
      attempt.context.looseNotes,
      attempt.context.loopPlaces,
    );
    return { attempt, failures };
  };
  const start = routed.length > COMPARED_ROUTES ? 1 : 0;
  for (let spread = start; ; spread++) {
    let { attempt, failures, done } = tryAt(spread);
    // notes that found no room beside one end of their line try the other end first, at
    // the same spacing: more room everywhere is the last resort
    const moved = failures.filter(
      (f) => f.reason === 'no-room-for-note' && !elsewhere.has(f.connection.id),
    );
    if (moved.length > 0) {
      for (const f of moved) elsewhere.add(f.connection.id);
      const again = tryAt(spread);
      if (again.done || again.failures.length < failures.length)
        ({ attempt, failures, done } = again);
      else for (const f of moved) elsewhere.delete(f.connection.id);
    }
    if (done) return finish(attempt, limits, []);
    if (failures.length === 0 && spread === 0) {
      const roomier = tryAt(1);
      const better =
        !roomier.done &&
        roomier.failures.length === 0 &&
        routedBends(roomier.attempt) < routedBends(attempt);
      return better ? finish(roomier.attempt, limits, []) : finish(attempt, limits, []);
    }
    if (failures.length === 0 || spread === MAX_SPREAD) {
      return finish(attempt, limits, failures);
    }
    // next time the connections that failed go first (a cheap rip-up and re-route), and a
    // note with no room gets side-by-side gaps wide enough for it
    first = new Set(failures.map((f) => f.connection.id));
    for (const failure of failures) {
      if (failure.reason !== 'no-room-for-note') continue;
      noteRoom = Math.max(noteRoom, widest(linesOf(failure.connection.note)) + 4);
      linkRoom = noteRoom;
    }
  }
}

/** Most routed connections for which the layout is tried both tight and with room. */
const COMPARED_ROUTES = 48;

/** Bends in the lines the router drew. */
function routedBends(attempt: Attempt): number {
  let bends = 0;
  for (const connector of attempt.scene.connectors) {
    if (connector.routed) bends += Math.max(0, connector.points.length - 2);
  }
  return bends;
}

/** The model as written, and the stand-ins the layout added for open ends. */
interface Source {
  model: Diagram;
  standIns: ReadonlyMap<string, Connection>;
}

interface Attempt {
  diagram: Diagram;
  source: Source;
  scene: Scene;
  routed: RouteRequest[];
  context: LayoutContext;
}

function layOut(
  diagram: Diagram,
  byId: readonly Connection[],
  check: () => void,
  spread: number,
  room: { noteRoom: number; linkRoom: number },
  elsewhere: ReadonlySet<string>,
  first: ReadonlySet<string>,
  source: Source,
): Attempt {
  const pending = new Map<string, Connection>();
  const connectionPaths = new Map<string, ModelPath>();
  const drawn = new Set<string>();
  const connectionsOf = new Map<string, Connection[]>();
  for (const connection of byId) {
    for (const end of new Set([connection.from, connection.to])) {
      const list = connectionsOf.get(end);
      if (list) list.push(connection);
      else connectionsOf.set(end, [connection]);
    }
  }
  const annotations = annotationsOf(diagram);
  const context: LayoutContext = {
    pending,
    connections: byId,
    connectionsOf,
    drawn,
    looseNotes: [],
    flow: diagram.flow,
    trunks: diagram.trunks,
    openEnds: new Set(source.standIns.keys()),
    equalHeights: diagram.equalHeights,
    check,
    connectionPaths,
    diagnostics: [],
    diagramCaptions: [],
    annotationsOf: annotations.byNode,
    loopsOf: loopsOf(diagram),
    loopPlaces: new Map(),
    spread,
    ...room,
    notesElsewhere: elsewhere,
    measure: (node, path, sideways) => {
      check();
      return measureNode(node, path, context, sideways);
    },
  };
  diagram.connections.forEach((connection, index) => {
    connectionPaths.set(connection.id, ['connections', index]);
  });
  // a group drawn without a border, or a layer split into cells, has no outline for a line
  // to meet; the cells of a stack share their borders, with no room for a line between them
  const outlineless = new Map<string, string>();
  const tiledStackOf = new Map<string, string>();
  const collect = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      if (isContainer(node)) {
        if (borderless(node)) outlineless.set(node.id, 'a group drawn without a border');
        collect(node.children);
      }
      if (node.kind !== 'stack' || !node.layers.some((l) => (l.cells?.length ?? 0) > 0)) continue;
      tiledStackOf.set(node.id, node.id);
      for (const layer of node.layers) {
        tiledStackOf.set(layer.id, node.id);
        if ((layer.cells?.length ?? 0) > 0) outlineless.set(layer.id, 'a layer split into cells');
        for (const cell of layer.cells ?? []) tiledStackOf.set(cell.id, node.id);
      }
    }
  };
  collect(diagram.nodes);
  diagram.connections.forEach((connection, index) => {
    for (const end of ['from', 'to'] as const) {
      const what = outlineless.get(connection[end]);
      if (what === undefined) continue;
      context.diagnostics.push({
        code: 'layout/unsupported-connection',
        message: `cannot draw ${connection.from} → ${connection.to}: ${quote(connection[end])} is ${what}, with no outline for a line to meet`,
        path: ['connections', index, end],
        expected:
          'a connection to one of what it holds (a child, a cell), or a `border` on a group',
      });
      return;
    }
    const stack = tiledStackOf.get(connection.from);
    // (a loop round the whole stack has its outline to meet)
    const round = connection.from === stack && connection.to === stack;
    if (stack !== undefined && stack === tiledStackOf.get(connection.to) && !round) {
      context.diagnostics.push({
        code: 'layout/unsupported-connection',
        message: `cannot draw ${connection.from} → ${connection.to}: the layers and cells of ${quote(stack)} share their borders, with no room for a line between them`,
        path: ['connections', index],
        expected: 'connections from outside the stack to its cells, or a stack without cells',
      });
    }
  });
  // one connection per pair of neighbours is drawn straight: the first by id
  for (const connection of byId) {
    const key = pairKey(connection.from, connection.to);
    if (connection.from !== connection.to && !pending.has(key)) pending.set(key, connection);
  }
  // annotations at the diagram's edges go around everything the nodes take
  const root = annotateBlock(
    measureFlow(
      '(root)',
      diagram.nodes.map((node, index) => ({ node, path: ['nodes', index] })),
      context,
      diagram.direction,
      diagram.columns,
    ),
    annotations.edges,
  );
  const leftover = byId.filter((connection) => !drawn.has(connection.id));
  const captions = context.diagramCaptions.flatMap(({ owner, lines }) =>
    lines.map((line, index) => ({ owner, line, index })),
  );
  const scene: Scene = {
    version: SCENE_VERSION,
    width: captions.reduce((max, { line }) => Math.max(max, line.width), root.width),
    height: root.height + captions.length,
    title: source.model.title ?? source.model.nodes[0]?.label.split('\n')[0] ?? 'diagram',
    description: '',
    boxes: [],
    dividers: [],
    connectors: [],
    texts: [],
  };
  if (context.diagnostics.length > 0) return { diagram, source, scene, routed: [], context };
  root.place(0, 0, 0, scene);
  clearBorderTitles(scene);
  // the scene says who holds whom, so renderers never guess containment from positions
  const up = parents(diagram);
  for (const box of scene.boxes) {
    const parent = up.get(box.id);
    if (parent !== undefined) box.parent = parent;
  }
  captions.forEach(({ owner, line, index }, row) => {
    scene.texts.push({
      id: `${owner}:caption:${index}`,
      owner,
      role: 'caption',
      x: 0,
      y: root.height + row,
      width: line.width,
      text: line.text,
      align: 'left',
    });
  });
  const routed = leftover.map((connection) => ({ connection, notes: linesOf(connection.note) }));
  // the ones that failed last time first, then shorter ones: they get the straightest routes
  const centre = new Map<string, { x: number; y: number }>();
  for (const box of scene.boxes) {
    centre.set(box.id, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }
  const span = (c: Connection): number => {
    const a = centre.get(c.from);
    const b = centre.get(c.to);
    return a && b ? Math.abs(a.x - b.x) + Math.abs(a.y - b.y) : 0;
  };
  const rank = (c: Connection): number => (first.has(c.id) ? 0 : 1);
  routed.sort(
    (a, b) => rank(a.connection) - rank(b.connection) || span(a.connection) - span(b.connection),
  );
  return { diagram, source, scene, routed, context };
}

/** Checks the finished attempt, grows the scene to hold its routes, and returns it. */
function finish(attempt: Attempt, limits: Limits, failures: readonly RouteFailure[]): Scene {
  const { scene, context } = attempt;
  // the description tells the model as written; the stand-ins' labels are notes again
  scene.description = describeDiagram(attempt.source.model);
  noteStandIns(scene, attempt.source.standIns);
  // routed lines came after the titles in borders were cleared of the others: clear again
  if (attempt.routed.length > 0) clearBorderTitles(scene);
  // containers side by side end on one row where the cells under the shorter are free
  if (context.equalHeights) equalizeRows(scene);
  for (const { connection, reason } of failures) {
    const path = context.connectionPaths.get(connection.id) ?? ['connections'];
    if (reason === 'unknown-endpoint') {
      context.diagnostics.push({
        code: 'layout/unsupported-connection',
        message: `cannot draw ${connection.from} → ${connection.to}: one end is a stack drawn as separate layers, which has no outline to attach to`,
        path,
        expected: 'a connection to one of its layers, or the stack drawn joined (no layout hint)',
      });
    } else {
      const loop = connection.from === connection.to;
      context.diagnostics.push({
        code: reason === 'no-path' ? 'layout/no-route' : 'layout/no-room-for-note',
        message:
          reason !== 'no-path'
            ? `found no place beside ${connection.from} → ${connection.to} for its note that overlaps nothing`
            : loop
              ? `found no room for the loop from ${connection.from} back to itself that keeps clear of every box and other line`
              : `found no route for ${connection.from} → ${connection.to} that keeps clear of every box and other route`,
        path,
        expected:
          reason !== 'no-path'
            ? 'a shorter note (line breaks help), or fewer connections around it'
            : loop
              ? 'fewer lines at that box, or no `fromSide` and `toSide` hints on the loop'
              : 'fewer connections into the same box side, or the two nodes in the same container',
      });
    }
  }
  if (context.diagnostics.length === 0) fitBounds(scene);
  if (scene.width * scene.height > limits.maxCanvasCells) {
    context.diagnostics.push({
      code: 'limit/canvas',
      message: limitMessage(
        'maxCanvasCells',
        `the picture's size in cells (${scene.width} × ${scene.height})`,
        scene.width * scene.height,
        limits,
      ),
      path: [],
      expected: `at most ${count(limits.maxCanvasCells, 'cell')}`,
    });
  }
  if (context.diagnostics.length > 0) throw new DiagramaError(context.diagnostics);
  return scene;
}

/** Grows the scene to hold routes and notes that went outside it, moving everything in. */
function fitBounds(scene: Scene): void {
  let minX = 0;
  let minY = 0;
  let maxX = scene.width - 1;
  let maxY = scene.height - 1;
  for (const connector of scene.connectors) {
    for (const point of connector.points) {
      minX = Math.min(minX, point.x);
      minY = Math.min(minY, point.y);
      maxX = Math.max(maxX, point.x);
      maxY = Math.max(maxY, point.y);
    }
  }
  for (const text of scene.texts) {
    minX = Math.min(minX, text.x);
    minY = Math.min(minY, text.y);
    maxX = Math.max(maxX, text.x + text.width - 1);
    maxY = Math.max(maxY, text.y);
  }
  scene.width = maxX - minX + 1;
  scene.height = maxY - minY + 1;
  if (minX === 0 && minY === 0) return;
  for (const box of scene.boxes) {
    box.x -= minX;
    box.y -= minY;
  }
  for (const divider of scene.dividers) divider.y -= minY;
  for (const connector of scene.connectors) {
    for (const point of connector.points) {
      point.x -= minX;
      point.y -= minY;
    }
  }
  for (const text of scene.texts) {
    text.x -= minX;
    text.y -= minY;
  }
}
