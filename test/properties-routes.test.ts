import {
  DiagramaError,
  type DiagramInput,
  isContainer,
  isContainerKind,
  modelToScene,
  type Node,
  parseDiagram,
  type Scene,
  type SceneBox,
  textWidth,
} from '@diagrama/core';
import { CHARSET_NAMES, sceneToText } from '@diagrama/render-ascii';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generalDiagramArb } from './arbitraries.js';

/** Hundreds of layouts per property: a loaded machine is slow, never wrong (timing is for `pnpm bench`). */
const SLOW = 120_000;

/** Every cell a connector passes through, with the orientation it passes in. */
function cellsOf(points: readonly { x: number; y: number }[]) {
  const cells: { x: number; y: number; across: boolean; turn: boolean }[] = [];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1] as { x: number; y: number };
    const b = points[k] as { x: number; y: number };
    const dx = Math.sign(b.x - a.x);
    const dy = Math.sign(b.y - a.y);
    for (let x = a.x, y = a.y; x !== b.x || y !== b.y; ) {
      x += dx;
      y += dy;
      cells.push({ x, y, across: dy === 0, turn: false });
    }
  }
  for (let k = 0; k + 1 < cells.length; k++) {
    const cell = cells[k] as (typeof cells)[number];
    if (cell.across !== (cells[k + 1] as (typeof cells)[number]).across) cell.turn = true;
  }
  return cells;
}

const within = (box: SceneBox, x: number, y: number) =>
  x >= box.x && y >= box.y && x < box.x + box.width && y < box.y + box.height;
const onBorder = (box: SceneBox, x: number, y: number) =>
  within(box, x, y) &&
  (x === box.x || y === box.y || x === box.x + box.width - 1 || y === box.y + box.height - 1);

/** Lays out, or returns undefined when the router gave up (reported, never a crash). */
function layOut(input: DiagramInput): Scene | undefined {
  try {
    return modelToScene(parseDiagram(input));
  } catch (error) {
    expect(error).toBeInstanceOf(DiagramaError);
    for (const d of (error as DiagramaError).diagnostics) {
      expect(d.code).toMatch(/^layout\/(no-route|no-room-for-note)$/);
    }
    return undefined;
  }
}

