import { type Diagram, type FlowDirection, isContainer, type Node } from './types.js';

/**
 * Visits every node of a model, depth first in model order: each node, then what it holds —
 * a host's or group's children, a stack's layers, a layer's cells — with the node holding it
 * (undefined at the top) and its depth (0 at the top).
 * @example walkNodes(diagram.nodes, (node) => ids.add(node.id))
 */
export function walkNodes(
  nodes: readonly Node[],
  visit: (node: Node, parent: Node | undefined, depth: number) => void,
): void {
  const walk = (list: readonly Node[], parent: Node | undefined, depth: number): void => {
    for (const node of list) {
      visit(node, parent, depth);
      if (isContainer(node)) walk(node.children, node, depth + 1);
      else if (node.kind === 'stack') walk(node.layers, node, depth + 1);
      else if (node.kind === 'layer' && node.cells) walk(node.cells, node, depth + 1);
    }
  };
  walk(nodes, undefined, 0);
}

/**
 * The arrangement that places each node: the `direction` of the host or group holding it, or
 * the diagram's at the top; undefined for a stack's layers and a layer's cells, which their
 * stack places.
 * @example arrangements(diagram).get('api') === 'auto'
 */
export function arrangements(
  diagram: Pick<Diagram, 'nodes' | 'direction'>,
): Map<string, FlowDirection | undefined> {
  const out = new Map<string, FlowDirection | undefined>();
  walkNodes(diagram.nodes, (node, parent) => {
    out.set(
      node.id,
      parent === undefined ? diagram.direction : isContainer(parent) ? parent.direction : undefined,
    );
  });
  return out;
}
