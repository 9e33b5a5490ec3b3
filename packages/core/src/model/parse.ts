import {
  aKind,
  count,
  type Diagnostic,
  DiagramaError,
  escapeForTerminal,
  formatPath,
  type ModelPath,
  quote,
} from '../errors.js';
import { type Limits, limitMessage, resolveLimits } from '../limits.js';
import { clusters } from '../text/width.js';
import { checkShape, suggest } from './check.js';
import { slugify } from './ids.js';
import { DEFINITIONS, DIAGRAM_SPEC } from './plain-spec.js';
import {
  ANNOTATION_PLACES,
  type Annotation,
  BORDER_STYLES,
  type BorderStyle,
  type Connection,
  type ConnectionHints,
  type Diagram,
  FLOW_DIRECTIONS,
  type FlowDirection,
  type LayerNode,
  type LeafKind,
  LINE_STYLES,
  type LineStyle,
  NODE_KINDS,
  NOTE_ENDS,
  NOTE_SIDES,
  type Node,
  type NodeHints,
  type NodeKind,
  SIDES,
  type Side,
  TITLE_PLACES,
  type TitlePlace,
} from './types.js';

/** Options for {@link checkDiagram} and {@link parseDiagram}. */
export interface CheckOptions {
  /** Limits on the model's size; defaults to `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
}

/** The result of {@link checkDiagram}: a diagram when there were no problems. */
export interface CheckResult {
  /** The validated diagram, present only when `diagnostics` is empty. */
  diagram?: Diagram;
  /** Every problem found. */
  diagnostics: Diagnostic[];
}

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Characters never allowed in labels: C0/C1 controls (but line breaks and tabs), bidi controls. */
const FORBIDDEN_TEXT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/u;

const KIND_FIELDS: Readonly<Record<string, NodeKind[]>> = {
  direction: ['host', 'group'],
  columns: ['host', 'group'],
  children: ['host', 'group'],
  titleAt: ['host', 'group', 'stack'],
  border: NODE_KINDS.filter((kind) => kind !== 'layer'),
  layers: ['stack'],
  caption: ['stack'],
  instruction: ['layer'],
  readOnly: ['layer'],
  cells: ['layer'],
  span: ['layer'],
};

const KIND_FIELD_LIST = Object.entries(KIND_FIELDS);

interface Walk {
  limits: Limits;
  diagnostics: Diagnostic[];
  /** Node objects (by identity) to the path they were found at. */
  nodePaths: Map<object, ModelPath>;
  /** Path key to the resolved id. */
  idsByPath: Map<string, string>;
  ids: Set<string>;
}

/** A path as a map key: field names and indices alternate, so joining them is unambiguous. */
const pathKey = (path: ModelPath): string => path.join('\u0000');

/** A container's direction and grid columns, validated by the spec already. */
function arrangement(raw: Raw): { direction: FlowDirection; columns?: number } {
  const direction = FLOW_DIRECTIONS.find((d) => d === raw.direction) ?? 'auto';
  return typeof raw.columns === 'number' ? { direction, columns: raw.columns } : { direction };
}

function collectNodes(list: unknown, path: ModelPath, walk: Walk, out: [Raw, ModelPath][]): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, index) => {
    if (!isRecord(item)) return;
    const here = [...path, index];
    walk.nodePaths.set(item, here);
    out.push([item, here]);
    collectNodes(item.children, [...here, 'children'], walk, out);
    collectNodes(item.layers, [...here, 'layers'], walk, out);
    collectNodes(item.cells, [...here, 'cells'], walk, out);
  });
}

