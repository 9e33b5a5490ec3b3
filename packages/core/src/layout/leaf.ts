import type { ModelPath } from '../errors.js';
import { isRule, listLines } from '../model/label.js';
import type { Alignment, Node } from '../model/types.js';
import type { DisplayLine } from '../text/width.js';
import {
  type Block,
  type LayoutContext,
  linesOf,
  resolveSpacing,
  type SceneSink,
  tooNarrow,
  widest,
} from './block.js';
import { borderField, SHAPE_INSETS } from './chrome.js';

/** Padding of a box around its label when no hint says otherwise. */
export const LEAF_PADDING = { top: 0, right: 2, bottom: 0, left: 2 };

/** Column of a line aligned inside `[left, left + inner)` with side padding and an offset. */
export function alignColumn(
  line: DisplayLine,
  left: number,
  inner: number,
  align: Alignment,
  padding: { left: number; right: number },
  offset: number,
): number {
  const base =
    align === 'left'
      ? left + padding.left
      : align === 'right'
        ? left + inner - padding.right - line.width
        : left + Math.floor((inner - line.width) / 2);
  return base + offset;
}

/**
 * Writes label lines inside a box. Lines under a rule are the box's text under its heading:
 * they take `bodyAlign` (by default the label's alignment), as a list does (two or more lines
 * that start with a bullet) when `bodyAlign` differs from the label's.
 */
export function placeLabel(
  sink: SceneSink,
  owner: string,
  lines: readonly DisplayLine[],
  x: number,
  y: number,
  inner: number,
  align: Alignment,
  padding: { left: number; right: number },
  offset: number,
  nudge = offset,
  bodyAlign = align,
): void {
  let body = false;
  const list = bodyAlign === align ? new Set<number>() : listLines(lines.map((l) => l.text));
  lines.forEach((line, index) => {
    if (isRule(line.text)) body = true;
    if (line.width === 0 || isRule(line.text)) return;
    const inBody = body || list.has(index);
    const lineAlign = inBody ? bodyAlign : align;
    sink.texts.push({
      id: `${owner}:label:${index}`,
      owner,
      role: 'label',
      x: alignColumn(line, x, inner, lineAlign, padding, inBody ? nudge : offset),
      y: y + index,
      width: line.width,
      text: line.text,
      align: lineAlign,
      ...(nudge !== 0 ? { nudge } : {}),
    });
  });
}

/** Measures a labelled box: client, api, daemon or box. */
export function measureLeaf(node: Node, path: ModelPath, context: LayoutContext): Block {
  const lines = linesOf(node.label);
  const hinted = resolveSpacing(LEAF_PADDING, node.hints?.padding);
  // the kind's drawing (a database's lid, a user's figure) comes on top of the label's padding
  const shape = SHAPE_INSETS[node.kind];
  const padding = shape
    ? {
        top: hinted.top + shape.top,
        right: hinted.right + shape.right,
        bottom: hinted.bottom + shape.bottom,
        left: hinted.left + shape.left,
      }
    : hinted;
  const align = node.hints?.labelAlign ?? 'center';
  // text under a heading's rule, and a list, read as a paragraph: left-aligned unless asked
  const bodyAlign = node.hints?.labelAlign ?? 'left';
  // a centred label stays centred in the part of the box the kind's drawing leaves
  const nudge = node.hints?.labelOffset ?? 0;
  const offset =
    nudge + (shape && align === 'center' ? Math.floor((shape.left - shape.right) / 2) : 0);
  const rules = lines.flatMap((line, index) => (isRule(line.text) ? [index] : []));
  const text = rules.length > 0 ? lines.filter((line) => !isRule(line.text)) : lines;
  const needed = widest(text) + padding.left + padding.right + 2;
  const fixed = node.hints?.width;
  if (fixed !== undefined && fixed < widest(text) + 2) tooNarrow(context, path, fixed, needed);
  const width = fixed ?? needed;
  const height = 2 + padding.top + lines.length + padding.bottom;
  return {
    id: node.id,
    width,
    height,
    boxWidth: width,
    boxHeight: height,
    ...(rules.length > 0 ? { ruled: rules.map((index) => 1 + padding.top + index) } : {}),
    place(x, y, depth, sink) {
      sink.boxes.push({
        id: node.id,
        kind: node.kind,
        x,
        y,
        width,
        height,
        depth,
        ...(node.kind === 'layer' && node.readOnly ? { readOnly: true } : {}),
        ...borderField(node),
      });
      for (const index of rules)
        sink.dividers.push({
          id: `${node.id}#rule${index}`,
          box: node.id,
          y: y + 1 + padding.top + index,
        });
      placeLabel(
        sink,
        node.id,
        lines,
        x + 1,
        y + 1 + padding.top,
        width - 2,
        align,
        padding,
        offset,
        nudge,
        bodyAlign,
      );
    },
  };
}
