import type {
  AnnotationInput,
  ConnectionInput,
  DiagramInput,
  NodeInput,
  NodeKind,
  Side,
} from '@diagrama/core';
import { aKind, count, slugify } from '@diagrama/core';
import { arrangeAsDrawn } from './arrange.js';
import { findBoxes, has, nest, type Rect } from './boxes.js';
import {
  charsetOf,
  type Drawn,
  type DrawnCharset,
  type RenderText,
  reproduce,
  trimmed,
} from './exact.js';
import { arrowOf, E, glyphOf, N, S, W } from './glyphs.js';
import { at, type Grid, positionOf, tabWidthOf, toGrid } from './grid.js';
import { unbreakLines } from './interrupted.js';
import { type FreeEnd, type LineNet, traceLines } from './lines.js';
import { realignRows } from './realign.js';
import { type DrawnSequence, readSequence } from './sequence.js';
import { readTextFlow } from './text-flow.js';

/** Something the importer could not understand, kept and reported. */
export interface ImportWarning {
  /** A stable code, `import/…`. */
  code: string;
  message: string;
  /** 1-based line and column in the file. */
  line: number;
  column: number;
}

/** What the importer decided a box is, and why: shown so the user can correct it. */
export interface KindGuess {
  label: string;
  kind: NodeKind;
  why: string;
  line: number;
  column: number;
}

/** What {@link importDrawing} read from a drawing. */
export interface ImportResult {
  /** The model, in the plain form a YAML or JSON file holds. */
  model: DiagramInput;
  /** What it could not understand, at its line and column. */
  warnings: ImportWarning[];
  /** The kind it gave each box, and why. */
  kinds: KindGuess[];
  /** Counts of what was recognised. */
  found: { boxes: number; containers: number; connections: number; notes: number };
  /**
   * With a `render` option: whether the model carries hints that render it as drawn
   * (trailing spaces aside). Without one: undefined.
   */
  exact?: boolean;
  /** The charset most boxes are drawn in (the one to render the model in). */
  charset: DrawnCharset;
}

/** How {@link importDrawing} reads a drawing. */
export interface ImportOptions {
  /** 1-based line of the drawing's first line in its file (a fenced block's first line). */
  firstLine?: number;
  /** Largest drawing accepted, in cells (rows × columns). */
  maxCells?: number;
  /**
   * Renders a model as text (render-ascii's `sceneToText` after `modelToScene`). Given, the
   * importer looks for the hints that make the model render as the drawing did, and returns
   * the model with them when it finds them (`exact: true`).
   */
  render?: RenderText;
}

/** Characters of free text kept as annotations, within what the model's limits allow. */
const MAX_KEPT_TEXT = 1500;

/** Warnings listed before the rest are counted in one. */
const MAX_WARNINGS = 100;

/** A run of text on one row: words one space apart. */
interface Run {
  row: number;
  start: number;
  end: number;
  text: string;
  used?: boolean;
}

/**
 * For a box of one line, a divider and one line: whether the second line is text under a
 * heading — left-aligned where the padding ends, or off the middle — rather than the lower of
 * two centred layers. A line both at the padding and in the middle (the widest) could be
 * either; a name over what it holds is the commoner drawing, so it reads as one box.
 */
function ruledHeading(rect: Rect, sections: readonly Run[][]): boolean {
  const row = groupRows(sections[1] as Run[])[0] as Run[];
  const start = (row[0] as Run).start;
  const centred = Math.abs(start + (row.at(-1) as Run).end - (rect.left + rect.right)) <= 1;
  return !centred || start === rect.left + 3;
}

/**
 * Whether the sections between a box's dividers are a heading and text under it rather than
 * a stack's layers: some section past the first is left-aligned and not centred (a list, a
 * paragraph), or holds a blank row. A stack's layers are one centred label each.
 */
function ruledText(rect: Rect, sections: readonly Run[][]): boolean {
  // one line over one divider over one line: a name and what it holds, as often as two layers
  if (sections.length === 2 && sections.every((s) => groupRows(s).length === 1)) {
    return ruledHeading(rect, sections);
  }
  const centre = rect.left + rect.right;
  // three or more sections each starting at one column, the first too: layers listed alike
  // (a service's components, name over detail); a heading over text starts elsewhere
  const firstStarts = sections.map((section) => groupRows(section)[0]?.[0]?.start);
  if (sections.length >= 3 && new Set(firstStarts).size === 1) return false;
  return sections.slice(1).some((section) => {
    const rows = groupRows(section);
    const starts = new Set(rows.map((row) => (row[0] as Run).start));
    const offCentre = rows.some(
      (row) => Math.abs((row[0] as Run).start + (row.at(-1) as Run).end - centre) > 2,
    );
    const blank = rows.some(
      (row, i) => i > 0 && (row[0] as Run).row - ((rows[i - 1] as Run[])[0] as Run).row > 1,
    );
    return blank || (rows.length >= 2 && starts.size === 1 && offCentre);
  });
}

/**
 * Labels whose words say what a box is. Checked in order; the first that matches wins: a
 * "Message Queue (Redis)" is a queue before it is a database.
 */
const KIND_WORDS: [NodeKind, RegExp][] = [
  ['queue', /\b(queue|cola|kafka|rabbitmq|sqs|nats|broker)\b/i],
  [
    'database',
    /\b(db|database|base de datos|postgres(ql)?|mysql|mariadb|mongo(db)?|redis|sqlite|cassandra|dynamodb|etcd)\b/i,
  ],
  ['api', /\b(api|gateway|rest|graphql|grpc)\b/i],
  // an app for a platform is what people hold (a mobile app, an iOS app); an upstream app is
  // a server, so "app" alone says nothing
  [
    'client',
    /\b(client|cliente|browser|navegador|frontend|terminal|cli|mobile|m[oó]vil|(web|desktop|phone|\w+os)[\s-]+app)\b/i,
  ],
  ['user', /\b(user|usuario|person|persona|customer|actor)\b/i],
  ['daemon', /\b(daemon|demonio|worker|service|servicio|server|servidor|scheduler)\b/i],
];

/**
 * Reads one drawing of box art and returns a model of it: boxes (and the boxes they hold),
 * their labels and kinds, the lines between them with their arrowheads, styles and notes.
 * Whatever it cannot place is kept as an annotation and reported as a warning.
 */
export function importDrawing(text: string, options: ImportOptions = {}): ImportResult {
  const result = readDrawing(text, options);
  cutLongTexts(result, options.firstLine ?? 1);
  // in reading order, and no more than a person reads
  const warnings = result.warnings;
  warnings.sort((a, b) => a.line - b.line || a.column - b.column);
  if (warnings.length > MAX_WARNINGS) {
    const more = warnings.length - MAX_WARNINGS;
    const last = warnings[MAX_WARNINGS - 1] as ImportWarning;
    warnings.length = MAX_WARNINGS;
    warnings.push({
      code: 'import/more',
      message: `${more} more warnings not shown: this may not be a drawing`,
      line: last.line,
      column: last.column,
    });
  }
  return result;
}

/**
 * Labels, notes and annotations longer than a model's label may be (a row of a thousand
 * dashes read as a name) are cut, each with a warning, so the model always validates.
 */
function cutLongTexts(result: ImportResult, line: number): void {
  const cut = (value: string | undefined): string | undefined => {
    if (value === undefined || value.length <= MAX_KEPT_TEXT) return value;
    result.warnings.push({
      code: 'import/long-text',
      message: `text longer than ${count(MAX_KEPT_TEXT, 'character')}, cut: "${clip(value)}"`,
      line,
      column: 1,
    });
    return `${value.slice(0, MAX_KEPT_TEXT - 1)}…`;
  };
  const visit = (nodes: readonly NodeInput[] | undefined): void => {
    for (const node of nodes ?? []) {
      if (typeof node.label === 'string') node.label = cut(node.label) as string;
      if (typeof node.caption === 'string') node.caption = cut(node.caption) as string;
      visit(node.children);
      visit(node.layers);
    }
  };
  visit(result.model.nodes);
  for (const c of result.model.connections ?? []) {
    if (typeof c.note === 'string') c.note = cut(c.note) as string;
  }
  for (const a of result.model.annotations ?? []) a.text = cut(a.text) as string;
}

/** A step written in brackets (`[Auth]`): a step wherever it stands, all on its line. */
const BRACKETED = /^\[[^\]\n]+\]$/u;

/** What `import/tab` says, by the tab width the drawing was read with. */
const TAB_READ = {
  4: 'a tab, read as spaces to the next multiple of four columns',
  8: 'a tab, read as spaces to the next multiple of eight columns',
} as const;

