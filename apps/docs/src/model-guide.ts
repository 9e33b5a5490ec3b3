import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderModelFile } from '@diagrama/docs-sync';
import { fenceFor } from '@diagrama/render-markdown';

/** A fenced block whose fence no run of backticks inside can close. */
function fence(content: string, info: string): string {
  const marks = fenceFor(content);
  return `${marks}${info}\n${content}\n${marks}`;
}

/** One feature of the model: prose, then its example's YAML, text and SVG. */
export interface GuideSection {
  title: string;
  /** Markdown paragraphs before the example. */
  text: string;
  /** The example model, relative to the repository root. */
  model: string;
  /** The SVG written for it, relative to the repository root. */
  image: string;
}

/** The page the guide is written to. */
export const MODEL_GUIDE_OUTPUT = 'docs/model.md';

const INTRO = `# The model, feature by feature

Every section shows a model from [\`docs/examples/\`](examples/) as written, its drawing in
text (the \`single\` charset) and in SVG. The docs app writes this page from those files
(\`pnpm docs\`), and CI fails when it drifts. The whole model is in the JSON Schema
([\`packages/core/schema/diagram.schema.json\`](../packages/core/schema/diagram.schema.json)),
which editors use to complete and check YAML; [layout.md](layout.md) explains how nodes are
placed.`;

