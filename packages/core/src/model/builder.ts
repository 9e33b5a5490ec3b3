import type { ConnectionInput, DiagramInput, NodeInput } from './input.js';
import { parseDiagram } from './parse.js';
import type { Diagram } from './types.js';

/** Fields every builder accepts besides the label. */
export type NodeOptions = Omit<NodeInput, 'kind' | 'label' | 'children' | 'layers'>;

const leaf =
  (kind: 'client' | 'api' | 'daemon' | 'box') =>
  (label: string, options: NodeOptions = {}): NodeInput => ({ kind, label, ...options });

/**
 * A client box, such as a terminal.
 * @example client('Cliente (Terminal)')
 */
export const client = leaf('client');
/**
 * An API box.
 * @example api('Rest API')
 */
export const api = leaf('api');
/**
 * A daemon (server) box.
 * @example daemon('Docker Daemon', { id: 'daemon' })
 */
export const daemon = leaf('daemon');
/**
 * A generic labelled box, for anything the other kinds do not name.
 * @example box('Registry')
 */
export const box = leaf('box');

/**
 * A host: a container with a title band holding other nodes.
 * @example host('Docker HOST( MI PC)', [client('Cliente'), api('Rest API')])
 */
export function host(label: string, children: NodeInput[], options: NodeOptions = {}): NodeInput {
  return { kind: 'host', label, ...options, children };
}

/**
 * One layer of a stack.
 * @example layer('ubuntu:24.04', { instruction: 'FROM', readOnly: true })
 */
export function layer(label: string, options: NodeOptions = {}): NodeInput {
  return { kind: 'layer', label, ...options };
}

/**
 * A stack of layers, base first.
 * @example stack('Image', [layer('ubuntu', { instruction: 'FROM' }), layer('nginx', { instruction: 'RUN' })])
 */
export function stack(label: string, layers: NodeInput[], options: NodeOptions = {}): NodeInput {
  return { kind: 'stack', label, ...options, layers };
}

/**
 * A connection between two nodes, given as node objects from the builders or as ids.
 * @example connect(cli, restApi, { note: 'HTTP' })
 */
export function connect(
  from: string | NodeInput,
  to: string | NodeInput,
  options: Omit<ConnectionInput, 'from' | 'to'> = {},
): ConnectionInput {
  return { from, to, ...options };
}

/**
 * A line from outside the diagram to a node, its note at the open end.
 * @example fromOutside(gateway, { note: 'HTTPS requests', direction: 'forward' })
 */
export function fromOutside(
  to: string | NodeInput,
  options: Omit<ConnectionInput, 'from' | 'to'> = {},
): ConnectionInput {
  return { to, ...options };
}

/**
 * A line from a node out of the diagram, its note at the open end.
 * @example toOutside(worker, { note: 'metrics', direction: 'forward' })
 */
export function toOutside(
  from: string | NodeInput,
  options: Omit<ConnectionInput, 'from' | 'to'> = {},
): ConnectionInput {
  return { from, ...options };
}

/**
 * A group: arranges its children without a border (unless it has one), its title under them.
 * @example group([client('Browser'), client('CLI')], { label: 'Clients' })
 */
export function group(children: NodeInput[], options: NodeOptions = {}): NodeInput {
  return { kind: 'group', ...options, children };
}

/**
 * A database, drawn as a cylinder.
 * @example database('Postgres')
 */
export const database = (label: string, options: NodeOptions = {}): NodeInput => ({
  kind: 'database',
  label,
  ...options,
});

/**
 * A queue, drawn as a pipe.
 * @example queue('Jobs')
 */
export const queue = (label: string, options: NodeOptions = {}): NodeInput => ({
  kind: 'queue',
  label,
  ...options,
});

/**
 * A user, drawn as a person.
 * @example user('Customer')
 */
export const user = (label: string, options: NodeOptions = {}): NodeInput => ({
  kind: 'user',
  label,
  ...options,
});

/**
 * A system outside the one the diagram is about, drawn dashed.
 * @example external('Payment provider')
 */
export const external = (label: string, options: NodeOptions = {}): NodeInput => ({
  kind: 'external',
  label,
  ...options,
});

/**
 * Builds and validates a diagram with the same rules as YAML and JSON files; throws a
 * `DiagramaError` with every problem found.
 * @example diagram({ nodes: [host('PC', [api('Rest API')])] })
 */
export function diagram(input: DiagramInput): Diagram {
  return parseDiagram(input);
}
