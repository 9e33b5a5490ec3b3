import {
  type ConnectionInput,
  type DiagramInput,
  type NodeInput,
  slugify,
  textWidth,
} from '@diagrama/core';
import type { Rect } from './boxes.js';

/** The charsets a drawing may be in, as render-ascii names them. */
export type DrawnCharset = 'single' | 'double' | 'rounded' | 'heavy' | 'ascii';

/** Renders a model as text in a charset: what the caller draws with (render-ascii). */
export type RenderText = (model: DiagramInput, charset: DrawnCharset) => string;

/** Where each part of the model was drawn. */
export interface Drawn {
  /** The box of each node, by node (the same objects as in the model). */
  rects: Map<NodeInput, Rect>;
  /** The rows strictly between the two boxes a connection joins, and whether it meets their
   * borders with a junction. */
  lines: Map<ConnectionInput, { join: boolean }>;
  /** Nodes given a shape (database, queue, user) from their label, not from the drawing. */
  guessed: Set<NodeInput>;
}

/** Text without trailing spaces on its lines or blank lines at its end. */
export const trimmed = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');

/** The charset most boxes are drawn in: the one a box needs no `border` hint in. */
export function charsetOf(rects: readonly Rect[]): DrawnCharset {
  const counts = new Map<DrawnCharset, number>();
  for (const rect of rects) {
    if (rect.dashed || rect.bare || rect.dividers[0] === rect.top + 1) continue;
    const name: DrawnCharset =
      rect.weight === 'single' ? (rect.rounded ? 'rounded' : 'single') : rect.weight;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: DrawnCharset = 'single';
  let most = 0;
  for (const [name, n] of counts) {
    if (n > most) {
      best = name;
      most = n;
    }
  }
  return best;
}

/**
 * The model with the hints that make it render as the drawing did — containers arranged as
 * drawn (one below the other, or side by side) with their padding, boxes at their drawn width
 * with their labels where they were, lines of their drawn length meeting the borders as they
 * did — when rendering it gives back the drawing (trailing spaces aside). Each hint is tried
 * and kept only where it brings the rendering closer; `undefined` when no set of hints gives
 * the drawing back.
 */
export function reproduce(
  model: DiagramInput,
  drawn: Drawn,
  text: string,
  render: RenderText,
  charset: DrawnCharset,
): DiagramInput | undefined {
  const target = trimmed(text);
  // a shape guessed from a label is not in the drawing: a plain box is
  const plain = (nodes: NodeInput[]): NodeInput[] =>
    nodes.map((n) => {
      const { kind, ...rest } = n;
      const copy: NodeInput = drawn.guessed.has(n) ? rest : { ...n };
      if (n.children) copy.children = plain(n.children);
      return copy;
    });
  const base: DiagramInput = { ...model, nodes: plain(model.nodes) };
  // a drawing diagrama could have made as it is: no hints needed
  try {
    if (trimmed(render(base, charset)) === target) return base;
  } catch {
    // the hints below may still make it
  }
  // a drawing along a right flow reads left to right: its boxes in that order, where the
  // order of reading (top down) breaks the layout's ties another way
  if (model.flow === 'right') {
    const along = alongTheFlow(model, base, drawn);
    try {
      if (along && trimmed(render(along, charset)) === target) return along;
    } catch {
      // the hints below may still make it
    }
  }
  const hinted: DiagramInput = structuredClone(base);
  // structuredClone breaks identity: walk both trees side by side to find each node's box
  const rectOf = new Map<NodeInput, Rect>();
  const pair = (a: NodeInput[], b: NodeInput[]) => {
    a.forEach((node, i) => {
      const copy = b[i] as NodeInput;
      const rect = drawn.rects.get(node);
      if (rect) rectOf.set(copy, rect);
      if (node.children && copy.children) pair(node.children, copy.children);
    });
  };
  pair(model.nodes, hinted.nodes);
  const byId = new Map<string, NodeInput>();
  const walk = (nodes: NodeInput[]) => {
    for (const n of nodes) {
      if (n.id) byId.set(n.id, n);
      if (n.children) walk(n.children);
    }
  };
  walk(hinted.nodes);
  // ids as the importer wrote them, or as the model derives them
  const idOf = (n: NodeInput) => n.id ?? slugify(n.label ?? '');
  for (const [n] of rectOf) byId.set(idOf(n), n);
  const rectById = (id: string | undefined) => {
    const node = id === undefined ? undefined : byId.get(id);
    return node ? rectOf.get(node) : undefined;
  };
  // containers: arranged as drawn, with their padding
  for (const [node, rect] of rectOf) {
    if (!node.children || node.children.length === 0) continue;
    const inner = node.children.map((c) => rectOf.get(c)).filter((r): r is Rect => !!r);
    if (inner.length !== node.children.length) return undefined;
    const column = inner.every((r, i) => i === 0 || r.top > (inner[i - 1] as Rect).bottom);
    const row = inner.every((r, i) => i === 0 || r.left > (inner[i - 1] as Rect).right);
    if (column) node.direction = 'down';
    else if (row) node.direction = 'right';
    else return undefined;
    const first = Math.min(...inner.map((r) => r.top));
    const band = rect.dividers.find((d) => d < first) ?? rect.top;
    node.hints = {
      ...node.hints,
      padding: {
        top: first - band - 1,
        right: rect.right - Math.max(...inner.map((r) => r.right)) - 1,
        bottom: rect.bottom - Math.max(...inner.map((r) => r.bottom)) - 1,
        left: Math.min(...inner.map((r) => r.left)) - rect.left - 1,
      },
    };
  }
  // boxes at their drawn width
  for (const [node, rect] of rectOf) {
    if (node.children || node.layers) continue;
    node.hints = { ...node.hints, width: rect.right - rect.left + 1 };
  }
  // lines of their drawn length, meeting the borders as drawn
  for (const c of hinted.connections ?? []) {
    const a = rectById(c.from as string);
    const b = rectById(c.to as string);
    if (!a || !b) continue;
    const original = (model.connections ?? [])[(hinted.connections ?? []).indexOf(c)];
    const join = original ? drawn.lines.get(original)?.join : undefined;
    const gap =
      b.top > a.bottom ? b.top - a.bottom - 1 : b.left > a.right ? b.left - a.right - 1 : 0;
    if (gap > 0) c.hints = { ...c.hints, length: gap, ...(join === false ? { join: false } : {}) };
  }
  const attempt = () => {
    try {
      return trimmed(render(hinted, charset));
    } catch {
      return undefined;
    }
  };
  let now = attempt();
  if (now === target) return hinted;
  if (now === undefined) return undefined;
  // labels where they were: an offset per box, the one that brings the box's rows right
  const rowsOf = (s: string, rect: Rect) =>
    s
      .split('\n')
      .slice(rect.top, rect.bottom + 1)
      .join('\n');
  /** Columns from the start of a row to where `label` starts in it, within the box. */
  const labelColumn = (s: string, rect: Rect, label: string): number | undefined => {
    const rows = s.split('\n').slice(rect.top, rect.bottom + 1);
    for (const row of rows) {
      const at = row.indexOf(label);
      if (at >= 0) return textWidth(row.slice(0, at));
    }
    return undefined;
  };
  for (const [node, rect] of rectOf) {
    if (node.children || node.layers) continue;
    if (rowsOf(now, rect) === rowsOf(target, rect)) continue;
    // the offset the label was drawn at, measured; the nearby ones tried when that fails
    const first = (node.label ?? '').split('\n')[0] ?? '';
    const was = first ? labelColumn(target, rect, first) : undefined;
    const is = first ? labelColumn(now, rect, first) : undefined;
    const measured = was !== undefined && is !== undefined ? was - is : undefined;
    const tries = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6];
    for (const offset of measured ? [measured, ...tries.filter((t) => t !== measured)] : tries) {
      node.hints = { ...node.hints, labelOffset: offset };
      const next = attempt();
      if (next !== undefined && rowsOf(next, rect) === rowsOf(target, rect)) {
        now = next;
        break;
      }
      delete node.hints.labelOffset;
    }
  }
  now = attempt();
  if (now === target) return hinted;
  // notes on the row they were drawn on
  for (const c of hinted.connections ?? []) {
    const length = c.hints?.length;
    if (!c.note || length === undefined) continue;
    for (let noteRow = 0; noteRow < length; noteRow++) {
      c.hints = { ...c.hints, noteRow };
      if (attempt() === target) return hinted;
    }
    if (c.hints) delete c.hints.noteRow;
  }
  return attempt() === target ? hinted : undefined;
}

/**
 * `base` (a copy of `model` node for node) with its top-level boxes ordered left to right as
 * drawn, or undefined when that is the order they have already (or a box was not found).
 */
function alongTheFlow(
  model: DiagramInput,
  base: DiagramInput,
  drawn: Drawn,
): DiagramInput | undefined {
  const rectOf = new Map<NodeInput, Rect>();
  model.nodes.forEach((node, i) => {
    const rect = drawn.rects.get(node);
    if (rect) rectOf.set(base.nodes[i] as NodeInput, rect);
  });
  if (rectOf.size !== base.nodes.length) return undefined;
  const along = [...base.nodes].sort((a, b) => {
    const [p, q] = [rectOf.get(a) as Rect, rectOf.get(b) as Rect];
    return p.left - q.left || p.top - q.top;
  });
  return along.some((node, i) => node !== base.nodes[i]) ? { ...base, nodes: along } : undefined;
}