/** Checks a text at `path` + `field`; the path is built only for a problem. */
function checkText(value: unknown, at: ModelPath, field: string, walk: Walk): void {
  if (typeof value !== 'string') return;
  const path = () => [...at, field];
  const { maxLabelGraphemes, maxGraphemeCodePoints } = walk.limits;
  const tooLong = (seen: number) =>
    walk.diagnostics.push({
      code: 'limit/label-length',
      message: limitMessage('maxLabelGraphemes', 'the text length in graphemes', seen, walk.limits),
      path: path(),
      expected: `at most ${count(maxLabelGraphemes, 'grapheme')}`,
    });
  if (value.length > maxLabelGraphemes * maxGraphemeCodePoints * 2) {
    tooLong(value.length);
    return;
  }
  let graphemes = 0;
  for (const cluster of clusters(value)) {
    graphemes++;
    let codePoints = 0;
    for (const _ of cluster) codePoints++;
    if (codePoints > maxGraphemeCodePoints) {
      walk.diagnostics.push({
        code: 'limit/grapheme-size',
        message: limitMessage(
          'maxGraphemeCodePoints',
          'the number of code points in one grapheme',
          codePoints,
          walk.limits,
        ),
        path: path(),
        expected: `graphemes of at most ${count(maxGraphemeCodePoints, 'code point')} (stacked combining marks?)`,
      });
      return;
    }
  }
  if (graphemes > maxLabelGraphemes) {
    tooLong(graphemes);
    return;
  }
  const bad = FORBIDDEN_TEXT.exec(value);
  if (bad) {
    walk.diagnostics.push({
      code: 'model/control-character',
      message: `text contains the control character ${escapeForTerminal(bad[0])}`,
      path: path(),
      expected: 'printable text; use a line break (\\n) to start a new line',
    });
  }
}

/**
 * Gives every node its id: the one written, else one from its label (or kind), made unique
 * with a suffix in model order. Two labels that give the same id are an error only when
 * something names that id (`referenced`): the VM-and-containers drawing repeats "App A" in
 * both stacks, and nothing needs to tell the two apart until a line names one.
 */
function assignIds(nodes: [Raw, ModelPath][], walk: Walk, referenced: ReadonlySet<string>): void {
  /** Where each id came from: the path of its node, and whether the id was written. */
  const owners = new Map<string, { path: ModelPath; given: boolean }>();
  const nextSuffix = new Map<string, number>();
  for (const [node, path] of nodes) {
    if (typeof node.id !== 'string') continue;
    if (walk.ids.has(node.id)) {
      walk.diagnostics.push({
        code: 'model/duplicate-id',
        message: `the id ${quote(node.id)} is used by more than one node`,
        path: [...path, 'id'],
        expected: 'a unique id for every node',
      });
      continue;
    }
    walk.ids.add(node.id);
    owners.set(node.id, { path, given: true });
    walk.idsByPath.set(pathKey(path), node.id);
  }
  for (const [node, path] of nodes) {
    if (typeof node.id === 'string') continue;
    const fromLabel = slugify(typeof node.label === 'string' ? node.label : '');
    const base = fromLabel || (typeof node.kind === 'string' ? node.kind : 'node');
    const owner = owners.get(base);
    let id = base;
    for (let n = nextSuffix.get(base) ?? 2; walk.ids.has(id); n++) {
      id = `${base}-${n}`;
      nextSuffix.set(base, n + 1);
    }
    if (fromLabel !== '' && owner !== undefined && (referenced.has(base) || referenced.has(id))) {
      // a connection naming this id could mean either node: say so instead of guessing
      const kind = typeof node.kind === 'string' ? node.kind : 'box';
      walk.diagnostics.push({
        code: 'model/ambiguous-id',
        message: owner.given
          ? `this node's label gives the id ${quote(base)}, which the node at ${formatPath(owner.path)} already has`
          : `this node and the node at ${formatPath(owner.path)} both get the id ${quote(base)} from their labels`,
        path: [...path, 'label'],
        expected: 'an explicit `id` on one of them, so that connections can tell them apart',
        example: JSON.stringify({ kind, id: `${base}-2`, label: node.label }),
      });
    }
    walk.ids.add(id);
    owners.set(id, { path, given: false });
    walk.idsByPath.set(pathKey(path), id);
  }
}

