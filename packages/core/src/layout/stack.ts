import type { ModelPath } from '../errors.js';
import type { LayerNode, StackNode } from '../model/types.js';
import type { DisplayLine } from '../text/width.js';
import { toDisplayLines } from '../text/width.js';
import { type Block, type LayoutContext, linesOf, tooNarrow, widest } from './block.js';
import { LEAF_PADDING, placeLabel } from './leaf.js';

/** Columns between a layer's label and its badge. */
const BADGE_GAP = 3;

/** The badge shown at the right of a layer: its instruction and a read-only mark. */
export function layerBadge(layer: LayerNode): string {
  return [layer.instruction, layer.readOnly ? 'RO' : undefined].filter(Boolean).join(' · ');
}

interface Row {
  layer: LayerNode;
  lines: DisplayLine[];
  badge: DisplayLine | undefined;
}

/**
 * Measures a stack in its canonical drawing: one joined box, newest layer on top, a rule
 * between layers, each layer's badge (instruction, read-only mark) at the right, the caption
 * under the box.
 */
export function measureStack(node: StackNode, path: ModelPath, context: LayoutContext): Block {
  const rows: Row[] = [...node.layers].reverse().map((layer) => {
    const badgeText = layerBadge(layer);
    return {
      layer,
      lines: toDisplayLines(layer.label),
      badge: badgeText === '' ? undefined : toDisplayLines(badgeText)[0],
    };
  });
  const caption = linesOf(node.caption);
  const padding = LEAF_PADDING;
  const rowWidth = rows.reduce(
    (max, row) => Math.max(max, widest(row.lines) + (row.badge ? BADGE_GAP + row.badge.width : 0)),
    0,
  );
  const needed = rowWidth + padding.left + padding.right + 2;
  const fixed = node.hints?.width;
  if (fixed !== undefined && fixed < needed) tooNarrow(context, path, fixed, needed);
  const width = fixed ?? needed;
  const boxHeight = 1 + rows.reduce((sum, row) => sum + row.lines.length + 1, 0);
  return {
    id: node.id,
    width: Math.max(width, widest(caption)),
    height: boxHeight + caption.length,
    boxWidth: width,
    place(x, y, depth, sink) {
      sink.boxes.push({ id: node.id, kind: 'stack', x, y, width, height: boxHeight, depth });
      let row = y + 1;
      rows.forEach(({ layer, lines, badge }, index) => {
        sink.boxes.push({
          id: layer.id,
          kind: 'layer',
          x,
          y: row - 1,
          width,
          height: lines.length + 2,
          depth: depth + 1,
          readOnly: layer.readOnly,
        });
        placeLabel(sink, layer.id, lines, x + 1, row, width - 2, 'left', padding, 0);
        if (badge) {
          sink.texts.push({
            id: `${layer.id}:badge:0`,
            owner: layer.id,
            role: 'badge',
            x: x + width - 1 - padding.right - badge.width,
            y: row,
            width: badge.width,
            text: badge.text,
            align: 'right',
          });
        }
        row += lines.length;
        if (index + 1 < rows.length) {
          sink.dividers.push({ id: `${node.id}#${index}`, box: node.id, y: row });
        }
        row += 1;
      });
      caption.forEach((line, index) => {
        sink.texts.push({
          id: `${node.id}:caption:${index}`,
          owner: node.id,
          role: 'caption',
          x,
          y: y + boxHeight + index,
          width: line.width,
          text: line.text,
          align: 'left',
        });
      });
    },
  };
}
