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
    const withIds = nodes.map((node, i) => ({ ...node, id: `n${i}` }));
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