function readDrawing(text: string, options: ImportOptions): ImportResult {
  // tabs as wide as the editor that made the drawing had them
  const tabWidth = tabWidthOf(text);
  const grid = toGrid(text, options.firstLine ?? 1, tabWidth);
  const warnings: ImportWarning[] = [];
  const warn = (code: string, message: string, r: number, c: number) => {
    warnings.push({ code, message, ...positionOf(grid, r, c) });
  };
  for (const cleaned of grid.cleaned) {
    warnings.push({
      code: cleaned.what === 'tab' ? 'import/tab' : 'import/control',
      message:
        cleaned.what === 'tab'
          ? TAB_READ[tabWidth]
          : 'a control or bidi character, read as a space',
      line: cleaned.line,
      column: cleaned.column,
    });
  }
  const maxCells = options.maxCells ?? 4_000_000;
  if (grid.width * grid.height <= maxCells) {
    for (const { row, column, shift, what } of realignRows(grid)) {
      warn(
        'import/realigned',
        `a row ${shift > 0 ? 'short' : 'long'} by ${count(Math.abs(shift), 'column')} before ${what === 'line' ? 'a line' : "a box's side"} (a wide character miscounted, a slip), read as lined up`,
        row,
        column,
      );
    }
    // a line's label written across it: moved beside it, the line whole again
    unbreakLines(grid);
  }
  if (grid.width * grid.height > maxCells) {
    warn(
      'import/too-large',
      `the drawing is ${count(grid.height, 'row')} by ${count(grid.width, 'column')}, more than ${count(maxCells, 'cell')}`,
      0,
      0,
    );
    return {
      model: { nodes: [] },
      warnings,
      kinds: [],
      found: { boxes: 0, containers: 0, connections: 0, notes: 0 },
      charset: 'single',
    };
  }
  const {
    kept: rects,
    overlapping,
    inner: innerMap,
  } = nest(findBoxes(grid), grid.width, grid.height);
  for (const rect of overlapping) {
    warn('import/overlap', 'a box that overlaps another box, left out', rect.top, rect.left);
  }
  // participants side by side with lifelines and messages across them: a sequence
  const sequence = overlapping.length === 0 ? readSequence(grid, rects) : undefined;
  if (sequence) return sequenceModel(sequence, grid, text, rects, warnings, options.render);
  // no box at all: maybe a flow written as text joined by arrows
  if (rects.length === 0 && overlapping.length === 0) {
    const flow = readTextFlow(grid);
    if (flow) return flowModel(flow, grid, warnings, options.render !== undefined);
  }
  // who owns each border cell
  const owner = new Int32Array(grid.width * grid.height).fill(-1);
  const key = (r: number, c: number) => r * grid.width + c;
  for (const rect of rects) {
    for (let c = rect.left; c <= rect.right; c++) {
      owner[key(rect.top, c)] = rect.index;
      owner[key(rect.bottom, c)] = rect.index;
      for (const d of rect.dividers) owner[key(d, c)] = rect.index;
    }
    if (rect.bottomLeft !== undefined) owner[key(rect.bottom, rect.bottomLeft)] = rect.index;
    if (rect.rightAt) {
      warn('import/ragged-box', 'a box whose sides wander between columns', rect.top, rect.right);
      rect.rightAt.forEach((c, i) => {
        for (let x = Math.min(c, rect.right); x <= Math.max(c, rect.right); x++) {
          if (i === 0 || i === (rect.rightAt as number[]).length - 1 || x === c) {
            owner[key(rect.top + i, x)] = rect.index;
          }
        }
      });
    }
    for (let r = rect.top; r <= rect.bottom; r++) {
      owner[key(r, rect.left)] = rect.index;
      if (!rect.rightAt) owner[key(r, rect.right)] = rect.index;
      if (rect.split !== undefined) owner[key(r, rect.split)] = rect.index;
    }
  }
  const innermost = (r: number, c: number): number => innerMap[key(r, c)] ?? -1;
  const childrenOf: Rect[][] = rects.map(() => []);
  for (const rect of rects) if (rect.parent >= 0) childrenOf[rect.parent]?.push(rect);
  // inside a box that holds no box, every character is text (a `:` or `|` in a label)
  const leaves = new Set(
    rects.filter((r) => childrenOf[r.index]?.length === 0).map((r) => r.index),
  );
  for (const rect of rects) {
    if (!leaves.has(rect.index)) continue;
    for (let r = rect.top + 1; r < rect.bottom; r++) {
      for (let c = rect.left + 1; c < rect.right; c++) {
        if (owner[key(r, c)] === -1) owner[key(r, c)] = -2;
      }
    }
  }
  // lines: nets that meet no box are text written with line characters (a '-' in a label),
  // unless they are long lines drawn with box-drawing characters
  const lineCells = new Set<number>();
  const traced = traceLines(grid, rects, owner);
  // a line run up to another with no junction drawn (`│` under a `─` where `┬` was meant)
  const across = (end: FreeEnd): [number, number] =>
    end.side === N
      ? [end.row - 1, end.col]
      : end.side === S
        ? [end.row + 1, end.col]
        : end.side === E
          ? [end.row, end.col + 1]
          : [end.row, end.col - 1];
  const netAt = new Map<number, LineNet>();
  for (const net of traced) for (const cell of net.cells) netAt.set(cell, net);
  const merged = new Set<LineNet>();
  for (const net of traced) {
    if (merged.has(net)) continue;
    for (const end of net.ends) {
      if (end.arrow) continue;
      const [r, c] = across(end);
      const other = netAt.get(key(r, c));
      const g = other && other !== net ? glyphOf(at(grid, r, c)) : undefined;
      const straight = end.side === N || end.side === S ? E | W : N | S;
      if (!other || g?.arms !== straight) continue;
      for (const cell of net.cells) {
        other.cells.add(cell);
        netAt.set(cell, other);
      }
      // met at the other line's own last cell, the two are one line turning a corner drawn
      // without its bend (`─` over `│`): that end goes, and no junction is there
      const corner = other.ends.findIndex((e) => e.row === r && e.col === c && !e.arrow);
      if (corner >= 0) other.ends.splice(corner, 1);
      else other.junctions.add(key(r, c));
      other.terminals.push(...net.terminals);
      other.ends.push(...net.ends.filter((e) => e !== end));
      other.dashed ||= net.dashed;
      other.dotted ||= net.dotted;
      merged.add(net);
      warn(
        'import/slipped-line',
        'a line that meets another with no junction drawn, joined to it',
        end.row,
        end.col,
      );
      break;
    }
  }
  /**
   * Whether a line that meets no box runs from text to text, an arrowhead at one end at least
   * (`Notifications` over `│ ▼` over `Email`, in any charset): the texts are boxes drawn
   * without a border, joined later (see `bareOf`), and the line is one.
   */
  const textToText = (net: LineNet): boolean =>
    net.ends.length === 2 &&
    // (an arrow written in a word, `b→h`, is text)
    net.cells.size >= 2 &&
    net.ends.some((e) => e.arrow) &&
    net.ends.every((e) => {
      const [r, c] = across(e);
      const word = (x: number): boolean =>
        /[^\s\p{S}]/u.test(at(grid, r, x)) && !lineCells.has(key(r, x));
      // (across a row, a blank may stand between the line and the words)
      return e.side === N || e.side === S
        ? [c, c - 1, c + 1].some(word)
        : word(c) || (at(grid, r, c) === ' ' && word(e.side === E ? c + 1 : c - 1));
    });
  const nets = traced.filter((net) => {
    if (merged.has(net)) return false;
    if (net.terminals.length > 0 || textToText(net)) {
      for (const cell of net.cells) lineCells.add(cell);
      return true;
    }
    const cells = [...net.cells];
    const ascii = cells.every((cell) => {
      const g = glyphOf(at(grid, Math.floor(cell / grid.width), cell % grid.width));
      return g === undefined || g.weight === 'ascii';
    });
    // a short line beside no word is a line too: a stub a slip of the hand cut off its line
    const wordy = (cell: number) => {
      const r = Math.floor(cell / grid.width);
      const c = cell % grid.width;
      return [c - 1, c + 1].some(
        (x) => !net.cells.has(r * grid.width + x) && /[\p{L}\p{N}]/u.test(at(grid, r, x)),
      );
    };
    if (!ascii && (cells.length >= 3 || !cells.some(wordy))) {
      for (const cell of cells) lineCells.add(cell);
      const first = Math.min(...cells);
      warn(
        'import/stray-line',
        'a line that meets no box, left out',
        Math.floor(first / grid.width),
        first % grid.width,
      );
    }
    return false;
  });
  // text runs: words one space apart, between borders and lines
  const runs: Run[] = [];
  for (let r = 0; r < grid.height; r++) {
    const row = grid.rows[r] ?? [];
    let run: Run | undefined;
    let gap = 0;
    for (let c = 0; c <= row.length; c++) {
      const ch = row[c]?.ch;
      const blocked =
        ch === undefined || (owner[key(r, c)] as number) >= 0 || lineCells.has(key(r, c));
      if (blocked || ch === ' ') {
        gap = blocked ? 2 : gap + 1;
        if (run && gap >= 2) {
          run.text = run.text.trimEnd();
          runs.push(run);
          run = undefined;
        }
        continue;
      }
      if (ch === '') continue;
      if (run && gap === 1) run.text += ' ';
      if (!run) run = { row: r, start: c, end: c, text: '' };
      run.text += ch;
      run.end = c + Math.max(0, countWide(row, c));
      gap = 0;
    }
  }
  // steps in brackets one blank apart (`[Auth] [User] [Game]`) are a step each
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i] as Run;
    const narrow = run.end - run.start + 1 === run.text.length;
    if (!narrow || !/^\[[^\]]*\](?: \[[^\]]*\])+$/u.test(run.text)) continue;
    const parts: Run[] = [];
    for (const m of run.text.matchAll(/\[[^\]]*\]/gu)) {
      const start = run.start + (m.index as number);
      parts.push({ row: run.row, start, end: start + m[0].length - 1, text: m[0] });
    }
    runs.splice(i, 1, ...parts);
  }
  const runsIn = new Map<number, Run[]>();
  for (const run of runs) {
    const inside = innermost(run.row, run.start);
    const list = runsIn.get(inside) ?? [];
    list.push(run);
    runsIn.set(inside, list);
  }
  /** Boxes in reading order once a text made a box (drawn boxes come in that order already). */
  const reading = (list: readonly Rect[]): Rect[] =>
    list.some((r) => r.bare)
      ? [...list].sort((a, b) => a.top - b.top || a.left - b.left)
      : [...list];
  const children = (index: number): Rect[] => reading(childrenOf[index] ?? []);
  // a line broken by its own note — `│` over `Check cache` over `│`, or `─── HTTP ──▶` — is
  // one line: its two pieces meet across the text, which is the note
  const broken: { net: LineNet; run: Run; near: [number, number] }[] = [];
  // free ends by cell and side, runs by row: looked up for every free end
  const ends = new Map<string, { net: LineNet; end: FreeEnd }>();
  for (const net of nets)
    for (const end of net.ends)
      if (!end.arrow) ends.set(`${end.row},${end.col},${end.side}`, { net, end });
  const endAt = (r: number, c: number, side: number) => {
    const found = ends.get(`${r},${c},${side}`);
    // a piece already joined to another is gone from `nets`
    return found && nets.includes(found.net) && found.net.ends.includes(found.end)
      ? found
      : undefined;
  };
  const runsOnRow = new Map<number, Run[]>();
  for (const run of runs) {
    const list = runsOnRow.get(run.row);
    if (list) list.push(run);
    else runsOnRow.set(run.row, [run]);
  }
  const textAt = (r: number, c: number) =>
    runsOnRow.get(r)?.find((run) => !run.used && run.start <= c && run.end >= c);
  /** Whether a run is written in the open: not in a box of text, not a container's title. */
  const open = (run: Run): boolean => {
    const inside = innermost(run.row, run.start);
    return inside < 0 || (children(inside).length > 0 && !inTitle(run, inside));
  };
  /**
   * The text an arrowhead at a free end points at, with the lines written under it (over it,
   * for an arrow pointing up) across the same columns: undefined when none is there.
   */
  const textBlockAt = (end: FreeEnd): Run[] | undefined => {
    const near = (r: number, c: number) =>
      [0, -1, 1].map((d) => textAt(r, c + d)).find((run) => run !== undefined);
    const first =
      end.side === S
        ? near(end.row + 1, end.col)
        : end.side === N
          ? near(end.row - 1, end.col)
          : end.side === E
            ? runsOnRow
                .get(end.row)
                ?.find((r) => !r.used && r.start > end.col && r.start <= end.col + 2)
            : runsOnRow
                .get(end.row)
                ?.find((r) => !r.used && r.end < end.col && r.end >= end.col - 2);
    if (!first || !open(first)) return undefined;
    // a step in brackets is all on its line
    if (BRACKETED.test(first.text)) return [first];
    const block = [first];
    const step = end.side === N ? -1 : 1;
    for (let k = 0; k < 4; k++) {
      const last = block[block.length - 1] as Run;
      const left = Math.min(...block.map((r) => r.start));
      const right = Math.max(...block.map((r) => r.end));
      const lines = (r: Run): boolean =>
        end.side === S || end.side === N
          ? r.start <= right && r.end >= left
          : end.side === E
            ? r.start === first.start
            : r.end === first.end;
      const next = runsOnRow.get(last.row + step)?.find((r) => !r.used && open(r) && lines(r));
      if (!next || block.includes(next)) break;
      block.push(next);
    }
    return block.sort((a, b) => a.row - b.row);
  };
  for (const net of ends.size === 0 ? [] : [...nets]) {
    if (!nets.includes(net)) continue;
    for (const end of [...net.ends]) {
      let join: { run: Run; other: { net: LineNet; end: FreeEnd } } | undefined;
      if (end.arrow) continue;
      const down = end.side === S ? textAt(end.row + 1, end.col) : undefined;
      if (down) {
        const other = endAt(end.row + 2, end.col, N);
        if (other && other.net !== net) join = { run: down, other };
      }
      const across =
        end.side === E
          ? [1, 2]
              .map((d) => textAt(end.row, end.col + d))
              .find((run) => run && run.start > end.col)
          : undefined;
      if (!join && across) {
        for (const d of [1, 2]) {
          const other = endAt(end.row, across.end + d, W);
          if (other && other.net !== net && other.end.col > across.end) {
            join = { run: across, other };
            break;
          }
        }
      }
      if (!join) continue;
      const { other } = join;
      for (const cell of other.net.cells) net.cells.add(cell);
      for (const cell of other.net.junctions) net.junctions.add(cell);
      net.terminals.push(...other.net.terminals);
      net.ends.splice(net.ends.indexOf(end), 1);
      net.ends.push(...other.net.ends.filter((e) => e !== other.end));
      net.dashed ||= other.net.dashed;
      net.dotted ||= other.net.dotted;
      nets.splice(nets.indexOf(other.net), 1);
      join.run.used = true;
      broken.push({ net, run: join.run, near: [end.row, end.col] });
      break;
    }
  }
  // a line drawn up to three columns short of the line it turns into (`│` coming down over a
  // `┘` two columns to its left): the two free ends, one row (or column) apart, are one line
  const slipped = (a: FreeEnd, b: FreeEnd): boolean =>
    !a.arrow &&
    !b.arrow &&
    ((a.side === S && b.side === N && b.row === a.row + 1 && Math.abs(b.col - a.col) <= 3) ||
      (a.side === E && b.side === W && b.col === a.col + 1 && Math.abs(b.row - a.row) <= 1));
  for (const net of [...nets]) {
    if (!nets.includes(net)) continue;
    for (const end of [...net.ends]) {
      const other = nets.find(
        (o) => o !== net && o.ends.some((e) => slipped(end, e) || slipped(e, end)),
      );
      if (!other) continue;
      const meet = other.ends.find((e) => slipped(end, e) || slipped(e, end)) as FreeEnd;
      for (const cell of other.cells) net.cells.add(cell);
      for (const cell of other.junctions) net.junctions.add(cell);
      net.terminals.push(...other.terminals);
      net.ends.splice(net.ends.indexOf(end), 1);
      net.ends.push(...other.ends.filter((e) => e !== meet));
      net.dashed ||= other.dashed;
      net.dotted ||= other.dotted;
      nets.splice(nets.indexOf(other), 1);
      warn(
        'import/slipped-line',
        'a line that misses the line it turns into, joined to it',
        end.row,
        end.col,
      );
    }
  }
  // notes: text beside a line (left or right of a vertical one, over or under a horizontal one)
  const netOfCell = new Map<number, number>();
  nets.forEach((net, n) => {
    for (const cell of net.cells) netOfCell.set(cell, n);
  });
  const lineAt = (r: number, c: number): number => {
    if (r < 0 || c < 0 || c >= grid.width) return -1;
    return netOfCell.get(key(r, c)) ?? -1;
  };
  interface Note {
    net: number;
    runs: Run[];
    near: [number, number];
  }
  const notes: Note[] = [];
  // a note sits up to three blanks from its line
  const besideLine = (run: Run): { net: number; near: [number, number] } | undefined => {
    for (const d of [1, 2, 3, 4, 5, 6]) {
      const l = lineAt(run.row, run.start - d);
      if (l >= 0) return { net: l, near: [run.row, run.start - d] };
      const r = lineAt(run.row, run.end + d);
      if (r >= 0) return { net: r, near: [run.row, run.end + d] };
    }
    for (const dr of [1, -1]) {
      for (let c = run.start; c <= run.end; c++) {
        const n = lineAt(run.row + dr, c);
        if (n >= 0) return { net: n, near: [run.row + dr, c] };
      }
    }
    return undefined;
  };
  /** Whether a run is a container's title: in its band, or above its boxes when it has none. */
  const titleRows = new Map<number, { band?: number; first: number }>();
  const inTitle = (run: Run, inside: number): boolean => {
    let title = titleRows.get(inside);
    if (!title) {
      const rect = rects[inside] as Rect;
      const firstChild = Math.min(...children(inside).map((c) => c.top));
      const band = rect.dividers.find((d) => d < firstChild);
      let first = Number.POSITIVE_INFINITY;
      for (const r of runsIn.get(inside) ?? [])
        if (r.row < firstChild) first = Math.min(first, r.row);
      title = band !== undefined ? { band, first } : { first };
      titleRows.set(inside, title);
    }
    return title.band !== undefined ? run.row < title.band : run.row === title.first;
  };
  for (const { net, run, near } of broken)
    notes.push({ net: nets.indexOf(net), runs: [run], near });
  /** Whether a run is a box's own text (its label, or a container's title), never a note. */
  const boxText = (run: Run): boolean => {
    const inside = innermost(run.row, run.start);
    return inside >= 0 && (children(inside).length === 0 || inTitle(run, inside));
  };
  // text at the ends of a line from several boxes (a bus from three agents dropping to a
  // board and a repository written without boxes), or at two or more ends of one line (an
  // API fanning out to `PostgreSQL` and `Redis` written as text), is what the line joins: a
  // box drawn without a border, its label the text and the lines under it. A line from one
  // box to one text is an open end with its note, as diagrama draws one
  const bareOf = new Map<Run, Rect>();
  /** The drawn box (holding no box) whose whole label is the one line of `block`, if one is. */
  const namedBox = (block: readonly Run[]): Rect | undefined => {
    const [only] = block;
    if (block.length !== 1 || only === undefined) return undefined;
    const named = rects.filter(
      (r) =>
        !r.bare &&
        leaves.has(r.index) &&
        (runsIn.get(r.index) ?? []).map((x) => x.text).join(' ') === only.text,
    );
    return named.length === 1 ? named[0] : undefined;
  };
  for (const net of nets) {
    const atText = net.ends.flatMap((end) => {
      const block = textBlockAt(end);
      return block ? [{ end, block }] : [];
    });
    // (and text at the one open end of a line that has a note of its own beside it: `Flutter`
    // over a line marked HTTPS down to a balancer; as an open end the two would be one note)
    const noted = (): boolean => {
      const own = new Set(atText.flatMap(({ block }) => block));
      const n = nets.indexOf(net);
      return runs.some((r) => !r.used && !own.has(r) && !boxText(r) && besideLine(r)?.net === n);
    };
    // (or text in brackets, `[Auth]`, which names a step wherever it stands)
    const bracketed = atText.some(({ block }) => block.every((r) => BRACKETED.test(r.text)));
    if (
      net.terminals.length < 2 &&
      atText.length < 2 &&
      !bracketed &&
      !(atText.length === 1 && noted())
    )
      continue;
    for (const { end, block } of atText) {
      // two ends at one text (a fan-in written to a label) meet the same box
      const shared =
        end.side === S || end.side === N
          ? block.map((run) => bareOf.get(run)).find((rect) => rect !== undefined)
          : undefined;
      if (!shared && block.some((run) => run.used)) continue;
      // words that are the name of a box drawn elsewhere (`Login Success ──→ Home`) are that box
      let rect = shared ?? namedBox(block);
      const parent = innermost(end.row, end.col);
      if (!shared) {
        // the words are the box's now, no longer free text in the box around them
        runsIn.set(
          parent,
          (runsIn.get(parent) ?? []).filter((r) => !block.includes(r)),
        );
        for (const run of block) run.used = true;
      }
      if (!rect) {
        const rows = block.map((r) => r.row);
        rect = {
          index: rects.length,
          top: Math.min(...rows) - 1,
          bottom: Math.max(...rows) + 1,
          left: Math.min(...block.map((r) => r.start)) - 1,
          right: Math.max(...block.map((r) => r.end)) + 1,
          weight: 'single',
          rounded: false,
          dashed: false,
          dividers: [],
          parent,
          bare: true,
        };
        rects.push(rect);
        childrenOf.push([]);
        if (parent >= 0) childrenOf[parent]?.push(rect);
        runsIn.set(rect.index, block);
        for (const run of block) bareOf.set(run, rect);
      }
      net.ends.splice(net.ends.indexOf(end), 1);
      net.terminals.push({ rect: rect.index, row: end.row, col: end.col, arrow: end.arrow });
    }
  }
  // a line whose one end points at text that another line made a box (`Alertmanager` down to
  // `Notifications`, which a line leaves for `Email`) meets that box: a chain, not a note
  if (bareOf.size > 0) {
    for (const net of nets) {
      for (const end of [...net.ends]) {
        const [r, c] = across(end);
        const cols =
          end.side === N || end.side === S ? [c, c - 1, c + 1] : [c, c + (end.side === E ? 1 : -1)];
        const run = runsOnRow
          .get(r)
          ?.find((x) => bareOf.has(x) && cols.some((col) => x.start <= col && x.end >= col));
        const rect = run && bareOf.get(run);
        if (!rect) continue;
        net.ends.splice(net.ends.indexOf(end), 1);
        net.terminals.push({ rect: rect.index, row: end.row, col: end.col, arrow: end.arrow });
      }
    }
  }
  for (const run of runs) {
    if (run.used || boxText(run)) continue;
    // a line under the previous line of a note, aligned at its start or its end, or indented
    // under it on the side away from the line (a second line further from the line is usual)
    const continues = (n: Note) => {
      const last = n.runs.at(-1) as Run;
      if (last.row !== run.row - 1) return false;
      if (last.start === run.start || last.end === run.end) return true;
      const lineLeft = n.near[1] < last.start;
      return lineLeft
        ? run.start > last.start && run.start <= last.end
        : run.end < last.end && run.end >= last.start;
    };
    const found = besideLine(run);
    const previous = notes.find(
      (n) => (found === undefined || n.net === found.net) && continues(n),
    );
    if (!found && !previous) continue;
    run.used = true;
    if (previous) previous.runs.push(run);
    else if (found) notes.push({ net: found.net, runs: [run], near: found.near });
  }
  // a note over a line grows upward too (lines aligned at a start, an end or centred): its
  // first lines are further from the line than one row, so they were met before the line next
  // to it
  for (const note of notes) {
    for (;;) {
      const first = note.runs[0] as Run;
      const over = runs.find(
        (r) =>
          !r.used &&
          r.row === first.row - 1 &&
          (r.start === first.start ||
            r.end === first.end ||
            Math.abs(r.start + r.end - first.start - first.end) <= 1) &&
          !boxText(r),
      );
      if (!over) break;
      over.used = true;
      note.runs.unshift(over);
    }
  }
  // nodes
  const kinds: KindGuess[] = [];
  const labelOf = (list: readonly Run[]): string =>
    groupRows(list)
      .map((row) => row.map((r) => r.text).join(' '))
      .join('\n');
  /**
   * A box's label: its rows, a blank row between two kept as an empty line, and a row of
   * dashes across the box (a rule under a heading) written as `---`.
   */
  const boxLabelOf = (list: readonly Run[], dividers: readonly number[] = []): string => {
    // a divider across the box stands for a rule row of its own
    const rows = [
      ...groupRows(list),
      ...dividers.map((row) => [{ row, start: 0, end: 2, text: '---' }]),
    ].sort((a, b) => (a[0] as Run).row - (b[0] as Run).row);
    const isRuleRow = (row: readonly Run[]) =>
      row.length === 1 && /^(?:-{3,}|\u2500{3,}|={3,})$/.test((row[0] as Run).text);
    const ruled = rows.findIndex(isRuleRow);
    // under a rule the text is left-aligned as drawn: indents and gaps between words kept
    const margin = Math.min(
      ...rows
        .slice(ruled + 1)
        .filter((row) => !isRuleRow(row))
        .map((row) => (row[0] as Run).start),
    );
    const spaced = (row: readonly Run[]) =>
      row.reduce(
        (text, r, i) =>
          text +
          ' '.repeat(i === 0 ? r.start - margin : r.start - (row[i - 1] as Run).end - 1) +
          r.text,
        '',
      );
    return rows
      .map((row, i) => {
        const above = rows[i - 1]?.[0];
        const gap = above ? '\n'.repeat((row[0] as Run).row - above.row - 1) : '';
        if (isRuleRow(row)) return `${gap}---`;
        return gap + (ruled >= 0 && i > ruled ? spaced(row) : row.map((r) => r.text).join(' '));
      })
      .join('\n');
  };
  // text kept as annotations, the charset most boxes are in (a box in another says so),
  // shapes guessed from labels, and each box's guess for the summary
  const pending: { text: string; node?: number; at?: 'top' | 'bottom' | 'right' }[] = [];
  const charset = charsetOf(rects);
  const usual: Border | undefined = charset === 'ascii' ? undefined : charset;
  const shapeGuessed = new Set<number>();
  const kindOf = new Map<number, KindGuess>();
  /** The unclaimed words over a box's top border, alone on their row within its sides. */
  const titleOver = (rect: Rect): Run | undefined => {
    if (rect.dashed) return undefined;
    const row = (runsOnRow.get(rect.top - 1) ?? []).filter(
      (r) => r.end >= rect.left && r.start <= rect.right,
    );
    const run = row[0];
    if (row.length !== 1 || !run || run.used || run.start <= rect.left || run.end >= rect.right)
      return undefined;
    if (rect.parent >= 0 && innermost(run.row, run.start) !== rect.parent) return undefined;
    run.used = true;
    return run;
  };
  const nodeFor = (rect: Rect): NodeInput => {
    // (a bare box's text was claimed for it when the line's arrowhead was read)
    const own = (runsIn.get(rect.index) ?? []).filter((r) => !r.used || rect.bare);
    const inner = children(rect.index);
    // a box drawn without a border is where its text starts (its rectangle is a cell around it)
    const position = rect.bare
      ? positionOf(grid, rect.top + 1, rect.left + 1)
      : positionOf(grid, rect.top, rect.left);
    if (rect.bare) {
      for (const r of own) r.used = true;
      // (a step written in brackets, `[DB]`, is named without them)
      const text = boxLabelOf(own);
      const label = BRACKETED.test(text) ? text.slice(1, -1) : text;
      kinds.push({
        label,
        kind: 'box',
        why: 'it is text a line points at, drawn without a border',
        ...position,
      });
      return { kind: 'box', label, border: 'none' };
    }
    if (inner.length > 0) {
      const firstChild = Math.min(...inner.map((c) => c.top));
      const bandEnd = rect.dividers.find((d) => d < firstChild);
      const titleRuns = own.filter((r) =>
        bandEnd !== undefined ? r.row < bandEnd : r.row < firstChild,
      );
      for (const r of titleRuns) r.used = true;
      const written = labelOf(titleRuns);
      // a title in the border goes on under it, in line with it, when no rule ends a band
      // (or over the top border, alone on its row and within the sides: `Kafka Cluster`)
      const over = written || rect.borderTitle ? undefined : titleOver(rect);
      const onBorder =
        over !== undefined ||
        (rect.borderTitle !== undefined && (bandEnd === undefined || !written));
      const title = over
        ? over.text
        : onBorder
          ? [rect.borderTitle, written].filter((line) => line).join('\n')
          : written || rect.borderTitle || '';
      const node: NodeInput = {
        kind: rect.dashed ? 'group' : 'host',
        ...(title ? { label: title } : {}),
        ...(onBorder ? { titleAt: 'border' as const } : {}),
        ...(rect.dashed ? { border: 'dashed' as const } : {}),
        children: inner.map(nodeFor),
      };
      if (!title && !rect.dashed) node.kind = 'group';
      const own2 = borderOf(rect);
      if (node.kind === 'group' && !rect.dashed && own2) node.border = own2;
      for (const r of own.filter((x) => !x.used)) {
        r.used = true;
        warn(
          'import/free-text',
          `text inside a box that belongs to no line: "${clip(r.text)}"`,
          r.row,
          r.start,
        );
        // words on a box's rows right of it are that box's annotation: `Filter  (drop invalid)`
        const beside = inner
          .filter((c) => c.top <= r.row && r.row <= c.bottom && c.right < r.start)
          .sort((a, b) => b.right - a.right)[0];
        pending.push(
          beside
            ? { text: r.text, node: beside.index, at: 'right' }
            : { text: r.text, node: rect.index },
        );
      }
      kinds.push({ label: title, kind: node.kind as NodeKind, why: 'it holds boxes', ...position });
      return node;
    }
    for (const r of own) r.used = true;
    // sections between dividers: a database's lid, a stack's layers
    const sections: Run[][] = [];
    const bounds = [rect.top, ...rect.dividers, rect.bottom];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const list = own.filter(
        (r) => r.row > (bounds[i] as number) && r.row < (bounds[i + 1] as number),
      );
      if (list.length > 0) sections.push(list);
    }
    let label = boxLabelOf(own) || rect.borderTitle || '';
    let kind: NodeKind = 'box';
    let why = 'nothing in its label or shape says otherwise';
    const lines = label.split('\n');
    if (lines[0]?.trim() === 'o' && lines[1]?.trim() === '/|\\') {
      kind = 'user';
      why = 'it is drawn as a person';
      label = lines.slice(2).join('\n');
    } else if (rect.dividers[0] === rect.top + 1 && rect.dividers.length === 1) {
      kind = 'database';
      why = 'it is drawn as a cylinder';
    } else if (rect.split !== undefined) {
      kind = 'queue';
      why = 'it is drawn as a queue';
    } else if (sections.length >= 2 && ruledText(rect, sections)) {
      // a heading over a rule, text under it: one box
      label = boxLabelOf(own, rect.dividers);
    } else if (sections.length >= 2) {
      const layers = [...sections].reverse().map((s) => ({ label: labelOf(s) }));
      kinds.push({
        label: layers.map((l) => l.label).join(' / '),
        kind: 'stack',
        why: 'its dividers make layers',
        ...position,
      });
      return { kind: 'stack', label: 'Stack', titleAt: 'none', layers };
    } else if (rect.dashed) {
      kind = 'external';
      why = 'its border is dashed';
    } else {
      const guess = kindFromWords(label);
      if (guess.kind !== 'box') {
        ({ kind, why } = guess);
        // a shape the drawing does not show: kept only where the drawing need not be exact
        if (kind === 'database' || kind === 'queue' || kind === 'user')
          shapeGuessed.add(rect.index);
      }
    }
    if (label === '') {
      warn('import/empty-box', 'a box with no text: labelled "?"', rect.top, rect.left);
      label = '?';
    }
    kinds.push({ label, kind, why, ...position });
    kindOf.set(rect.index, kinds[kinds.length - 1] as KindGuess);
    const node: NodeInput = { kind, label };
    // a shape draws its own outline; a plain box says its border where it stands out
    const border = borderOf(rect);
    const plain = kind === 'box' || kind === 'client' || kind === 'api' || kind === 'daemon';
    if (plain && border !== undefined && border !== usual) node.border = border;
    return node;
  };
  const built = new Map<number, NodeInput>();
  const top = reading(rects.filter((r) => r.parent === -1)).map((rect) => {
    const node = nodeFor(rect);
    return node;
  });
  // every node by rect index, to give ids and bind connections
  const walk = (rect: Rect, node: NodeInput) => {
    built.set(rect.index, node);
    const inner = children(rect.index);
    node.children?.forEach((child, i) => {
      walk(inner[i] as Rect, child);
    });
  };
  reading(rects.filter((r) => r.parent === -1)).forEach((rect, i) => {
    walk(rect, top[i] as NodeInput);
  });
  assignIds(built);
  // connections
  const connections: ConnectionInput[] = [];
  const joins = new Map<ConnectionInput, boolean>();
  const sidesOf = new Map<ConnectionInput, [Side, Side]>();
  const noteCount = { value: 0 };
  nets.forEach((net, n) => {
    const made = connectionsOf(net, built, rects, charset);
    if (made.length === 0) return;
    for (const end of net.ends) {
      if (net.terminals.length >= 2) {
        warn('import/dangling-line', 'a branch of a line that ends nowhere', end.row, end.col);
      }
    }
    for (const note of notes.filter((x) => x.net === n)) {
      const target = nearest(made, note.near, net, built);
      const text = note.runs.map((r) => r.text).join('\n');
      target.note = target.note ? `${target.note}\n${text}` : text;
      noteCount.value++;
    }
    for (const c of made)
      joins.set(
        c,
        net.terminals.every((t) => meetsWithJunction(grid, rects[t.rect] as Rect, t)),
      );
    // the sides a line between two boxes leaves and enters, for when no hints reproduce it
    const [a, b] = net.terminals;
    if (made.length === 1 && net.terminals.length === 2 && a && b && a.rect !== b.rect) {
      const c = made[0] as ConnectionInput;
      const [from, to] = built.get(a.rect)?.id === c.from ? [a, b] : [b, a];
      sidesOf.set(c, [
        sideMet(rects[from.rect] as Rect, from),
        sideMet(rects[to.rect] as Rect, to),
      ]);
    }
    connections.push(...made);
  });
  // boxes stacked with no row between, joined where the borders meet (`└──┬──┘` over
  // `┌──▼──┐`): a line with no length, which no net traced
  connections.push(...touching(grid, rects, built, connections));
  // names written over columns of boxes, one over each (`Node A` and `Node B` over a pod, its
  // interface and its tunnel each): each column a group under its title
  const columns = columnTitles(runs, rects);
  // names written over a row of boxes, one over each (`Broker 1   Broker 2` over their boxes):
  // each box's heading, over a rule, what it holds under it
  const headed = new Map<Run, Rect>();
  const claimed = new Set<Rect>();
  for (const run of runs) {
    if (run.used) continue;
    const over = rects.filter(
      (r) => r.top === run.row + 1 && run.end >= r.left && run.start <= r.right,
    );
    const box = over[0];
    if (over.length !== 1 || !box || box.bare || children(box.index).length > 0) continue;
    if (run.start < box.left - 2 || run.end > box.right + 2) continue;
    if (claimed.has(box)) continue;
    claimed.add(box);
    headed.set(run, box);
  }
  const rowsNamed = new Map<number, number>();
  for (const run of headed.keys()) rowsNamed.set(run.row, (rowsNamed.get(run.row) ?? 0) + 1);
  let renamed = false;
  for (const [run, box] of headed) {
    const node = built.get(box.index);
    if ((rowsNamed.get(run.row) ?? 0) < 2 || !node || node.label === undefined) continue;
    run.used = true;
    node.label = `${run.text}\n---\n${node.label}`;
    renamed = true;
  }
  if (renamed) {
    // ids come from the names now, and the lines follow them
    const was = new Map([...built.values()].map((n) => [n, n.id]));
    assignIds(built);
    const now = new Map([...was].map(([n, id]) => [id, n.id]));
    for (const c of connections) {
      if (typeof c.from === 'string') c.from = now.get(c.from) ?? c.from;
      if (typeof c.to === 'string') c.to = now.get(c.to) ?? c.to;
    }
  }
  // captions under a box and text nobody claimed
  const lowest = Math.max(-1, ...rects.map((r) => r.bottom));
  const highest = Math.min(grid.height, ...rects.map((r) => r.top));
  for (const run of runs) {
    if (run.used) continue;
    run.used = true;
    const under = rects.find(
      (r) => r.bottom === run.row - 1 && run.start >= r.left && run.start <= r.right,
    );
    const holder = under ? built.get(under.index) : undefined;
    if (
      under &&
      holder?.children &&
      holder.label === undefined &&
      !holder.border?.startsWith('dash')
    ) {
      // a container's title written under it
      holder.label = run.text;
      holder.kind = 'host';
      holder.titleAt = 'below';
      delete holder.border;
      continue;
    }
    if (under) {
      pending.push({ text: run.text, node: under.index });
      continue;
    }
    // words just right of a box, on its rows: its annotation (`│ API Gateway │ (port 8080)`)
    const beside = rects
      .filter(
        (r) =>
          r.top <= run.row &&
          run.row <= r.bottom &&
          r.right < run.start &&
          run.start - r.right <= 6 &&
          innermost(run.row, run.start) === r.parent,
      )
      .sort((a, b) => b.right - a.right)[0];
    if (beside) {
      pending.push({ text: run.text, node: beside.index, at: 'right' });
      continue;
    }
    warn(
      'import/free-text',
      `text that belongs to no box or line, kept as an annotation: "${clip(run.text)}"`,
      run.row,
      run.start,
    );
    pending.push({
      text: run.text,
      at: run.row <= highest ? 'top' : run.row > lowest ? 'bottom' : 'bottom',
    });
  }
  const annotations: AnnotationInput[] = [];
  let kept = 0;
  for (const p of pending) {
    // free text beyond what a label may hold is not a drawing's: counted in the warnings
    kept += p.text.length + 1;
    if (kept > MAX_KEPT_TEXT) break;
    const node = p.node !== undefined ? built.get(p.node) : undefined;
    const side = p.at === 'right' ? ('right' as const) : ('below' as const);
    const same = annotations.find((a) =>
      node ? a.node === node.id && a.at === side : a.at === p.at && !a.node,
    );
    if (same) same.text = `${same.text}\n${p.text}`;
    else if (node) annotations.push({ text: p.text, node: node.id as string, at: side });
    else annotations.push({ text: p.text, ...(p.at === 'top' ? { at: 'top' as const } : {}) });
  }
  const flow = flowOf(connections, built, rects);
  const named = new Set<string>();
  for (const c of connections) {
    if (typeof c.from === 'string') named.add(c.from);
    if (typeof c.to === 'string') named.add(c.to);
  }
  for (const a of annotations) if (typeof a.node === 'string') named.add(a.node);
  const tidied = tidy(top, named);
  const topRects = reading(rects.filter((r) => r.parent === -1));
  const nodeOf = new Map(topRects.map((r, i) => [r.index, tidied[i] as NodeInput]));
  const nodes: NodeInput[] = columns
    ? columns.map((column) => ({
        kind: 'group' as const,
        label: column.title.text,
        titleAt: 'band' as const,
        children: reading(column.rects).map((r) => nodeOf.get(r.index) as NodeInput),
      }))
    : tidied;
  let model: DiagramInput = {
    ...(flow === 'right' ? { flow } : {}),
    nodes,
    ...(connections.length > 0 ? { connections } : {}),
    ...(annotations.length > 0 ? { annotations } : {}),
  };
  // titled columns are groups no hint draws as the drawing does
  let exact: boolean | undefined = columns && options.render ? false : undefined;
  if (options.render && !columns) {
    const drawn: Drawn = { rects: new Map(), lines: new Map(), guessed: new Set() };
    const pairUp = (list: NodeInput[], boxes: readonly Rect[]) => {
      list.forEach((node, i) => {
        const rect = boxes[i] as Rect;
        drawn.rects.set(node, rect);
        if (shapeGuessed.has(rect.index)) drawn.guessed.add(node);
        if (node.children) pairUp(node.children, children(rect.index));
      });
    };
    pairUp(nodes, reading(rects.filter((r) => r.parent === -1)));
    for (const [c, join] of joins) drawn.lines.set(c, { join });
    const hinted = reproduce(model, drawn, text, options.render, charset);
    exact = hinted !== undefined;
    if (hinted) {
      model = hinted;
      for (const index of shapeGuessed) {
        const guess = kindOf.get(index);
        if (!guess) continue;
        guess.why = `drawn as a plain box, though its label suggests ${aKind(guess.kind)} (--canonical draws one)`;
        guess.kind = 'box';
      }
    }
  }
  // a drawing the hints cannot give back still says which boxes sit side by side: a line
  // across the flow keeps its sides, so the layout puts its ends beside each other; and boxes
  // no line joins keep their rows (the layout would put them all in one)
  if (exact !== true) {
    const rectOf = new Map<NodeInput, Rect>();
    const pair = (list: NodeInput[], boxes: readonly Rect[]) =>
      list.forEach((node, i) => {
        const rect = boxes[i];
        if (!rect) return;
        rectOf.set(node, rect);
        if (node.children) pair(node.children, children(rect.index));
      });
    if (columns) {
      model.nodes.forEach((group, i) => {
        pair(group.children ?? [], reading((columns[i] as TitledColumn).rects));
      });
    } else pair(model.nodes, reading(rects.filter((r) => r.parent === -1)));
    const arranged = (list: NodeInput[]) => arrangeAsDrawn(list, rectOf, model.connections ?? []);
    const walk = (list: NodeInput[]) => {
      for (const node of list) {
        if (!node.children) continue;
        walk(node.children);
        Object.assign(node, arranged(node.children));
      }
    };
    walk(model.nodes);
    const top = arranged(model.nodes);
    if (top.direction) model = { direction: top.direction, ...model, nodes: top.children };
    const across = flow === 'right' ? ['top', 'bottom'] : ['left', 'right'];
    const sided: ConnectionInput[] = [];
    for (const c of model.connections ?? []) {
      const sides = sidesOf.get(c);
      if (!sides || !across.includes(sides[0]) || !across.includes(sides[1])) continue;
      if (sides[0] === sides[1]) continue;
      c.hints = { ...c.hints, fromSide: sides[0], toSide: sides[1] };
      sided.push(c);
    }
    // sides the layout cannot keep (two lines each way between two boxes side by side, each
    // on its own side) are dropped: a model that renders beats one that says where lines go —
    // and so are sides that only send lines around the boxes (a line drawn into a box's
    // corner from a label the layout puts past it): a drawing larger by a half than without
    if (sided.length > 0 && options.render) {
      keepSidesThatHelp(model, sided, options.render, charset);
    }
  }
  return {
    model,
    warnings,
    kinds,
    found: {
      boxes: rects.length,
      containers: rects.filter((r) => children(r.index).length > 0).length,
      connections: connections.length,
      notes: noteCount.value,
    },
    ...(exact !== undefined ? { exact } : {}),
    charset,
  };
}

