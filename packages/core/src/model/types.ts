/** Every kind of node a diagram can hold. */
export const NODE_KINDS = ['host', 'client', 'api', 'daemon', 'stack', 'layer', 'box'] as const;
/** A kind of node: `host` contains nodes, `stack` contains layers, the rest are boxes. */
export type NodeKind = (typeof NODE_KINDS)[number];
/** Kinds drawn as a single labelled box. */
export type LeafKind = 'client' | 'api' | 'daemon' | 'box';

/** Which way a connection points. */
export const CONNECTION_DIRECTIONS = ['none', 'forward', 'both'] as const;
/** `none` draws no arrowheads, `forward` one at the target, `both` one at each end. */
export type ConnectionDirection = (typeof CONNECTION_DIRECTIONS)[number];

/** How a connection's line is drawn. */
export const LINE_STYLES = ['solid', 'dashed', 'dotted'] as const;
/** A connection's line style. */
export type LineStyle = (typeof LINE_STYLES)[number];

/** How a container arranges its children. */
export const FLOW_DIRECTIONS = ['down', 'right', 'grid'] as const;
/**
 * `down`: one below the other; `right`: side by side, left to right; `grid`: rows of
 * `columns` cells, filled left to right, then top to bottom.
 */
export type FlowDirection = (typeof FLOW_DIRECTIONS)[number];

/** Horizontal alignment of a label inside its box. */
export const ALIGNMENTS = ['left', 'center', 'right'] as const;
/** A label alignment. */
export type Alignment = (typeof ALIGNMENTS)[number];

/** How a stack is drawn. */
export const STACK_LAYOUTS = ['joined', 'separate'] as const;
/** `joined`: one box with a rule between layers; `separate`: one box per layer, joined by connectors. */
export type StackLayout = (typeof STACK_LAYOUTS)[number];

/** Where a stack's caption goes. */
export const CAPTION_PLACES = ['stack', 'diagram'] as const;
/** `stack`: right under the stack; `diagram`: under the whole picture, from its first column. */
export type CaptionPlace = (typeof CAPTION_PLACES)[number];

/** Space in character cells on each side. */
export interface Spacing {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Optional layout hints for a node, used to reproduce a hand-drawn diagram exactly.
 * Without hints the layout is canonical: content-sized boxes, centred labels, even margins.
 */
export interface NodeHints {
  /** Fixed outer width in columns, borders included. */
  width?: number;
  /** Space between the border and the content (for a host, its children). */
  padding?: Partial<Spacing>;
  /** How each label line is aligned inside the box. @default 'center' */
  labelAlign?: Alignment;
  /** Columns to shift the label right (negative: left) from its aligned position. @default 0 */
  labelOffset?: number;
  /** For stacks: one joined box, or a box per layer joined by connectors. @default 'joined' */
  layout?: StackLayout;
  /** For stacks: where the caption goes. @default 'stack' */
  captionAt?: CaptionPlace;
}

/** Optional layout hints for a connection. */
export interface ConnectionHints {
  /** Rows (or columns) of line between the two boxes. */
  length?: number;
  /** Which row of the connector the note's first line sits on, from 0. */
  noteRow?: number;
  /** Whether the line joins the box borders with a junction glyph (`╦`). @default true */
  join?: boolean;
}

interface NodeBase {
  /** Stable id: given, or derived from the label (`Rest API` → `rest-api`). */
  id: string;
  /** The text shown; `\n` breaks lines. */
  label: string;
  /** Layout hints. */
  hints?: NodeHints;
}

/** A container with a title band that holds other nodes. */
export interface HostNode extends NodeBase {
  kind: 'host';
  /** Layout direction of the children. @default 'down' */
  direction: FlowDirection;
  /** For `grid`: cells per row. @default the smallest n with n × n ≥ the number of children */
  columns?: number;
  /** The nodes inside, in order. */
  children: Node[];
}

/** A labelled box: a client, an API, a daemon or anything else. */
export interface LeafNode extends NodeBase {
  kind: LeafKind;
}

/** One layer of a stack, such as an image layer. */
export interface LayerNode extends NodeBase {
  kind: 'layer';
  /** The instruction that made the layer, such as `FROM`, `RUN` or `CMD`. */
  instruction?: string;
  /** Whether the layer is read-only. @default false */
  readOnly: boolean;
}

/** An ordered stack of layers; the first layer is the base the others build on. */
export interface StackNode extends NodeBase {
  kind: 'stack';
  /** The layers, base first. */
  layers: LayerNode[];
  /** A caption for the whole stack. */
  caption?: string;
}

/** Any node of a diagram. */
export type Node = HostNode | LeafNode | LayerNode | StackNode;

/** A line between two nodes, with an optional note beside it. */
export interface Connection {
  /** Stable id, derived from the endpoints (`client->api`) unless given. */
  id: string;
  /** Id of the node the connection starts at. */
  from: string;
  /** Id of the node the connection ends at. */
  to: string;
  /** Text beside the line; `\n` breaks lines. */
  note?: string;
  /** Arrowheads. @default 'none' */
  direction: ConnectionDirection;
  /** Line style. @default 'solid' */
  style: LineStyle;
  /** Layout hints. */
  hints?: ConnectionHints;
}

/** A validated diagram: every id resolved, every default filled in. */
export interface Diagram {
  /** A title for the diagram as a whole (used for accessibility and documents). */
  title?: string;
  /** Layout direction of the top-level nodes. @default 'down' */
  direction: FlowDirection;
  /** For `grid`: cells per row. @default the smallest n with n × n ≥ the number of nodes */
  columns?: number;
  /** The top-level nodes, in order. */
  nodes: Node[];
  /** The connections between nodes. */
  connections: Connection[];
}
