import {
  boxesById,
  isContainerKind,
  type Point,
  type Scene,
  type SceneBox,
  type SceneConnector,
  type SceneText,
} from '@diagrama/core';
import { type Container, SVG, type Svg } from '@svgdotjs/svg.js';
import { KIND_GLYPHS, LOCK_GLYPH } from './glyphs.js';
import { FONT_STACK, type ThemeName, themeCss } from './theme.js';

export { FONT_STACK };

/** Options for `sceneToSvg`. */
export interface SvgOptions {
  /** `light`, `dark`, or `auto` (one file that follows `prefers-color-scheme`). @default 'light' */
  theme?: ThemeName;
  /** Width of one character cell in pixels. @default 9 */
  cellWidth?: number;
  /** Height of one character cell in pixels. @default 18 */
  cellHeight?: number;
  /**
   * The typeface: `sans` (proportional, easier to read) or `mono` (every glyph one cell, as
   * in the text rendering). Text is anchored at its alignment point either way, so the cell
   * grid holds. @default 'sans'
   */
  font?: 'sans' | 'mono';
  /** Font size in pixels. @default 13 for sans, 14 for mono */
  fontSize?: number;
  /**
   * Draw labels where `labelOffset` hints moved them, as the hand drawing they imitate in text
   * has them. By default every label sits where its alignment says: an offset that lines text
   * up in a terminal reads as a mistake in a picture. @default false
   */
  labelOffsets?: boolean;
  /**
   * Prefix of every id in the file, so several diagrams can share a page. The default is
   * derived from the scene's content, so it is stable and differs between diagrams.
   */
  idPrefix?: string;
}

/** The proportional stack text is drawn in by default: a cell stays wide enough for any glyph. */
export const SANS_STACK =
  'system-ui,-apple-system,Segoe UI,Roboto,Helvetica Neue,Arial,Noto Sans,Liberation Sans,sans-serif';

/** Characters XML 1.0 cannot hold, and controls that have no business in a label. */
const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text made safe for XML: unsafe characters become visible `\u{…}` escapes. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
}