/** A column of boxes under a title written over it, with no border round it. */
interface TitledColumn {
  title: Run;
  rects: Rect[];
}

/**
 * Titles written in one row over every box, each over a column of two or more boxes that
 * stand under it alone (`Node A (10.244.0.0/24)` over a pod, its tunnel and its interface, and
 * `Node B` over the other node's): the columns, left to right, their titles marked used.
 * Undefined unless the whole drawing splits so, with two columns or more.
 */
function columnTitles(runs: readonly Run[], rects: readonly Rect[]): TitledColumn[] | undefined {
  const tops = rects.filter((r) => r.parent === -1 && !r.bare);
  if (tops.length < 4) return undefined;
  const highest = Math.min(...tops.map((r) => r.top));
  const over = runs.filter((r) => !r.used && r.row < highest && r.row >= highest - 2);
  const row = over[0]?.row;
  if (row === undefined || over.some((r) => r.row !== row)) return undefined;
  const titles = [...over].sort((a, b) => a.start - b.start);
  if (titles.length < 2) return undefined;
  const columns: TitledColumn[] = titles.map((title) => ({ title, rects: [] }));
  for (const rect of tops) {
    const under = columns.filter((c) => rect.left <= c.title.end && c.title.start <= rect.right);
    if (under.length !== 1) return undefined;
    (under[0] as TitledColumn).rects.push(rect);
  }
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as TitledColumn;
    if (column.rects.length < 2) return undefined;
    const next = columns[i + 1];
    if (!next) continue;
    const right = Math.max(...column.rects.map((r) => r.right));
    if (right >= Math.min(...next.rects.map((r) => r.left))) return undefined;
  }
  for (const title of titles) title.used = true;
  return columns;
}