function toNodeHints(raw: unknown): NodeHints | undefined {
  if (!isRecord(raw)) return undefined;
  const hints: NodeHints = {};
  if (typeof raw.width === 'number') hints.width = raw.width;
  if (isRecord(raw.padding)) {
    const padding: NodeHints['padding'] = {};
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      const value = raw.padding[side];
      if (typeof value === 'number') padding[side] = value;
    }
    hints.padding = padding;
  }
  if (raw.labelAlign === 'left' || raw.labelAlign === 'center' || raw.labelAlign === 'right') {
    hints.labelAlign = raw.labelAlign;
  }
  if (typeof raw.labelOffset === 'number') hints.labelOffset = raw.labelOffset;
  if (raw.layout === 'joined' || raw.layout === 'separate') hints.layout = raw.layout;
  if (raw.captionAt === 'stack' || raw.captionAt === 'diagram') hints.captionAt = raw.captionAt;
  return hints;
}

function toConnectionHints(raw: unknown): ConnectionHints | undefined {
  if (!isRecord(raw)) return undefined;
  const hints: ConnectionHints = {};
  if (typeof raw.length === 'number') hints.length = raw.length;
  if (typeof raw.noteRow === 'number') hints.noteRow = raw.noteRow;
  if (typeof raw.join === 'boolean') hints.join = raw.join;
  const side = (value: unknown): Side | undefined => SIDES.find((s) => s === value);
  const fromSide = side(raw.fromSide);
  const toSide = side(raw.toSide);
  if (fromSide) hints.fromSide = fromSide;
  if (toSide) hints.toSide = toSide;
  const noteSide = NOTE_SIDES.find((n) => n === raw.noteSide);
  const noteAt = NOTE_ENDS.find((n) => n === raw.noteAt);
  if (noteSide) hints.noteSide = noteSide;
  if (noteAt) hints.noteAt = noteAt;
  return hints;
}

/**
 * The kind a node without one gets from what it holds: a layer inside `layers`, a host when it has
 * `children`, a stack when it has `layers`, otherwise a plain box — what a user writing
 * `{label: Nginx}` means.
 */
function impliedKind(raw: Raw, inLayers: boolean): NodeKind {
  if (inLayers) return 'layer';
  if (Object.hasOwn(raw, 'children')) return 'host';
  if (Object.hasOwn(raw, 'layers')) return 'stack';
  return 'box';
}

