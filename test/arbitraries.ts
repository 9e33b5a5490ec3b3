import type { AnnotationInput, ConnectionInput, DiagramInput, NodeInput } from '@diagrama/core';
import fc from 'fast-check';

/** Labels: plain words, and the hard cases (CJK, emoji sequences, accents, tabs, line breaks). */
export const labelArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 14 })
    .filter((s) => /^[\p{L}\p{N} ()-]+$/u.test(s) && s.trim() !== ''),
  fc.constantFrom(
    '客户端 (终端)',
    '🐳 Rest API ✅',
    'Qúe es',
    'Que\u0301',
    'Docker Daemon\nServer (Docker Service)',
    '👩‍👩‍👧‍👦 family',
    '🇪🇸 👍🏽 1️⃣',
    'tab\there',
    'zero\u200bwidth',
    'ｆｕｌｌ',
  ),
);

const borderArb = fc.constantFrom(
  'single' as const,
  'double' as const,
  'heavy' as const,
  'rounded' as const,
  'dashed' as const,
);

const titleAtArb = fc.constantFrom(
  'band' as const,
  'border' as const,
  'below' as const,
  'none' as const,
);

const leafArb: fc.Arbitrary<NodeInput> = fc.record(
  {
    kind: fc.constantFrom(
      'client' as const,
      'api' as const,
      'daemon' as const,
      'box' as const,
      'database' as const,
      'queue' as const,
      'user' as const,
      'external' as const,
    ),
    label: labelArb,
    border: borderArb,
  },
  { requiredKeys: ['kind', 'label'] },
);

