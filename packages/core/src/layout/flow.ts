import { count } from '../errors.js';
import {
  type Connection,
  type FlowDirection,
  isContainer,
  type Node,
  type Side,
} from '../model/types.js';
import type { DisplayLine } from '../text/width.js';
import {
  type Block,
  bareRun,
  connectorFor,
  type LayoutContext,
  linesOf,
  type Placed,
  pairKey,
  placeNoteLines,
  widest,
} from './block.js';
import { measureLayered } from './layered/measure.js';
import { measureSequence } from './sequence.js';

/** Blank rows between neighbours that no connection joins. */
export const FLOW_GAP = 1;
/** Blank columns between side-by-side neighbours that no connection joins. */
export const SIDE_GAP = 3;
/** Columns between a vertical connector and its note. */
export const NOTE_GAP = 2;
/** Columns of line between side-by-side neighbours joined by a connection without a note. */
export const SIDE_LINK = 6;

interface Link {
  connection: Connection;
  notes: DisplayLine[];
  length: number;
  noteRow: number;
  /** Whether the note goes left of the line (`noteSide: left`); right by default. */
  noteLeft: boolean;
}

/** Which end of a line the model wants its note near: toward its start or its end, if either. */
function noteEnd(connection: Connection): 'start' | 'end' | undefined {
  return connection.hints?.noteAt;
}

/** Options for {@link measureFlowDown}. */
export interface FlowOptions {
  /** Join every pair of neighbours, with a plain connector where the model has none. */
  linkAll?: boolean;
}

/** Rows between unlinked neighbours one below the other, with room for routes. */
const rowGap = (context: LayoutContext): number => FLOW_GAP + context.spread;

/**
 * Columns between unlinked neighbours side by side, with room for routes; beside a container
 * (where routes between hosts pass) also room for their notes.
 */
const columnGap = (context: LayoutContext, nextToContainer: boolean): number =>
  Math.max(SIDE_GAP + 2 * context.spread, nextToContainer ? context.noteRoom : 0);

/**
 * Lays nodes out in a container's direction: one below the other, side by side, or in a grid.
 * Neighbours in a row or column are joined by straight connectors; the grid joins none (its
 * connections are routed).
 */
export function measureFlow(
  id: string,
  items: readonly Placed[],
  context: LayoutContext,
  direction: FlowDirection,
  columns?: number,
): Block {
  if (direction === 'auto') {
    // one node that is not an `auto` container of its own: nothing to rank or order
    const only = items.length === 1 ? items[0] : undefined;
    const joins = only !== undefined && isContainer(only.node) && only.node.direction === 'auto';
    if (only !== undefined && !joins) return context.measure(only.node, only.path);
    return measureLayered(id, items, context);
  }
  if (direction === 'right') return measureFlowRight(id, items, context);
  if (direction === 'grid') return measureGrid(id, items, context, columns);
  if (direction === 'sequence') return measureSequence(id, items, context);
  return measureFlowDown(id, items, context);
}

/** Whether a straight link leaving and entering on these sides honours the connection's side hints. */
function takesSides(connection: Connection, fromSide: Side, toSide: Side): boolean {
  const hints = connection.hints;
  return (hints?.fromSide ?? fromSide) === fromSide && (hints?.toSide ?? toSide) === toSide;
}