function buildNode(raw: Raw, path: ModelPath, walk: Walk, inLayers: boolean): Node | undefined {
  const kind = (raw.kind ?? impliedKind(raw, inLayers)) as NodeKind;
  for (const [field, kinds] of KIND_FIELD_LIST) {
    if (Object.hasOwn(raw, field) && !kinds.includes(kind)) {
      // a name written over or under a box, as hand drawings do, has its own ways
      const named = field === 'caption' && kind !== 'layer' && kind !== 'host' && kind !== 'group';
      // a container's caption: its title under it, or an annotation under it beside a title
      const under = field === 'caption' && (kind === 'host' || kind === 'group');
      const id = typeof raw.id === 'string' ? raw.id : 'its-id';
      walk.diagnostics.push({
        code: 'model/misplaced-property',
        message: `\`${field}\` is not allowed on ${aKind(kind)}`,
        path: [...path, field],
        expected: named
          ? `\`caption\` only on a stack; a box's name goes in its label, over a rule (\`---\`) and the text under it, or in an annotation below the box`
          : under
            ? `\`caption\` only on a stack; ${aKind(kind)} shows its label under it with \`titleAt: below\`, or keeps its title and takes an annotation under it`
            : `\`${field}\` only on ${kinds.map(aKind).join(' or ')}`,
        ...(named
          ? { example: '{"label":"raspberry pi\\n---\\n$ ssh -R22:localhost:22 remotemoe"}' }
          : under
            ? {
                example: `{"annotations":[{"node":${JSON.stringify(id)},"at":"below","text":"MQTT Sub (localhost)"}]}`,
              }
            : {}),
      });
    }
  }
  if (inLayers && kind !== 'layer') {
    walk.diagnostics.push({
      code: 'model/invalid-child',
      message: `a stack holds only layers, not ${aKind(kind)}`,
      path: [...path, 'kind'],
      expected: 'kind: layer (or no kind at all)',
      example: '{"label":"CAPA 1(FROM) - Sistema Operativo","instruction":"FROM"}',
    });
  }
  if (!inLayers && kind === 'layer') {
    walk.diagnostics.push({
      code: 'model/invalid-child',
      message: 'a layer must be inside the `layers` of a stack',
      path: [...path, 'kind'],
      expected: 'a stack node holding this layer',
      example: '{"kind":"stack","label":"Image","layers":[{"label":"base"}]}',
    });
  }
  if (isRecord(raw.hints) && kind !== 'stack') {
    for (const field of ['layout', 'captionAt']) {
      if (Object.hasOwn(raw.hints, field)) {
        walk.diagnostics.push({
          code: 'model/misplaced-property',
          message: `the \`${field}\` hint is not allowed on ${aKind(kind)}`,
          path: [...path, 'hints', field],
          expected: `\`${field}\` only on stack nodes`,
        });
      }
    }
  }
  checkText(raw.label, path, 'label', walk);
  checkText(raw.caption, path, 'caption', walk);
  if (typeof raw.label === 'string' && raw.label.trim() === '') {
    walk.diagnostics.push({
      code: 'model/empty',
      message: 'the label is empty',
      path: [...path, 'label'],
      expected: 'some visible text',
      example: '"Rest API"',
    });
  }
  const id = walk.idsByPath.get(pathKey(path)) ?? '';
  const label = typeof raw.label === 'string' ? raw.label : '';
  const hints = toNodeHints(raw.hints);
  const border = BORDER_STYLES.find((b) => b === raw.border) as BorderStyle | undefined;
  const titleAt = TITLE_PLACES.find((t) => t === raw.titleAt) as TitlePlace | undefined;
  const base = {
    id,
    label,
    ...(border ? { border } : {}),
    ...(hints ? { hints } : {}),
  };
  const children = (key: 'children' | 'layers' | 'cells'): Node[] => {
    const list = raw[key];
    if (!Array.isArray(list)) return [];
    const out: Node[] = [];
    list.forEach((item, index) => {
      if (!isRecord(item)) return;
      const node = buildNode(item, [...path, key, index], walk, key !== 'children');
      if (node) out.push(node);
    });
    return out;
  };
  switch (kind) {
    case 'host':
      return {
        ...base,
        kind,
        ...arrangement(raw),
        titleAt: titleAt ?? 'band',
        children: children('children'),
      };
    case 'group':
      return {
        ...base,
        kind,
        ...arrangement(raw),
        // a group with a border says its title on it; one without says it underneath
        titleAt: titleAt ?? (border !== undefined && border !== 'none' ? 'border' : 'below'),
        children: children('children'),
      };
    case 'stack': {
      const layers = children('layers').filter((n): n is LayerNode => n.kind === 'layer');
      checkCells(layers, path, walk);
      if (!Array.isArray(raw.layers) || raw.layers.length === 0) {
        walk.diagnostics.push({
          code: 'model/missing-property',
          message: 'a stack needs at least one layer',
          path,
          expected: 'a `layers` list, base first',
          example:
            '{"kind":"stack","label":"Image","layers":[{"label":"base","instruction":"FROM"}]}',
        });
      }
      return {
        ...base,
        kind,
        layers,
        ...(typeof raw.caption === 'string' ? { caption: raw.caption } : {}),
        titleAt: titleAt ?? 'band',
      };
    }
    case 'layer': {
      const cells = children('cells').filter((n): n is LayerNode => n.kind === 'layer');
      return {
        ...base,
        kind,
        readOnly: raw.readOnly === true,
        ...(typeof raw.instruction === 'string' ? { instruction: raw.instruction } : {}),
        ...(Array.isArray(raw.cells) ? { cells } : {}),
        ...(typeof raw.span === 'number' ? { span: raw.span } : {}),
      };
    }
    default:
      return { ...base, kind: kind as LeafKind };
  }
}

/**
 * The rules of a stack's cells: a cell holds no cells, spans at least its own layer and no
 * more than there are above it, and spans only from the first or last place in its row (it
 * becomes a column at that side); two spanning columns on one side may not overlap.
 */
