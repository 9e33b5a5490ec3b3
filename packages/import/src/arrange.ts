import type { ConnectionInput, NodeInput } from '@diagrama/core';
import type { Rect } from './boxes.js';

/**
 * Boxes side by side with no line between any two of them, arranged as drawn: one under
 * another (`down`), or rows of them — each row of two or more a group without a border, set
 * side by side. Undefined `direction` when the layout's own (one row) is the drawing's.
 */
export function arrangeAsDrawn(
  list: NodeInput[],
  rectOf: ReadonlyMap<NodeInput, Rect>,
  connections: readonly ConnectionInput[],
): { direction?: 'down'; children: NodeInput[] } {
  const same = { children: list };
  if (list.length < 2 || list.some((n) => !rectOf.has(n))) return same;
  const ids = new Set<string>();
  const under = (nodes: NodeInput[]) => {
    for (const n of nodes) {
      if (n.id) ids.add(n.id);
      if (n.children) under(n.children);
    }
  };
  under(list);
  if (connections.some((c) => ids.has(c.from as string) && ids.has(c.to as string))) return same;
  // rows: boxes whose rows overlap, left to right
  const rect = (n: NodeInput) => rectOf.get(n) as Rect;
  const rows: NodeInput[][] = [];
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of [...list].sort((a, b) => rect(a).top - rect(b).top)) {
    const r = rect(node);
    if (r.top <= bottom) {
      (rows.at(-1) as NodeInput[]).push(node);
      bottom = Math.max(bottom, r.bottom);
    } else {
      rows.push([node]);
      bottom = r.bottom;
    }
  }
  if (rows.length < 2) return same;
  return {
    direction: 'down',
    children: rows.map((row) =>
      row.length === 1
        ? (row[0] as NodeInput)
        : {
            kind: 'group' as const,
            direction: 'right' as const,
            children: row.sort((a, b) => rect(a).left - rect(b).left),
          },
    ),
  };
}