function linkBetween(
  a: Block,
  b: Block,
  context: LayoutContext,
  options: FlowOptions,
): Link | undefined {
  // text under the upper box (a caption, a title below) would be crossed: the router takes it
  if (a.height > a.boxHeight) return undefined;
  const key = pairKey(a.id, b.id);
  const given = context.pending.get(key);
  const connection: Connection | undefined =
    given ??
    (options.linkAll
      ? { id: `${a.id}->${b.id}`, from: a.id, to: b.id, direction: 'none', style: 'solid' }
      : undefined);
  if (connection === undefined) return undefined;
  // a side the model asks for that a straight link down the column does not take: routed
  const down = connection.from === a.id;
  if (!takesSides(connection, down ? 'bottom' : 'top', down ? 'top' : 'bottom')) return undefined;
  context.pending.delete(key);
  context.drawn.add(connection.id);
  const notes = linesOf(connection.note);
  const hints = connection.hints;
  const length = hints?.length ?? (notes.length > 0 ? notes.length + 2 : bareRun(connection));
  // toward the top or the bottom of the connector when the model asks for an end or a side
  const end = noteEnd(connection);
  const toward =
    end !== undefined
      ? (end === 'start') === down
        ? 'top'
        : 'bottom'
      : hints?.noteSide === 'above'
        ? 'top'
        : hints?.noteSide === 'below'
          ? 'bottom'
          : undefined;
  const noteRow =
    hints?.noteRow ??
    (toward === 'top'
      ? 0
      : toward === 'bottom'
        ? Math.max(0, length - notes.length)
        : Math.max(0, Math.min(1, length - notes.length)));
  if (noteRow + notes.length > length) {
    context.diagnostics.push({
      code: 'layout/note-too-long',
      message: `the note has ${count(notes.length, 'line')}, but from row ${noteRow} the connector has only ${count(length - noteRow, 'row')} left`,
      path: [...(context.connectionPaths.get(connection.id) ?? []), 'hints'],
      expected: `a length of at least ${noteRow + notes.length}`,
      example: `{"length":${noteRow + notes.length}}`,
    });
  }
  return { connection, notes, length, noteRow, noteLeft: hints?.noteSide === 'left' };
}

/**
 * Containers one under another are tiers, drawn as bands of one width (the widest's), as
 * hand drawings stack them: ClusterIP over NodePort over LoadBalancer. Boxes keep their size.
 */
function tiered(blocks: Block[], context: LayoutContext): Block[] {
  if (!context.equalHeights) return blocks;
  const tiers = blocks.filter((block) => block.widened);
  if (tiers.length < 2) return blocks;
  const widest = Math.max(...tiers.map((block) => block.boxWidth));
  return blocks.map((block) =>
    block.widened && block.boxWidth < widest ? block.widened(widest) : block,
  );
}

/**
 * Lays nodes out top to bottom, centred on one vertical axis so that connectors between
 * neighbours are straight; each connector's note sits to the right of it.
 */
export function measureFlowDown(
  id: string,
  items: readonly Placed[],
  context: LayoutContext,
  options: FlowOptions = {},
): Block {
  const blocks = tiered(
    items.map(({ node, path }) => context.measure(node, path)),
    context,
  );
  const links: (Link | undefined)[] = [];
  for (let i = 0; i + 1 < blocks.length; i++) {
    links.push(linkBetween(blocks[i] as Block, blocks[i + 1] as Block, context, options));
  }
  // notes left of their line need the room left of the axis
  const leftNotes = links.reduce(
    (max, link) => (link?.noteLeft ? Math.max(max, widest(link.notes) + NOTE_GAP) : max),
    0,
  );
  const axis = blocks.reduce(
    (max, block) => Math.max(max, Math.floor(block.boxWidth / 2)),
    leftNotes,
  );
  let boxWidth = 0;
  let width = 0;
  let height = 0;
  blocks.forEach((block, index) => {
    const x = axis - Math.floor(block.boxWidth / 2);
    boxWidth = Math.max(boxWidth, x + block.boxWidth);
    width = Math.max(width, x + block.width);
    height += block.height;
    if (index + 1 < blocks.length) {
      const link = links[index];
      height += link ? link.length : rowGap(context);
      if (link && link.notes.length > 0 && !link.noteLeft)
        width = Math.max(width, axis + NOTE_GAP + widest(link.notes));
    }
  });
  width = Math.max(width, boxWidth);
  return {
    id,
    width,
    height,
    boxWidth,
    boxHeight: height,
    place(left, top, depth, sink) {
      let y = top;
      const column = left + axis;
      blocks.forEach((block, index) => {
        block.place(column - Math.floor(block.boxWidth / 2), y, depth, sink);
        y += block.height;
        if (index + 1 >= blocks.length) return;
        const link = links[index];
        if (link === undefined) {
          y += rowGap(context);
          return;
        }
        const { connection } = link;
        const above = { x: column, y: y - 1 };
        const below = { x: column, y: y + link.length };
        const downward = connection.from === block.id;
        sink.connectors.push(connectorFor(connection, downward ? [above, below] : [below, above]));
        placeNoteLines(
          sink,
          connection,
          link.notes,
          link.noteLeft ? (line) => column - NOTE_GAP + 1 - line.width : () => column + NOTE_GAP,
          y + link.noteRow,
          link.noteLeft ? 'right' : 'left',
        );
        y += link.length;
      });
    },
  };
}

