import type { ModelPath } from '../errors.js';
import type { LayerNode, Node, StackNode } from '../model/types.js';
import type { DisplayLine } from '../text/width.js';
import { toDisplayLines } from '../text/width.js';
import { type Block, type LayoutContext, linesOf, pairKey, tooNarrow, widest } from './block.js';
import { measureFlowDown } from './flow.js';
import { LEAF_PADDING, placeLabel } from './leaf.js';

/** Columns between a layer's label and its badge. */
const BADGE_GAP = 3;
/** Columns a note under a layer's label is indented by. */
const NOTE_INDENT = 2;

/**
 * The badge shown at the right of a layer: its instruction and `RO` when read-only; `RW` marks
 * the writable layers of a stack that also has read-only ones.
 */
export function layerBadge(layer: LayerNode, marksWritable: boolean): string {
  const access = layer.readOnly ? 'RO' : marksWritable ? 'RW' : undefined;
  return [layer.instruction, access].filter(Boolean).join(' · ');
}

interface Row {
  layer: LayerNode;
  lines: DisplayLine[];
  /** Notes of the connection to the layer below, drawn under the label. */
  notes: DisplayLine[];
  badge: DisplayLine | undefined;
}

/**
 * Measures a stack. Canonically it is one joined box, newest layer on top, a rule between
 * layers, each layer's badge (instruction, read-only mark) at the right, the caption under it;
 * hints draw it as separate boxes and move the caption under the whole diagram.
 */
export function measureStack(node: StackNode, path: ModelPath, context: LayoutContext): Block {
  const caption = linesOf(node.caption);
  const inStack = node.hints?.captionAt === 'diagram' ? [] : caption;
  if (inStack !== caption && caption.length > 0) {
    context.diagramCaptions.push({ owner: node.id, lines: caption });
  }
  const body =
    node.hints?.layout === 'separate'
      ? measureSeparate(node, path, context)
      : measureJoined(node, path, context);
  return {
    id: node.id,
    width: Math.max(body.width, widest(inStack)),
    height: body.height + inStack.length,
    boxWidth: body.boxWidth,
    boxHeight: body.boxHeight,
    place(x, y, depth, sink) {
      body.place(x, y, depth, sink);
      inStack.forEach((line, index) => {
        sink.texts.push({
          id: `${node.id}:caption:${index}`,
          owner: node.id,
          role: 'caption',
          x,
          y: y + body.height + index,
          width: line.width,
          text: line.text,
          align: 'left',
        });
      });
    },
  };
}

/**
 * The seed's drawing of a stack: one box per layer, newest on top, joined by connectors that
 * carry the notes of the connections between layers. The stack itself draws no border.
 */
function measureSeparate(node: StackNode, path: ModelPath, context: LayoutContext): Block {
  const items = node.layers
    .map((layer, index) => ({ node: layer as Node, path: [...path, 'layers', index] }))
    .reverse();
  return measureFlowDown(node.id, items, context, { linkAll: true });
}

function measureJoined(node: StackNode, path: ModelPath, context: LayoutContext): Block {
  const ordered = [...node.layers].reverse();
  const marksWritable = ordered.some((layer) => layer.readOnly);
  const rows: Row[] = ordered.map((layer, index) => {
    const badgeText = layerBadge(layer, marksWritable);
    const below = ordered[index + 1];
    const key = below ? pairKey(layer.id, below.id) : undefined;
    const link = key ? context.pending.get(key) : undefined;
    if (key && link) {
      context.pending.delete(key);
      context.drawn.add(link.id);
    }
    return {
      layer,
      lines: toDisplayLines(layer.label),
      notes: linesOf(link?.note),
      badge: badgeText === '' ? undefined : toDisplayLines(badgeText)[0],
    };
  });
  const padding = LEAF_PADDING;
  const rowWidth = rows.reduce(
    (max, row) =>
      Math.max(
        max,
        widest(row.lines) + (row.badge ? BADGE_GAP + row.badge.width : 0),
        NOTE_INDENT + widest(row.notes),
      ),
    0,
  );
  const needed = rowWidth + padding.left + padding.right + 2;
  const fixed = node.hints?.width;
  if (fixed !== undefined && fixed < needed) tooNarrow(context, path, fixed, needed);
  const width = fixed ?? needed;
  const boxHeight = 1 + rows.reduce((sum, row) => sum + row.lines.length + row.notes.length + 1, 0);
  return {
    id: node.id,
    width,
    height: boxHeight,
    boxWidth: width,
    boxHeight,
    place(x, y, depth, sink) {
      sink.boxes.push({ id: node.id, kind: 'stack', x, y, width, height: boxHeight, depth });
      let row = y + 1;
      rows.forEach(({ layer, lines, notes, badge }, index) => {
        sink.boxes.push({
          id: layer.id,
          kind: 'layer',
          x,
          y: row - 1,
          width,
          height: lines.length + notes.length + 2,
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
        const below = rows[index + 1]?.layer.id;
        notes.forEach((line, n) => {
          sink.texts.push({
            id: `${layer.id}->${below}:note:${n}`,
            owner: layer.id,
            role: 'note',
            x: x + 1 + padding.left + NOTE_INDENT,
            y: row + n,
            width: line.width,
            text: line.text,
            align: 'left',
          });
        });
        row += notes.length;
        if (index + 1 < rows.length) {
          sink.dividers.push({ id: `${node.id}#${index}`, box: node.id, y: row });
        }
        row += 1;
      });
    },
  };
}