/** Whether a line meets its box's border with a junction (`┬`), not just touching it. */
function meetsWithJunction(grid: Grid, rect: Rect, t: { row: number; col: number }): boolean {
  const [r, c, arm] =
    t.row < rect.top
      ? [rect.top, t.col, N]
      : t.row > rect.bottom
        ? [rect.bottom, t.col, S]
        : t.col < rect.left
          ? [t.row, rect.left, W]
          : [t.row, rect.right, E];
  const g = glyphOf(at(grid, r, c));
  return g !== undefined && (g.arms & arm) !== 0;
}

function countWide(row: readonly { ch: string }[], c: number): number {
  let k = 0;
  while (row[c + k + 1]?.ch === '') k++;
  return k;
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** Runs grouped by row, rows in order, runs left to right. */
function groupRows(list: readonly Run[]): Run[][] {
  const rows = new Map<number, Run[]>();
  for (const run of list) {
    const row = rows.get(run.row) ?? [];
    row.push(run);
    rows.set(run.row, row);
  }
  return [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => (rows.get(r) as Run[]).sort((a, b) => a.start - b.start));
}

type Border = NonNullable<NodeInput['border']>;

function borderOf(rect: Rect): Border | undefined {
  if (rect.dashed) return 'dashed';
  if (rect.weight === 'double') return 'double';
  if (rect.weight === 'heavy') return 'heavy';
  if (rect.rounded) return 'rounded';
  if (rect.weight === 'single') return 'single';
  return undefined;
}

/**
 * An id a person would type: the label as the model slugs it (only its heading, where a rule
 * divides it), cut at a word within 30 characters when longer than 40.
 */
function shortId(label: string): string {
  const full = slugify(label.split(/\n\s*---/)[0] as string);
  if (full.length <= 40) return full;
  let id = '';
  for (const word of full.split('-')) {
    if (id !== '' && id.length + 1 + word.length > 30) break;
    id = id === '' ? word : `${id}-${word}`;
  }
  return id;
}

/** Ids from labels (their first line, cut short); `-2`, `-3` where two would be equal. */
function assignIds(built: ReadonlyMap<number, NodeInput>): void {
  const used = new Map<string, number>();
  for (const node of [...built.keys()]
    .sort((a, b) => a - b)
    .map((i) => built.get(i) as NodeInput)) {
    const base = shortId(node.label ?? '') || (node.kind as string);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    node.id = n === 1 ? base : `${base}-${n}`;
  }
}

/**
 * The kind a label's words suggest, and why; a box when they say nothing. A heading over a
 * rule names the box (the text under it only describes it), and of the heading its first
 * line, the name, says more than the lines under it.
 */
function kindFromWords(label: string): { kind: NodeKind; why: string } {
  // the name and the lines right under it: body text after a rule or a blank line describes
  // (a vault's "KV engine: OIDC client secrets" makes it no client)
  // — and a list under the name says what it does, not what it is ("- Manages event queue");
  // a numbered step is a sentence ("2. Query executed on the database"), never a kind
  if (/^\s*\d+[.)]\s/u.test(label)) return { kind: 'box', why: 'it is a numbered step' };
  const rest = (label.split(/\n---|\n\s*\n/)[0] as string).split(/\n\s*[-•*·▪]\s/u)[0] as string;
  const name = rest.split('\n')[0] as string;
  const heading = KIND_WORDS.some(([, words]) => words.test(name)) ? name : rest;
  const match = KIND_WORDS.find(([, words]) => words.test(heading));
  return match
    ? {
        kind: match[0],
        why: `its label says "${(heading.match(match[1]) as RegExpMatchArray)[0]}"`,
      }
    : { kind: 'box', why: 'nothing in its label says otherwise' };
}

