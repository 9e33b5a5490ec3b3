import type { Diagnostic } from '../errors.js';
import {
  type Connection,
  type Diagram,
  isContainer,
  type Node,
  type Side,
} from '../model/types.js';
import { arrangements, walkNodes } from '../model/walk.js';
import type { Scene } from '../scene/types.js';
import { sidesFree } from './peers.js';

/** A diagram whose open-ended connections end at a stand-in node the layout can place. */
export interface ClosedDiagram {
  diagram: Diagram;
  /** Stand-in id → the connection it ends. */
  standIns: Map<string, Connection>;
  diagnostics: Diagnostic[];
}

/**
 * Gives every connection with an end outside the diagram a stand-in for that end: a box
 * without a border holding the connection's note, next to the node at the other end (before
 * it for a line coming in, after it for one going out), so every arrangement places it where
 * the line leaves the picture — above in a column, left in a row, a rank before in a layered
 * region — and draws the line to it like any other. Where boxes are placed from their
 * connections and the node already has a line that way (a pipeline stage with logs going
 * out), the open end takes the side across the flow instead (see `acrossSides`).
 */
export function closeOpenEnds(diagram: Diagram, across = true): ClosedDiagram {
  const standIns = new Map<string, Connection>();
  if (!diagram.connections.some((c) => c.open !== undefined)) {
    return { diagram, standIns, diagnostics: [] };
  }
  const before = new Map<string, Node[]>();
  const after = new Map<string, Node[]>();
  const diagnostics: Diagnostic[] = [];
  const layers = new Set<string>();
  walkNodes(diagram.nodes, (node, parent) => {
    if (node.kind === 'layer' && parent?.kind === 'stack') layers.add(node.id);
  });
  // stand-ins go in the order of their connections' ids, whatever the model's order
  const order = diagram.connections
    .map((connection, index) => ({ connection, index }))
    .sort((a, b) =>
      a.connection.id < b.connection.id ? -1 : a.connection.id > b.connection.id ? 1 : 0,
    );
  const sides = across ? acrossSides(diagram) : new Map<string, Side>();
  const anchorOf = regionChild(diagram);
  const closedById = new Map<string, Connection>();
  for (const { connection, index } of order)
    closedById.set(connection.id, close(connection, index));
  const connections = diagram.connections.map((c) => closedById.get(c.id) ?? c);
  function close(connection: Connection, index: number): Connection {
    if (connection.open === undefined) return connection;
    const outside = connection.open === 'from' ? connection.from : connection.to;
    const inside = connection.open === 'from' ? connection.to : connection.from;
    if (layers.has(inside)) {
      diagnostics.push({
        code: 'layout/unsupported-connection',
        message: `cannot draw a line from ${inside} out of the diagram: a layer sits inside its stack, with nowhere beside it for the open end`,
        path: ['connections', index],
        expected: 'the open-ended connection on the stack itself',
      });
      return connection;
    }
    const standIn: Node = {
      kind: 'box',
      id: outside,
      label: connection.note ?? '',
      border: 'none',
      // no border to keep clear of: its text may come as close to a neighbour as a note may
      hints: { padding: { left: 0, right: 0 } },
    };
    standIns.set(outside, connection);
    const list = connection.open === 'from' ? before : after;
    const side = sides.get(connection.id);
    // along the flow, the line comes from outside the drawing: from beyond the containers
    // the node sits in (a request into a service inside a cluster crosses the cluster's
    // border), as far out as boxes are placed from their lines
    const anchor =
      side === undefined && sidesFree(connection) ? (anchorOf.get(inside) ?? inside) : inside;
    list.set(anchor, [...(list.get(anchor) ?? []), standIn]);
    const { note: _note, ...rest } = connection;
    if (side === undefined) return rest;
    const hint = connection.open === 'to' ? { fromSide: side } : { toSide: side };
    return { ...rest, hints: { ...rest.hints, ...hint } };
  }
  if (standIns.size === 0) return { diagram, standIns, diagnostics };
  const rewrite = (nodes: readonly Node[]): Node[] =>
    nodes.flatMap((node) => [
      ...(before.get(node.id) ?? []),
      isContainer(node) ? { ...node, children: rewrite(node.children) } : node,
      ...(after.get(node.id) ?? []),
    ]);
  return {
    diagram: { ...diagram, nodes: rewrite(diagram.nodes), connections },
    standIns,
    diagnostics,
  };
}

