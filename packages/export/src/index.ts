import type { Connection, Diagram, LineStyle, Node, NodeKind } from '@diagrama/core';

/** Dashed and dotted lines: the broken strokes. */
const broken = (style: LineStyle): boolean => style === 'dashed' || style === 'dotted';
/** Heavy and double lines: most languages have one strong stroke for both. */
const strong = (style: LineStyle): boolean => style === 'heavy' || style === 'double';

/** The languages a model can be written in for other tools. */
export const EXPORT_LANGUAGES = ['dot', 'd2', 'mermaid', 'plantuml'] as const;
/** One of {@link EXPORT_LANGUAGES}. */
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** A node's children, for the kinds that hold some (a stack's layers top first, as drawn). */
function childrenOf(node: Node): readonly Node[] | undefined {
  if (node.kind === 'host' || node.kind === 'group') return node.children;
  if (node.kind === 'stack') return [...node.layers].reverse();
  return undefined;
}

/** The stand-in for the open end of a connection from or to outside the diagram. */
const openEnd = (c: Connection): string | undefined =>
  c.open === 'from' ? c.from : c.open === 'to' ? c.to : undefined;

const dq = (text: string): string =>
  `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/**
 * The diagram in Graphviz DOT: hosts, groups and stacks as clusters, kinds as shapes, notes as
 * edge labels, arrowheads and dashes as drawn. Edges to a container meet its cluster
 * (`compound`).
 */
export function toDot(
  diagram: Diagram,
  options: {
    /** Lines added to the graph's head, such as `splines=ortho;`. */
    attributes?: readonly string[];
    /** `xlabel` places notes after layout (what orthogonal edges need). @default 'label' */
    edgeLabel?: 'label' | 'xlabel';
  } = {},
): string {
  const shapes: Partial<Record<NodeKind, string>> = {
    database: 'cylinder',
    queue: 'cds',
    user: 'oval',
    external: 'note',
  };
  const lines = [
    'digraph diagram {',
    `  rankdir=${diagram.flow === 'right' ? 'LR' : 'TB'};`,
    '  compound=true;',
    '  node [shape=box];',
    ...(options.attributes ?? []).map((line) => `  ${line}`),
  ];
  if (diagram.title) lines.push(`  label=${dq(diagram.title)}; labelloc=t;`);
  const anchor = new Map<string, string>();
  const emit = (nodes: readonly Node[], indent: string): void => {
    for (const node of nodes) {
      const children = childrenOf(node);
      if (children) {
        lines.push(`${indent}subgraph ${dq(`cluster_${node.id}`)} {`);
        lines.push(`${indent}  label=${dq(node.label)};`);
        if (node.kind === 'group') lines.push(`${indent}  style=dashed;`);
        if (children.length === 0) {
          lines.push(`${indent}  ${dq(`${node.id}.empty`)} [label="", style=invis, width=0.1];`);
          anchor.set(node.id, `${node.id}.empty`);
        }
        emit(children, `${indent}  `);
        lines.push(`${indent}}`);
        if (!anchor.has(node.id))
          anchor.set(node.id, anchor.get(children[0]?.id ?? '') ?? (children[0] as Node).id);
      } else {
        const shape = shapes[node.kind];
        lines.push(
          `${indent}${dq(node.id)} [label=${dq(node.label)}${shape ? `, shape=${shape}` : ''}];`,
        );
      }
    }
  };
  emit(diagram.nodes, '  ');
  for (const c of diagram.connections) {
    const open = openEnd(c);
    if (open) lines.push(`  ${dq(open)} [shape=point, label=""];`);
    const attributes = [
      c.note ? `${options.edgeLabel ?? 'label'}=${dq(c.note)}` : undefined,
      `dir=${{ none: 'none', forward: 'forward', backward: 'back', both: 'both' }[c.direction]}`,
      broken(c.style) ? `style=${c.style}` : undefined,
      c.style === 'heavy' ? 'penwidth=2.5' : undefined,
      // Graphviz draws a double line as two colours with nothing between
      c.style === 'double' ? 'color="black:invis:black"' : undefined,
      anchor.has(c.from) ? `ltail=${dq(`cluster_${c.from}`)}` : undefined,
      anchor.has(c.to) ? `lhead=${dq(`cluster_${c.to}`)}` : undefined,
    ].filter((a) => a !== undefined);
    lines.push(
      `  ${dq(anchor.get(c.from) ?? c.from)} -> ${dq(anchor.get(c.to) ?? c.to)} [${attributes.join(', ')}];`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** The diagram in D2: containers nest, kinds become shapes, notes edge labels. */
export function toD2(diagram: Diagram): string {
  const shapes: Partial<Record<NodeKind, string>> = {
    database: 'cylinder',
    queue: 'queue',
    user: 'person',
    external: 'cloud',
  };
  const lines =
    diagram.direction === 'sequence'
      ? ['shape: sequence_diagram']
      : [`direction: ${diagram.flow === 'right' ? 'right' : 'down'}`];
  // (in a sequence every child is an actor: the title is left out)
  if (diagram.title && diagram.direction !== 'sequence')
    lines.push(`title: ${dq(diagram.title)} {near: top-center; shape: text}`);
  const path = new Map<string, string>();
  const emit = (nodes: readonly Node[], prefix: string[], indent: string): void => {
    for (const node of nodes) {
      const key = dq(node.id);
      path.set(node.id, [...prefix, key].join('.'));
      const children = childrenOf(node);
      const shape = shapes[node.kind];
      const extra = [
        shape ? `shape: ${shape}` : undefined,
        node.kind === 'group' ? 'style.stroke-dash: 4' : undefined,
      ].filter((a) => a !== undefined);
      if (children || extra.length > 0) {
        lines.push(`${indent}${key}: ${dq(node.label)} {`);
        for (const line of extra) lines.push(`${indent}  ${line}`);
        if (children) emit(children, [...prefix, key], `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        lines.push(`${indent}${key}: ${dq(node.label)}`);
      }
    }
  };
  emit(diagram.nodes, [], '');
  for (const c of diagram.connections) {
    const open = openEnd(c);
    if (open) {
      path.set(open, dq(open));
      lines.push(`${dq(open)}: "" {shape: circle; width: 8; height: 8}`);
    }
    const arrow = { none: '--', forward: '->', backward: '<-', both: '<->' }[c.direction];
    // D2 has no double line: heavy and double are both drawn thick
    const style = broken(c.style)
      ? ` {style.stroke-dash: ${c.style === 'dashed' ? 5 : 2}}`
      : strong(c.style)
        ? ' {style.stroke-width: 4}'
        : '';
    lines.push(
      `${path.get(c.from)} ${arrow} ${path.get(c.to)}${c.note ? `: ${dq(c.note)}` : ''}${style}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Mermaid's node ids are words: each model id gets one, in order. */
function mermaidIds(diagram: Diagram): Map<string, string> {
  const ids = new Map<string, string>();
  const visit = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      ids.set(node.id, `n${ids.size}`);
      const children = childrenOf(node);
      if (children) visit(children);
    }
  };
  visit(diagram.nodes);
  for (const c of diagram.connections) {
    const open = openEnd(c);
    if (open) ids.set(open, `n${ids.size}`);
  }
  return ids;
}

/** Text Mermaid shows as written: quotes and markup characters as entity codes. */
const mq = (text: string): string =>
  `"${text.replace(/[#"<>&]/g, (ch) => `#${ch.charCodeAt(0)};`).replace(/\n/g, '<br/>')}"`;