/**
 * The model of a drawn sequence: `direction: sequence`, participants in order, messages in
 * order with their notes; text that belongs to no message is kept as an annotation. Exact when
 * the canonical rendering gives the drawing back.
 */
function sequenceModel(
  sequence: DrawnSequence,
  grid: Grid,
  text: string,
  rects: readonly Rect[],
  warnings: ImportWarning[],
  render: RenderText | undefined,
): ImportResult {
  const built = new Map<number, NodeInput>();
  const kinds: KindGuess[] = [];
  sequence.participants.forEach((p, i) => {
    const guess = p.figure
      ? { kind: 'user' as const, why: 'it is drawn as a person' }
      : kindFromWords(p.label);
    built.set(i, { kind: guess.kind, label: p.label });
    kinds.push({ label: p.label, ...guess, ...positionOf(grid, p.row, p.column) });
  });
  assignIds(built);
  const id = (i: number) => (built.get(i) as NodeInput).id as string;
  const connections: ConnectionInput[] = sequence.messages.map((m) => ({
    from: id(m.from),
    to: id(m.to),
    ...(m.direction === 'forward' ? {} : { direction: m.direction }),
    ...(m.style === 'solid' ? {} : { style: m.style }),
    ...(m.note ? { note: m.note } : {}),
  }));
  const annotations: AnnotationInput[] = [];
  let kept = 0;
  for (const loose of sequence.loose) {
    warnings.push({
      code: 'import/free-text',
      message: `text that belongs to no message, kept as an annotation: "${clip(loose.text)}"`,
      ...positionOf(grid, loose.row, loose.column),
    });
    // free text beyond what a label may hold is not a drawing's: counted in the warnings
    kept += loose.text.length + 1;
    if (kept <= MAX_KEPT_TEXT) annotations.push({ text: loose.text, at: 'bottom' });
  }
  const named = new Set(connections.flatMap((c) => [c.from as string, c.to as string]));
  const model: DiagramInput = {
    direction: 'sequence',
    nodes: tidy([...built.values()], named),
    connections,
    ...(annotations.length > 0 ? { annotations } : {}),
  };
  const charset = charsetOf(rects);
  return {
    model,
    warnings,
    kinds,
    found: {
      boxes: sequence.participants.length,
      containers: 0,
      connections: connections.length,
      notes: connections.filter((c) => c.note).length,
    },
    ...(render ? { exact: trimmed(render(model, charset)) === trimmed(text) } : {}),
    charset,
  };
}

