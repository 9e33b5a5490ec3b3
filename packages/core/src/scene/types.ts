import type { BorderStyle, LineStyle, NodeKind } from '../model/types.js';

/** The scene format version; bumped when the shape changes. */
export const SCENE_VERSION = 1;

/** A cell on the grid: column `x`, row `y`, both from 0 at the top left. */
export interface Point {
  x: number;
  y: number;
}

/** A bordered rectangle of cells, borders included. */
export interface SceneBox {
  /** The model id of the node it draws. */
  id: string;
  kind: NodeKind;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Nesting depth: 0 for top-level nodes. */
  depth: number;
  /** The id of the box that holds it (a host, or the stack of a layer); absent at the top. */
  parent?: string;
  /** For layers: whether the layer is read-only. */
  readOnly?: boolean;
  /**
   * How the border is drawn, when not in the charset's own style: `none` draws no border
   * (a group that only arranges its children).
   */
  border?: BorderStyle;
}

/** A horizontal rule across a box, joined to its side borders (a title band, a layer edge). */
export interface SceneDivider {
  /** `<box id>#<n>`. */
  id: string;
  /** The box it divides. */
  box: string;
  /** The row of the rule. */
  y: number;
}

/** A connector drawn as an orthogonal polyline through cell centres. */
export interface SceneConnector {
  /** The model id of the connection. */
  id: string;
  from: string;
  to: string;
  /**
   * The polyline, first point on the source box's border, last on the target's.
   * Consecutive points share a row or a column.
   */
  points: Point[];
  style: LineStyle;
  /** An arrowhead next to the source box. */
  arrowStart: boolean;
  /** An arrowhead next to the target box. */
  arrowEnd: boolean;
  /** Whether the line joins the box borders with junction glyphs. */
  join: boolean;
  /** Set when the router drew it around boxes (rather than straight between neighbours). */
  routed?: true;
}

/** What a run of text is. */
export type SceneTextRole = 'title' | 'label' | 'note' | 'caption' | 'badge' | 'annotation';

/** One line of text at a cell position, already safe to write and measured. */
export interface SceneText {
  /** `<owner id>:<role>:<line>`. */
  id: string;
  /** The id of the box or connector it belongs to. */
  owner: string;
  role: SceneTextRole;
  /** Column of the first cell. */
  x: number;
  y: number;
  /** Width in columns. */
  width: number;
  text: string;
  /** How the line was aligned, so non-grid renderers can anchor it the same way. */
  align: 'left' | 'center' | 'right';
  /**
   * Columns a `labelOffset` hint moved the text by, to imitate a hand drawing; renderers that
   * do not draw on the cell grid may put it back where its alignment says.
   */
  nudge?: number;
  /**
   * Set when the text is written into a line (a title in its box's top border): the line
   * stops one cell before it and resumes one cell after it.
   */
  cut?: true;
}

/**
 * A positioned diagram in whole character cells: what every renderer draws. Plain data,
 * JSON-round-trippable, with ids derived from model ids.
 */
export interface Scene {
  version: typeof SCENE_VERSION;
  /** Columns. */
  width: number;
  /** Rows. */
  height: number;
  /** A title for accessibility: the diagram's title, else its first node's label. */
  title: string;
  /** A plain-text description of the diagram (see `describeDiagram`), for accessibility. */
  description: string;
  /** Boxes in paint order: containers before what they contain. */
  boxes: SceneBox[];
  dividers: SceneDivider[];
  connectors: SceneConnector[];
  texts: SceneText[];
}