function checkCells(layers: readonly LayerNode[], path: ModelPath, walk: Walk): void {
  const taken = { first: -1, last: -1 };
  layers.forEach((layer, i) => {
    const layerPath = [...path, 'layers', i];
    if (layer.span !== undefined) {
      walk.diagnostics.push({
        code: 'model/misplaced-property',
        message: '`span` is for a cell of a layer, not a layer of the stack',
        path: [...layerPath, 'span'],
        expected: 'the layer split into `cells`, one of them spanning',
        example: '{"cells":[{"label":"Drivers"},{"label":"HAL","span":3}]}',
      });
    }
    const cells = layer.cells ?? [];
    cells.forEach((cell, c) => {
      const cellPath = [...layerPath, 'cells', c];
      if (cell.cells !== undefined) {
        walk.diagnostics.push({
          code: 'model/misplaced-property',
          message: 'a cell holds no cells of its own',
          path: [...cellPath, 'cells'],
          expected: 'the cells side by side in the layer',
        });
      }
      const span = cell.span ?? 1;
      if (span === 1) return;
      const edge = c === 0 ? 'first' : c === cells.length - 1 ? 'last' : undefined;
      const problem =
        span < 1
          ? 'a cell spans at least its own layer'
          : i + span > layers.length
            ? `the cell spans ${count(span, 'layer')}, and there ${layers.length - i === 1 ? 'is' : 'are'} only ${layers.length - i} from its own up`
            : edge === undefined
              ? 'only the first or the last cell of a layer may span layers (it becomes a column at that side)'
              : taken[edge] >= i
                ? `two cells span the same layers at the ${edge === 'first' ? 'left' : 'right'}`
                : undefined;
      if (problem) {
        walk.diagnostics.push({
          code: 'model/invalid-span',
          message: problem,
          path: [...cellPath, 'span'],
          expected:
            'a span from 1 to the number of layers from its own up, on the first or last cell',
          example: '{"cells":[{"label":"Drivers"},{"label":"HAL","span":3}]}',
        });
        return;
      }
      if (edge) taken[edge] = i + span - 1;
    });
  });
}

/** The ids connections and annotations name, as written. */
function referencedIds(root: Raw): Set<string> {
  const out = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') out.add(value);
  };
  if (Array.isArray(root.connections)) {
    for (const c of root.connections) {
      if (!isRecord(c)) continue;
      add(c.from);
      add(c.to);
    }
  }
  if (Array.isArray(root.annotations))
    for (const a of root.annotations) if (isRecord(a)) add(a.node);
  return out;
}

function resolveEndpoint(value: unknown, path: ModelPath, walk: Walk): string | undefined {
  if (typeof value === 'string') {
    if (!walk.ids.has(value)) {
      const hint = suggest(value, walk.ids);
      const end = path[path.length - 1];
      // text that names no node may be what the line comes from or goes to outside the
      // diagram (D2 and Mermaid make a node of it): say how to draw that
      const open =
        hint === undefined && (end === 'from' || end === 'to')
          ? {
              expected: `, or no \`${end}\` for a line ${end === 'to' ? 'out of' : 'into'} the diagram with ${quote(value)} at its open end`,
              example: JSON.stringify({ [end === 'to' ? 'from' : 'to']: 'a-node-id', note: value }),
            }
          : undefined;
      walk.diagnostics.push({
        code: 'model/unknown-node',
        message: `no node has the id ${quote(value)}${hint ? ` (did you mean ${quote(hint)}?)` : ''}`,
        path,
        expected: `the id of a node in this diagram${walk.ids.size > 0 ? `: ${[...walk.ids].slice(0, 8).join(', ')}` : ''}${open?.expected ?? ''}`,
        ...(open ? { example: open.example } : {}),
      });
      return undefined;
    }
    return value;
  }
  if (isRecord(value)) {
    const nodePath = walk.nodePaths.get(value);
    const id = nodePath ? walk.idsByPath.get(pathKey(nodePath)) : undefined;
    if (id === undefined) {
      walk.diagnostics.push({
        code: 'model/unknown-node',
        message: 'the connection points at a node that is not part of this diagram',
        path,
        expected: 'a node object passed in `nodes`, or its id',
      });
    }
    return id;
  }
  return undefined;
}

