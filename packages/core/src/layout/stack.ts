import type { ModelPath } from '../errors.js';
import type { Alignment, LayerNode, Node, Spacing, StackNode } from '../model/types.js';
import type { DisplayLine } from '../text/width.js';
import { toDisplayLines } from '../text/width.js';
import {
  type Block,
  type LayoutContext,
  linesOf,
  pairKey,
  resolveSpacing,
  tooNarrow,
  widest,
} from './block.js';
import { placeStackOutline, titleGeometry } from './chrome.js';
import { measureFlowDown } from './flow.js';
import { LEAF_PADDING, placeLabel } from './leaf.js';
import { measureTiled } from './tiled.js';

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
  /** The connection to the layer below, whose note is drawn under the label. */
  link: { id: string; notes: DisplayLine[] } | undefined;
  badge: DisplayLine | undefined;
  padding: Spacing;
  align: Alignment;
  offset: number;
}

/** Records a hint that has no meaning where it is. */
function unsupported(
  context: LayoutContext,
  path: ModelPath,
  field: string,
  message: string,
  expected: string,
): void {
  context.diagnostics.push({
    code: 'layout/unsupported-hint',
    message,
    path: [...path, 'hints', field],
    expected,
  });
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
  const separate = node.hints?.layout === 'separate';
  const body = separate ? measureSeparate(node, path, context) : measureJoined(node, path, context);
  // a separate stack has no outline: its title goes over (or under) its boxes
  const title = separate ? linesOf(node.label) : [];
  const geometry = titleGeometry(node.titleAt, title);
  const over = geometry.place === 'band' || geometry.place === 'border' ? title.length : 0;
  const under = geometry.place === 'below' ? title.length : 0;
  const height = over + body.height + under + inStack.length;
  return {
    id: node.id,
    width: Math.max(body.width, widest(inStack), separate ? widest(title) : 0),
    height,
    boxWidth: body.boxWidth,
    boxHeight: separate ? height - inStack.length : body.boxHeight,
    place(x, y, depth, sink) {
      body.place(x, y + over, depth, sink);
      title.forEach((line, index) => {
        if (line.width === 0 || (over === 0 && under === 0)) return;
        const align = node.hints?.labelAlign ?? 'center';
        const column =
          align === 'left'
            ? x
            : align === 'right'
              ? x + body.boxWidth - line.width
              : x + Math.floor((body.boxWidth - line.width) / 2);
        sink.texts.push({
          id: `${node.id}:title:${index}`,
          owner: node.id,
          role: 'title',
          x: Math.max(x, column + (node.hints?.labelOffset ?? 0)),
          y: over > 0 ? y + index : y + body.height + index,
          width: line.width,
          text: line.text,
          align,
        });
      });
      inStack.forEach((line, index) => {
        sink.texts.push({
          id: `${node.id}:caption:${index}`,
          owner: node.id,
          role: 'caption',
          x,
          y: y + over + body.height + under + index,
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
  if (node.layers.some((layer) => (layer.cells?.length ?? 0) > 0)) {
    context.diagnostics.push({
      code: 'layout/unsupported-hint',
      message: 'a stack whose layers hold cells is drawn joined: its cells share their borders',
      path: [...path, 'hints', 'layout'],
      expected: 'no `layout: separate` on a stack with cells',
    });
  }
  if (node.hints?.padding !== undefined) {
    unsupported(
      context,
      path,
      'padding',
      'a stack drawn as separate boxes has no border of its own to pad',
      '`padding` on its layers, or the stack drawn joined (no `layout` hint)',
    );
  }
  if (node.border !== undefined) {
    context.diagnostics.push({
      code: 'layout/unsupported-hint',
      message: 'a stack drawn as separate boxes has no border of its own to style',
      path: [...path, 'border'],
      expected: 'no `border` on the stack, or the stack drawn joined (no `layout` hint)',
    });
  }
  // the stack's width is every layer's that does not set its own
  const width = node.hints?.width;
  const items = node.layers
    .map((layer, index) => ({
      node: (width !== undefined && layer.hints?.width === undefined
        ? { ...layer, hints: { ...layer.hints, width } }
        : layer) as Node,
      path: [...path, 'layers', index],
    }))
    .reverse();
  return measureFlowDown(node.id, items, context, { linkAll: true });
}

function measureJoined(node: StackNode, path: ModelPath, context: LayoutContext): Block {
  if (node.layers.some((layer) => (layer.cells?.length ?? 0) > 0)) {
    const title = linesOf(node.label);
    return measureTiled(node, path, context, title, titleGeometry(node.titleAt, title));
  }
  const ordered = [...node.layers].reverse();
  const marksWritable = ordered.some((layer) => layer.readOnly);
  // the stack's padding is every row's; a layer's own padding and alignment win for its row
  const stackPadding = resolveSpacing(LEAF_PADDING, node.hints?.padding);
  const rows: Row[] = ordered.map((layer, index) => {
    const layerPath = [...path, 'layers', node.layers.length - 1 - index];
    if (layer.hints?.width !== undefined) {
      unsupported(
        context,
        layerPath,
        'width',
        "a layer of a joined stack is as wide as the stack: the stack's width sets it",
        '`width` on the stack, or the stack drawn as separate boxes (`layout: separate`)',
      );
    }
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
      link: link ? { id: link.id, notes: linesOf(link.note) } : undefined,
      badge: badgeText === '' ? undefined : toDisplayLines(badgeText)[0],
      padding: resolveSpacing(stackPadding, layer.hints?.padding),
      align: layer.hints?.labelAlign ?? 'left',
      offset: layer.hints?.labelOffset ?? 0,
    };
  });
  const title = linesOf(node.label);
  const written = titleGeometry(node.titleAt, title);
  // a title in the border with more lines: the rest go under it, ruled off from the layers
  const geometry =
    written.cut && written.band > 0 ? { ...written, band: written.band + 1, rule: true } : written;
  const rowWidth = rows.reduce(
    (max, row) =>
      Math.max(
        max,
        row.padding.left +
          row.padding.right +
          Math.max(
            widest(row.lines) + (row.badge ? BADGE_GAP + row.badge.width : 0),
            NOTE_INDENT + widest(row.link?.notes ?? []),
          ),
      ),
    0,
  );
  const needed = Math.max(rowWidth, geometry.inner) + 2;
  const fixed = node.hints?.width;
  if (fixed !== undefined && fixed < needed) tooNarrow(context, path, fixed, needed);
  const width = fixed ?? needed;
  const rowHeight = (row: Row): number =>
    row.padding.top + row.lines.length + (row.link?.notes.length ?? 0) + row.padding.bottom;
  const boxHeight = 1 + geometry.band + rows.reduce((sum, row) => sum + rowHeight(row) + 1, 0);
  const captionWidth = geometry.below > 0 ? widest(title) : 0;
  return {
    id: node.id,
    width: Math.max(width, captionWidth),
    height: boxHeight + geometry.below,
    boxWidth: width,
    boxHeight,
    place(x, y, depth, sink) {
      const outline = { x, y, width, height: boxHeight };
      placeStackOutline(node, title, geometry, outline, depth, sink);
      let row = y + 1 + geometry.band;
      rows.forEach((r, index) => {
        const { layer, lines, link, badge, padding } = r;
        sink.boxes.push({
          id: layer.id,
          kind: 'layer',
          x,
          y: row - 1,
          width,
          height: rowHeight(r) + 2,
          depth: depth + 1,
          readOnly: layer.readOnly,
        });
        row += padding.top;
        placeLabel(sink, layer.id, lines, x + 1, row, width - 2, r.align, padding, r.offset);
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
        // the note of the connection to the layer below, under the label, with its own id
        link?.notes.forEach((line, n) => {
          sink.texts.push({
            id: `${link.id}:note:${n}`,
            owner: link.id,
            role: 'note',
            x: x + 1 + padding.left + NOTE_INDENT,
            y: row + n,
            width: line.width,
            text: line.text,
            align: 'left',
          });
        });
        row += (link?.notes.length ?? 0) + padding.bottom;
        if (index + 1 < rows.length) {
          sink.dividers.push({ id: `${node.id}#${index}`, box: node.id, y: row });
        }
        row += 1;
      });
    },
  };
}
