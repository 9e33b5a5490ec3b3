import type { Connection, Diagram, Node } from './types.js';

function withoutNodeHints(node: Node): Node {
  const { hints: _hints, ...rest } = node;
  switch (rest.kind) {
    case 'host':
    case 'group':
      return { ...rest, children: rest.children.map(withoutNodeHints) };
    case 'stack':
      return {
        ...rest,
        layers: rest.layers.map((layer) => withoutNodeHints(layer) as typeof layer),
      };
    default:
      return rest;
  }
}

/**
 * The same diagram with every layout hint removed: what it looks like canonically.
 * @example sceneToText(modelToScene(stripHints(diagram)))
 */
export function stripHints(diagram: Diagram): Diagram {
  return {
    ...diagram,
    nodes: diagram.nodes.map(withoutNodeHints),
    connections: diagram.connections.map(({ hints: _hints, ...rest }): Connection => rest),
  };
}
