/** Every kind of node a diagram can hold. */
export const NODE_KINDS = [
  'host',
  'group',
  'client',
  'api',
  'daemon',
  'database',
  'queue',
  'user',
  'external',
  'stack',
  'layer',
  'box',
] as const;
/**
 * A kind of node: `host` and `group` contain nodes, `stack` contains layers, the rest are
 * boxes. The kinds of boxes say what a thing is, and each has its own drawing, colour and
 * pictogram: a `database` is a cylinder, a `queue` a pipe, a `user` a person, an `external`
 * system a dashed outline; `box` is anything else.
 */
export type NodeKind = (typeof NODE_KINDS)[number];
/** Kinds drawn as a single labelled box. */
export type LeafKind =
  | 'client'
  | 'api'
  | 'daemon'
  | 'database'
  | 'queue'
  | 'user'
  | 'external'
  | 'box';
/** Kinds that hold other nodes: a `host` (a machine, a boundary with a title) or a `group`. */
export type ContainerKind = 'host' | 'group';

/** How a node's border is drawn, over the diagram's charset. */
export const BORDER_STYLES = ['single', 'double', 'heavy', 'rounded', 'dashed', 'none'] as const;
/**
 * A border style: one `double` box among `single` ones marks the thing a diagram is about;
 * `dashed` marks a boundary or something outside; `none` draws no border (a group that only
 * arranges its children).
 */
export type BorderStyle = (typeof BORDER_STYLES)[number];

/** Where a container's (or a stack's) title goes. */
export const TITLE_PLACES = ['band', 'border', 'below', 'none'] as const;
/**
 * `band`: in a band under the top border, ruled off from the content; `border`: in the top
 * border itself (`╔═ Docker host ═══╗`); `below`: as a caption under the container; `none`:
 * not drawn (it still names the node in the text description).
 */
export type TitlePlace = (typeof TITLE_PLACES)[number];

/** Which way a connection points. */
export const CONNECTION_DIRECTIONS = ['none', 'forward', 'backward', 'both'] as const;
/**
 * `none` draws no arrowheads, `forward` one at the target, `backward` one at the source (the
 * layout still runs from `from` to `to`), `both` one at each end.
 */
export type ConnectionDirection = (typeof CONNECTION_DIRECTIONS)[number];

/**
 * How a connection's line is drawn: `solid`, `dashed`, `dotted`, or `heavy` and `double` — a
 * line that stands out (a tunnel, the main path), drawn `━` and `═` in text, thick and
 * doubled in SVG.
 */
export const LINE_STYLES = ['solid', 'dashed', 'dotted', 'heavy', 'double'] as const;
/** A connection's line style. */
export type LineStyle = (typeof LINE_STYLES)[number];

/** How a container arranges its children. */
export const FLOW_DIRECTIONS = ['auto', 'down', 'right', 'grid', 'sequence'] as const;
/**
 * `auto`: placed from their connections, in ranks along the diagram's `flow`, ordered so that
 * few lines cross (model order breaks ties); `down`: one below the other, in model order;
 * `right`: side by side, left to right; `grid`: rows of `columns` cells, filled left to right,
 * then top to bottom; `sequence`: side by side as participants, each with a lifeline, the
 * connections between them drawn as messages across the lifelines, in model order.
 */
export type FlowDirection = (typeof FLOW_DIRECTIONS)[number];

/** The way connections run in `auto` containers. */
export const FLOW_AXES = ['down', 'right'] as const;
/** `down`: sources above their targets; `right`: sources left of their targets. */
export type FlowAxis = (typeof FLOW_AXES)[number];

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

/** The sides of a box. */
export const SIDES = ['top', 'right', 'bottom', 'left'] as const;
/** A side of a box, where a line leaves or enters it. */
export type Side = (typeof SIDES)[number];

/** Where a note goes beside its line. */
export const NOTE_SIDES = ['left', 'right', 'above', 'below'] as const;
/**
 * Left or right of a vertical line, above or below a horizontal one. Asked of a line that
 * runs the other way, it picks the end the note goes to instead: `above` the upper end of a
 * vertical line, `left` the left end of a horizontal one.
 */
export type NoteSide = (typeof NOTE_SIDES)[number];

/** Which end of its line a note goes near. */
export const NOTE_ENDS = ['start', 'end'] as const;
/** `start`: near the source (`from`); `end`: near the target (`to`). */
export type NoteEnd = (typeof NOTE_ENDS)[number];

