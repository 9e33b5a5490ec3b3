import type {
  Alignment,
  BorderStyle,
  HostNode,
  Node,
  NodeKind,
  Spacing,
  StackNode,
  TitlePlace,
} from '../model/types.js';
import type { Scene, SceneBox, SceneText } from '../scene/types.js';
import { type DisplayLine, toDisplayLines } from '../text/width.js';
import { HOST_PADDING, type SceneSink } from './block.js';

/**
 * Borders the kinds draw when the model names none; the rest draw the charset's. A group only
 * arranges, an external system is outside (dashed), a database and a user are round.
 */
export const KIND_BORDERS: Readonly<Partial<Record<NodeKind, BorderStyle>>> = {
  group: 'none',
  external: 'dashed',
  database: 'rounded',
  user: 'rounded',
};

/** The border a node is drawn with, or undefined for the charset's own. */
export function borderOf(node: Node): BorderStyle | undefined {
  return node.border ?? KIND_BORDERS[node.kind];
}

/** The `border` field of a node's scene box: present only when it is not the charset's. */
export function borderField(node: Node): Pick<SceneBox, 'border'> {
  const border = borderOf(node);
  return border === undefined ? {} : { border };
}

/** Space between a container's border and its children when no hint says otherwise. */
export function containerPadding(node: HostNode): Spacing {
  // a group without a border only arranges: its children sit right inside its outline
  return node.kind === 'group' && borderOf(node) === 'none'
    ? { top: 0, right: 0, bottom: 0, left: 0 }
    : HOST_PADDING;
}

/**
 * Where a container's title goes, in cells. One owner for the flows, the layered regions and
 * stacks, so that every container draws its title the same way.
 */
export interface TitleGeometry {
  place: TitlePlace;
  /** Rows under the top border the title takes (its band and rule, or the lines after the first on the border). */
  band: number;
  /** Whether a rule closes the band (a scene divider). */
  rule: boolean;
  /** Rows under the bottom border the title takes (a caption). */
  below: number;
  /** The fewest columns inside the borders the title needs. */
  inner: number;
  /** For a title over the content: the row of its first line, from the box's top row. */
  firstRow: number;
  /** Whether the first line is written into the top border. */
  cut: boolean;
}

/** Whether a container is drawn without a border: then it has no ring of border cells either. */
export const borderless = (node: Node): boolean => borderOf(node) === 'none';

/**
 * The geometry of a title of these lines at this place. A container drawn without a border
 * has no border cells: a title over it is a heading on its first rows (band and border alike).
 */
export function titleGeometry(
  place: TitlePlace,
  title: readonly DisplayLine[],
  noBorder = false,
): TitleGeometry {
  const widest = title.reduce((max, line) => Math.max(max, line.width), 0);
  const none = { place: 'none', band: 0, rule: false, below: 0, inner: 0, firstRow: 0, cut: false };
  if (title.length === 0 || widest === 0 || place === 'none') return none as TitleGeometry;
  if (noBorder && place !== 'below') {
    return {
      place,
      band: title.length,
      rule: false,
      below: 0,
      inner: widest,
      firstRow: 0,
      cut: false,
    };
  }
  switch (place) {
    case 'band':
      return {
        place,
        band: title.length + 1,
        rule: true,
        below: 0,
        inner: widest + 2,
        firstRow: 1,
        cut: false,
      };
    case 'border':
      // `═ Title ═`: a dash and a space on each side of the first line, the rest under it,
      // and two cells more, so that a line can meet the border beside the title
      return {
        place,
        band: title.length - 1,
        rule: false,
        below: 0,
        inner: widest + 6,
        firstRow: 0,
        cut: true,
      };
    case 'below':
      return {
        place,
        band: 0,
        rule: false,
        below: title.length,
        inner: Math.max(0, widest - (noBorder ? 0 : 2)),
        firstRow: 0,
        cut: false,
      };
  }
}

/** Columns from a title's box to the first cell of a line, for its alignment. */
function alignedAt(
  line: DisplayLine,
  left: number,
  inner: number,
  align: Alignment,
  offset: number,
): number {
  const at =
    align === 'left'
      ? left
      : align === 'right'
        ? left + inner - line.width
        : left + Math.floor((inner - line.width) / 2);
  return at + offset;
}

/**
 * The scene texts of a container's title, for a box at (x, y) of `width` × `height` cells.
 * `avoid` holds columns where lines cross the rows the title takes: the title moves to the
 * nearest stretch clear of them (one free cell on each side) when its aligned place is not.
 */
