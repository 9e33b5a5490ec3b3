import { type Connection, type Diagram, isContainer, type Node } from '../model/types.js';

/**
 * Kinds that ask and are answered: a line both ways from a client or a person is a request and
 * its response, drawn along the flow from the asker above, not between peers side by side.
 */
export const isRequester = (kind: string | undefined): boolean =>
  kind === 'client' || kind === 'user';

/** Whether a line leaves the sides it leaves and enters to the layout. */
export const sidesFree = (c: Connection): boolean =>
  c.hints?.fromSide === undefined && c.hints?.toSide === undefined;

/** A line with arrowheads at both ends and no side asked for: two peers talking. */
export const isPeerLine = (c: Connection): boolean => c.direction === 'both' && sidesFree(c);

/**
 * Lists the members of a container of peers one under the other: an `auto` container whose
 * children are boxes joined to nothing inside it and only by peer lines (arrowheads at both
 * ends) to nodes outside, two at least — two regions mirroring each other, a primary beside
 * its replica — when the flow runs down. Each peer line then runs straight across to the
 * container beside it, as a hand drawing has it; from their ranks alone they would sit in
 * one row, the lines wound around them. A flow to the right ranks peer lines along it like
 * any line, which already sets the members in a column. Pure: a diagram without such a
 * container comes back as it is.
 */
export function stackPeers(diagram: Diagram): Diagram {
  if (diagram.flow === 'right') return diagram;
  const touching = new Map<string, Connection[]>();
  for (const c of diagram.connections) {
    for (const end of [c.from, c.to]) {
      const list = touching.get(end);
      if (list) list.push(c);
      else touching.set(end, [c]);
    }
  }
  const ofPeers = (node: Node): boolean => {
    if (!isContainer(node) || node.direction !== 'auto' || node.children.length < 2) return false;
    if (node.children.some((child) => isContainer(child) || child.kind === 'stack')) return false;
    // clients or people that all talk both ways to a server sit above it along the flow, not
    // beside it as mirrors of each other
    if (node.children.every((child) => isRequester(child.kind))) return false;
    const inside = new Set(node.children.map((child) => child.id));
    let peers = 0;
    for (const child of node.children) {
      const lines = touching.get(child.id) ?? [];
      for (const c of lines) {
        if (inside.has(c.from) && inside.has(c.to)) return false;
        if (!isPeerLine(c)) return false;
      }
      if (lines.length > 0) peers++;
    }
    return peers >= 2;
  };
  let changed = false;
  const visit = (nodes: readonly Node[]): Node[] =>
    nodes.map((node) => {
      if (!isContainer(node)) return node;
      if (ofPeers(node)) {
        changed = true;
        return { ...node, direction: 'down' as const };
      }
      const children = visit(node.children);
      return children.every((child, i) => child === node.children[i])
        ? node
        : { ...node, children };
    });
  const nodes = visit(diagram.nodes);
  return changed ? { ...diagram, nodes } : diagram;
}