function buildConnections(list: unknown, walk: Walk): Connection[] {
  if (!Array.isArray(list)) return [];
  const out: Connection[] = [];
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>();
  list.forEach((raw, index) => {
    if (!isRecord(raw)) return;
    const path: ModelPath = ['connections', index];
    // an end left out is outside the diagram (but one end must be in it)
    const openFrom = !Object.hasOwn(raw, 'from') && Object.hasOwn(raw, 'to');
    const openTo = !Object.hasOwn(raw, 'to') && Object.hasOwn(raw, 'from');
    const from = openFrom ? '' : resolveEndpoint(raw.from, [...path, 'from'], walk);
    const to = openTo ? '' : resolveEndpoint(raw.to, [...path, 'to'], walk);
    checkText(raw.note, path, 'note', walk);
    if (from === undefined || to === undefined || (from === '' && to === '')) return;
    let id = typeof raw.id === 'string' ? raw.id : `${from}->${to}`;
    if (used.has(id) && typeof raw.id === 'string') {
      walk.diagnostics.push({
        code: 'model/duplicate-id',
        message: `the connection id ${quote(id)} is used twice`,
        path: [...path, 'id'],
        expected: 'a unique id for every connection',
      });
    }
    const base = id;
    // the next free suffix per base, so that many parallel connections stay linear
    for (let n = nextSuffix.get(base) ?? 2; used.has(id); n++) {
      id = `${base}-${n}`;
      nextSuffix.set(base, n + 1);
    }
    used.add(id);
    const hints = toConnectionHints(raw.hints);
    const open = openFrom ? 'from' : openTo ? 'to' : undefined;
    out.push({
      id,
      // the open end gets an id no node can have (ids never hold parentheses)
      from: openFrom ? `${id}(open)` : from,
      to: openTo ? `${id}(open)` : to,
      ...(open ? { open } : {}),
      // `from`, `to` reads as an arrow, as in every peer's language; a plain line is asked for
      direction:
        raw.direction === 'none' || raw.direction === 'backward' || raw.direction === 'both'
          ? raw.direction
          : 'forward',
      style: (LINE_STYLES as readonly unknown[]).includes(raw.style)
        ? (raw.style as LineStyle)
        : 'solid',
      ...(typeof raw.note === 'string' ? { note: raw.note } : {}),
      ...(hints ? { hints } : {}),
    });
  });
  return out;
}

function buildAnnotations(list: unknown, walk: Walk): Annotation[] {
  if (!Array.isArray(list)) return [];
  const out: Annotation[] = [];
  list.forEach((raw, index) => {
    if (!isRecord(raw) || typeof raw.text !== 'string') return;
    const path: ModelPath = ['annotations', index];
    checkText(raw.text, path, 'text', walk);
    const at = ANNOTATION_PLACES.find((p) => p === raw.at);
    if (!Object.hasOwn(raw, 'node')) {
      if (at === 'below') {
        walk.diagnostics.push({
          code: 'model/invalid-place',
          message: 'an annotation goes `below` a node, and this one names none',
          path: [...path, 'at'],
          expected: 'top, bottom, left or right (an edge of the diagram), or a `node`',
          example: '{"text":"All traffic is TLS","at":"bottom"}',
        });
        return;
      }
      out.push({ text: raw.text, at: at ?? 'bottom' });
      return;
    }
    const node = resolveEndpoint(raw.node, [...path, 'node'], walk);
    if (node === undefined) return;
    // a layer (or a cell of one) is drawn inside its stack, with no room around it
    const stack = [...walk.idsByPath].find(([key, id]) => {
      const fields = key.split('\u0000');
      return id === node && ['layers', 'cells'].includes(fields[fields.length - 2] ?? '');
    });
    if (stack) {
      const stackPath = stack[0].split('\u0000');
      const stackId = walk.idsByPath.get(pathKey(stackPath.slice(0, stackPath.indexOf('layers'))));
      walk.diagnostics.push({
        code: 'model/invalid-place',
        message: `an annotation goes beside a node, and ${quote(node)} is a layer of a stack, drawn inside it`,
        path: [...path, 'node'],
        expected: 'the id of the stack, or of a node that is not a layer',
        ...(stackId
          ? { example: `{"text":${JSON.stringify(raw.text)},"node":${JSON.stringify(stackId)}}` }
          : {}),
      });
      return;
    }
    if (at !== undefined && at !== 'right' && at !== 'below') {
      walk.diagnostics.push({
        code: 'model/invalid-place',
        message: `an annotation beside a node goes right of it or below it, not ${quote(at)}`,
        path: [...path, 'at'],
        expected: 'right or below',
        example: `{"text":"…","node":${JSON.stringify(node)},"at":"below"}`,
      });
      return;
    }
    out.push({ text: raw.text, node, at: at ?? 'right' });
  });
  return out;
}