export function titleTexts(
  owner: string,
  title: readonly DisplayLine[],
  geometry: TitleGeometry,
  box: { x: number; y: number; width: number; height: number },
  align: Alignment | undefined,
  offset: number,
  avoid: ReadonlySet<number> = new Set(),
): SceneText[] {
  if (geometry.place === 'none') return [];
  const out: SceneText[] = [];
  title.forEach((line, index) => {
    if (line.width === 0) return;
    const onBorder = geometry.cut && index === 0;
    // on the border, a dash and a space stay on each side of the title; a container without
    // a border has no border cells to keep clear
    const ring = geometry.place !== 'below' && geometry.firstRow === 0 && !geometry.cut ? 0 : 1;
    // the lines under a title written into the border line up with its first
    const left = box.x + (geometry.cut ? 3 : ring);
    const inner = box.width - (geometry.cut ? 6 : 2 * ring);
    const y =
      geometry.place === 'below' ? box.y + box.height + index : box.y + geometry.firstRow + index;
    const lineAlign: Alignment = align ?? (geometry.cut ? 'left' : 'center');
    const wanted = alignedAt(line, left, inner, lineAlign, offset);
    const low = geometry.place === 'below' ? box.x : left;
    const high =
      geometry.place === 'below' ? box.x + box.width - line.width : left + inner - line.width;
    // moved off a line, a title in a band keeps a blank from the borders too
    const walls = avoid.size > 0 && geometry.place === 'band' ? [box.x, box.x + box.width - 1] : [];
    const free = (x: number): boolean => {
      if (x < low || x > Math.max(low, high)) return false;
      // a cell free on each side; on a border the cut takes it, so one more
      const margin = onBorder ? 2 : 1;
      for (const c of [...avoid, ...walls]) {
        if (c >= x - margin && c < x + line.width + margin) return false;
      }
      return true;
    };
    let x = wanted;
    if (!free(wanted) && geometry.place === 'band' && lineAlign === 'center') {
      // a band title a line runs through goes to the band's start, as a container's title
      // drawn by hand sits in its corner when a line comes in at the middle
      // (two cells in, as a label's padding, where the line leaves room; else the first
      // place clear of the lines)
      if (free(low + 2) && free(low + 3)) x = low + 2;
      else if (free(low + 1)) x = low + 1;
      else {
        for (let from = low; from <= Math.max(low, high); from++) {
          if (!free(from)) continue;
          x = from;
          break;
        }
      }
    } else if (!free(wanted)) {
      // the middle of the free stretch nearest to where it would go (between two lines that
      // cross the title's rows, a title reads as centred there)
      let best: number | undefined;
      for (let from = low; from <= Math.max(low, high); from++) {
        if (!free(from)) continue;
        let to = from;
        while (to + 1 <= Math.max(low, high) && free(to + 1)) to++;
        const middle = Math.floor((from + to) / 2);
        const distance = wanted < from ? from - wanted : wanted > to ? wanted - to : 0;
        const bestDistance =
          best === undefined ? Number.POSITIVE_INFINITY : Math.abs(best - wanted);
        if (distance < bestDistance) best = middle;
        from = to;
      }
      if (best !== undefined) x = best;
    }
    out.push({
      id: `${owner}:title:${index}`,
      owner,
      role: 'title',
      x,
      y,
      width: line.width,
      text: line.text,
      align: x === wanted ? lineAlign : 'left',
      ...(onBorder ? { cut: true as const } : {}),
    });
  });
  // a band title of several lines moved off the lines crossing it stays one block, each line
  // centred under its widest where that one went, never its lines in different stretches
  const moved = out.some((t) => t.align === 'left' && (align ?? 'center') === 'center');
  if (geometry.place === 'band' && out.length > 1 && moved) {
    const widest = out.reduce((a, b) => (b.width > a.width ? b : a));
    for (const t of out) {
      if (t === widest) continue;
      t.x = widest.x + Math.floor((widest.width - t.width) / 2);
      t.align = 'left';
    }
  }
  return out;
}

/**
 * Cells inside a box's border that its kind's drawing takes besides the label: a database's
 * lid (a rule under the top border), a user's head and shoulders (two rows over the label),
 * a queue's end (a rule two cells in from the right border). Renderers draw them there.
 */
