import { type ObjectSpec, s } from './spec.js';
import {
  ALIGNMENTS,
  ANNOTATION_PLACES,
  BORDER_STYLES,
  CAPTION_PLACES,
  CONNECTION_DIRECTIONS,
  FLOW_AXES,
  FLOW_DIRECTIONS,
  LINE_STYLES,
  NODE_KINDS,
  NOTE_ENDS,
  NOTE_SIDES,
  SIDES,
  STACK_LAYOUTS,
  TITLE_PLACES,
} from './types.js';

/** Ids: letters, digits, `-`, `_`, `.`, `:` and `>` (as in `client->api`), starting with a letter or digit. */
export const ID_PATTERN = '^[\\p{L}\\p{N}][\\p{L}\\p{N}_.:>-]*$';

const cells = (what: string, minimum = 0) => s.integer(what, { minimum, maximum: 10_000 });

const spacing = s.object(
  'Space in character cells on each side.',
  {
    top: cells('Cells above.'),
    right: cells('Cells to the right.'),
    bottom: cells('Cells below.'),
    left: cells('Cells to the left.'),
  },
  { example: { top: 1, left: 11, right: 13, bottom: 1 } },
);

const nodeHints = s.object(
  'Layout hints, to reproduce a hand-drawn diagram exactly. Without them the layout is canonical.',
  {
    width: cells('Fixed outer width in columns, borders included.', 3),
    padding: spacing,
    labelAlign: s.enum('How each label line is aligned inside the box.', ALIGNMENTS),
    labelOffset: s.integer('Columns to shift the label right (negative: left).', {
      minimum: -10_000,
      maximum: 10_000,
    }),
    layout: s.enum(
      'For stacks: one joined box (joined), or a box per layer joined by connectors (separate).',
      STACK_LAYOUTS,
    ),
    captionAt: s.enum(
      'For stacks: the caption right under the stack, or under the whole diagram.',
      CAPTION_PLACES,
    ),
  },
  { example: { width: 59, labelAlign: 'center', labelOffset: 1 } },
);

const connectionHints = s.object(
  'Layout hints for a connection.',
  {
    length: cells('Rows of line between the two boxes.', 1),
    noteRow: cells("Which row of the connector the note's first line sits on, from 0."),
    join: s.boolean('Whether the line joins the box borders with a junction glyph.'),
    noteSide: s.enum(
      'The side of its line the note goes on: left or right of a vertical line, above or below a horizontal one (asked of a line the other way: the end it goes to).',
      NOTE_SIDES,
    ),
    noteAt: s.enum('The end of its line the note goes near: start (the source) or end.', NOTE_ENDS),
    fromSide: s.enum('The side of the source box the line leaves from.', SIDES),
    toSide: s.enum('The side of the target box the line enters.', SIDES),
  },
  { example: { length: 3, noteRow: 1, join: false } },
);

const label = s.string('The text shown; a line break starts a new line.', {
  example: 'Rest API',
});

/** Kinds people write from other tools or from what the thing is, and the kind that draws it. */
const KIND_HABITS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    database: 'db datastore store storage volume disk bucket cylinder sql cache',
    queue: 'mq broker topic stream bus pubsub',
    user: 'person actor human people customer',
    client: 'browser frontend ui web mobile cli terminal',
    api: 'gateway rest endpoint',
    daemon: 'process worker agent job cron',
    external: 'cloud internet saas thirdparty third-party',
    host: 'node machine vm cluster subgraph namespace vpc',
    group: 'zone boundary',
    box: 'service server container component rectangle rect',
  }).flatMap(([kind, words]) => words.split(' ').map((word) => [word, kind])),
);

const node = s.object(
  'A node: a host or group holding children, a stack of layers, or a labelled box.',
  {
    kind: s.enum(
      'What the node is: host or group (holds children), client, api, daemon, database, queue, user, external, box, stack (holds layers). Without it: a host when it has children, a stack when it has layers, otherwise a box.',
      NODE_KINDS,
      { code: 'model/unknown-kind', example: 'api', insteadOf: KIND_HABITS },
    ),
    id: s.string(
      'Stable id; derived from the label when omitted (a repeated label gets -2, -3… in model order, and a connection may not name such an id).',
      {
        pattern: ID_PATTERN,
        example: 'rest-api',
      },
    ),
    label,
    border: s.enum(
      "The border, over the charset's: single, double, heavy, rounded, dashed, or none (a group's default).",
      BORDER_STYLES,
      { example: 'double' },
    ),
    titleAt: s.enum(
      'Where a host, group or stack puts its title: band (under the top border), border (in it), below (a caption under it) or none.',
      TITLE_PLACES,
      {
        example: 'border',
        insteadOf: {
          top: 'band',
          above: 'band',
          header: 'band',
          inline: 'border',
          legend: 'border',
          bottom: 'below',
          under: 'below',
          caption: 'below',
          hidden: 'none',
        },
      },
    ),
    direction: s.enum(
      'How a host arranges its children: auto (from their connections, along the flow), down (one below the other), right (side by side), grid, or sequence (participants side by side with lifelines, the connections between them messages in model order).',
      FLOW_DIRECTIONS,
    ),
    columns: cells('For a grid host: cells per row.', 1),
    children: s.array('The nodes inside a host or group, in order.', s.ref('node', 'A node.')),
    layers: s.array('The layers of a stack, base first.', s.ref('node', 'A layer.')),
    caption: s.string('A caption for a stack.'),
    instruction: s.string('The instruction that made a layer (FROM, RUN, CMD, \u2026).', {
      example: 'RUN',
    }),
    readOnly: s.boolean('Whether a layer is read-only.'),
    cells: s.array(
      'Cells side by side in a layer (TCP | UDP over IP), each a layer itself.',
      s.ref('node', 'A cell.'),
    ),
    span: cells(
      'For a cell first or last in its layer: how many layers it spans, its own and those above it.',
      1,
    ),
    hints: nodeHints,
  },
  {
    requiredUnless: { required: ['label'], property: 'kind', value: 'group', orHas: 'cells' },
    insteadOf: {
      type: 'kind',
      shape: 'kind',
      name: 'label',
      title: 'label',
      text: 'label',
      nodes: 'children',
      items: 'children',
      parent: 'children (list the node inside its container)',
      layout: 'direction',
      style: 'border',
      align: 'hints: { labelAlign: … }',
      textAlign: 'hints: { labelAlign: … }',
      labelAlign: 'hints: { labelAlign: … }',
    },
    example: { kind: 'api', label: 'Rest API' },
  },
);