/**
 * Validates a diagram in plain form (parsed YAML or JSON, or builder output) and returns it
 * with ids derived and defaults filled in, or every problem found. Never throws.
 */
export function checkDiagram(input: unknown, options: CheckOptions = {}): CheckResult {
  const limits = resolveLimits(options.limits);
  const walk: Walk = {
    limits,
    diagnostics: [],
    nodePaths: new Map(),
    idsByPath: new Map(),
    ids: new Set(),
  };
  const root = isRecord(input) ? input : undefined;
  const nodes: [Raw, ModelPath][] = [];
  collectNodes(root?.nodes, ['nodes'], walk, nodes);
  const connectionCount = Array.isArray(root?.connections) ? root.connections.length : 0;
  if (nodes.length > limits.maxNodes) {
    walk.diagnostics.push({
      code: 'limit/nodes',
      message: limitMessage('maxNodes', 'the number of nodes', nodes.length, limits),
      path: ['nodes'],
      expected: `at most ${count(limits.maxNodes, 'node')}`,
    });
  }
  if (connectionCount > limits.maxConnections) {
    walk.diagnostics.push({
      code: 'limit/connections',
      message: limitMessage('maxConnections', 'the number of connections', connectionCount, limits),
      path: ['connections'],
      expected: `at most ${count(limits.maxConnections, 'connection')}`,
    });
  }
  const deepest = nodes.find(
    ([, path]) => path.filter((p) => p === 'children').length > limits.maxContainerDepth,
  );
  if (deepest) {
    walk.diagnostics.push({
      code: 'limit/container-depth',
      message: limitMessage(
        'maxContainerDepth',
        'the depth of nested hosts',
        deepest[1].filter((p) => p === 'children').length,
        limits,
      ),
      path: deepest[1],
      expected: `hosts nested at most ${limits.maxContainerDepth} deep`,
    });
  }
  if (walk.diagnostics.length > 0) return { diagnostics: walk.diagnostics };
  walk.diagnostics.push(
    ...checkShape(input, DIAGRAM_SPEC, {
      definitions: DEFINITIONS,
      isReference: (value) => isRecord(value) && typeof value.label === 'string',
    }),
  );
  if (!root) return { diagnostics: walk.diagnostics };
  assignIds(nodes, walk, referencedIds(root));
  checkText(root.title, [], 'title', walk);
  const built: Node[] = [];
  if (Array.isArray(root.nodes)) {
    root.nodes.forEach((item, index) => {
      if (!isRecord(item)) return;
      const node = buildNode(item, ['nodes', index], walk, false);
      if (node) built.push(node);
    });
  }
  const connections = buildConnections(root.connections, walk);
  const annotations = buildAnnotations(root.annotations, walk);
  if (walk.diagnostics.length > 0) return { diagnostics: walk.diagnostics };
  return {
    diagram: {
      ...(typeof root.title === 'string' ? { title: root.title } : {}),
      ...arrangement(root),
      flow: root.flow === 'right' ? 'right' : 'down',
      trunks: root.trunks !== false,
      equalHeights: root.equalHeights !== false,
      nodes: built,
      connections,
      annotations,
    },
    diagnostics: [],
  };
}

/**
 * Validates a diagram in plain form and returns it, or throws a {@link DiagramaError}
 * carrying every problem found.
 * @example parseDiagram({ nodes: [{ kind: 'api', label: 'Rest API' }] })
 */
export function parseDiagram(input: unknown, options: CheckOptions = {}): Diagram {
  const result = checkDiagram(input, options);
  if (result.diagram === undefined) throw new DiagramaError(result.diagnostics);
  return result.diagram;
}
