import { isContainer, type Node } from './types.js';

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