/** What `from: [a, b]` or `to: [a, b]` should be written as. */
const FAN_ADVICE =
  'write one connection for each node: lines from one box to several are drawn as one trunk';

const connection = s.object(
  'A line between two nodes, with an optional note beside it.',
  {
    id: s.string('Stable id; derived from the endpoints when omitted.', { pattern: ID_PATTERN }),
    from: s.string(
      'Id of the node the connection starts at; without it the line comes from outside the diagram, its note at the open end.',
      { example: 'client', whenList: FAN_ADVICE },
    ),
    to: s.string(
      'Id of the node the connection ends at; without it the line goes out of the diagram, its note at the open end.',
      { example: 'rest-api', whenList: FAN_ADVICE },
    ),
    note: s.string(
      'Text beside the line (at its open end, when it has one); a line break starts a new line.',
    ),
    direction: s.enum(
      'Arrowheads: at the target (forward, the default), at the source (backward: the layout still runs from `from` to `to`), at both ends, or none (a plain line).',
      [...CONNECTION_DIRECTIONS],
    ),
    style: s.enum('Line style.', LINE_STYLES),
    hints: connectionHints,
  },
  {
    requiredAny: ['from', 'to'],
    example: { from: 'client', to: 'rest-api' },
    insteadOf: {
      both: 'direction: both',
      bidirectional: 'direction: both',
      twoWay: 'direction: both',
      arrow: 'direction',
      arrows: 'direction',
      dir: 'direction',
      label: 'note',
      text: 'note',
      source: 'from',
      target: 'to',
      dashed: 'style: dashed',
      dotted: 'style: dotted',
    },
  },
);

const annotation = s.object(
  'A free text block: beside a node (right of it or below it), or at an edge of the diagram.',
  {
    text: s.string('The text; a line break starts a new line.', { example: 'All traffic is TLS' }),
    node: s.string('Id of the node it is beside; without it, it goes at an edge of the diagram.', {
      example: 'rest-api',
    }),
    at: s.enum(
      'Where it goes: top, bottom (the default), left or right of the diagram; right (the default) or below a node.',
      ANNOTATION_PLACES,
    ),
  },
  {
    required: ['text'],
    example: { text: 'All traffic is TLS', at: 'bottom' },
    insteadOf: {
      beside: 'node',
      near: 'node',
      for: 'node',
      position: 'at',
      side: 'at',
      label: 'text',
      note: 'text',
    },
  },
);

/** Named specs that `ref` points at. */
export const DEFINITIONS: Readonly<Record<string, ObjectSpec>> = { node, connection, annotation };

/** The plain form of a diagram, as YAML and JSON files write it. */
export const DIAGRAM_SPEC: ObjectSpec = s.object(
  'A diagrama diagram: nodes (hosts, clients, APIs, daemons, stacks, boxes) and connections.',
  {
    $schema: s.string('The JSON Schema this file follows, for editors.'),
    title: s.string('A title for the diagram as a whole.'),
    direction: s.enum(
      'How the top-level nodes are arranged: auto (from their connections, along the flow), down (one below the other), right (side by side), grid, or sequence (participants side by side with lifelines, the connections between them messages in model order).',
      FLOW_DIRECTIONS,
    ),
    flow: s.enum(
      'The way connections run where nodes are placed automatically: down (sources above targets) or right (sources left of targets).',
      FLOW_AXES,
    ),
    trunks: s.boolean(
      'Whether lines from one node to several, or from several to one, share a trunk that branches.',
    ),
    equalHeights: s.boolean(
      'Whether containers side by side get one height, so their tops and bottoms line up, and containers stacked as tiers (each alone in its ranks, joined at its borders) one width.',
    ),
    columns: cells('For a grid diagram: cells per row.', 1),
    nodes: s.array('The top-level nodes, in order.', s.ref('node', 'A node.')),
    connections: s.array('Connections between nodes.', s.ref('connection', 'A connection.')),
    annotations: s.array(
      'Free text blocks beside nodes or at the edges of the diagram.',
      s.ref('annotation', 'An annotation.'),
    ),
  },
  {
    required: ['nodes'],
    example: { nodes: [{ kind: 'api', label: 'Rest API' }] },
    insteadOf: {
      edges: 'connections',
      links: 'connections',
      arrows: 'connections',
      notes: 'annotations',
      rankdir: 'flow',
      layout: 'direction',
      name: 'title',
    },
  },
);
