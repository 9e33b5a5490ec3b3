import {
  boxesById,
  type Point,
  type Scene,
  type SceneBox,
  type SceneConnector,
} from '@diagrama/core';
import type { Weight } from './box-glyphs.js';
import { Canvas, DOWN, UP } from './canvas.js';
import { CHARSETS, type Charset, type CharsetName, type Dash } from './charsets.js';

/** Options for {@link sceneToText}. */
export interface TextOptions {
  /**
   * The charset: a built-in name or your own {@link Charset}.
   * @default 'double'
   */
  charset?: CharsetName | Charset;
}

type Draw<T> = (canvas: Canvas, item: T, charset: Charset, scene: Scene) => void;

const step = (a: Point, b: Point): Point => ({ x: Math.sign(b.x - a.x), y: Math.sign(b.y - a.y) });

function arrowGlyph(charset: Charset, direction: Point): string {
  if (direction.y > 0) return charset.arrows.down;
  if (direction.y < 0) return charset.arrows.up;
  return direction.x > 0 ? charset.arrows.right : charset.arrows.left;
}

interface BorderLook {
  weight: Weight;
  dash: Dash;
  rounded: boolean;
}

/** How a box's border is drawn in a charset: its own style over the charset's. */
function borderLook(box: SceneBox, charset: Charset): BorderLook {
  const solid = (weight: Weight, rounded = false): BorderLook => ({
    weight,
    dash: 'solid',
    rounded,
  });
  switch (box.border) {
    case 'single':
      return solid(1);
    case 'double':
      return solid(3);
    case 'heavy':
      return solid(2);
    case 'rounded':
      return solid(1, true);
    case 'dashed':
      // there are no double dashes: a dashed box in the double charset is light
      return { weight: charset.border === 3 ? 1 : charset.border, dash: 'dashed', rounded: false };
    default:
      return solid(charset.border);
  }
}

/** A person's head and shoulders, drawn over a user's label. */
const FIGURE = ['o', '/|\\'] as const;

const drawBox: Draw<SceneBox> = (canvas, box, charset) => {
  if (box.border === 'none') return;
  const { weight, dash, rounded } = borderLook(box, charset);
  canvas.rectangle(box.x, box.y, box.width, box.height, weight, dash, rounded);
  const right = box.x + box.width - 1;
  const bottom = box.y + box.height - 1;
  // the kinds' conventions: a database's lid, a queue's end, a user's figure
  if (box.kind === 'database' && box.height >= 4) {
    canvas.horizontal(box.y + 1, box.x, right, weight, dash);
  } else if (box.kind === 'queue' && box.width >= 6) {
    canvas.vertical(right - 2, box.y, bottom, weight, dash);
  } else if (box.kind === 'user' && box.height >= 5) {
    const centre = box.x + Math.floor((box.width - 1) / 2);
    canvas.text(centre, box.y + 1, FIGURE[0]);
    canvas.text(centre - 1, box.y + 2, FIGURE[1]);
  }
};

const drawConnector: Draw<SceneConnector> = (canvas, connector, charset, scene) => {
  const { points } = connector;
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || points.length < 2) return;
  const base = connector.routed ? (charset.route ?? charset.connector) : charset.connector;
  // a heavy or double line is drawn so in every charset; dashes have no double glyphs
  const { style } = connector;
  const dash: Dash = style === 'dashed' || style === 'dotted' ? style : 'solid';
  const weight: Weight =
    style === 'heavy' ? 2 : style === 'double' ? 3 : dash !== 'solid' && base === 3 ? 1 : base;
  canvas.polyline(points, weight, dash, !connector.join);
  // an end on a box drawn without a border (the open end of a line, at its note; text a line
  // points at): across a row the line stops a blank cell before the text; down a column it
  // reaches the text, its arrowhead on the row the border would take, unless text covers it
  const reaching = new Set<Point>();
  for (const [end, next, id] of [
    [first, points[1] as Point, connector.from],
    [last, points[points.length - 2] as Point, connector.to],
  ] as const) {
    const box = boxesById(scene).get(id);
    if (box?.border !== 'none') continue;
    if (end.y === next.y) canvas.clear(end.x, end.y);
    else if (!scene.texts.some((t) => t.y === end.y && t.x <= end.x && end.x < t.x + t.width)) {
      reaching.add(end);
      canvas.arm(end.x, end.y, end.y > next.y ? DOWN : UP, weight, dash);
    }
  }
  const ends: [Point, Point, boolean][] = [
    [first, points[1] as Point, connector.arrowStart],
    [last, points[points.length - 2] as Point, connector.arrowEnd],
  ];
  for (const [end, next, arrow] of ends) {
    if (!arrow) continue;
    const inward = reaching.has(end) ? { x: 0, y: 0 } : step(end, next);
    const outward = step(next, end);
    canvas.put(end.x + inward.x, end.y + inward.y, arrowGlyph(charset, outward));
  }
};

const drawDivider: Draw<Scene['dividers'][number]> = (canvas, divider, charset, scene) => {
  const box = boxesById(scene).get(divider.box);
  if (box === undefined) throw new Error(`divider ${divider.id} names unknown box ${divider.box}`);
  if (box.border === 'none') return;
  const { weight, dash } = borderLook(box, charset);
  canvas.horizontal(divider.y, box.x, box.x + box.width - 1, weight, dash);
};

/**
 * Draws a scene as box-drawing text. Pure and deterministic: the same scene and options give
 * the same string, one line per row, no trailing spaces, ending with a newline.
 * @example sceneToText(modelToScene(diagram), { charset: 'rounded' })
 */
export function sceneToText(scene: Scene, options: TextOptions = {}): string {
  const charset =
    typeof options.charset === 'object' ? options.charset : CHARSETS[options.charset ?? 'double'];
  if (charset === undefined) throw new Error(`unknown charset ${String(options.charset)}`);
  const canvas = new Canvas(scene.width, scene.height);
  for (const box of scene.boxes) drawBox(canvas, box, charset, scene);
  for (const divider of scene.dividers) drawDivider(canvas, divider, charset, scene);
  for (const connector of scene.connectors) drawConnector(canvas, connector, charset, scene);
  for (const text of scene.texts) {
    if (text.cut) {
      // a title in a border: the line stops a cell before it and resumes a cell after
      canvas.clear(text.x - 1, text.y);
      canvas.clear(text.x + text.width, text.y);
    }
    canvas.text(text.x, text.y, text.text);
  }
  // a box drawn without a border at the picture's top or bottom (a text a line points at)
  // leaves its border's row blank: the picture starts and ends with what is drawn
  const lines = canvas.toLines(charset);
  let first = 0;
  let last = lines.length;
  while (last > 1 && lines[last - 1] === '') last--;
  while (first < last - 1 && lines[first] === '') first++;
  return `${lines.slice(first, last).join('\n')}\n`;
}
