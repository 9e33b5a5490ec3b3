import type { Connection } from '../model/types.js';
import type { DisplayLine } from '../text/width.js';
import { type Block, type LayoutContext, linesOf, type Placed, pairKey, widest } from './block.js';

/** Blank rows between neighbours that no connection joins. */
export const FLOW_GAP = 1;
/** Columns between a vertical connector and its note. */
export const NOTE_GAP = 2;

interface Link {
  connection: Connection;
  notes: DisplayLine[];
  length: number;
  noteRow: number;
}

/** Options for {@link measureFlowDown}. */
export interface FlowOptions {
  /** Join every pair of neighbours, with a plain connector where the model has none. */
  linkAll?: boolean;
}

function linkBetween(
  a: Block,
  b: Block,
  context: LayoutContext,
  options: FlowOptions,
): Link | undefined {
  const key = pairKey(a.id, b.id);
  const given = context.pending.get(key);
  const connection: Connection | undefined =
    given ??
    (options.linkAll
      ? { id: `${a.id}->${b.id}`, from: a.id, to: b.id, direction: 'none', style: 'solid' }
      : undefined);
  if (connection === undefined) return undefined;
  context.pending.delete(key);
  const notes = linesOf(connection.note);
  const hints = connection.hints;
  const length = hints?.length ?? (notes.length > 0 ? notes.length + 2 : 2);
  const noteRow = hints?.noteRow ?? Math.max(0, Math.min(1, length - notes.length));
  if (noteRow + notes.length > length) {
    context.diagnostics.push({
      code: 'layout/note-too-long',
      message: `the note has ${notes.length} lines but only ${length - noteRow} rows of connector from row ${noteRow}`,
      path: [...(context.connectionPaths.get(connection.id) ?? []), 'hints'],
      expected: `a length of at least ${noteRow + notes.length}`,
      example: `{"length":${noteRow + notes.length}}`,
    });
  }
  return { connection, notes, length, noteRow };
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
  const blocks = items.map(({ node, path }) => context.measure(node, path));
  const links: (Link | undefined)[] = [];
  for (let i = 0; i + 1 < blocks.length; i++) {
    links.push(linkBetween(blocks[i] as Block, blocks[i + 1] as Block, context, options));
  }
  const axis = blocks.reduce((max, block) => Math.max(max, Math.floor(block.boxWidth / 2)), 0);
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
      height += link ? link.length : FLOW_GAP;
      if (link && link.notes.length > 0)
        width = Math.max(width, axis + NOTE_GAP + widest(link.notes));
    }
  });
  width = Math.max(width, boxWidth);
  return {
    id,
    width,
    height,
    boxWidth,
    place(left, top, depth, sink) {
      let y = top;
      const column = left + axis;
      blocks.forEach((block, index) => {
        block.place(column - Math.floor(block.boxWidth / 2), y, depth, sink);
        y += block.height;
        if (index + 1 >= blocks.length) return;
        const link = links[index];
        if (link === undefined) {
          y += FLOW_GAP;
          return;
        }
        const { connection } = link;
        const above = { x: column, y: y - 1 };
        const below = { x: column, y: y + link.length };
        const downward = connection.from === block.id;
        sink.connectors.push({
          id: connection.id,
          from: connection.from,
          to: connection.to,
          points: downward ? [above, below] : [below, above],
          style: connection.style,
          arrowStart: connection.direction === 'both',
          arrowEnd: connection.direction !== 'none',
          join: connection.hints?.join ?? true,
        });
        link.notes.forEach((line, row) => {
          if (line.width === 0) return;
          sink.texts.push({
            id: `${connection.id}:note:${row}`,
            owner: connection.id,
            role: 'note',
            x: column + NOTE_GAP,
            y: y + link.noteRow + row,
            width: line.width,
            text: line.text,
            align: 'left',
          });
        });
        y += link.length;
      });
    },
  };
}