/** An id fragment from any model id: ASCII letters, digits and `-` as they are, others as `_hex_` (injective). */
export function encodeId(id: string): string {
  let out = '';
  for (const ch of id) {
    out += /[A-Za-z0-9-]/.test(ch) ? ch : `_${(ch.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return out;
}

/** FNV-1a of a string, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

interface Frame {
  cw: number;
  ch: number;
  fontSize: number;
  id: (part: string) => string;
  labelOffsets: boolean;
  /** Whether every glyph takes one cell (`font: 'mono'`). */
  mono: boolean;
  /**
   * Unit steps of line (`style|x,y|x,y` in cells) and arrowheads already drawn: lines that
   * share a trunk draw it once, so it is not drawn heavier than a single line.
   */
  drawn: Set<string>;
  /** The drawing's extent in pixels, margin included (a mask's region). */
  area: { x: number; y: number; width: number; height: number };
  /** Cells lines pass through (`x,y`), found when a note first asks. */
  lineCells?: Set<string>;
  /**
   * Owners whose left-aligned lines are set in columns with runs of spaces (`Grafana
   * (dashboards)` under `Loki        (logs)`): drawn in the monospace face, so the columns
   * still line up in a proportional default.
   */
  columns: ReadonlySet<string>;
}

/** A run of two or more spaces between words: text lined up in columns by hand. */
const COLUMNS = /\S {2,}\S/;

/** The owners of left-aligned text set in columns (see `Frame.columns`). */
function columnOwners(scene: Scene): Set<string> {
  const out = new Set<string>();
  for (const text of scene.texts)
    if (text.align === 'left' && COLUMNS.test(text.text)) out.add(text.owner);
  return out;
}

/** The cells the scene's lines pass through, as `x,y`. */
function cellsUnderLines(scene: Scene): Set<string> {
  const cells = new Set<string>();
  for (const connector of scene.connectors) {
    connector.points.forEach((b, k) => {
      const a = connector.points[k - 1];
      if (a === undefined) return;
      const dx = Math.sign(b.x - a.x);
      const dy = Math.sign(b.y - a.y);
      for (let x = a.x, y = a.y; ; x += dx, y += dy) {
        cells.add(`${x},${y}`);
        if (x === b.x && y === b.y) break;
      }
    });
  }
  return cells;
}

const px = (value: number): number => Math.round(value * 100) / 100;

type Draw<T> = (group: Container, item: T, frame: Frame, scene: Scene) => void;

/** A pictogram centred at (cx, cy); on a border it sits on a small disc that hides the line. */
function glyph(
  group: Container,
  path: string,
  kind: string,
  cx: number,
  cy: number,
  f: Frame,
  onBorder: boolean,
  title?: string,
): void {
  const size = Math.min(f.cw * 1.4, f.ch * 0.62);
  if (onBorder)
    group.circle(px(size + 5)).attr({ cx: px(cx), cy: px(cy), class: `d-disc d-${kind}` });
  const icon = group.path(path).attr({
    class: `d-glyph d-glyph-${kind}`,
    transform: `translate(${px(cx - size / 2)} ${px(cy - size / 2)}) scale(${px(size / 16)})`,
  });
  if (title) icon.element('title').words(title);
}

/** Corner radius of a box's outline, by border style. */
const radius = (box: SceneBox): number => (box.border === 'rounded' ? 10 : 6);

/**
 * The outline of a box in its kind's shape: a cylinder for a database (its lid on the row
 * the text draws a rule on), a pipe for a queue (its end where the text draws one), a
 * rounded rectangle for the rest.
 */
function outline(
  group: Container,
  box: SceneBox,
  f: Frame,
  rect: { x: number; y: number; w: number; h: number },
  cls: string,
  joinedLayer: boolean,
): void {
  const { x, y, w, h } = rect;
  const id = f.id(box.id);
  if (box.kind === 'database' && box.height >= 4) {
    const ry = f.ch / 2;
    const rx = w / 2;
    group
      .path(
        `M${px(x)} ${px(y + ry)}A${px(rx)} ${px(ry)} 0 0 1 ${px(x + w)} ${px(y + ry)}V${px(y + h - ry)}A${px(rx)} ${px(ry)} 0 0 1 ${px(x)} ${px(y + h - ry)}Z`,
      )
      .attr({ id, class: cls });
    group
      .path(`M${px(x)} ${px(y + ry)}A${px(rx)} ${px(ry)} 0 0 0 ${px(x + w)} ${px(y + ry)}`)
      .attr({ class: `${cls} d-face` });
    return;
  }
  if (box.kind === 'queue' && box.width >= 6) {
    const rx = f.cw;
    const ry = h / 2;
    group
      .path(
        `M${px(x + rx)} ${px(y)}H${px(x + w - rx)}A${px(rx)} ${px(ry)} 0 0 1 ${px(x + w - rx)} ${px(y + h)}H${px(x + rx)}A${px(rx)} ${px(ry)} 0 0 1 ${px(x + rx)} ${px(y)}Z`,
      )
      .attr({ id, class: cls });
    group
      .path(`M${px(x + w - rx)} ${px(y)}A${px(rx)} ${px(ry)} 0 0 0 ${px(x + w - rx)} ${px(y + h)}`)
      .attr({ class: `${cls} d-face` });
    return;
  }
  const shape = group.rect(px(w), px(h)).attr({ x: px(x), y: px(y), id, class: cls });
  if (!joinedLayer) shape.radius(radius(box));
  if (box.border === 'double') {
    // a second outline inside the first, as ╔═╗ draws it
    const inset = 3;
    group
      .rect(px(w - 2 * inset), px(h - 2 * inset))
      .attr({ x: px(x + inset), y: px(y + inset), class: `${cls} d-face` })
      .radius(Math.max(0, radius(box) - inset));
  }
}

const drawBox: Draw<SceneBox> = (group, box, f, scene) => {
  const x = (box.x + 0.5) * f.cw;
  const y = (box.y + 0.5) * f.ch;
  const w = (box.width - 1) * f.cw;
  const h = (box.height - 1) * f.ch;
  const container = isContainerKind(box.kind);
  // a layer drawn inside its stack's box (the scene says who holds it)
  const joinedLayer =
    box.kind === 'layer' &&
    box.parent !== undefined &&
    boxesById(scene).get(box.parent)?.kind === 'stack';
  const kindClass = box.kind === 'host' ? 'd-host' : `d-${box.kind}`;
  const cls = [
    kindClass,
    box.border === 'heavy' ? 'd-heavy' : '',
    box.border === 'dashed' ? 'd-dashed' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const stack = joinedLayer ? boxesById(scene).get(box.parent as string) : undefined;
  if (stack) {
    // a layer inside its stack: the stack draws the outline (round corners and all), the
    // layer only the edges it shares with the layers above it and left of it, in its colour
    group.rect(px(w), px(h)).attr({ x: px(x), y: px(y), id: f.id(box.id), class: `${cls} d-cell` });
    if (box.y > stack.y) group.line(px(x), px(y), px(x + w), px(y)).attr({ class: cls });
    if (box.x > stack.x) group.line(px(x), px(y), px(x), px(y + h)).attr({ class: cls });
  } else if (box.border !== 'none') {
    outline(group, box, f, { x, y, w, h }, cls, joinedLayer);
  }
  if (container && box.border !== 'none') {
    const divider = scene.dividers.find((d) => d.box === box.id);
    if (divider) {
      const bandBottom = (divider.y + 0.5) * f.ch;
      const r = radius(box);
      group
        .path(
          `M${px(x)} ${px(bandBottom)}V${px(y + r)}a${r} ${r} 0 0 1 ${r} -${r}H${px(x + w - r)}a${r} ${r} 0 0 1 ${r} ${r}V${px(bandBottom)}Z`,
        )
        .attr({ class: 'd-band' });
      group.line(px(x), px(bandBottom), px(x + w), px(bandBottom)).attr({ class: 'd-rule' });
    }
  }
  if (container) {
    const row = box.y + 1;
    // the pictogram takes the band's first cells: not when a text of this box starts there
    const free = !scene.texts.some(
      (t) => t.y === row && t.x >= box.x && t.x <= box.x + 3 && t.x + t.width > box.x,
    );
    // in the title band, beside the title (a title elsewhere leaves no room for it)
    const banded = scene.dividers.some((d) => d.box === box.id);
    if (box.kind === 'host' && banded && free && box.width >= 6)
      glyph(group, KIND_GLYPHS.host, 'host', (box.x + 2) * f.cw, (row + 0.5) * f.ch, f, false);
  } else if (box.width >= 6 && box.border !== 'none' && !joinedLayer) {
    // one badge per stack: its layers carry none
    glyph(group, KIND_GLYPHS[box.kind], box.kind, (box.x + 2) * f.cw, y, f, true);
  }
  if (box.kind === 'user' && box.height >= 5 && box.border !== 'none') {
    // head and shoulders over the label, on the two rows the text draws its figure on
    const cx = (box.x + Math.floor((box.width - 1) / 2) + 0.5) * f.cw;
    const head = f.ch * 0.32;
    const top = (box.y + 1) * f.ch;
    group.circle(px(2 * head)).attr({ cx: px(cx), cy: px(top + head + 2), class: `d-user d-face` });
    const shoulders = top + 2 * head + 4;
    const half = f.cw * 1.5;
    group
      .path(
        `M${px(cx - half)} ${px(shoulders + f.ch * 0.75)}C${px(cx - half)} ${px(shoulders)} ${px(cx + half)} ${px(shoulders)} ${px(cx + half)} ${px(shoulders + f.ch * 0.75)}`,
      )
      .attr({ class: 'd-user d-face' });
  }
  if (box.readOnly && box.width >= 9) {
    // inside the layer it marks, before its label (not on the line it shares with the next)
    const cy = (box.y + box.height / 2) * f.ch;
    glyph(group, LOCK_GLYPH, box.kind, (box.x + 1.5) * f.cw, cy, f, false, 'read-only');
  }
};

const drawDivider: Draw<Scene['dividers'][number]> = (group, divider, f, scene) => {
  const box = boxesById(scene).get(divider.box);
  // containers draw their band with their box, stacks' layers their own edges
  if (box === undefined || isContainerKind(box.kind) || box.border === 'none') return;
  if (box.kind === 'stack') return;
  const y = (divider.y + 0.5) * f.ch;
  group
    .line(px((box.x + 0.5) * f.cw), px(y), px((box.x + box.width - 0.5) * f.cw), px(y))
    .attr({ class: 'd-rule' });
};

const center = (p: Point, f: Frame) => ({ x: (p.x + 0.5) * f.cw, y: (p.y + 0.5) * f.ch });

function arrowhead(
  group: Container,
  tip: { x: number; y: number },
  from: { x: number; y: number },
  f: Frame,
): void {
  const dx = Math.sign(tip.x - from.x);
  const dy = Math.sign(tip.y - from.y);
  const key = `arrow|${px(tip.x)},${px(tip.y)}|${dx},${dy}`;
  if (f.drawn.has(key)) return;
  f.drawn.add(key);
  const length = 9;
  const half = 4.5;
  const bx = tip.x - dx * length;
  const by = tip.y - dy * length;
  group
    .path(
      `M${px(tip.x)} ${px(tip.y)}L${px(bx - dy * half)} ${px(by + dx * half)}L${px(bx + dy * half)} ${px(by - dx * half)}Z`,
    )
    .attr({ class: 'd-arrow' });
}

/**
 * The path of a connector without the stretches an earlier line of the same style already
 * drew (a trunk shared by a fan-out): runs of new unit steps, each a polyline with its bends.
 * `ends` replaces the first and last points (trimmed for arrowheads, pulled off open ends);
 * a step so shortened is always drawn and never claimed.
 */
function newStretches(
  cells: readonly Point[],
  ends: { first: Point; last: Point; shortFirst: boolean; shortLast: boolean },
  style: string,
  f: Frame,
): string {
  const steps: { a: Point; b: Point }[] = [];
  for (let k = 1; k < cells.length; k++) {
    const a = cells[k - 1] as Point;
    const b = cells[k] as Point;
    const dx = Math.sign(b.x - a.x);
    const dy = Math.sign(b.y - a.y);
    for (let x = a.x, y = a.y; x !== b.x || y !== b.y; x += dx, y += dy) {
      steps.push({ a: { x, y }, b: { x: x + dx, y: y + dy } });
    }
  }
  const runs: Point[][] = [];
  let run: Point[] | undefined;
  steps.forEach(({ a, b }, i) => {
    const end = (i === 0 && ends.shortFirst) || (i === steps.length - 1 && ends.shortLast);
    const [p, q] = a.x < b.x || a.y < b.y ? [a, b] : [b, a];
    const from = i === 0 ? ends.first : center(a, f);
    const to = i === steps.length - 1 ? ends.last : center(b, f);
    // a step cut short at an arrowhead is the same step only when cut at the same point:
    // lines of a fan-in share their last one, and draw it once
    const key = end
      ? `${style}|${from.x},${from.y}|${to.x},${to.y}`
      : `${style}|${p.x},${p.y}|${q.x},${q.y}`;
    if (f.drawn.has(key)) {
      run = undefined;
      return;
    }
    f.drawn.add(key);
    if (!run) {
      run = [from];
      runs.push(run);
    }
    // a bend only where the line turns
    const before = run[run.length - 2];
    const at = run[run.length - 1] as Point;
    if (
      before &&
      Math.sign(at.x - before.x) === Math.sign(to.x - at.x) &&
      Math.sign(at.y - before.y) === Math.sign(to.y - at.y)
    ) {
      run[run.length - 1] = to;
    } else run.push(to);
  });
  return runs
    .map((points) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.x)} ${px(p.y)}`).join(''))
    .join('');
}

