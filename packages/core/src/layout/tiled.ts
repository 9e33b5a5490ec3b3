import type { ModelPath } from '../errors.js';
import type { LayerNode, StackNode } from '../model/types.js';
import type { DisplayLine } from '../text/width.js';
import {
  type Block,
  type LayoutContext,
  linesOf,
  resolveSpacing,
  tooNarrow,
  widest,
} from './block.js';
import { placeStackOutline, type TitleGeometry } from './chrome.js';
import { LEAF_PADDING, placeLabel } from './leaf.js';

/** A cell of a tiled stack: a layer's own box, or one of its cells. */
interface Tile {
  node: LayerNode;
  lines: DisplayLine[];
  /** Rows from the top of the stack: the first row it takes, and how many. */
  row: number;
  rows: number;
  /** Which column it is in: the left or right spanning column, or the middle. */
  column: 'left' | 'middle' | 'right';
  /** Inner width its label needs, padding included. */
  needs: number;
}

/**
 * Measures a stack whose layers hold cells side by side (TCP | UDP over IP over Ethernet),
 * some of them spanning several layers as a column at the left or right (a tall HAL beside
 * three layers): a grid of boxes sharing their borders, the junctions where they meet.
 * Middle cells of a row share its width; spanning cells take a column of their own.
 */
export function measureTiled(
  node: StackNode,
  path: ModelPath,
  context: LayoutContext,
  title: readonly DisplayLine[],
  geometry: TitleGeometry,
): Block {
  const padding = resolveSpacing(LEAF_PADDING, node.hints?.padding);
  const layerCount = node.layers.length;
  const tiles: Tile[] = [];
  node.layers.forEach((layer, i) => {
    // rows go top down: the newest layer first
    const row = layerCount - 1 - i;
    const cells = layer.cells && layer.cells.length > 0 ? layer.cells : [layer];
    cells.forEach((cell, c) => {
      const span = cell.span ?? 1;
      const lines = linesOf(cell.label);
      const column =
        span > 1
          ? c === 0 && cells.length > 1
            ? 'left'
            : c === cells.length - 1
              ? 'right'
              : 'middle'
          : 'middle';
      tiles.push({
        node: cell,
        lines,
        row: row - span + 1,
        rows: span,
        column,
        needs: widest(lines) + padding.left + padding.right,
      });
    });
  });
  const rowCount = layerCount;
  const sideWidth = (side: 'left' | 'right'): number =>
    tiles.filter((t) => t.column === side).reduce((max, t) => Math.max(max, t.needs), 0);
  const left = sideWidth('left');
  const right = sideWidth('right');
  const covered = (side: 'left' | 'right', row: number): boolean =>
    tiles.some((t) => t.column === side && row >= t.row && row < t.row + t.rows);
  // the middle of each row: its cells side by side, one shared border between neighbours
  const middles = Array.from({ length: rowCount }, (_, r) =>
    tiles.filter((t) => t.column === 'middle' && t.row === r),
  );
  const rowNeeds = middles.map((cells, r) => {
    const inner = cells.reduce((sum, t) => sum + t.needs, 0) + Math.max(0, cells.length - 1);
    return inner + (covered('left', r) ? left + 1 : 0) + (covered('right', r) ? right + 1 : 0);
  });
  const needed = Math.max(...rowNeeds, geometry.inner, left + right + 1) + 2;
  const fixed = node.hints?.width;
  if (fixed !== undefined && fixed < needed) tooNarrow(context, path, fixed, needed);
  const width = fixed ?? needed;
  // heights: each row as tall as its tallest middle cell; a spanning cell stretches its last row
  const heights = middles.map((cells) =>
    Math.max(1, ...cells.map((t) => t.lines.length + padding.top + padding.bottom)),
  );
  for (const t of tiles) {
    if (t.rows === 1) continue;
    const have = heights.slice(t.row, t.row + t.rows).reduce((a, b) => a + b, 0) + t.rows - 1;
    const want = t.lines.length + padding.top + padding.bottom;
    if (want > have) {
      const last = t.row + t.rows - 1;
      heights[last] = (heights[last] as number) + want - have;
    }
  }
  /** The row (from the stack's top border) of each row's top border. */
  const rowTop: number[] = [];
  let at = geometry.band;
  for (const h of heights) {
    rowTop.push(at);
    at += h + 1;
  }
  const boxHeight = at + 1;
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
      const right0 = x + width - 1;
      const place = (t: Tile, x0: number, x1: number): void => {
        const y0 = y + (rowTop[t.row] as number);
        const y1 =
          y + (rowTop[t.row + t.rows - 1] as number) + (heights[t.row + t.rows - 1] as number) + 1;
        sink.boxes.push({
          id: t.node.id,
          kind: 'layer',
          x: x0,
          y: y0,
          width: x1 - x0 + 1,
          height: y1 - y0 + 1,
          depth: depth + 1,
          readOnly: t.node.readOnly,
        });
        const inner = y1 - y0 - 1;
        const first = y0 + 1 + Math.max(0, Math.floor((inner - t.lines.length) / 2));
        placeLabel(
          sink,
          t.node.id,
          t.lines,
          x0 + 1,
          first,
          x1 - x0 - 1,
          t.node.hints?.labelAlign ?? 'center',
          padding,
          t.node.hints?.labelOffset ?? 0,
        );
      };
      for (const t of tiles) {
        if (t.column === 'left') place(t, x, x + left + 1);
        if (t.column === 'right') place(t, right0 - right - 1, right0);
      }
      middles.forEach((cells, r) => {
        const x0 = covered('left', r) ? x + left + 1 : x;
        const x1 = covered('right', r) ? right0 - right - 1 : right0;
        // the row's width is shared out: each cell its need, the rest evenly, from the left
        const room = x1 - x0 - 1 - Math.max(0, cells.length - 1);
        const spare = room - cells.reduce((sum, t) => sum + t.needs, 0);
        let cursor = x0;
        cells.forEach((t, i) => {
          const extra = Math.floor(spare / cells.length) + (i < spare % cells.length ? 1 : 0);
          const end = i === cells.length - 1 ? x1 : cursor + t.needs + extra + 1;
          place(t, cursor, end);
          cursor = end;
        });
      });
    },
  };
}