/**
 * The model of a flow written without boxes: each step a box (the drawing drew none, so no
 * hint makes it exact), each arrow a connection with its note.
 */
function flowModel(
  flow: NonNullable<ReturnType<typeof readTextFlow>>,
  grid: Grid,
  warnings: ImportWarning[],
  rendering: boolean,
): ImportResult {
  const built = new Map<number, NodeInput>();
  const kinds: KindGuess[] = [];
  flow.steps.forEach((step, i) => {
    const guess = kindFromWords(step.label);
    built.set(i, { kind: guess.kind, label: step.label });
    kinds.push({
      label: step.label,
      ...guess,
      ...positionOf(grid, step.row, step.column),
    });
  });
  assignIds(built);
  const id = (i: number) => (built.get(i) as NodeInput).id as string;
  const connections: ConnectionInput[] = flow.links.map((link) => ({
    from: id(link.from),
    to: id(link.to),
    ...(link.direction === 'both' ? { direction: 'both' as const } : {}),
    ...(link.note ? { note: link.note } : {}),
  }));
  const named = new Set(connections.flatMap((c) => [c.from as string, c.to as string]));
  const sameRow = flow.steps.every((s) => s.row === flow.steps[0]?.row);
  return {
    model: {
      ...(sameRow ? { flow: 'right' as const } : {}),
      nodes: tidy([...built.values()], named),
      connections,
    },
    warnings,
    kinds,
    found: {
      boxes: flow.steps.length,
      containers: 0,
      connections: connections.length,
      notes: connections.filter((c) => c.note).length,
    },
    ...(rendering ? { exact: false } : {}),
    charset: 'single',
  };
}