/** Optional layout hints for a connection. */
export interface ConnectionHints {
  /** The side of its line the note goes on. @default right of a vertical line, above a horizontal one (or the free side) */
  noteSide?: NoteSide;
  /** The end of its line the note goes near. @default the end, unless lines share it */
  noteAt?: NoteEnd;
  /** The side of the source's box the line leaves from. @default the side facing the target */
  fromSide?: Side;
  /** The side of the target's box the line enters. @default the side facing the source */
  toSide?: Side;
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
  /** The text shown; `\n` breaks lines. Empty only for a group without a title. */
  label: string;
  /** The border, over the charset's; absent draws the kind's own (a group: none). */
  border?: BorderStyle;
  /** Layout hints. */
  hints?: NodeHints;
}

/**
 * A container that holds other nodes: a `host`, titled in a band by default, or a `group`,
 * which arranges its children without a border unless asked, its title (if any) under it.
 */
export interface HostNode extends NodeBase {
  kind: ContainerKind;
  /** How the children are arranged. @default 'auto' */
  direction: FlowDirection;
  /** For `grid`: cells per row. @default the smallest n with n × n ≥ the number of children */
  columns?: number;
  /** Where the title goes. @default 'band' for a host; for a group 'border' when it has a border, else 'below' */
  titleAt: TitlePlace;
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
  /**
   * Cells side by side in this layer (TCP | UDP over IP), each a layer itself. A cell first or
   * last in its row may `span` the layers above it (a tall column beside them).
   */
  cells?: LayerNode[];
  /** For a cell: how many layers it spans, its own and the ones above it. @default 1 */
  span?: number;
}

/** An ordered stack of layers; the first layer is the base the others build on. */
export interface StackNode extends NodeBase {
  kind: 'stack';
  /** The layers, base first. */
  layers: LayerNode[];
  /** A caption for the whole stack. */
  caption?: string;
  /** Where the stack's label goes: `band` over a joined stack (above a separate one). @default 'band' */
  titleAt: TitlePlace;
}

/** Any node of a diagram. */
export type Node = HostNode | LeafNode | LayerNode | StackNode;

/** Whether a kind holds other nodes (a host or a group). */
export const isContainerKind = (kind: NodeKind): kind is ContainerKind =>
  kind === 'host' || kind === 'group';

/** Whether a node holds other nodes (a host or a group). */
export const isContainer = (node: Node): node is HostNode =>
  node.kind === 'host' || node.kind === 'group';

/** A line between two nodes, with an optional note beside it. */
export interface Connection {
  /** Stable id, derived from the endpoints (`client->api`, `->api` from outside) unless given. */
  id: string;
  /**
   * Id of the node the connection starts at. For a line from outside the diagram (`open:
   * 'from'`) it is `<connection id>(open)`, an id no node can have.
   */
  from: string;
  /** Id of the node the connection ends at; `<connection id>(open)` for a line going out. */
  to: string;
  /** Which end leaves the diagram, when one does: the line is drawn to the edge of the picture, its note there. */
  open?: 'from' | 'to';
  /** Text beside the line; `\n` breaks lines. */
  note?: string;
  /** Arrowheads. @default 'none' */
  direction: ConnectionDirection;
  /** Line style. @default 'solid' */
  style: LineStyle;
  /** Layout hints. */
  hints?: ConnectionHints;
}

/** Where an annotation goes: at an edge of the diagram, or beside (right of, below) a node. */
export const ANNOTATION_PLACES = ['top', 'bottom', 'left', 'right', 'below'] as const;
/**
 * `top`, `bottom`, `left`, `right`: at that edge of the whole diagram (`bottom` by default);
 * with a `node`, `right` (the default) or `below` it.
 */
export type AnnotationPlace = (typeof ANNOTATION_PLACES)[number];

/** A free text block, beside a node or at an edge of the diagram. */
export interface Annotation {
  /** The text; `\n` breaks lines. */
  text: string;
  /** The node it is beside, if any. */
  node?: string;
  /** Where it goes. */
  at: AnnotationPlace;
}

/** A validated diagram: every id resolved, every default filled in. */
export interface Diagram {
  /** A title for the diagram as a whole (used for accessibility and documents). */
  title?: string;
  /** How the top-level nodes are arranged. @default 'auto' */
  direction: FlowDirection;
  /** The way connections run where children are placed automatically. @default 'down' */
  flow: FlowAxis;
  /**
   * Whether lines from one node to several (or from several to one) share a trunk that
   * branches, as people draw fan-outs. @default true
   */
  trunks: boolean;
  /** Whether containers side by side get one height, so their tops and bottoms line up, and containers stacked as tiers one width. @default true */
  equalHeights: boolean;
  /** For `grid`: cells per row. @default the smallest n with n × n ≥ the number of nodes */
  columns?: number;
  /** The top-level nodes, in order. */
  nodes: Node[];
  /** The connections between nodes. */
  connections: Connection[];
  /** Free text blocks beside nodes or at the edges of the diagram. */
  annotations: Annotation[];
}