const drawConnector: Draw<SceneConnector> = (group, connector, f, scene) => {
  const points = connector.points.map((p) => center(p, f));
  if (points.length < 2) return;
  // an end on a box drawn without a border (the open end of a line, at its note) stops at the
  // edge of that cell, not over the text in it
  const borderless = (id: string): boolean => boxesById(scene).get(id)?.border === 'none';
  const pull = (end: { x: number; y: number }, next: { x: number; y: number }) => {
    end.x += (Math.sign(next.x - end.x) * f.cw) / 2;
    end.y += (Math.sign(next.y - end.y) * f.ch) / 2;
  };
  // down a column onto a row no text covers (the border row of a box of text a line points
  // at), the end goes on to the text's row instead, as the text rendering draws it
  const reaches = (end: Point, next: Point): boolean =>
    end.x === next.x &&
    !scene.texts.some((t) => t.y === end.y && t.x <= end.x && end.x < t.x + t.width);
  const raw = connector.points;
  const [rawFirst, rawSecond] = [raw[0] as Point, raw[1] as Point];
  const [rawLast, rawBefore] = [raw[raw.length - 1] as Point, raw[raw.length - 2] as Point];
  const openStart = borderless(connector.from);
  const openEnd = borderless(connector.to);
  const push = (end: { x: number; y: number }, next: { x: number; y: number }) => {
    end.y -= (Math.sign(next.y - end.y) * f.ch) / 2;
  };
  if (openStart) {
    if (reaches(rawFirst, rawSecond)) push(points[0] as Point, points[1] as Point);
    else pull(points[0] as Point, points[1] as Point);
  }
  if (openEnd) {
    const [end, next] = [points[points.length - 1] as Point, points[points.length - 2] as Point];
    if (reaches(rawLast, rawBefore)) push(end, next);
    else pull(end, next);
  }
  const first = points[0] as { x: number; y: number };
  const last = points[points.length - 1] as { x: number; y: number };
  const trim = (end: { x: number; y: number }, next: { x: number; y: number }) => ({
    x: end.x + Math.sign(next.x - end.x) * 8,
    y: end.y + Math.sign(next.y - end.y) * 8,
  });
  const ends = {
    first: connector.arrowStart ? trim(first, points[1] as Point) : first,
    last: connector.arrowEnd ? trim(last, points[points.length - 2] as Point) : last,
    shortFirst: openStart || connector.arrowStart,
    shortLast: openEnd || connector.arrowEnd,
  };
  const d = newStretches(connector.points, ends, connector.style, f);
  // ids are one namespace per file: a connector's and a text's carry a suffix no encoded id
  // has (`.` is always encoded), so a node named `a->b` and the line a → b never share one
  const line = group.path(d).attr({ class: 'd-line', id: `${f.id(connector.id)}.line` });
  if (connector.style === 'heavy') line.addClass('d-line-heavy');
  if (connector.style === 'double') {
    // two thin lines with whatever is under them showing between (the page, a host's fill):
    // a wide stroke masked by a narrow one, over the whole drawing (a straight line's own box
    // has no width)
    const mask = `${f.id(connector.id)}.gap`;
    const area = group.mask().attr({ id: mask, maskUnits: 'userSpaceOnUse', ...f.area });
    area.path(d).attr({ fill: 'none', stroke: '#fff', 'stroke-width': 4.5 });
    area.path(d).attr({ fill: 'none', stroke: '#000', 'stroke-width': 1.5 });
    line.addClass('d-line-double').attr({ mask: `url(#${mask})` });
  }
  if (connector.style === 'dashed') line.attr({ 'stroke-dasharray': '6 4' });
  if (connector.style === 'dotted')
    line.attr({ 'stroke-dasharray': '1.5 3.5', 'stroke-linecap': 'round' });
  if (connector.arrowEnd)
    arrowhead(group, last, points[points.length - 2] as { x: number; y: number }, f);
  if (connector.arrowStart) arrowhead(group, first, points[1] as { x: number; y: number }, f);
};

