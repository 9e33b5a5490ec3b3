import { borderless } from '../chrome.js';
import { isWithin, type LayeredGraph, type LContainer, type LNode } from './graph.js';

/**
 * Containers side by side in one rank of a flow down are a row of bands: they get the height
 * of the tallest, so their tops and bottoms line up (a control plane beside an observability
 * stack). Only containers stretch — a box keeps its size — and only among siblings.
 */
export function stretchRankMates(graph: LayeredGraph): void {
  const rows = new Map<string, LNode[]>();
  for (const node of graph.nodes) {
    if (node.kind !== 'atom' || !node.block?.stretched) continue;
    const key = `${node.container}:${node.rank}`;
    const row = rows.get(key);
    if (row) row.push(node);
    else rows.set(key, [node]);
  }
  for (const row of rows.values()) {
    if (row.length < 2) continue;
    const tallest = Math.max(...row.map((node) => node.boxAlong));
    for (const node of row) {
      const stretched = node.block?.stretched;
      if (node.boxAlong === tallest || !stretched) continue;
      const block = stretched(tallest);
      Object.assign(node, { block, along: block.height, boxAlong: block.boxHeight });
    }
  }
}

/**
 * Containers that each hold their ranks alone among their siblings are tiers stacked along
 * the flow (clients over gateways over services over data): they share one extent across it,
 * the union of theirs, as hand drawings set layers as bands of one width. A tier widens only
 * when no line crosses its border to reach its content: the borders move out over cells
 * nothing else uses and the content to the middle (lines ending on the border stay put).
 */
export function alignTiers(
  graph: LayeredGraph,
  across: { node: Int32Array; start: Int32Array; end: Int32Array },
): void {
  const byParent = new Map<number, number[]>();
  graph.containers.forEach((c, i) => {
    const list = byParent.get(c.parent);
    if (list) list.push(i);
    else byParent.set(c.parent, [i]);
  });
  for (const [parent, list] of byParent) {
    if (list.length < 2) continue;
    const alone = (c: number): boolean => {
      const { firstRank, lastRank } = graph.containers[c] as LContainer;
      return graph.nodes.every(
        (v) =>
          v.rank < firstRank ||
          v.rank > lastRank ||
          !isWithin(graph, v.container, parent) ||
          isWithin(graph, v.container, c) ||
          (v.kind === 'terminal' && v.container === parent),
      );
    };
    // a group drawn without a border is no band
    const tiers = list.filter(
      (c) => !borderless((graph.containers[c] as LContainer).host) && alone(c),
    );
    if (tiers.length < 2) continue;
    let start = Number.POSITIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    for (const t of tiers) {
      start = Math.min(start, across.start[t] as number);
      end = Math.max(end, across.end[t] as number);
    }
    for (const t of tiers) {
      // only a tier that meets the world through its own border widens: its content moves
      // to the middle; content that lines reach across the border stays, and so does the tier
      const inside = (v: number): boolean => {
        const node = graph.nodes[v] as LNode;
        return (
          isWithin(graph, node.container, t) && !(node.kind === 'terminal' && node.container === t)
        );
      };
      const crossed = graph.edges.some((edge) =>
        edge.chain.some((v, k) => k > 0 && inside(v) !== inside(edge.chain[k - 1] as number)),
      );
      if (crossed) continue;
      const shift = Math.floor(
        (start + end - (across.start[t] as number) - (across.end[t] as number)) / 2,
      );
      across.start[t] = start;
      across.end[t] = end;
      if (shift === 0) continue;
      graph.nodes.forEach((_, v) => {
        if (inside(v)) across.node[v] = (across.node[v] as number) + shift;
      });
      graph.containers.forEach((_, c) => {
        if (c === t || !isWithin(graph, c, t)) return;
        across.start[c] = (across.start[c] as number) + shift;
        across.end[c] = (across.end[c] as number) + shift;
      });
    }
  }
}