/**
 * The model as a user would write it: kinds but the default, and ids where the label does not
 * give them or a connection names the node — so that a label can be edited without breaking
 * the lines that name it.
 */
function tidy(
  nodes: NodeInput[],
  named: ReadonlySet<string>,
  counts = new Map<string, number>(),
): NodeInput[] {
  const walk = (list: NodeInput[]) => {
    for (const node of list) {
      const base = slugify(node.label ?? '');
      counts.set(base, (counts.get(base) ?? 0) + 1);
      if (node.children) walk(node.children);
    }
  };
  walk(nodes);
  const order = (node: NodeInput): NodeInput => {
    const { kind, id, label, children, ...rest } = node;
    const keepId =
      id !== slugify(label ?? '') || (counts.get(id ?? '') ?? 0) > 1 || named.has(id ?? '');
    return {
      // a box is what a node without a kind is
      ...(kind && kind !== 'box' ? { kind } : {}),
      ...(keepId ? { id } : {}),
      ...(label !== undefined ? { label } : {}),
      ...rest,
      ...(children ? { children: children.map(order) } : {}),
    };
  };
  const tidied = nodes.map(order);
  // layers get no id of their own: one whose label gives an id a node has (a layer
  // "FastApiApp" beside a box of that name) gets one, or the model would not say which
  const taken = new Set<string>();
  const layersOf: NodeInput[] = [];
  const collect = (list: readonly NodeInput[]) => {
    for (const node of list) {
      taken.add(node.id ?? slugify(node.label ?? ''));
      if (node.children) collect(node.children);
      for (const layer of node.layers ?? []) {
        layersOf.push(layer);
        for (const cell of layer.cells ?? []) layersOf.push(cell);
      }
    }
  };
  collect(tidied);
  for (const layer of layersOf) {
    if (layer.id !== undefined) continue;
    const base = slugify(layer.label ?? '');
    if (base === '' || !taken.has(base)) {
      taken.add(base);
      continue;
    }
    let n = 2;
    while (taken.has(`${base}-${n}`)) n++;
    layer.id = `${base}-${n}`;
    taken.add(layer.id);
  }
  return tidied;
}

/**
 * The connections a net of lines draws: every end without an arrowhead to every end with one
 * (a trunk that branches, or a bus); a line with no arrowheads joins its two boxes; an end in
 * the open makes a line from or to outside the diagram.
 */