const ANCHOR = { left: 'start', center: 'middle', right: 'end' } as const;

/**
 * Where a centred line is anchored: the middle of its cells — or, in a proportional face, the
 * middle of its box when the cells missed it only by rounding (a line of odd width in a box of
 * even width sits half a cell off, and lines of both parities in one label would zigzag).
 */
function centreOf(text: SceneText, start: number, f: Frame, scene: Scene): number {
  const middle = start + text.width / 2;
  if (f.mono || (text.role !== 'label' && text.role !== 'title')) return middle;
  const box = boxesById(scene).get(text.owner);
  if (box === undefined) return middle;
  const centre = box.x + box.width / 2;
  return Math.abs(middle - centre) <= 0.5 ? centre : middle;
}

const drawText: Draw<SceneText> = (group, text, f, scene) => {
  let halo = '';
  if (text.cut) {
    // a title in its box's border: what holds the box shows through the border around it
    let holder = boxesById(scene).get(text.owner);
    let inHost = false;
    // up to the first container with a fill: groups have none
    for (let up = holder?.parent; up !== undefined; up = holder?.parent) {
      holder = boxesById(scene).get(up);
      if (holder?.kind === 'host' && holder.border !== 'none') {
        inHost = true;
        break;
      }
    }
    // in cells the gap is exact; a proportional face is narrower than its cells, so a halo
    // around the glyphs themselves clears the border, however wide they come out, in the
    // colour of what holds the box (a host's fill, else the page): the border runs on right
    // after the title
    if (f.mono) {
      group.rect(px((text.width + 1.2) * f.cw), px(f.ch - 4)).attr({
        x: px((text.x - 0.6) * f.cw),
        y: px(text.y * f.ch + 2),
        class: inHost ? 'd-knock' : 'd-bg',
      });
    } else halo = inHost ? 'd-halo' : 'd-halo d-on-page';
  }
  // a note over a line (a message's note across the lifelines between its ends) is cleared
  // around its glyphs, in the colour of what is under it, as the text rendering covers them
  if (text.role === 'note' && halo === '') {
    f.lineCells ??= cellsUnderLines(scene);
    const cells = f.lineCells;
    const over = Array.from({ length: text.width }, (_, i) => `${text.x + i},${text.y}`);
    if (over.some((cell) => cells.has(cell))) {
      const inHost = scene.boxes.some(
        (b) =>
          b.kind === 'host' &&
          b.border !== 'none' &&
          text.x >= b.x &&
          text.x < b.x + b.width &&
          text.y > b.y &&
          text.y < b.y + b.height - 1,
      );
      halo = inHost ? 'd-halo' : 'd-halo d-on-page';
    }
  }
  // anchored at its alignment point; a hand-drawn nudge undone unless asked for; a caption
  // from the box's border line, which runs through the middle of the cell
  const start =
    text.x - (f.labelOffsets ? 0 : (text.nudge ?? 0)) + (text.role === 'caption' ? 0.5 : 0);
  const x =
    text.align === 'center'
      ? centreOf(text, start, f, scene)
      : text.align === 'right'
        ? start + text.width
        : start;
  const columns = text.align === 'left' && f.columns.has(text.owner) ? ' d-cols' : '';
  group.plain(safeText(text.text)).attr({
    id: `${f.id(text.id)}.text`,
    x: px(x * f.cw),
    y: px((text.y + 0.5) * f.ch + f.fontSize * 0.35),
    'text-anchor': ANCHOR[text.align],
    'xml:space': 'preserve',
    class: `d-${text.role}${halo ? ` ${halo}` : ''}${columns}`,
  });
};