/**
 * For each node inside containers that are placed from their lines (`auto`, nested in
 * `auto`), the outermost of them: the child of the layered region's root that holds it.
 * Nodes whose container is arranged by hand, and nodes at the region's top, are left out.
 */
function regionChild(diagram: Diagram): Map<string, string> {
  const out = new Map<string, string>();
  const auto = (direction: string | undefined): boolean =>
    direction === undefined || direction === 'auto';
  const visit = (nodes: readonly Node[], top: string | undefined): void => {
    for (const node of nodes) {
      if (top !== undefined) out.set(node.id, top);
      if (isContainer(node) && auto(node.direction)) visit(node.children, top ?? node.id);
    }
  };
  // a region's root: the diagram when it is placed from its lines, else each auto container
  // under an arranged parent
  const roots = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      if (!isContainer(node)) continue;
      if (auto(node.direction)) visit(node.children, undefined);
      else roots(node.children);
    }
  };
  if (auto(diagram.direction)) visit(diagram.nodes, undefined);
  else roots(diagram.nodes);
  return out;
}

/**
 * The sides across the flow that open ends take, by connection id. Where boxes are placed
 * from their connections (a container arranged `auto`), a line going out of the diagram from
 * a node that already sends a line along the flow leaves across it — below a box in a flow to
 * the right, right of it in a flow down — as hand drawings hang a stage's logs under it; a
 * line coming in to a node that other lines already reach comes from across too (above, or
 * from the left). Once most open ends of one direction in a container go across, the rest
 * follow, so a row of stages hangs all its logs the same way. A side the model asks for is
 * kept.
 */
function acrossSides(diagram: Diagram): Map<string, Side> {
  const sides = new Map<string, Side>();
  const parentOf = new Map<string, Node | undefined>();
  const containers = new Set<string>();
  walkNodes(diagram.nodes, (node, parent) => {
    parentOf.set(node.id, parent);
    if (isContainer(node)) containers.add(node.id);
  });
  // a box placed from its connections (a container's open end keeps to the flow: the box
  // beside it across the flow would have to be one of its own)
  const arranged = arrangements(diagram);
  const placed = (id: string): boolean => !containers.has(id) && arranged.get(id) === 'auto';
  const across: readonly Side[] = diagram.flow === 'right' ? ['top', 'bottom'] : ['left', 'right'];
  /** Whether the model asks a line to leave or enter across the flow. */
  const askedAcross = (hints: Connection['hints']): boolean =>
    [hints?.fromSide, hints?.toSide].some((s) => s !== undefined && across.includes(s));
  /** Nodes with a line leaving (`to`) or entering (`from`) along the flow. */
  const along = { to: new Set<string>(), from: new Set<string>() };
  const joined = new Set(diagram.connections.map((c) => `${c.from}\n${c.to}`));
  diagram.connections.forEach((c) => {
    if (c.open !== undefined || askedAcross(c.hints) || c.from === c.to) return;
    // two opposite lines run side by side, one of them against the flow: which one is the
    // layout's to choose, so neither says which way the node's lines go
    if (joined.has(`${c.to}\n${c.from}`)) return;
    along.to.add(c.from);
    along.from.add(c.to);
  });
  const out: Side = diagram.flow === 'right' ? 'bottom' : 'right';
  const into: Side = diagram.flow === 'right' ? 'top' : 'left';
  /** Per container and direction: the open ends, and how many go across. */
  const groups = new Map<string, { ids: string[]; across: number }>();
  for (const c of diagram.connections) {
    if (c.open === undefined || c.hints?.fromSide || c.hints?.toSide) continue;
    const inside = c.open === 'to' ? c.from : c.to;
    if (!placed(inside)) continue;
    const key = `${c.open}\n${parentOf.get(inside)?.id ?? ''}`;
    const group = groups.get(key) ?? { ids: [], across: 0 };
    groups.set(key, group);
    group.ids.push(c.id);
    if (along[c.open].has(inside)) {
      sides.set(c.id, c.open === 'to' ? out : into);
      group.across++;
    }
  }
  for (const [key, group] of groups) {
    if (2 * group.across <= group.ids.length) continue;
    const side = key.startsWith('to\n') ? out : into;
    for (const id of group.ids) sides.set(id, side);
  }
  return sides;
}