function connectionsOf(
  net: LineNet,
  built: ReadonlyMap<number, NodeInput>,
  rects: readonly Rect[],
  charset: DrawnCharset,
): ConnectionInput[] {
  // a line drawn heavier than the drawing's own lines stands out: heavy or double (in a drawing
  // of double or heavy boxes, lines of that weight are its ordinary lines)
  const { light, heavy, double } = net.strokes;
  const strong =
    heavy > light && heavy >= double && charset !== 'heavy'
      ? ('heavy' as const)
      : double > light && double > heavy && charset !== 'double'
        ? ('double' as const)
        : undefined;
  const style = net.dotted ? ('dotted' as const) : net.dashed ? ('dashed' as const) : strong;
  const withStyle = (c: ConnectionInput): ConnectionInput => (style ? { ...c, style } : c);
  // one terminal per box: a box met twice by one net is one end
  const seen = new Map<number, boolean>();
  for (const t of net.terminals) seen.set(t.rect, (seen.get(t.rect) ?? false) || t.arrow);
  // a line ending at a container and at a box inside it: the container's border is crossed
  const ids = (rect: number) => built.get(rect)?.id as string;
  const order = [...seen.keys()].sort(
    (a, b) =>
      (rects[a] as Rect).top - (rects[b] as Rect).top ||
      (rects[a] as Rect).left - (rects[b] as Rect).left,
  );
  const sources = order.filter((r) => !seen.get(r));
  const targets = order.filter((r) => seen.get(r));
  const out: ConnectionInput[] = [];
  if (order.length === 1) {
    const only = order[0] as number;
    // a line that leaves a box and comes back to it: a loop (a retry, a state that stays)
    if (net.ends.length === 0 && net.terminals.length >= 2) {
      const heads = net.terminals.filter((t) => t.arrow).length;
      const direction = heads === 0 ? 'none' : heads > 1 ? 'both' : undefined;
      return [withStyle({ from: ids(only), to: ids(only), ...(direction ? { direction } : {}) })];
    }
    const end = net.ends[0];
    if (!end) return [];
    if (seen.get(only)) return [withStyle({ to: ids(only) })];
    return [withStyle(end.arrow ? { from: ids(only) } : { from: ids(only), direction: 'none' })];
  }
  if (targets.length === 0) {
    // a bus with no arrowheads joins its boxes to the one it gathers them to, when one stands
    // apart below (or right of) all the others: three brokers over a line down to a registry
    const box = (r: number) => rects[r] as Rect;
    const apart = sources.filter((r) =>
      sources.every(
        (o) =>
          o === r ||
          box(o).bottom < box(r).top ||
          (box(o).right < box(r).left &&
            box(o).top <= box(r).bottom &&
            box(r).top <= box(o).bottom),
      ),
    );
    const gathered = sources.length >= 3 && apart.length === 1 ? apart[0] : undefined;
    if (gathered !== undefined) {
      for (const other of sources)
        if (other !== gathered)
          out.push(withStyle({ from: ids(other), to: ids(gathered), direction: 'none' }));
      return out;
    }
    const [first, ...rest] = sources as [number, ...number[]];
    for (const other of rest)
      out.push(withStyle({ from: ids(first), to: ids(other), direction: 'none' }));
    return out;
  }
  if (sources.length === 0) {
    // a line with arrowheads at both ends reads from the top, or from the left between boxes
    // side by side (a taller box beside another starts higher, yet is not the first)
    const beside = (a: number, b: number): boolean => {
      const [ra, rb] = [rects[a] as Rect, rects[b] as Rect];
      return ra.top <= rb.bottom && rb.top <= ra.bottom;
    };
    const lead = targets.reduce((best, r) =>
      beside(r, best) && (rects[r] as Rect).left < (rects[best] as Rect).left ? r : best,
    );
    const [first, ...rest] = [lead, ...targets.filter((r) => r !== lead)] as [number, ...number[]];
    for (const other of rest)
      out.push(withStyle({ from: ids(first), to: ids(other), direction: 'both' }));
    return out;
  }
  for (const s of sources)
    for (const t of targets) out.push(withStyle({ from: ids(s), to: ids(t) }));
  return out;
}

/** The side of its box a line's end meets. */
/**
 * Connections between boxes stacked with no row between them, drawn where the upper box's
 * bottom border meets the lower box's top: a junction on each (`┬` over `┴`, a plain line), or
 * an arrowhead on either pointing into the other box (`┬` over `▼`, `▲` over `┴`). Pairs
 * already joined by a drawn line are left as they are.
 */
function touching(
  grid: Grid,
  rects: readonly Rect[],
  built: ReadonlyMap<number, NodeInput>,
  made: readonly ConnectionInput[],
): ConnectionInput[] {
  const out: ConnectionInput[] = [];
  const joined = new Set(made.flatMap((c) => [`${c.from}>${c.to}`, `${c.to}>${c.from}`]));
  const byTop = new Map<number, Rect[]>();
  for (const rect of rects) {
    if (rect.bare) continue;
    const list = byTop.get(rect.top);
    if (list) list.push(rect);
    else byTop.set(rect.top, [rect]);
  }
  for (const upper of rects) {
    if (upper.bare) continue;
    for (const lower of byTop.get(upper.bottom + 1) ?? []) {
      const a = built.get(upper.index)?.id;
      const b = built.get(lower.index)?.id;
      if (a === undefined || b === undefined || joined.has(`${a}>${b}`)) continue;
      for (
        let c = Math.max(upper.left, lower.left) + 1;
        c < Math.min(upper.right, lower.right);
        c++
      ) {
        const top = at(grid, upper.bottom, c);
        const bottom = at(grid, lower.top, c);
        const down = arrowOf(top) === S || arrowOf(bottom) === S;
        const up = arrowOf(top) === N || arrowOf(bottom) === N;
        const leaves = has(top, S) || down || up;
        const enters = has(bottom, N) || down || up;
        if (!leaves || !enters) continue;
        out.push(
          down && up
            ? { from: a, to: b, direction: 'both' }
            : down
              ? { from: a, to: b }
              : up
                ? { from: b, to: a }
                : { from: a, to: b, direction: 'none' },
        );
        joined.add(`${a}>${b}`).add(`${b}>${a}`);
        break;
      }
    }
  }
  return out;
}

function sideMet(rect: Rect, t: { row: number; col: number }): Side {
  if (t.row < rect.top) return 'top';
  if (t.row > rect.bottom) return 'bottom';
  return t.col < rect.left ? 'left' : 'right';
}

/** The connection of a net a note belongs to: the one whose end is nearest the note. */
function nearest(
  made: ConnectionInput[],
  near: [number, number],
  net: LineNet,
  built: ReadonlyMap<number, NodeInput>,
): ConnectionInput {
  if (made.length === 1) return made[0] as ConnectionInput;
  let best = made[0] as ConnectionInput;
  let distance = Number.POSITIVE_INFINITY;
  for (const t of net.terminals) {
    const d = Math.abs(t.row - near[0]) + Math.abs(t.col - near[1]);
    if (d >= distance) continue;
    const id = built.get(t.rect)?.id;
    const match =
      made.find((c) => (t.arrow ? c.to === id : c.from === id) && c.note === undefined) ??
      made.find((c) => c.to === id || c.from === id);
    if (match) {
      best = match;
      distance = d;
    }
  }
  return best;
}

/** `right` when most lines run from a box's right side to another's left. */
function flowOf(
  connections: readonly ConnectionInput[],
  built: ReadonlyMap<number, NodeInput>,
  rects: readonly Rect[],
): 'down' | 'right' {
  const rectOf = new Map<string, Rect>();
  for (const [i, node] of built) rectOf.set(node.id as string, rects[i] as Rect);
  let right = 0;
  let down = 0;
  for (const c of connections) {
    const a = rectOf.get(c.from as string);
    const b = rectOf.get(c.to as string);
    if (!a || !b) continue;
    if (b.left > a.right) right++;
    else if (b.top > a.bottom || a.top > b.bottom) down++;
  }
  return right > down ? 'right' : 'down';
}

/**
 * Drops the sides asked of `sided` unless they are worth keeping: the model renders with
 * them, in no more than half as much again as the area it takes without them, and its lines
 * run no more than a quarter longer (cells of line characters, the charset's borders too).
 */
function keepSidesThatHelp(
  model: DiagramInput,
  sided: readonly ConnectionInput[],
  render: RenderText,
  charset: DrawnCharset,
): void {
  const measure = (text: string): { area: number; lines: number } => {
    const rows = text.split('\n');
    const lines = text.match(/[─│┌┐└┘├┤┬┴┼|+-]/g)?.length ?? 0;
    return { area: rows.length * Math.max(...rows.map((row) => row.length)), lines };
  };
  let withSides: { area: number; lines: number } | undefined;
  try {
    withSides = measure(render(model, charset));
  } catch {
    // the layout cannot keep them
  }
  const kept = sided.map((c) => c.hints);
  for (const c of sided) {
    const { fromSide: _from, toSide: _to, ...rest } = c.hints ?? {};
    if (Object.keys(rest).length > 0) c.hints = rest;
    else delete c.hints;
  }
  if (withSides === undefined) return;
  let without = { area: Number.POSITIVE_INFINITY, lines: Number.POSITIVE_INFINITY };
  try {
    without = measure(render(model, charset));
  } catch {
    // drawn only with its sides: keep them
  }
  if (withSides.area > 1.5 * without.area || withSides.lines > 1.25 * without.lines) return;
  sided.forEach((c, i) => {
    const hints = kept[i];
    if (hints) c.hints = hints;
  });
}