export const SHAPE_INSETS: Readonly<Partial<Record<NodeKind, Spacing>>> = {
  database: { top: 1, right: 0, bottom: 0, left: 0 },
  user: { top: 2, right: 0, bottom: 0, left: 0 },
  queue: { top: 0, right: 2, bottom: 0, left: 0 },
};

/**
 * Offsets along a box's top border (from its left corner) that a title written into the
 * border takes, with the cells the cut clears: no line may attach there.
 */
export function borderTitleCells(node: Node, width: number): number[] {
  const place =
    node.kind === 'host' || node.kind === 'group' || node.kind === 'stack' ? node.titleAt : 'none';
  if (place !== 'border') return [];
  const title = toDisplayLines(node.label);
  const texts = titleTexts(
    node.id,
    title.slice(0, 1),
    titleGeometry('border', title),
    { x: 0, y: 0, width, height: 3 },
    node.hints?.labelAlign,
    node.hints?.labelOffset ?? 0,
  );
  const out: number[] = [];
  for (const text of texts) for (let x = text.x - 2; x <= text.x + text.width + 1; x++) out.push(x);
  return out;
}

/**
 * Moves each title written into a border off the lines that meet or cross the border there,
 * to the nearest clear stretch of the same border. Flows draw their straight connectors
 * after their containers, so this runs once the scene is placed.
 */
export function clearBorderTitles(scene: Pick<Scene, 'boxes' | 'connectors' | 'texts'>): void {
  const cut = scene.texts.filter((text) => text.cut);
  if (cut.length === 0) return;
  const boxes = new Map(scene.boxes.map((box) => [box.id, box]));
  for (const text of cut) {
    const box = boxes.get(text.owner);
    if (box === undefined) continue;
    const busy: number[] = [];
    for (const connector of scene.connectors) {
      const last = connector.points.length - 1;
      connector.points.forEach((p, k) => {
        const q = connector.points[k + 1];
        if (p.y === text.y) busy.push(p.x);
        // a line that ends next to the border, its arrowhead touching it
        if ((k === 0 || k === last) && Math.abs(p.y - text.y) === 1) busy.push(p.x);
        if (q && p.x === q.x && Math.min(p.y, q.y) <= text.y && Math.max(p.y, q.y) >= text.y) {
          busy.push(p.x);
        }
      });
    }
    const free = (x: number): boolean =>
      x >= box.x + 3 &&
      x + text.width <= box.x + box.width - 3 &&
      busy.every((c) => c < x - 2 || c > x + text.width + 1);
    if (free(text.x) || busy.length === 0) continue;
    for (let shift = 1; shift < box.width; shift++) {
      const x = [text.x - shift, text.x + shift].find(free);
      if (x !== undefined) {
        text.x = x;
        text.align = 'left';
        break;
      }
    }
  }
}

/**
 * Cells of a box's border (offsets from its corner, per side) where the drawing of its kind
 * meets the border — a database's lid, a queue's end — and no line may attach.
 */
export function shapeBorderCells(
  kind: NodeKind,
  width: number,
): { top: number[]; right: number[]; bottom: number[]; left: number[] } {
  if (kind === 'database') return { top: [], right: [1], bottom: [], left: [1] };
  if (kind === 'queue' && width >= 6) {
    const end = [width - 3, width - 2];
    return { top: end, right: [], bottom: end, left: [] };
  }
  return { top: [], right: [], bottom: [], left: [] };
}

/**
 * A stack's outline as every stack draws it: its box, its title where its geometry puts it,
 * and the rule under a title band.
 */
export function placeStackOutline(
  node: StackNode,
  title: readonly DisplayLine[],
  geometry: TitleGeometry,
  outline: { x: number; y: number; width: number; height: number },
  depth: number,
  sink: SceneSink,
): void {
  sink.boxes.push({ id: node.id, kind: 'stack', ...outline, depth, ...borderField(node) });
  sink.texts.push(
    ...titleTexts(
      node.id,
      title,
      geometry,
      outline,
      node.hints?.labelAlign,
      node.hints?.labelOffset ?? 0,
    ),
  );
  if (geometry.rule) {
    sink.dividers.push({ id: `${node.id}#title`, box: node.id, y: outline.y + geometry.band });
  }
}

/**
 * A host holding nothing, its title in the band (a machine named only as one end of a
 * line): its title is all there is, so it is drawn as a box around it, not as an empty frame.
 */
export function emptyHost(node: Node): boolean {
  return node.kind === 'host' && node.children.length === 0 && node.titleAt === 'band';
}
