import { count, type Diagnostic, type ModelPath } from '../errors.js';
import type { Connection, FlowAxis, Node, Spacing } from '../model/types.js';
import type { Point, Scene, SceneConnector, SceneText } from '../scene/types.js';
import type { DisplayLine } from '../text/width.js';
import { toDisplayLines } from '../text/width.js';
import type { BlockNote } from './annotations.js';
import type { LoopPlace } from './loops.js';

/**
 * Cells of a box's top border (from its left corner) where the SVG draws the box's kind
 * badge: no line attaches there. Boxes narrower than {@link BADGE_MIN_WIDTH} have no badge.
 */
export const BADGE_CELLS = [1, 2, 3] as const;
/** The narrowest box that gets a badge. */
export const BADGE_MIN_WIDTH = 6;

/**
 * Cells a line without a note takes between two borders: a cell of line before its head, or
 * between its two heads (`▲ │ ▼`), which touching would read as one mark.
 */
export const bareRun = (connection: Connection): number =>
  connection.direction === 'both' ? 3 : 2;

/**
 * Offsets along a side of `length` cells (corners included) where a line may meet it: never
 * a corner, and on a side of nine cells or more not the cell beside one either, so that a
 * line does not hug the corner (hand drawings keep it clear; rounded corners need it).
 */
export function sideOffsets(length: number): number[] {
  const keep = length >= 9 ? 2 : 1;
  const out: number[] = [];
  for (let o = keep; o <= length - 1 - keep; o++) out.push(o);
  return out;
}

/** Space between a host's border and its children when no hint says otherwise. */
export const HOST_PADDING = { top: 1, right: 2, bottom: 1, left: 2 };

/** The scene being built; blocks append to it as they are placed. */
export type SceneSink = Pick<Scene, 'boxes' | 'dividers' | 'connectors' | 'texts'>;

/**
 * A measured piece of layout. Measuring is bottom-up (sizes only); `place` is top-down and
 * writes the block's boxes and texts at absolute cell positions.
 */
export interface Block {
  /** The node it draws; the flow uses it to find connections between neighbours. */
  id: string;
  width: number;
  height: number;
  /** Width taken by boxes alone; notes may reach further, up to `width`. */
  boxWidth: number;
  /** Height taken by boxes alone; a caption under them may reach further, up to `height`. */
  boxHeight: number;
  /** Set for containers (hosts): routes pass between them, so gaps beside them hold notes. */
  container?: true;
  /** For boxes with a heading: the rows (from the top border) where a rule meets the sides. */
  ruled?: readonly number[];
  /** For containers: rows of the title band under the top border, its rule included. */
  band?: number;
  /** For containers: rows from the top border to the first row of what they hold. */
  contentTop?: number;
  /** For containers: the same block made `height` rows tall (the extra rows at the bottom). */
  stretched?(height: number): Block;
  /**
   * For containers: the same block made `width` columns wide, what it holds staying where it
   * was on the block's middle column (the extra columns go either side).
   */
  widened?(width: number): Block;
  place(x: number, y: number, depth: number, sink: SceneSink): void;
}