/**
 * The stand-ins' labels become their connections' notes, as the model wrote them. A line
 * leaving a stand-in up or down starts right at its text (the stand-in's border moves onto
 * the text's row, renderers stop the line there), and the picture loses the blank margin the
 * stand-in's own border row left.
 */
export function noteStandIns(scene: Scene, standIns: ReadonlyMap<string, Connection>): void {
  if (standIns.size === 0) return;
  for (const text of scene.texts) {
    const connection = standIns.get(text.owner);
    if (connection === undefined) continue;
    const line = text.id.slice(text.id.lastIndexOf(':') + 1);
    text.id = `${connection.id}:note:${line}`;
    text.owner = connection.id;
    text.role = 'note';
  }
  const boxes = new Map(scene.boxes.map((box) => [box.id, box]));
  for (const connector of scene.connectors) {
    for (const end of ['from', 'to'] as const) {
      const id = connector[end];
      const connection = standIns.get(id);
      const box = boxes.get(id);
      if (connection === undefined || box === undefined) continue;
      const points = connector.points;
      const p = end === 'from' ? points[0] : points[points.length - 1];
      const q = end === 'from' ? points[1] : points[points.length - 2];
      if (p === undefined || q === undefined || box.height < 3) continue;
      if (p.y === q.y) {
        // across a row: the line stops a blank cell before the text
        const texts = scene.texts.filter((t) => t.owner === connection.id && t.role === 'note');
        if (texts.length === 0) continue;
        const right = Math.max(...texts.map((t) => t.x + t.width));
        const left = Math.min(...texts.map((t) => t.x)) - 1;
        if (p.x === box.x + box.width - 1 && q.x > p.x && right < p.x) {
          box.width -= p.x - right;
          p.x = right;
        } else if (p.x === box.x && q.x < p.x && left > p.x) {
          box.width -= left - p.x;
          box.x = left;
          p.x = left;
        }
        continue;
      }
      if (p.y === box.y + box.height - 1 && q.y > p.y) {
        // the line goes down from the text itself: its last row is the stand-in's border now
        p.y -= 1;
        box.height -= 1;
      } else if (p.y === box.y && q.y < p.y) {
        p.y += 1;
        box.y += 1;
        box.height -= 1;
      }
    }
  }
  cropScene(scene);
}

/** Removes blank rows and columns around everything drawn. */
function cropScene(scene: Scene): void {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const take = (x0: number, y0: number, x1: number, y1: number): void => {
    minX = Math.min(minX, x0);
    minY = Math.min(minY, y0);
    maxX = Math.max(maxX, x1);
    maxY = Math.max(maxY, y1);
  };
  for (const box of scene.boxes) {
    if (box.border !== 'none') take(box.x, box.y, box.x + box.width - 1, box.y + box.height - 1);
  }
  for (const c of scene.connectors) for (const p of c.points) take(p.x, p.y, p.x, p.y);
  for (const t of scene.texts) take(t.x, t.y, t.x + t.width - 1, t.y);
  if (!Number.isFinite(minX)) return;
  const dx = Math.min(minX, 0) === 0 ? minX : 0;
  const dy = Math.min(minY, 0) === 0 ? minY : 0;
  for (const box of scene.boxes) {
    box.x -= dx;
    box.y -= dy;
  }
  for (const d of scene.dividers) d.y -= dy;
  for (const c of scene.connectors) {
    for (const p of c.points) {
      p.x -= dx;
      p.y -= dy;
    }
  }
  for (const t of scene.texts) {
    t.x -= dx;
    t.y -= dy;
  }
  scene.width = Math.min(scene.width, maxX - dx + 1);
  scene.height = Math.min(scene.height, maxY - dy + 1);
}