describe('routed connections in any arrangement', () => {
  it(
    'run orthogonally from border to border, around boxes, never along another route',
    () => {
      let routed = 0;
      fc.assert(
        fc.property(generalDiagramArb, (input) => {
          const scene = layOut(input);
          if (scene === undefined) return;
          const boxes = new Map(scene.boxes.map((b) => [b.id, b]));
          const used = new Map<
            string,
            {
              across: boolean;
              turn: boolean;
              id: string;
              from: string;
              to: string;
              style: string;
            }[]
          >();
          const first = new Map(scene.connectors.map((c) => [c.id, c.points[0]]));
          const last = new Map(scene.connectors.map((c) => [c.id, c.points.at(-1)]));
          /** Lines of one trunk (ending on the same cell of a border, in one style) share a stem. */
          const sameTrunk = (a: string, b: string, style: string, otherStyle: string): boolean => {
            if (style !== otherStyle) return false;
            const ends = (id: string) => [first.get(id), last.get(id)];
            return ends(a).some((p) =>
              ends(b).some((q) => p !== undefined && q !== undefined && p.x === q.x && p.y === q.y),
            );
          };
          for (const c of scene.connectors) {
            const first = c.points[0] as { x: number; y: number };
            const last = c.points.at(-1) as { x: number; y: number };
            expect(onBorder(boxes.get(c.from) as SceneBox, first.x, first.y)).toBe(true);
            expect(onBorder(boxes.get(c.to) as SceneBox, last.x, last.y)).toBe(true);
            c.points.slice(1).forEach((p, k) => {
              const q = c.points[k] as { x: number; y: number };
              expect(p.x === q.x || p.y === q.y).toBe(true);
            });
            if (c.routed) routed++;
            const cells = cellsOf(c.points).slice(0, -1);
            for (const cell of cells) {
              for (const box of scene.boxes) {
                // a group without a border is no obstacle
                if (!within(box, cell.x, cell.y) || box.border === 'none') continue;
                // only a container's border, crossed straight through
                expect(
                  isContainerKind(box.kind),
                  `${c.id} enters ${box.id} at ${cell.x},${cell.y}`,
                ).toBe(true);
                if (onBorder(box, cell.x, cell.y)) expect(cell.turn).toBe(false);
              }
              for (const t of scene.texts) {
                const hit = cell.y === t.y && cell.x >= t.x && cell.x < t.x + t.width;
                expect(hit, `${c.id} runs through text ${t.id}`).toBe(false);
              }
              const key = `${cell.x},${cell.y}`;
              for (const other of used.get(key) ?? []) {
                if (sameTrunk(c.id, other.id, c.style, other.style)) continue;
                expect(other.across === cell.across, `${c.id} runs along ${other.id}`).toBe(false);
                expect(other.turn || cell.turn, `${c.id} bends on ${other.id}`).toBe(false);
              }
              used.set(key, [
                ...(used.get(key) ?? []),
                { ...cell, id: c.id, from: c.from, to: c.to, style: c.style },
              ]);
            }
          }
          // no route runs right beside a note, where it would read as the line the note names
          for (const t of scene.texts) {
            if (t.role !== 'note') continue;
            for (const c of scene.connectors) {
              // (an open end's note sits at the end of its own line on purpose)
              if (!c.routed || t.owner === c.id) continue;
              for (const cell of cellsOf(c.points)) {
                if (cell.y !== t.y) continue;
                expect(
                  cell.x === t.x - 1 || cell.x === t.x + t.width,
                  `${c.id} beside ${t.id}`,
                ).toBe(false);
              }
            }
          }
          // notes overlap no box border and no other text
          for (const t of scene.texts) {
            for (const box of scene.boxes) {
              // a title is written into its own box's border on purpose
              // (and a joined stack's first layer shares that border)
              if (
                box.border === 'none' ||
                (t.cut && (t.owner === box.id || t.owner === box.parent))
              ) {
                continue;
              }
              for (let x = t.x; x < t.x + t.width; x++) expect(onBorder(box, x, t.y)).toBe(false);
            }
            for (const u of scene.texts) {
              if (u !== t && u.y === t.y) {
                expect(u.x + u.width <= t.x || t.x + t.width <= u.x).toBe(true);
              }
            }
          }
        }),
        { numRuns: 200 },
      );
      expect(routed).toBeGreaterThan(50);
    },
    SLOW,
  );

  it(
    'are all drawn: a layout that succeeds draws every connection and annotation of the model',
    () => {
      fc.assert(
        fc.property(generalDiagramArb, (input) => {
          const scene = layOut(input);
          if (scene === undefined) return;
          const drawn = new Set(scene.connectors.map((c) => c.id));
          // neighbouring layers of a stack are joined by their shared border, not a line
          const stacked = new Set<string>();
          const visit = (nodes: readonly Node[]): void => {
            for (const node of nodes) {
              if (node.kind === 'stack') {
                node.layers.forEach((layer, i) => {
                  const next = node.layers[i + 1];
                  if (next) stacked.add(`${layer.id}\n${next.id}`).add(`${next.id}\n${layer.id}`);
                });
              }
              if (isContainer(node)) visit(node.children);
            }
          };
          const diagram = parseDiagram(input);
          visit(diagram.nodes);
          for (const c of diagram.connections) {
            if (!stacked.has(`${c.from}\n${c.to}`)) expect(drawn).toContain(c.id);
          }
          // every annotation, wherever it goes, has its texts in the scene
          const owners = new Set(
            scene.texts.filter((t) => t.role === 'annotation').map((t) => t.owner),
          );
          diagram.annotations.forEach((a, i) => {
            if (a.text.trim() !== '') expect(owners).toContain(`(annotation ${i + 1})`);
          });
        }),
        { numRuns: 300 },
      );
    },
    SLOW,
  );

  it(
    'give the same scene whatever the order of the connections and of the keys',
    () => {
      fc.assert(
        fc.property(
          generalDiagramArb.filter((d) => (d.connections?.length ?? 0) > 1),
          fc.nat(),
          (input, seed) => {
            const scene = layOut(input);
            const connections = [...(input.connections ?? [])];
            for (let i = connections.length - 1; i > 0; i--) {
              const j = (seed + i * 7) % (i + 1);
              [connections[i], connections[j]] = [
                connections[j] as (typeof connections)[number],
                connections[i] as (typeof connections)[number],
              ];
            }
            const reversedKeys = (value: unknown): unknown =>
              Array.isArray(value)
                ? value.map(reversedKeys)
                : value !== null && typeof value === 'object'
                  ? Object.fromEntries(
                      Object.entries(value)
                        .reverse()
                        .map(([k, v]) => [k, reversedKeys(v)]),
                    )
                  : value;
            const shuffled = reversedKeys({ ...input, connections }) as DiagramInput;
            const again = layOut(shuffled);
            if (scene === undefined || again === undefined) {
              expect(again).toBe(scene);
              return;
            }
            const { description: _a, ...geometry } = scene;
            const { description: _b, ...geometryAgain } = again;
            expect(geometryAgain).toEqual(geometry);
          },
        ),
        { numRuns: 100 },
      );
    },
    SLOW,
  );

  it(
    'render with every border aligned and every row within the width',
    () => {
      fc.assert(
        fc.property(generalDiagramArb, fc.constantFrom(...CHARSET_NAMES), (input, charset) => {
          const scene = layOut(input);
          if (scene === undefined) return;
          const rows = sceneToText(scene, { charset }).split('\n');
          // a row for each of the scene's, less blank ones at the top and bottom (the border
          // rows of a box drawn without one), and the newline that ends the last
          expect(rows.length).toBeLessThanOrEqual(scene.height + 1);
          expect(rows.at(-1)).toBe('');
          if (rows.length > 2) {
            expect(rows[0]?.trim()).not.toBe('');
            expect(rows.at(-2)?.trim()).not.toBe('');
          }
          for (const row of rows) expect(textWidth(row)).toBeLessThanOrEqual(scene.width);
        }),
        { numRuns: 100 },
      );
    },
    SLOW,
  );

  it(
    'fit any width budget they can, and otherwise name one that fits',
    () => {
      fc.assert(
        fc.property(generalDiagramArb, fc.integer({ min: 10, max: 120 }), (input, width) => {
          const diagram = parseDiagram(input);
          try {
            const scene = modelToScene(diagram, { width });
            expect(scene.width).toBeLessThanOrEqual(width);
          } catch (error) {
            expect(error).toBeInstanceOf(DiagramaError);
            const [d] = (error as DiagramaError).diagnostics;
            if (d?.code !== 'layout/too-wide') {
              expect(d?.code).toMatch(/^layout\/(no-route|no-room-for-note)$/);
              return;
            }
            const narrowest = Number(/at least (\d+) columns/.exec(d.message)?.[1]);
            expect(narrowest).toBeGreaterThan(width);
            expect(modelToScene(diagram, { width: narrowest }).width).toBeLessThanOrEqual(
              narrowest,
            );
          }
        }),
        { numRuns: 60 },
      );
    },
    SLOW,
  );
});
