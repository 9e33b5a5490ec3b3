// The corpus's models written in Graphviz's and D2's languages, so the layout-quality
// benchmark can ask those tools to lay out the very same graphs. Hosts become clusters
// (containers in D2), notes edge labels, arrowheads arrowheads. Only what layout needs.

const quote = (text) =>
  `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** Every node with the ids of the hosts holding it, outermost first. */
function walk(nodes, hosts = [], out = []) {
  for (const node of nodes) {
    out.push({ node, hosts });
    if (node.kind === 'host') walk(node.children, [...hosts, node.id], out);
    if (node.kind === 'stack') walk(node.layers, [...hosts, node.id], out);
  }
  return out;
}

/** A DOT graph of a validated diagram, with orthogonal edges like diagrama's. */
export function toDot(diagram) {
  const lines = [
    'digraph G {',
    `  rankdir=${diagram.flow === 'right' ? 'LR' : 'TB'};`,
    '  splines=ortho; compound=true; nodesep=0.4; ranksep=0.5;',
    '  node [shape=box, fontname="DejaVu Sans Mono", fontsize=12];',
    '  edge [fontname="DejaVu Sans Mono", fontsize=11];',
  ];
  const firstLeaf = new Map();
  const emit = (nodes, indent) => {
    for (const node of nodes) {
      if (node.kind === 'host' || node.kind === 'stack') {
        lines.push(`${indent}subgraph ${quote(`cluster_${node.id}`)} {`);
        lines.push(`${indent}  label=${quote(node.label)};`);
        const children = node.kind === 'host' ? node.children : [...node.layers].reverse();
        if (children.length === 0) {
          lines.push(
            `${indent}  ${quote(`${node.id}__empty`)} [label="", width=0.1, style=invis];`,
          );
          firstLeaf.set(node.id, `${node.id}__empty`);
        }
        emit(children, `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        lines.push(`${indent}${quote(node.id)} [label=${quote(node.label)}];`);
      }
    }
  };
  emit(diagram.nodes, '  ');
  for (const { node } of walk(diagram.nodes).reverse()) {
    if (node.kind === 'host' || node.kind === 'stack') {
      const children = node.kind === 'host' ? node.children : node.layers;
      const first = children[0];
      if (first) firstLeaf.set(node.id, firstLeaf.get(first.id) ?? first.id);
    }
  }
  for (const c of diagram.connections) {
    const from = firstLeaf.get(c.from) ?? c.from;
    const to = firstLeaf.get(c.to) ?? c.to;
    const attributes = [
      c.note ? `xlabel=${quote(c.note)}` : undefined,
      `dir=${{ none: 'none', forward: 'forward', backward: 'back', both: 'both' }[c.direction]}`,
      c.style === 'solid' ? undefined : `style=${c.style}`,
      firstLeaf.has(c.from) ? `ltail=${quote(`cluster_${c.from}`)}` : undefined,
      firstLeaf.has(c.to) ? `lhead=${quote(`cluster_${c.to}`)}` : undefined,
    ].filter(Boolean);
    lines.push(`  ${quote(from)} -> ${quote(to)} [${attributes.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** The same diagram in D2: hosts as containers, keys as ids. */
export function toD2(diagram) {
  const lines = [`direction: ${diagram.flow === 'right' ? 'right' : 'down'}`];
  const path = new Map();
  const emit = (nodes, prefix, indent) => {
    for (const node of nodes) {
      const key = quote(node.id);
      path.set(node.id, [...prefix, key].join('.'));
      if (node.kind === 'host' || node.kind === 'stack') {
        lines.push(`${indent}${key}: ${quote(node.label)} {`);
        const children = node.kind === 'host' ? node.children : [...node.layers].reverse();
        emit(children, [...prefix, key], `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        lines.push(`${indent}${key}: ${quote(node.label)}`);
      }
    }
  };
  emit(diagram.nodes, [], '');
  for (const c of diagram.connections) {
    const arrow = { none: '--', forward: '->', backward: '<-', both: '<->' }[c.direction];
    const style =
      c.style === 'solid' ? '' : ` {style.stroke-dash: ${c.style === 'dashed' ? 5 : 2}}`;
    lines.push(
      `${path.get(c.from)} ${arrow} ${path.get(c.to)}${c.note ? `: ${quote(c.note)}` : ''}${style}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
