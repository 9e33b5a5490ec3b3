import type {
  Alignment,
  AnnotationPlace,
  BorderStyle,
  CaptionPlace,
  ConnectionDirection,
  FlowAxis,
  FlowDirection,
  LineStyle,
  NodeKind,
  NoteEnd,
  NoteSide,
  Side,
  Spacing,
  StackLayout,
  TitlePlace,
} from './types.js';

/** Node hints as written in a model file; every field optional. */
export interface NodeHintsInput {
  width?: number;
  padding?: Partial<Spacing>;
  labelAlign?: Alignment;
  labelOffset?: number;
  layout?: StackLayout;
  captionAt?: CaptionPlace;
}

/** Connection hints as written in a model file. */
export interface ConnectionHintsInput {
  length?: number;
  noteRow?: number;
  join?: boolean;
  fromSide?: Side;
  toSide?: Side;
  noteSide?: NoteSide;
  noteAt?: NoteEnd;
}

/** A node in the plain form (YAML, JSON, builders). Ids and defaults are filled in by parsing. */
export interface NodeInput {
  /** What the node is. Defaults to `layer` inside `layers`, else `host` with children, `stack` with layers, `box`. */
  kind?: NodeKind;
  /** Stable id; derived from the label when omitted (a repeated label gets -2, -3… in model order, and a connection may not name such an id). */
  id?: string;
  /** The text shown; `\n` breaks lines. Required, but for a group. */
  label?: string;
  /** The border, over the charset's: single, double, heavy, rounded, dashed or none. */
  border?: BorderStyle;
  /** Where a host's, group's or stack's title goes: band, border, below or none. */
  titleAt?: TitlePlace;
  /** Layout direction of a host's children. */
  direction?: FlowDirection;
  /** For a `grid` host: cells per row. */
  columns?: number;
  /** The nodes inside a host or group. */
  children?: NodeInput[];
  /** The layers of a stack, base first. */
  layers?: NodeInput[];
  /** A caption for a stack. */
  caption?: string;
  /** The instruction that made a layer (FROM, RUN, CMD, …). */
  instruction?: string;
  /** Whether a layer is read-only. */
  readOnly?: boolean;
  /** Cells side by side in a layer, each a layer itself. */
  cells?: NodeInput[];
  /** For a cell first or last in its layer: how many layers it spans. */
  span?: number;
  /** Layout hints. */
  hints?: NodeHintsInput;
}

/** A connection in the plain form. Builders may pass node objects instead of ids. */
export interface ConnectionInput {
  id?: string;
  /** The node the line starts at; without it the line comes from outside the diagram. */
  from?: string | NodeInput;
  /** The node the line ends at; without it the line goes out of the diagram. */
  to?: string | NodeInput;
  note?: string;
  /** Arrowheads: `forward` (the default), `backward`, `both` or `none`. */
  direction?: ConnectionDirection;
  style?: LineStyle;
  hints?: ConnectionHintsInput;
}

/** A diagram in the plain form: what YAML and JSON files hold. */
export interface DiagramInput {
  /** The JSON Schema the file follows (ignored by diagrama, used by editors). */
  $schema?: string;
  title?: string;
  direction?: FlowDirection;
  /** The way connections run where children are placed automatically. */
  flow?: FlowAxis;
  /** Whether fan-outs and fan-ins share a trunk. */
  trunks?: boolean;
  /** Whether containers side by side get one height, and containers stacked as tiers one width. */
  equalHeights?: boolean;
  /** For a `grid` diagram: cells per row. */
  columns?: number;
  nodes: NodeInput[];
  connections?: ConnectionInput[];
  /** Free text blocks beside nodes or at the edges of the diagram. */
  annotations?: AnnotationInput[];
}

/** An annotation in the plain form. */
export interface AnnotationInput {
  text: string;
  /** The id of the node it is beside (or the node object, from the builders). */
  node?: string | NodeInput;
  /** top, bottom, left or right of the diagram; right or below a node. */
  at?: AnnotationPlace;
}