/** What measuring needs besides the node itself. */
export interface LayoutContext {
  /** Connections between neighbours, by unordered pair key; the flow consumes them. */
  pending: Map<string, Connection>;
  /** Every connection of the diagram, in the order of their ids. */
  connections: readonly Connection[];
  /** The connections touching each node (by id), in the order of their ids. */
  connectionsOf: ReadonlyMap<string, readonly Connection[]>;
  /** Ids of the connections a block draws itself; the router draws the others. */
  drawn: Set<string>;
  /** Notes of drawn connections that found no room where their block put them. */
  looseNotes: Connection[];
  /** Connections whose notes found no room in an earlier try: placed beside their other end. */
  notesElsewhere?: ReadonlySet<string>;
  /** The way connections run in `auto` containers. */
  flow: FlowAxis;
  /** Whether fan-outs and fan-ins share trunks. */
  trunks: boolean;
  /** Stand-ins for lines' open ends: their one line is drawn straight before any other. */
  openEnds?: ReadonlySet<string>;
  /** Whether containers side by side get one height, and containers stacked as tiers one width. */
  equalHeights: boolean;
  /** Throws when the time budget is spent. */
  check(): void;
  /** Where each connection is in the model, for errors. */
  connectionPaths: Map<string, ModelPath>;
  /** Problems found while laying out. */
  diagnostics: Diagnostic[];
  /** Annotations beside each node (by id), drawn with its block. */
  annotationsOf?: ReadonlyMap<string, readonly BlockNote[]>;
  /** The notes of each node's loops (lines back to itself), by id; sequences draw their own. */
  loopsOf?: ReadonlyMap<string, readonly DisplayLine[][]>;
  /** Where each node's loops go, as measuring decided (see `withLoopRoom`). */
  loopPlaces?: Map<string, LoopPlace>;
  /** Captions to draw under the whole picture, in model order. */
  diagramCaptions: { owner: string; lines: DisplayLine[] }[];
  /**
   * Measures any node (dispatches on kind). `sideways` says lines meet it on its left and
   * right (it sits in a row): then an annotation right of it goes below it instead.
   */
  measure(node: Node, path: ModelPath, sideways?: boolean): Block;
  /**
   * Extra room for routed connections: 0 when every connection joins neighbours; each
   * attempt at routing that fails lays the diagram out again with one more.
   */
  spread: number;
  /** The fewest columns beside a side-by-side container, so that routed notes fit there. */
  noteRoom: number;
  /**
   * The fewest columns of a link between neighbours side by side: 0 until a routed note found
   * no room, then as much as `noteRoom`, so that such a note fits between them.
   */
  linkRoom: number;
}

/** A node to lay out and where it is in the model. */
export interface Placed {
  node: Node;
  path: ModelPath;
}

/** Key of an unordered pair of ids. */
export const pairKey = (a: string, b: string): string =>
  a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;

/** Resolves padding hints over defaults. */
export function resolveSpacing(defaults: Spacing, hint: Partial<Spacing> | undefined): Spacing {
  return {
    top: hint?.top ?? defaults.top,
    right: hint?.right ?? defaults.right,
    bottom: hint?.bottom ?? defaults.bottom,
    left: hint?.left ?? defaults.left,
  };
}

/** The widest of some display lines. */
export const widest = (lines: readonly DisplayLine[]): number =>
  lines.reduce((max, line) => Math.max(max, line.width), 0);

/** Display lines of optional text; no text gives no lines. */
export const linesOf = (text: string | undefined): DisplayLine[] =>
  text === undefined || text === '' ? [] : toDisplayLines(text);

/** Records a fixed-width hint that is too small for the content. */
export function tooNarrow(
  context: LayoutContext,
  path: ModelPath,
  width: number,
  needed: number,
): void {
  context.diagnostics.push({
    code: 'layout/too-narrow',
    message: `a width of ${count(width, 'column')} is too small for this node's content`,
    path: [...path, 'hints', 'width'],
    expected: `at least ${count(needed, 'column')}, or no width hint`,
    example: `{"width":${needed}}`,
  });
}

/** The scene connector drawing a connection along `points` (from its source to its target). */
export function connectorFor(
  connection: Connection,
  points: Point[],
  routed = false,
): SceneConnector {
  return {
    id: connection.id,
    from: connection.from,
    to: connection.to,
    points,
    style: connection.style,
    arrowStart: connection.direction === 'both' || connection.direction === 'backward',
    arrowEnd: connection.direction === 'both' || connection.direction === 'forward',
    join: connection.hints?.join ?? true,
    ...(routed ? { routed: true as const } : {}),
  };
}

/** Writes a connection's note, one scene text per non-empty line, from `(x, y)` down. */
export function placeNoteLines(
  sink: SceneSink,
  connection: Connection,
  lines: readonly DisplayLine[],
  x: (line: DisplayLine) => number,
  y: number,
  align: SceneText['align'],
): void {
  lines.forEach((line, n) => {
    if (line.width === 0) return;
    sink.texts.push({
      id: `${connection.id}:note:${n}`,
      owner: connection.id,
      role: 'note',
      x: x(line),
      y: y + n,
      width: line.width,
      text: line.text,
      align,
    });
  });
}
