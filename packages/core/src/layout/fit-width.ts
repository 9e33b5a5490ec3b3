import { count, DiagramaError } from '../errors.js';
import { type Connection, type Diagram, isContainer, type Node } from '../model/types.js';
import type { Scene } from '../scene/types.js';
import { textWidth } from '../text/width.js';

/**
 * Wraps text at spaces so that no line is wider than `columns` (a word wider than that keeps
 * a line of its own). Existing line breaks stay; spaces at a break are dropped.
 * @example wrapText('Docker Daemon - Server', 13) // 'Docker Daemon\n- Server'
 */
export function wrapText(text: string, columns: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (textWidth(line) <= columns) return line;
      const out: string[] = [];
      let current = '';
      let width = 0;
      for (const word of line.split(' ')) {
        if (word === '') continue;
        const w = textWidth(word);
        if (current !== '' && width + 1 + w > columns) {
          out.push(current);
          current = '';
          width = 0;
        }
        current = current === '' ? word : `${current} ${word}`;
        width += (width === 0 ? 0 : 1) + w;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** Every text the layout draws: labels, notes, captions. */
function texts(diagram: Diagram): string[] {
  const out: string[] = [];
  const walk = (node: Node): void => {
    out.push(node.label);
    if (isContainer(node)) node.children.forEach(walk);
    if (node.kind === 'stack') {
      if (node.caption !== undefined) out.push(node.caption);
      node.layers.forEach(walk);
    }
  };
  diagram.nodes.forEach(walk);
  for (const connection of diagram.connections) {
    if (connection.note !== undefined) out.push(connection.note);
  }
  for (const annotation of diagram.annotations) out.push(annotation.text);
  return out;
}

/** The widest line, and the widest word, of all the diagram's texts. */
function measureTexts(diagram: Diagram): { line: number; word: number } {
  let line = 0;
  let word = 0;
  for (const text of texts(diagram)) {
    for (const l of text.split('\n')) {
      line = Math.max(line, textWidth(l));
      for (const w of l.split(' ')) word = Math.max(word, textWidth(w));
    }
  }
  return { line, word: Math.max(1, word) };
}

/** The diagram with every label, note and caption wrapped to `columns`. */
function wrapDiagram(diagram: Diagram, columns: number): Diagram {
  const node = (n: Node): Node => {
    const label = wrapText(n.label, columns);
    switch (n.kind) {
      case 'host':
      case 'group':
        return { ...n, label, children: n.children.map(node) };
      case 'stack':
        return {
          ...n,
          label,
          ...(n.caption === undefined ? {} : { caption: wrapText(n.caption, columns) }),
          layers: n.layers.map((layer) => ({ ...layer, label: wrapText(layer.label, columns) })),
        };
      default:
        return { ...n, label };
    }
  };
  return {
    ...diagram,
    nodes: diagram.nodes.map(node),
    connections: diagram.connections.map(
      (c): Connection => (c.note === undefined ? c : { ...c, note: wrapText(c.note, columns) }),
    ),
    annotations: diagram.annotations.map((a) => ({ ...a, text: wrapText(a.text, columns) })),
  };
}

/** How deep the deepest side-by-side or grid container is (the diagram itself is 0). */
function rowDepth(diagram: Diagram): number {
  let deepest = diagram.direction === 'down' ? -1 : 0;
  const walk = (nodes: readonly Node[], depth: number): void => {
    for (const n of nodes) {
      if (!isContainer(n)) continue;
      if (n.direction !== 'down') deepest = Math.max(deepest, depth);
      walk(n.children, depth + 1);
    }
  };
  walk(diagram.nodes, 1);
  return deepest;
}

/**
 * The diagram with every container down to `depth` turned into a column; a sequence stays one
 * (its participants are its columns).
 */
function reflow(diagram: Diagram, depth: number): Diagram {
  const node = (n: Node, d: number): Node =>
    isContainer(n)
      ? {
          ...n,
          ...(d <= depth && n.direction !== 'sequence' ? { direction: 'down' as const } : {}),
          children: n.children.map((c) => node(c, d + 1)),
        }
      : n;
  return {
    ...diagram,
    direction: depth >= 0 && diagram.direction !== 'sequence' ? 'down' : diagram.direction,
    nodes: diagram.nodes.map((n) => node(n, 1)),
  };
}

/**
 * Lays a diagram out within `width` columns: as it is if it fits; else with its labels and
 * notes wrapped at spaces to the widest line that fits; else with its rows turned into
 * columns, outermost first, and wrapped again. Throws `layout/too-wide`, naming the
 * narrowest width the diagram can take, when even that is wider.
 */
export function fitWidth(
  diagram: Diagram,
  width: number,
  layOut: (diagram: Diagram) => Scene,
): Scene {
  const first = layOut(diagram);
  if (first.width <= width) return first;
  // a reshaped diagram whose routes or notes find no room is a shape that does not fit
  const attempt = (shaped: Diagram): Scene | undefined => {
    try {
      return layOut(shaped);
    } catch (error) {
      const unroutable =
        error instanceof DiagramaError &&
        error.diagnostics.every(
          (d) => d.code === 'layout/no-route' || d.code === 'layout/no-room-for-note',
        );
      if (unroutable) return undefined;
      throw error;
    }
  };
  const { line, word } = measureTexts(diagram);
  let narrowest = first.width;
  const deepest = rowDepth(diagram);
  for (let depth = -1; depth <= deepest; depth++) {
    const shaped = depth < 0 ? diagram : reflow(diagram, depth);
    if (depth >= 0) {
      const scene = attempt(shaped);
      if (scene && scene.width <= width) return scene;
      if (scene) narrowest = Math.min(narrowest, scene.width);
    }
    // the widest wrap that fits: wrapping narrower never widens a box, so search for it
    const tightest = attempt(wrapDiagram(shaped, word));
    if (tightest === undefined) continue;
    narrowest = Math.min(narrowest, tightest.width);
    if (tightest.width > width) continue;
    let fits = tightest;
    let lo = word;
    let hi = line - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const scene = attempt(wrapDiagram(shaped, mid));
      if (scene && scene.width <= width) {
        fits = scene;
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo === word ? tightest : fits;
  }
  throw new DiagramaError([
    {
      code: 'layout/too-wide',
      message: `the diagram needs at least ${count(narrowest, 'column')} (labels wrapped at every space and rows turned into columns), but only ${width} ${width === 1 ? 'is' : 'are'} allowed`,
      path: [],
      expected: `a width of ${narrowest} or more`,
      example: `--width ${narrowest}`,
    },
  ]);
}
