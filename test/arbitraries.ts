import type { DiagramInput, NodeInput } from '@diagrama/core';
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

const leafArb: fc.Arbitrary<NodeInput> = fc.record({
  kind: fc.constantFrom('client' as const, 'api' as const, 'daemon' as const, 'box' as const),
  label: labelArb,
});

const stackArb: fc.Arbitrary<NodeInput> = fc.record({
  kind: fc.constant('stack' as const),
  label: labelArb,
  layers: fc.array(
    fc.record({
      label: labelArb,
      instruction: fc.constantFrom('FROM', 'RUN', 'CMD'),
      readOnly: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

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

const generalNodeArb: fc.Arbitrary<NodeInput> = fc.oneof(
  { weight: 3, arbitrary: leafArb },
  { weight: 1, arbitrary: stackArb },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('host' as const),
      label: labelArb,
      direction: directionArb,
      children: fc.array(
        fc.oneof(
          { weight: 3, arbitrary: leafArb },
          {
            weight: 1,
            arbitrary: fc.record({
              kind: fc.constant('host' as const),
              label: labelArb,
              direction: directionArb,
              children: fc.array(leafArb, { minLength: 1, maxLength: 3 }),
            }),
          },
        ),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
);

/** Gives every node of a tree an id `n0`, `n1`, … in document order; returns all ids. */
function numberNodes(nodes: NodeInput[], ids: string[]): NodeInput[] {
  return nodes.map((node) => {
    const id = `n${ids.length}`;
    ids.push(id);
    if (node.children) return { ...node, id, children: numberNodes(node.children, ids) };
    if (node.layers) return { ...node, id, layers: numberNodes(node.layers, ids) };
    return { ...node, id };
  });
}

/**
 * Any valid model in any arrangement (down, right, grid, nested), with connections between
 * any two nodes, containers and layers included: what the router has to cope with.
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
        style: fc.constantFrom('solid' as const, 'dashed' as const, 'dotted' as const),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ direction, flow, nodes, links }) => {
    const ids: string[] = [];
    const numbered = numberNodes(nodes, ids);
    const seen = new Set<string>();
    const connections = links.flatMap(({ from, to, note, ...rest }) => {
      const a = ids[from % ids.length] as string;
      const b = ids[to % ids.length] as string;
      if (a === b || seen.has(`${a}>${b}`)) return [];
      seen.add(`${a}>${b}`);
      return [{ from: a, to: b, ...rest, ...(note ? { note } : {}) }];
    });
    return { direction, flow, nodes: numbered, connections };
  });