const stackArb: fc.Arbitrary<NodeInput> = fc.record(
  {
    kind: fc.constant('stack' as const),
    label: labelArb,
    titleAt: titleAtArb,
    layers: fc.array(
      fc.record({
        label: labelArb,
        instruction: fc.constantFrom('FROM', 'RUN', 'CMD'),
        readOnly: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  },
  { requiredKeys: ['kind', 'label', 'layers'] },
);

/** A stack of layers split into cells, its base's last cell spanning some of the layers above. */
const tiledStackArb: fc.Arbitrary<NodeInput> = fc
  .record({
    label: labelArb,
    rows: fc.array(fc.array(labelArb, { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 4,
    }),
    span: fc.nat(),
  })
  .map(({ label, rows, span }) => ({
    kind: 'stack' as const,
    label,
    layers: rows.map((cells, i) =>
      cells.length === 1
        ? { label: cells[0] as string }
        : {
            cells: cells.map((cell, c) => ({
              label: cell,
              ...(i === 0 && c === cells.length - 1 ? { span: 1 + (span % rows.length) } : {}),
            })),
          },
    ),
  }));

const nodeArb: fc.Arbitrary<NodeInput> = fc.oneof(
  leafArb,
  stackArb,
  fc.record({
    kind: fc.constant('host' as const),
    label: labelArb,
    children: fc.array(fc.oneof(leafArb, stackArb), { maxLength: 4 }),
  }),
);

/** Any valid model whose connections join neighbours (what this version lays out). */
export const diagramArb: fc.Arbitrary<DiagramInput> = fc
  .record({
    nodes: fc.array(nodeArb, { minLength: 1, maxLength: 4 }),
    notes: fc.array(fc.option(labelArb), { maxLength: 4 }),
    directions: fc.array(fc.constantFrom('none' as const, 'forward' as const, 'both' as const), {
      maxLength: 4,
    }),
  })
  .map(({ nodes, notes, directions }) => {
    // every node gets an id: labels repeat, and equal derived ids are an error
    const named = (list: NodeInput[], prefix: string): NodeInput[] =>
      list.map((node, i) => ({
        ...node,
        id: `${prefix}${i}`,
        ...(node.children ? { children: named(node.children, `${prefix}${i}.`) } : {}),
        ...(node.layers ? { layers: named(node.layers, `${prefix}${i}.`) } : {}),
      }));
    const withIds = named(nodes, 'n');
    const connections = withIds.slice(1).map((node, i) => {
      const note = notes[i];
      return {
        from: `n${i}`,
        to: node.id as string,
        direction: directions[i] ?? 'none',
        ...(note ? { note } : {}),
      };
    });
    return { nodes: withIds, connections };
  });

const directionArb = fc.constantFrom(
  'auto' as const,
  'auto' as const,
  'down' as const,
  'right' as const,
  'grid' as const,
);

/** Groups may go without a title: every other one drops its label. */
function dropSomeGroupLabels(node: NodeInput): NodeInput {
  if (node.kind !== 'group' || (node.label ?? '').length % 2 === 1) return node;
  const { label: _label, ...rest } = node;
  return rest;
}

const generalNodeArb: fc.Arbitrary<NodeInput> = fc.oneof(
  { weight: 3, arbitrary: leafArb },
  { weight: 1, arbitrary: stackArb },
  { weight: 1, arbitrary: tiledStackArb },
  {
    weight: 2,
    arbitrary: fc
      .record(
        {
          kind: fc.constantFrom('host' as const, 'host' as const, 'group' as const),
          label: labelArb,
          border: fc.constantFrom('single' as const, 'dashed' as const, 'none' as const),
          titleAt: titleAtArb,
          direction: directionArb,
          children: fc.array(
            fc.oneof(
              { weight: 3, arbitrary: leafArb },
              {
                weight: 1,
                arbitrary: fc
                  .record(
                    {
                      kind: fc.constantFrom('host' as const, 'group' as const),
                      label: labelArb,
                      border: fc.constantFrom('double' as const, 'none' as const),
                      titleAt: titleAtArb,
                      direction: directionArb,
                      children: fc.array(leafArb, { minLength: 1, maxLength: 3 }),
                    },
                    { requiredKeys: ['kind', 'label', 'direction', 'children'] },
                  )
                  .map(dropSomeGroupLabels),
              },
            ),
            { minLength: 1, maxLength: 4 },
          ),
        },
        { requiredKeys: ['kind', 'label', 'direction', 'children'] },
      )
      .map(dropSomeGroupLabels),
  },
);

/** Whether a node is drawn without an outline for a line to meet (a group without a border). */
const outlineless = (node: NodeInput): boolean =>
  node.kind === 'group'
    ? (node.border ?? 'none') === 'none'
    : node.kind === 'host' && node.border === 'none';

/**
 * Gives every node of a tree an id `n0`, `n1`, … in document order; returns the ids a line
 * can meet (not those of containers drawn without a border).
 */
function numberNodes(
  nodes: NodeInput[],
  ids: string[],
  counter = { n: 0 },
  layers = new Set<string>(),
  inStack = false,
): NodeInput[] {
  return nodes.map((node) => {
    const id = `n${counter.n++}`;
    // a tiled stack's insides take no lines (their borders are shared): only the stack does
    const tiled = node.layers?.some((l) => l.cells !== undefined) === true;
    if (!outlineless(node)) ids.push(id);
    if (inStack) layers.add(id);
    if (tiled) {
      const cellsOf = (layer: NodeInput, l: number): NodeInput =>
        layer.cells
          ? {
              ...layer,
              id: `${id}.${l}`,
              cells: layer.cells.map((c, k) => ({ ...c, id: `${id}.${l}.${k}` })),
            }
          : { ...layer, id: `${id}.${l}` };
      return { ...node, id, layers: (node.layers ?? []).map(cellsOf) };
    }
    if (node.children)
      return { ...node, id, children: numberNodes(node.children, ids, counter, layers) };
    if (node.layers)
      return { ...node, id, layers: numberNodes(node.layers, ids, counter, layers, true) };
    return { ...node, id };
  });
}

/**
 * Any valid model in any arrangement (down, right, grid, nested), with connections between
 * any two nodes (or from a node back to itself), containers and layers included: what the
 * router has to cope with.
 */
export const generalDiagramArb: fc.Arbitrary<DiagramInput> = fc
  .record({
    direction: directionArb,
    flow: fc.constantFrom('down' as const, 'right' as const),
    nodes: fc.array(generalNodeArb, { minLength: 1, maxLength: 5 }),
    links: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        note: fc.option(labelArb),
        direction: fc.constantFrom(
          'none' as const,
          'forward' as const,
          'backward' as const,
          'both' as const,
        ),
        style: fc.constantFrom(
          'solid' as const,
          'solid' as const,
          'dashed' as const,
          'dotted' as const,
          'heavy' as const,
          'double' as const,
        ),
        // now and then a line from or to outside the diagram, or sides asked for
        open: fc.constantFrom(undefined, undefined, undefined, undefined, 'from', 'to'),
        fromSide: fc.constantFrom(
          undefined,
          undefined,
          undefined,
          'top',
          'right',
          'bottom',
          'left',
        ),
        toSide: fc.constantFrom(undefined, undefined, undefined, 'top', 'right', 'bottom', 'left'),
        noteSide: fc.constantFrom(undefined, undefined, 'left', 'right', 'above', 'below'),
        noteAt: fc.constantFrom(undefined, undefined, 'start', 'end'),
      }),
      { maxLength: 8 },
    ),
    notes: fc.array(
      fc.record({
        text: labelArb,
        node: fc.option(fc.nat(), { nil: undefined }),
        place: fc.nat(),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ direction, flow, nodes, links, notes }) => {
    const ids: string[] = [];
    const layers = new Set<string>();
    const numbered = numberNodes(nodes, ids, { n: 0 }, layers);
    const seen = new Set<string>();
    const connections = links.flatMap(
      ({
        from,
        to,
        note,
        open,
        fromSide,
        toSide,
        noteSide,
        noteAt,
        ...rest
      }): ConnectionInput[] => {
        const a = ids[from % ids.length] as string;
        const b = ids[to % ids.length] as string;
        const hints = {
          ...(fromSide ? { fromSide } : {}),
          ...(toSide ? { toSide } : {}),
          ...(noteSide ? { noteSide } : {}),
          ...(noteAt ? { noteAt } : {}),
        };
        const extra = {
          ...rest,
          ...(note ? { note } : {}),
          ...(Object.keys(hints).length > 0 ? { hints } : {}),
        };
        // an open end beside a node that is not a layer (a stack holds its layers tight)
        if (open === 'from' && !layers.has(b) && !seen.has(`>${b}`)) {
          seen.add(`>${b}`);
          return [{ to: b, ...extra }];
        }
        if (open === 'to' && !layers.has(a) && !seen.has(`${a}>`)) {
          seen.add(`${a}>`);
          return [{ from: a, ...extra }];
        }
        if (seen.has(`${a}>${b}`)) return [];
        seen.add(`${a}>${b}`);
        return [{ from: a, to: b, ...extra }];
      },
    );
    // annotations beside any node but a stack's layer (right or below), or at any edge
    const beside = ids.filter((id) => !layers.has(id));
    const annotations = notes.map(({ text, node, place }): AnnotationInput => {
      if (node === undefined || beside.length === 0) {
        return { text, at: (['top', 'bottom', 'left', 'right'] as const)[place % 4] ?? 'bottom' };
      }
      return {
        text,
        node: beside[node % beside.length] as string,
        at: place % 2 ? 'below' : 'right',
      };
    });
    return { direction, flow, nodes: numbered, connections, annotations };
  });
