import { type Diagram, isContainer, type Side } from '../model/types.js';
import { arrangements, walkNodes } from '../model/walk.js';
import { pairKey } from './block.js';
import { sidesFree } from './peers.js';

/**
 * Sends the third and later lines between the same two boxes round the outside: a
 * conversation (an OAuth client and its authorization server: authorize, code, code and
 * secret, token) has room between the boxes for two lines side by side, their notes beside
 * them, and no more. The next ones leave and enter on the right, then on the left (bottom and
 * top in a flow to the right), as a hand drawing loops them round with their notes outside.
 * Only lines with no side asked, between boxes an `auto` arrangement places (not a
 * sequence's messages, not a row's). Pure: a diagram without such lines comes back as it is.
 */
export function sideLines(diagram: Diagram): Diagram {
  // boxes the `auto` arrangement of the diagram or of a container places (a stack's layers
  // and cells sit under their stack, not under a container)
  const arranged = arrangements(diagram);
  const placed = new Set<string>();
  walkNodes(diagram.nodes, (node) => {
    if (!isContainer(node) && arranged.get(node.id) === 'auto') placed.add(node.id);
  });
  const sides: readonly Side[] = diagram.flow === 'right' ? ['bottom', 'top'] : ['right', 'left'];
  const between = new Map<string, number>();
  let changed = false;
  const connections = diagram.connections.map((c) => {
    if (c.from === c.to || c.open !== undefined || !sidesFree(c)) return c;
    if (!placed.has(c.from) || !placed.has(c.to)) return c;
    const key = pairKey(c.from, c.to);
    const count = between.get(key) ?? 0;
    between.set(key, count + 1);
    if (count < 2) return c;
    const side = sides[count % 2] as Side;
    changed = true;
    return { ...c, hints: { ...c.hints, fromSide: side, toSide: side } };
  });
  return changed ? { ...diagram, connections } : diagram;
}
