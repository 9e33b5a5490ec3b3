import type { AnnotationPlace } from '../model/types.js';
import type { SceneText } from '../scene/types.js';
import type { DisplayLine } from '../text/width.js';
import { type Block, widest } from './block.js';

/** An annotation to draw around a block: its lines, where, and the owner its texts name. */
export interface BlockNote {
  at: AnnotationPlace;
  lines: DisplayLine[];
  owner: string;
}

/** Columns between a block and an annotation beside it. */
const SIDE_GAP = 3;
/** Rows between a block and an annotation over or under it. */
const ROW_GAP = 1;

/** Where an annotation's lines are written, one row each from (`left`, `top`). */
export function annotationTexts(note: BlockNote, left: number, top: number): SceneText[] {
  const out: SceneText[] = [];
  note.lines.forEach((line, index) => {
    if (line.width === 0) return;
    out.push({
      id: `${note.owner}:annotation:${index}`,
      owner: note.owner,
      role: 'annotation',
      x: left,
      y: top + index,
      width: line.width,
      text: line.text,
      align: 'left',
    });
  });
  return out;
}

/**
 * What annotations under a node take: a blank row first when one of them goes to the
 * `bottom` (right under the node, like a caption, for `below`), their rows, the widest line.
 * `rows` counts the blank row; no notes take nothing.
 */
export function notesUnder(notes: readonly BlockNote[]): {
  rows: number;
  gap: number;
  width: number;
} {
  const under = notes.filter((n) => n.at === 'bottom' || n.at === 'below');
  const gap = under.some((n) => n.at === 'bottom') ? ROW_GAP : 0;
  const rows = under.reduce((sum, n) => sum + n.lines.length, 0);
  return { rows: rows === 0 ? 0 : rows + gap, gap, width: widest(under.flatMap((n) => n.lines)) };
}

/**
 * The block with its annotations around it: over it (`top`), under it (`bottom`, `below`),
 * left or right of it, each place's annotations one after another. Annotations right of and
 * under a block leave its box where it was (at the block's origin), so lines still meet the
 * box where they would: those are the places a node's annotations go.
 */
export function annotateBlock(block: Block, notes: readonly BlockNote[]): Block {
  if (notes.length === 0) return block;
  const at = (places: readonly AnnotationPlace[]) => notes.filter((n) => places.includes(n.at));
  const tops = at(['top']);
  const bottoms = at(['bottom', 'below']);
  const lefts = at(['left']);
  const rights = at(['right']);
  const rows = (list: readonly BlockNote[]) => list.reduce((sum, n) => sum + n.lines.length, 0);
  const columns = (list: readonly BlockNote[]) =>
    list.reduce((max, n) => Math.max(max, widest(n.lines)), 0);
  const topRows = tops.length > 0 ? rows(tops) + ROW_GAP : 0;
  const leftColumns = lefts.length > 0 ? columns(lefts) + SIDE_GAP : 0;
  const rightColumns = rights.length > 0 ? columns(rights) + SIDE_GAP : 0;
  const middle = Math.max(block.height, rows(lefts), rows(rights));
  // right under a node, like a caption; a blank row off the diagram's edges
  const { rows: bottomRows, gap: bottomGap } = notesUnder(bottoms);
  const width = Math.max(leftColumns + block.width + rightColumns, columns(tops), columns(bottoms));
  const height = topRows + middle + bottomRows;
  const kept = topRows === 0 && leftColumns === 0;
  return {
    id: block.id,
    width,
    height,
    // the box stays where it was when nothing goes over it or left of it
    boxWidth: kept ? block.boxWidth : width,
    boxHeight: kept ? block.boxHeight : height,
    ...(block.container ? { container: true as const } : {}),
    ...(block.band === undefined ? {} : { band: block.band }),
    ...(block.stretched
      ? {
          stretched: (taller: number) =>
            annotateBlock(
              (block.stretched as (h: number) => Block)(taller - (height - block.height)),
              notes,
            ),
        }
      : {}),
    place(x, y, depth, sink) {
      block.place(x + leftColumns, y + topRows, depth, sink);
      const write = (note: BlockNote, left: number, top: number): void => {
        sink.texts.push(...annotationTexts(note, left, top));
      };
      let row = y;
      for (const note of tops) {
        write(note, x, row);
        row += note.lines.length;
      }
      row = y + topRows;
      for (const note of lefts) {
        write(note, x, row);
        row += note.lines.length;
      }
      // beside a node's box, the annotation is centred on it
      row =
        y + topRows + (kept ? Math.max(0, Math.floor((block.boxHeight - rows(rights)) / 2)) : 0);
      for (const note of rights) {
        write(note, x + leftColumns + block.width + SIDE_GAP, row);
        row += note.lines.length;
      }
      row = y + topRows + middle + bottomGap;
      for (const note of bottoms) {
        write(note, x, row);
        row += note.lines.length;
      }
    },
  };
}