/** The sections, in the order a reader meets the features. */
export const GUIDE_SECTIONS: readonly GuideSection[] = [
  {
    title: 'Kinds of boxes',
    text: `A node's \`kind\` says what it is, and each kind has its own drawing, colour and
pictogram, and its word in the text description: \`client\`, \`api\`, \`daemon\`, \`box\`
(anything else), and four with a shape readers expect — \`user\` (a person), \`database\` (a
cylinder: a lid under the top border), \`queue\` (a pipe: an end two cells in from the right)
and \`external\` (a system outside, dashed). \`border\` styles any one box over the charset:
here the API is the box the diagram is about.`,
    model: 'docs/examples/kinds.yaml',
    image: 'docs/img/model/kinds.svg',
  },
  {
    title: 'Headings and text in a box',
    text: `A label line of three or more dashes (\`---\`) is a rule: a line across the box,
joined to its sides, under a heading. The text under it reads as a paragraph or a list, so it
is left-aligned with its indents kept, while the heading stays centred (a \`labelAlign\` hint
lines everything up its way). A list reads the same way without a rule: two or more lines in a
row that start with a bullet (\`- \`, \`* \`, \`• \`, \`├─\`, \`└─\`) or a number (\`1. \`,
\`2) \`), or with a short name and a colon (\`Port: 5432\`, \`Logs: Loki\`), are left-aligned
under the centred lines above them (a first line of that form is a heading unless two more
follow it), and a label without a rule that
indents a line after its first (code, a call over its arguments) is left-aligned whole, its
indents kept. The rule takes a row and no width, and the text description reads
it as a dash. \`diagrama import\` turns a row of dashes inside a drawn box into this rule.`,
    model: 'docs/examples/steps.yaml',
    image: 'docs/img/model/steps.svg',
  },
  {
    title: 'Flow: which way the lines run',
    text: `Without hints, nodes are placed from their connections, sources before targets. The
diagram's \`flow\` says which way: \`down\` (the default) or \`right\` — what D2 calls
\`direction: right\` and Mermaid \`flowchart LR\`. In diagrama, \`direction\` is something
else: how one container arranges its own children by hand, in model order (\`down\` a column,
\`right\` a row, \`grid\`), which reproduces a hand drawing but routes any line that does
not join two neighbours around the others. A diagram whose top-level \`direction\` routes lines
around boxes that way, with no layout hints to say it was meant, draws as asked, and
\`diagrama render\` and \`validate\` print a \`warning[model/direction-is-arrangement]\` naming
\`flow\` (exit 0; \`--quiet\` hides it, \`--json\` lists it under \`warnings\`); libraries get the same
advice from \`adviseDiagram(diagram)\`. A conversation in numbered steps (four notes or more
such as \`1. login\`, and two boxes joined by three lines or more) gets
\`warning[model/steps-as-sequence]\` the same way, pointing at \`direction: sequence\`. Two defaults keep models short: a connection is an
arrow from \`from\` to \`to\` (\`direction: none\` draws a plain line), and a node without a
\`kind\` is a box — a host when it has \`children\`, a stack when it has \`layers\`.`,
    model: 'docs/examples/flow.yaml',
    image: 'docs/img/model/flow.svg',
  },
  {
    title: 'Groups',
    text: `A \`group\` holds children like a host and arranges them (\`direction\`, \`auto\` by
default) but draws no border unless it has one, and takes no room for one: a row of boxes in a
group is just the row. Its \`label\` is optional; a group without a border puts it under its
children, one with a border (\`border: dashed\` for a trust boundary) in the border. A line
can end on a group only when it has a border to meet.`,
    model: 'docs/examples/groups.yaml',
    image: 'docs/img/model/groups.svg',
  },
  {
    title: 'Borders and titles',
    text: `\`border\` is one of \`single\`, \`double\`, \`heavy\`, \`rounded\`, \`dashed\` and
\`none\`. \`titleAt\` places the title of a host, group or stack: \`band\` (a band under the top
border, the default for hosts and stacks), \`border\` (written into the top border, left
unless \`labelAlign\` says otherwise), \`below\` (a caption under it) or \`none\` (not drawn; the
text description still names it). Lines that cross a border with a title in it cross it past
the title; a centred title in a band that a line runs through moves to the band's start.`,
    model: 'docs/examples/borders-and-titles.yaml',
    image: 'docs/img/model/borders-and-titles.svg',
  },
  {
    title: 'Connections',
    text: `A connection joins \`from\` and \`to\`, its \`style\` \`solid\`, \`dashed\`, \`dotted\`, or
\`heavy\` and \`double\` for a line that stands out (a tunnel, the main path: \`━\` and \`═\` in
text in every charset, thick and doubled in SVG); leave one out and the line comes from (or goes to)
outside the diagram, its \`note\` at the open end — a request from nowhere, metrics sent
away. Where boxes are placed from their lines, the open end lies beyond the containers its box
sits in, so the line crosses their borders. An open end leaves along the flow unless its node already has a line that way: then
it goes across (a pipeline's stages each hang their log under them in a flow to the right),
and once most of a container's open ends do, the rest follow. Two connections in opposite directions between the same nodes are drawn as a parallel
pair, each with its own note, and a third and fourth go round the right and the left side; one connection with \`direction: both\` joins peers, drawn
side by side (see [layout.md](layout.md)). \`hints.fromSide\` and \`hints.toSide\` (\`top\`, \`right\`,
\`bottom\`, \`left\`) name the sides a line leaves and enters; a line across the flow puts its
two nodes side by side, and one against it (leaving its source from the top, or entering its
target from below, in a flow down) puts the source after its target — a cron worker drawn
under the network it writes to, its arrow pointing up. A connection from a node to itself is a
loop round a corner of its box, its note beside it — a retry, a state that stays put: right of
the box when lines meet it above and below, under it when they meet it on its left and right;
the sides hints pick the corner, and a box with no free corner left has its loop routed round
it like any other line.`,
    model: 'docs/examples/connections.yaml',
    image: 'docs/img/model/connections.svg',
  },
  {
    title: 'Sequences',
    text: `\`direction: sequence\` (on the diagram or on a host) sets the children side by side as
participants, each with a lifeline down from its box, and draws the connections between them as
messages across the lifelines, one below the other in the order the model lists them — the
round trip of a request as READMEs draw it in columns. A note sits over its message, centred
in the first gap from the sender that holds it, and a message may go from a participant to
itself (a loop to the right). A message passes over the
lifelines between its ends without joining them. Participants are boxes of any kind; the text
description lists the messages in order, and the exports write Mermaid's \`sequenceDiagram\`,
PlantUML's sequence diagram and D2's \`sequence_diagram\`.`,
    model: 'docs/examples/sequence.yaml',
    image: 'docs/img/model/sequence.svg',
  },
  {
    title: 'Annotations',
    text: `\`annotations\` are free text blocks: with a \`node\`, right of it (the default; under
it in a flow to the right, where lines leave a box on its right) or \`below\` it; without,
at an edge of the whole diagram — \`top\`, \`bottom\` (the default), \`left\` or \`right\`.
The layout makes room for them, every renderer draws them, and the text description lists
them.`,
    model: 'docs/examples/annotations.yaml',
    image: 'docs/img/model/annotations.svg',
  },
  {
    title: 'Stacks',
    text: `A \`stack\` holds \`layers\`, base first, drawn newest on top in one box with a rule
between layers; each layer's \`instruction\` and read-only mark are its badge. The stack's
\`label\` is its title (\`titleAt\` as for hosts) and its \`caption\` goes under it. \`padding\`
on a stack pads every row; a layer's own \`padding\`, \`labelAlign\` and \`labelOffset\` win for
its row.`,
    model: 'docs/examples/docker-container.yaml',
    image: 'docs/img/model/stack.svg',
  },
  {
    title: 'Tiled stacks',
    text: `A layer may hold \`cells\` side by side (TCP | UDP over IP), each a layer itself, and a
layer that holds only cells needs no label. The first or last cell of a layer may \`span\`
the layers above it: it becomes a column at that side (a HAL beside three layers). Cells
share their borders, and the junctions join in every charset.`,
    model: 'docs/examples/network-stack.yaml',
    image: 'docs/img/model/network-stack.svg',
  },
];

/** The guide's Markdown: the intro, then each section with its example. */
export async function modelGuide(root: string): Promise<string> {
  const parts = [INTRO];
  for (const section of GUIDE_SECTIONS) {
    const source = await readFile(join(root, section.model), 'utf8');
    const rendered = await renderModelFile(join(root, section.model), {
      displayName: section.model,
      charset: 'single',
    });
    const image = section.image.replace(/^docs\//, '');
    const link = section.model.replace(/^docs\//, '');
    parts.push(
      [
        `## ${section.title}`,
        section.text,
        `[\`${link.replace(/^examples\//, '')}\`](${link}):`,
        fence(source.replace(/\n$/, ''), 'yaml'),
        fence(rendered.text.replace(/\n$/, ''), 'text'),
        `![${section.title}: the SVG rendering](${image})`,
      ].join('\n\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
}
