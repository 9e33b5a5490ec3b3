import { borderless } from '../chrome.js';
import { isWithin, type LayeredGraph, type LContainer, type LNode } from './graph.js';
import type { Pins } from './ports.js';

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
  pins: Pins,
  down: boolean,
): void {
  const byParent = new Map<number, number[]>();
  graph.containers.forEach((c, i) => {
    const list = byParent.get(c.parent);
    if (list) list.push(i);
    else byParent.set(c.parent, [i]);
  });
  // a container laid out as one block (`direction: down`) alone in its rank is a tier too
  const blocks = new Map<number, number[]>();
  if (down) {
    graph.nodes.forEach((node, v) => {
      if (node.kind !== 'atom' || !node.block?.widened) return;
      const alone = graph.nodes.every(
        (o, w) =>
          w === v ||
          o.rank !== node.rank ||
          !isWithin(graph, o.container, node.container) ||
          (o.kind === 'terminal' && o.container === node.container),
      );
      if (!alone) return;
      const list = blocks.get(node.container);
      if (list) list.push(v);
      else blocks.set(node.container, [v]);
      if (!byParent.has(node.container)) byParent.set(node.container, []);
    });
  }
  for (const [parent, list] of byParent) {
    const atoms = blocks.get(parent) ?? [];
    if (list.length + atoms.length < 2) continue;
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
    if (tiers.length + atoms.length < 2) continue;
    let start = Number.POSITIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    for (const t of tiers) {
      start = Math.min(start, across.start[t] as number);
      end = Math.max(end, across.end[t] as number);
    }
    for (const v of atoms) {
      const node = graph.nodes[v] as LNode;
      start = Math.min(start, across.node[v] as number);
      end = Math.max(end, (across.node[v] as number) + node.boxAcross - 1);
    }
    for (const v of atoms) widenAtom(graph, v, start, end, across.node, pins);
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

/**
 * A tier laid out as one block made as wide as `start`…`end`: its lines keep their cells, so
 * the pins of the lines it meets move by as much as its left side does.
 */
function widenAtom(
  graph: LayeredGraph,
  v: number,
  start: number,
  end: number,
  at: Int32Array,
  pins: Pins,
): void {
  const node = graph.nodes[v] as LNode;
  const block = node.block?.widened?.(end - start + 1);
  if (!block || block.boxWidth === node.boxAcross) return;
  const moved = (at[v] as number) - start;
  Object.assign(node, {
    block,
    across: node.across + block.boxWidth - node.boxAcross,
    boxAcross: block.boxWidth,
  });
  at[v] = start;
  graph.edges.forEach((edge, e) => {
    edge.chain.forEach((w, k) => {
      if (w !== v) return;
      const below = pins.get(`${e}:${k}`);
      if (below) below.upper += moved;
      const above = pins.get(`${e}:${k - 1}`);
      if (above) above.lower += moved;
    });
  });
}
