import { aKind, count } from '../errors.js';
import { isRule } from './label.js';
import { type Diagram, isContainer, type Node } from './types.js';
import { walkNodes } from './walk.js';

const KIND_NAMES: Readonly<Record<Node['kind'], string>> = {
  host: 'host',
  group: 'group',
  client: 'client',
  api: 'API',
  daemon: 'daemon',
  database: 'database',
  queue: 'queue',
  user: 'user',
  external: 'external system',
  stack: 'stack',
  layer: 'layer',
  box: 'box',
};

/** A label on one line; a rule between its heading and its text (`---`) reads as a dash. */
const oneLine = (text: string): string =>
  text.includes('\n')
    ? text
        .split(/\r?\n/)
        .map((line, i) => (i > 0 && isRule(line) ? '—' : line.trim()))
        .filter((line) => line !== '')
        .join(' ')
    : text.trim();

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How a node is named in a sentence: `the API “Rest API”`, or `a group` without a title. */
const named = (node: Node): string =>
  node.label.trim() === ''
    ? aKind(KIND_NAMES[node.kind])
    : `the ${KIND_NAMES[node.kind]} “${oneLine(node.label)}”`;

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function describeNode(node: Node, out: string[]): void {
  const name = `“${oneLine(node.label)}”`;
  if (isContainer(node)) {
    const verb = node.kind === 'group' ? 'holds' : 'contains';
    out.push(
      node.children.length === 0
        ? `${capital(named(node))} is empty.`
        : `${capital(named(node))} ${verb} ${list(node.children.map(named))}.`,
    );
    for (const child of node.children) describeNode(child, out);
  } else if (node.kind === 'stack') {
    const layers = [...node.layers].reverse().map((layer) => {
      const tags = [layer.instruction, layer.readOnly ? 'read-only' : undefined].filter(Boolean);
      // a layer split into cells names them side by side, and what a tall cell spans
      const name =
        layer.cells && layer.cells.length > 0
          ? `${list(
              layer.cells.map(
                (cell) =>
                  `“${oneLine(cell.label)}”${(cell.span ?? 1) > 1 ? ` (over ${count(cell.span ?? 1, 'layer')})` : ''}`,
              ),
            )} side by side`
          : `“${oneLine(layer.label)}”`;
      return `${name}${tags.length > 0 ? ` (${tags.join(', ')})` : ''}`;
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
  walkNodes(diagram.nodes, (node) => {
    labels.set(node.id, oneLine(node.label));
  });
  const top = diagram.nodes.filter((n) => !isContainer(n) && n.kind !== 'stack');
  if (top.length > 0) out.push(`The diagram shows ${list(top.map(named))}.`);
  for (const node of diagram.nodes) describeNode(node, out);
  if (diagram.direction === 'sequence' && diagram.connections.length > 0) {
    out.push('The messages, in order from top to bottom:');
  }
  for (const c of diagram.connections) {
    // a line from or to outside the diagram
    const from = c.open === 'from' ? 'something outside' : `“${labels.get(c.from) ?? c.from}”`;
    const to =
      c.open === 'to'
        ? 'something outside'
        : c.to === c.from
          ? 'itself'
          : `“${labels.get(c.to) ?? c.to}”`;
    const verb =
      c.direction === 'both'
        ? `${from} and ${to} talk to each other`
        : c.direction === 'backward'
          ? `${to} talks to ${from}`
          : c.direction === 'forward'
            ? `${from} talks to ${to}`
            : `${from} is connected to ${to}`;
    out.push(`${capital(verb)}${c.note ? `: ${oneLine(c.note)}` : ''}.`);
  }
  for (const a of diagram.annotations ?? []) {
    const beside = a.node === undefined ? '' : ` beside “${labels.get(a.node) ?? a.node}”`;
    out.push(`Note${beside}: ${oneLine(a.text).replace(/[.\u3002]$/, '')}.`);
  }
  return out.join('\n');
}
