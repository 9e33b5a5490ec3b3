import type { Diagram, Node } from './types.js';

const KIND_NAMES: Readonly<Record<Node['kind'], string>> = {
  host: 'host',
  client: 'client',
  api: 'API',
  daemon: 'daemon',
  stack: 'stack',
  layer: 'layer',
  box: 'box',
};

const oneLine = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ').trim();

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function describeNode(node: Node, out: string[]): void {
  const name = `“${oneLine(node.label)}”`;
  if (node.kind === 'host') {
    out.push(
      node.children.length === 0
        ? `The host ${name} is empty.`
        : `The host ${name} contains ${list(node.children.map((c) => `the ${KIND_NAMES[c.kind]} “${oneLine(c.label)}”`))}.`,
    );
    for (const child of node.children) describeNode(child, out);
  } else if (node.kind === 'stack') {
    const layers = [...node.layers].reverse().map((layer) => {
      const tags = [layer.instruction, layer.readOnly ? 'read-only' : undefined].filter(Boolean);
      return `“${oneLine(layer.label)}”${tags.length > 0 ? ` (${tags.join(', ')})` : ''}`;
    });
    out.push(
      `The stack ${name} has ${node.layers.length} ${node.layers.length === 1 ? 'layer' : 'layers'}, from top to base: ${list(layers)}.`,
    );
    if (node.caption) out.push(`Caption: ${oneLine(node.caption).replace(/[.\u3002]$/, '')}.`);
  }
}

/**
 * A plain-text description of a diagram for readers who cannot see box drawings: which
 * components exist, what contains what, and who talks to whom, with the notes.
 * @example describeDiagram(diagram) // 'The host “PC” contains the client “Terminal” and …'
 */
export function describeDiagram(diagram: Diagram): string {
  const out: string[] = [];
  const labels = new Map<string, string>();
  const visit = (node: Node): void => {
    labels.set(node.id, oneLine(node.label));
    if (node.kind === 'host') node.children.forEach(visit);
    if (node.kind === 'stack') node.layers.forEach(visit);
  };
  diagram.nodes.forEach(visit);
  const top = diagram.nodes.filter((n) => n.kind !== 'host' && n.kind !== 'stack');
  if (top.length > 0) {
    out.push(
      `The diagram shows ${list(top.map((n) => `the ${KIND_NAMES[n.kind]} “${oneLine(n.label)}”`))}.`,
    );
  }
  for (const node of diagram.nodes) describeNode(node, out);
  for (const c of diagram.connections) {
    const from = `“${labels.get(c.from) ?? c.from}”`;
    const to = `“${labels.get(c.to) ?? c.to}”`;
    const verb =
      c.direction === 'both'
        ? `${from} and ${to} talk to each other`
        : c.direction === 'backward'
          ? `${to} talks to ${from}`
          : c.direction === 'forward'
            ? `${from} talks to ${to}`
            : `${from} is connected to ${to}`;
    out.push(`${verb}${c.note ? `: ${oneLine(c.note)}` : ''}.`);
  }
  return out.join('\n');
}