/** Message text Mermaid and PlantUML show as written, on one line of source. */
const messageText = (text: string, lineBreak: string): string =>
  text.replace(/[#;<>&]/g, (ch) => `#${ch.charCodeAt(0)};`).replace(/\n/g, lineBreak);

/** Mermaid's sequence arrows, solid and dotted (a backward message is written the other way). */
const SEQUENCE_ARROWS = {
  none: ['->', '-->'],
  forward: ['->>', '-->>'],
  both: ['<<->>', '<<-->>'],
} as const;

/** A sequence (`direction: sequence`) as Mermaid's sequenceDiagram: people as actors. */
function toMermaidSequence(diagram: Diagram): string {
  const ids = mermaidIds(diagram);
  const lines = ['sequenceDiagram'];
  if (diagram.title) lines.push(`  title ${messageText(diagram.title, ' ')}`);
  for (const node of diagram.nodes) {
    const what = node.kind === 'user' ? 'actor' : 'participant';
    lines.push(`  ${what} ${ids.get(node.id)} as ${messageText(node.label || ' ', '<br/>')}`);
  }
  for (const c of diagram.connections) {
    const dashed = broken(c.style);
    const [from, to] = c.direction === 'backward' ? [c.to, c.from] : [c.from, c.to];
    const arrow =
      SEQUENCE_ARROWS[c.direction === 'backward' ? 'forward' : c.direction][dashed ? 1 : 0];
    const note = messageText(c.note ?? '', '<br/>');
    lines.push(`  ${ids.get(from)}${arrow}${ids.get(to)}: ${note}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

/** The diagram as a Mermaid flowchart: containers as subgraphs, kinds as node shapes. */
export function toMermaid(diagram: Diagram): string {
  if (diagram.direction === 'sequence') return toMermaidSequence(diagram);
  const ids = mermaidIds(diagram);
  const lines = [`flowchart ${diagram.flow === 'right' ? 'LR' : 'TB'}`];
  const shape = (kind: NodeKind, text: string): string => {
    if (kind === 'database') return `[(${text})]`;
    if (kind === 'queue') return `[/${text}/]`;
    if (kind === 'user') return `([${text}])`;
    if (kind === 'external') return `{{${text}}}`;
    return `[${text}]`;
  };
  const emit = (nodes: readonly Node[], indent: string): void => {
    for (const node of nodes) {
      const id = ids.get(node.id) as string;
      const children = childrenOf(node);
      if (children) {
        lines.push(`${indent}subgraph ${id}[${mq(node.label)}]`);
        emit(children, `${indent}  `);
        lines.push(`${indent}end`);
      } else {
        lines.push(`${indent}${id}${shape(node.kind, mq(node.label))}`);
      }
    }
  };
  emit(diagram.nodes, '  ');
  for (const c of diagram.connections) {
    const open = openEnd(c);
    if (open) lines.push(`  ${ids.get(open)}(( ))`);
    // Mermaid draws dashed and dotted lines alike, and heavy and double alike (thick)
    const arrow = broken(c.style)
      ? { none: '-.-', forward: '-.->', backward: '<-.-', both: '<-.->' }[c.direction]
      : strong(c.style)
        ? { none: '===', forward: '==>', backward: '<==', both: '<==>' }[c.direction]
        : { none: '---', forward: '-->', backward: '<--', both: '<-->' }[c.direction];
    const label = c.note ? `|${mq(c.note)}|` : '';
    lines.push(`  ${ids.get(c.from)} ${arrow}${label} ${ids.get(c.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A sequence as a PlantUML sequence diagram: kinds as participant types. */
function toPlantUmlSequence(diagram: Diagram): string {
  const ids = mermaidIds(diagram);
  const types: Partial<Record<NodeKind, string>> = {
    user: 'actor',
    database: 'database',
    queue: 'queue',
    external: 'entity',
    client: 'boundary',
    api: 'control',
  };
  const lines = ['@startuml'];
  if (diagram.title) lines.push(`title ${diagram.title.replace(/\n/g, '\\n')}`);
  for (const node of diagram.nodes) {
    lines.push(
      `${types[node.kind] ?? 'participant'} ${dq(node.label || ' ')} as ${ids.get(node.id)}`,
    );
  }
  for (const c of diagram.connections) {
    const line = broken(c.style) ? '--' : '-';
    // a sequence's messages always have a head: a line without one is drawn as a message
    const arrow = c.direction === 'both' ? `<${line}>` : `${line}>`;
    const [from, to] = c.direction === 'backward' ? [c.to, c.from] : [c.from, c.to];
    const note = c.note ? ` : ${c.note.replace(/\n/g, '\\n')}` : '';
    lines.push(`${ids.get(from)} ${arrow} ${ids.get(to)}${note}`);
  }
  lines.push('@enduml');
  return `${lines.join('\n')}\n`;
}

/** The diagram as a PlantUML component diagram: containers as rectangles, kinds as elements. */
export function toPlantUml(diagram: Diagram): string {
  if (diagram.direction === 'sequence') return toPlantUmlSequence(diagram);
  const ids = mermaidIds(diagram);
  const elements: Partial<Record<NodeKind, string>> = {
    database: 'database',
    queue: 'queue',
    user: 'actor',
    external: 'cloud',
    client: 'component',
    api: 'interface',
    daemon: 'component',
  };
  const lines = ['@startuml'];
  if (diagram.flow === 'right') lines.push('left to right direction');
  if (diagram.title) lines.push(`title ${diagram.title.replace(/\n/g, '\\n')}`);
  const emit = (nodes: readonly Node[], indent: string): void => {
    for (const node of nodes) {
      const id = ids.get(node.id) as string;
      const children = childrenOf(node);
      if (children) {
        // PlantUML refuses an empty name: a container without a title gets a blank one
        lines.push(`${indent}rectangle ${dq(node.label || ' ')} as ${id} {`);
        emit(children, `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        lines.push(
          `${indent}${elements[node.kind] ?? 'rectangle'} ${dq(node.label || ' ')} as ${id}`,
        );
      }
    }
  };
  emit(diagram.nodes, '');
  for (const c of diagram.connections) {
    const open = openEnd(c);
    if (open) lines.push(`circle " " as ${ids.get(open)}`);
    const line = broken(c.style) ? '..' : strong(c.style) ? '-[bold]-' : '--';
    const arrow = { none: line, forward: `${line}>`, backward: `<${line}`, both: `<${line}>` }[
      c.direction
    ];
    const note = c.note ? ` : ${c.note.replace(/\n/g, '\\n')}` : '';
    lines.push(`${ids.get(c.from)} ${arrow} ${ids.get(c.to)}${note}`);
  }
  lines.push('@enduml');
  return `${lines.join('\n')}\n`;
}

/** The diagram in one of {@link EXPORT_LANGUAGES}. */
export function exportDiagram(diagram: Diagram, language: ExportLanguage): string {
  return { dot: toDot, d2: toD2, mermaid: toMermaid, plantuml: toPlantUml }[language](diagram);
}