/** The part of a DOM element this module touches (the lib has no DOM types). */
interface ElementLike {
  readonly attributes: ArrayLike<{ name: string }>;
  readonly children: ArrayLike<ElementLike>;
  removeAttribute(name: string): void;
}

function stripLibraryTraces(node: ElementLike): void {
  const names = Array.from(node.attributes, (attribute) => attribute.name);
  for (const name of names) {
    if (name.startsWith('data-svgjs') || name.startsWith('svgjs:') || name === 'xmlns:svgjs') {
      node.removeAttribute(name);
    }
  }
  for (const child of Array.from(node.children)) stripLibraryTraces(child);
}

/**
 * Draws a scene on an svg.js root. Geometry comes from the cell layout (cells × cell size), so
 * the SVG and the text rendering always agree; nothing asks the DOM how wide text is.
 */
function drawScene(root: Svg, scene: Scene, options: SvgOptions = {}): string {
  const cw = options.cellWidth ?? 9;
  const ch = options.cellHeight ?? 18;
  const mono = options.font === 'mono';
  // a proportional face a size smaller keeps even wide capitals within their cells
  const fontSize = options.fontSize ?? (mono ? 14 : 13);
  const prefix = encodeId(options.idPrefix ?? `diagrama-${hash(JSON.stringify(scene))}`);
  const margin = Math.round(cw);
  const width = px(scene.width * cw + 2 * margin);
  const height = px(scene.height * ch + 2 * margin);
  const frame: Frame = {
    area: { x: -margin, y: -margin, width, height },
    cw,
    ch,
    fontSize,
    id: (part) => `${prefix}-${encodeId(part)}`,
    labelOffsets: options.labelOffsets === true,
    mono,
    drawn: new Set(),
    columns: mono ? new Set() : columnOwners(scene),
  };
  root.attr({
    id: prefix,
    width,
    height,
    viewBox: `${-margin} ${-margin} ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${prefix}-title ${prefix}-desc`,
  });
  root
    .element('title')
    .attr({ id: `${prefix}-title` })
    .words(safeText(scene.title));
  root
    .element('desc')
    .attr({ id: `${prefix}-desc` })
    .words(safeText(scene.description));
  root
    .element('style')
    .words(
      themeCss(
        `#${prefix}`,
        options.theme ?? 'light',
        mono ? FONT_STACK : SANS_STACK,
        fontSize,
        new Set(scene.boxes.map((box) => box.kind)),
        frame.columns.size > 0,
        new Set(scene.connectors.map((c) => c.style)),
      ),
    );
  root.rect(width, height).attr({ x: -margin, y: -margin, class: 'd-bg' });
  const boxes = root.group().attr({ class: 'd-boxes' });
  for (const box of scene.boxes) drawBox(boxes, box, frame, scene);
  for (const divider of scene.dividers) drawDivider(boxes, divider, frame, scene);
  const lines = root.group().attr({ class: 'd-connectors' });
  for (const connector of scene.connectors) drawConnector(lines, connector, frame, scene);
  const texts = root.group().attr({ class: 'd-texts' });
  for (const text of scene.texts) drawText(texts, text, frame, scene);
  stripLibraryTraces(root.node as unknown as ElementLike);
  return `${root.svg()}\n`;
}

/**
 * Draws a scene on a fresh, detached SVG root and returns the document; the root is removed
 * afterwards. Both entries call it once their DOM (svgdom or the page's) is in place.
 */
export function drawDetached(scene: Scene, options: SvgOptions = {}): string {
  const root = SVG();
  try {
    return drawScene(root, scene, options);
  } finally {
    root.remove();
  }
}