interface SideLink {
  connection: Connection;
  notes: DisplayLine[];
  length: number;
  /** Whether the note goes under the line (`noteSide: below`); above by default. */
  below: boolean;
  /** Where along the line: centred, or toward its left or right end. */
  align: 'left' | 'center' | 'right';
}

function sideLinkBetween(a: Block, b: Block, context: LayoutContext): SideLink | undefined {
  const key = pairKey(a.id, b.id);
  const connection = context.pending.get(key);
  if (connection === undefined) return undefined;
  const rightward = connection.from === a.id;
  const [fromSide, toSide] = rightward
    ? (['right', 'left'] as const)
    : (['left', 'right'] as const);
  if (!takesSides(connection, fromSide, toSide)) return undefined;
  context.pending.delete(key);
  context.drawn.add(connection.id);
  const notes = linesOf(connection.note);
  if (connection.hints?.noteRow !== undefined) {
    context.diagnostics.push({
      code: 'layout/unsupported-hint',
      message:
        'the noteRow hint picks the row of a vertical connector its note starts on; this connector runs left to right, its note above it',
      path: [...(context.connectionPaths.get(connection.id) ?? []), 'hints', 'noteRow'],
      expected: 'no noteRow hint on a connection between nodes side by side',
    });
  }
  const length =
    connection.hints?.length ?? Math.max(SIDE_LINK, widest(notes) + 4, context.linkRoom);
  if (notes.length > 0 && length < widest(notes) + 2) {
    context.diagnostics.push({
      code: 'layout/note-too-long',
      message: `the note is ${count(widest(notes), 'column')} wide and needs a connector of ${count(widest(notes) + 2, 'column')} (a free column on each side), but this one has ${length}`,
      path: [...(context.connectionPaths.get(connection.id) ?? []), 'hints'],
      expected: `a length of at least ${widest(notes) + 2}`,
      example: `{"length":${widest(notes) + 2}}`,
    });
  }
  const hints = connection.hints;
  const end = noteEnd(connection);
  const align =
    end !== undefined
      ? (end === 'start') === rightward
        ? 'left'
        : 'right'
      : hints?.noteSide === 'left' || hints?.noteSide === 'right'
        ? hints.noteSide
        : 'center';
  return { connection, notes, length, below: hints?.noteSide === 'below', align };
}

/**
 * Lays nodes out left to right, their boxes centred on one horizontal axis so that connectors
 * between neighbours are straight; each connector's note sits above it.
 */
export function measureFlowRight(
  id: string,
  items: readonly Placed[],
  context: LayoutContext,
): Block {
  const measured = items.map(({ node, path }) => context.measure(node, path, true));
  // containers side by side get one height, so their tops and bottoms line up
  const tallest = measured.reduce(
    (max, block) => (block.stretched ? Math.max(max, block.boxHeight) : max),
    0,
  );
  const blocks = measured.map((block) =>
    block.stretched && context.equalHeights ? block.stretched(tallest) : block,
  );
  const links: (SideLink | undefined)[] = [];
  for (let i = 0; i + 1 < blocks.length; i++) {
    links.push(sideLinkBetween(blocks[i] as Block, blocks[i + 1] as Block, context));
  }
  // stacks side by side with no line between them stand on one ground, as layer diagrams
  // (virtual machines beside containers) draw them: their bottoms line up, not their middles
  const grounded =
    items.length > 1 &&
    items.every(({ node }) => node.kind === 'stack') &&
    links.every((link) => link === undefined);
  const ground = blocks.reduce((max, block) => Math.max(max, block.boxHeight), 0);
  const half = (block: Block): number =>
    grounded ? block.boxHeight - Math.floor(ground / 2) : Math.floor(block.boxHeight / 2);
  const axis = Math.max(
    blocks.reduce((max, block) => Math.max(max, half(block)), 0),
    links.reduce((max, link) => Math.max(max, link && !link.below ? link.notes.length : 0), 0),
  );
  // notes under their line need the rows under the axis
  const under = links.reduce(
    (max, link) => (link?.below ? Math.max(max, link.notes.length) : max),
    0,
  );
  const lefts: number[] = [];
  let x = 0;
  let boxWidth = 0;
  let width = 0;
  let height = 0;
  blocks.forEach((block, index) => {
    lefts.push(x);
    boxWidth = x + block.boxWidth;
    width = Math.max(width, x + block.width);
    height = Math.max(height, axis - half(block) + block.height, under > 0 ? axis + 1 + under : 0);
    const link = links[index];
    const next = blocks[index + 1];
    const beside = block.container === true || next?.container === true;
    x += block.width + (link ? link.length : columnGap(context, beside));
  });
  return {
    id,
    width,
    height,
    boxWidth: Math.max(boxWidth, width),
    boxHeight: height,
    place(left, top, depth, sink) {
      const row = top + axis;
      blocks.forEach((block, index) => {
        const x = left + (lefts[index] ?? 0);
        block.place(x, row - half(block), depth, sink);
        const link = links[index];
        const next = blocks[index + 1];
        if (link === undefined || next === undefined) return;
        const { connection } = link;
        const start = { x: x + block.boxWidth - 1, y: row };
        const end = { x: left + (lefts[index + 1] ?? 0), y: row };
        const rightward = connection.from === block.id;
        sink.connectors.push(connectorFor(connection, rightward ? [start, end] : [end, start]));
        const gapStart = x + block.width;
        const room = end.x - gapStart;
        placeNoteLines(
          sink,
          connection,
          link.notes,
          (line) =>
            link.align === 'left'
              ? gapStart + 1
              : link.align === 'right'
                ? end.x - 1 - line.width
                : gapStart + Math.floor((room - line.width) / 2),
          link.below ? row + 1 : row - link.notes.length,
          link.align,
        );
      });
    },
  };
}

/** The number of grid columns: given, or the smallest n with n × n ≥ the number of cells. */
export const gridColumns = (count: number, columns?: number): number =>
  Math.max(1, Math.min(count, columns ?? Math.ceil(Math.sqrt(count))));

/**
 * Lays nodes out in rows of `columns` cells, each box centred in its cell. Every connection
 * between grid cells is routed.
 */
export function measureGrid(
  id: string,
  items: readonly Placed[],
  context: LayoutContext,
  columns?: number,
): Block {
  const measured = items.map(({ node, path }) => context.measure(node, path));
  const perRow = gridColumns(measured.length, columns);
  const widths: number[] = [];
  measured.forEach((block, index) => {
    const c = index % perRow;
    widths[c] = Math.max(widths[c] ?? 0, block.width);
  });
  // the boxes of a column take its width, as tiles (D2's grids, hand drawings): a box
  // with a width of its own, or one holding others, keeps it
  const blocks = measured.map((block, index) => {
    const { node, path } = items[index] as Placed;
    const width = widths[index % perRow] ?? block.width;
    if (isContainer(node) || node.kind === 'stack' || node.hints?.width !== undefined) return block;
    if (block.width === width || block.width !== block.boxWidth) return block;
    return context.measure({ ...node, hints: { ...node.hints, width } } as Node, path);
  });
  const heights: number[] = [];
  blocks.forEach((block, index) => {
    const r = Math.floor(index / perRow);
    heights[r] = Math.max(heights[r] ?? 0, block.height);
  });
  const gapX = columnGap(
    context,
    blocks.some((block) => block.container === true),
  );
  const gapY = rowGap(context) + (context.spread > 0 ? 1 : 0);
  const xs: number[] = [];
  const ys: number[] = [];
  widths.reduce((x, w, c) => {
    xs[c] = x;
    return x + w + gapX;
  }, 0);
  heights.reduce((y, h, r) => {
    ys[r] = y;
    return y + h + gapY;
  }, 0);
  const width = (xs[widths.length - 1] ?? 0) + (widths[widths.length - 1] ?? 0);
  const height = (ys[heights.length - 1] ?? 0) + (heights[heights.length - 1] ?? 0);
  return {
    id,
    width,
    height,
    boxWidth: width,
    boxHeight: height,
    place(left, top, depth, sink) {
      blocks.forEach((block, index) => {
        const c = index % perRow;
        const r = Math.floor(index / perRow);
        const x = left + (xs[c] ?? 0) + Math.floor(((widths[c] ?? 0) - block.width) / 2);
        const y = top + (ys[r] ?? 0) + Math.floor(((heights[r] ?? 0) - block.height) / 2);
        block.place(x, y, depth, sink);
      });
    },
  };
}
