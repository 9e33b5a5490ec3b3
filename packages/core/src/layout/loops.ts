import type { Point } from '../scene/types.js';
import type { DisplayLine } from '../text/width.js';
import { type Block, widest } from './block.js';

/**
 * Self-connections: a line from a box back to itself, drawn as a small loop round one of its
 * corners or along one side, the way a hand drawing marks a retry or a state that stays put.
 *
 * The loop's far segment keeps three cells from the border it enters, so the arrowhead always
 * follows a straight run (never a hook); its other end turns right outside the border. Each
 * shape is a candidate; the router takes the first whose cells are free.
 */

/**
 * Where a box's loops go: `right` of it when lines meet it at the top and bottom (a flow
 * down), `below` it when they meet it on its left and right (a row).
 */
export type LoopPlace = 'right' | 'below';

/** A border cell a line may start or end at, with its outward heading (0 up … 3 left). */
export interface LoopPort {
  x: number;
  y: number;
  heading: number;
}

/** A loop as a polyline from its tail (on the border) to its head (where the arrow goes in). */
export type LoopShape = readonly Point[];

/** How far the far segment stands from the border the arrow enters, and from the tail's. */
const HEAD_REACH = 3;
const TAIL_REACH = 1;
/** A loop along one side stands this far out, and its two ends this far apart at most. */
const SIDE_REACH = 2;
const SIDE_SPREAD = 4;
/** The most cells a loop stands out from its box, its note's gap included. */
export const LOOP_REACH = HEAD_REACH + 2;

/**
 * The loops that fit a box's ports, best first. `right`: round the lower right corner (the
 * arrow into the right side, where Graphviz and D2 draw loops), round the upper right one,
 * along the right side or the bottom. `below`: along the bottom, then round a lower corner.
 * Then the other corners and sides. Ports already taken by other lines are left for the
 * caller to rule out, as is whatever stands in the way.
 */
export function loopShapes(
  ports: readonly LoopPort[],
  place: LoopPlace = 'right',
  twoHeads = false,
): LoopShape[] {
  // an arrowhead at the tail too needs a straight run before it
  const tailReach = twoHeads ? SIDE_REACH : TAIL_REACH;
  const on = (heading: number) => ports.filter((p) => p.heading === heading);
  const right = on(1);
  const left = on(3);
  const top = on(0);
  const bottom = on(2);
  const out: LoopShape[] = [];
  // a corner: `side` ports on the right (ox 1) or left (-1), `end` ports at the bottom (oy 1)
  // or top (-1); the arrow goes into the side, or into the bottom or top when `intoEnd`
  const corner = (ox: 1 | -1, oy: 1 | -1, intoEnd: boolean): void => {
    const sides = ox === 1 ? right : left;
    const ends = oy === 1 ? bottom : top;
    const side = nearest(sides, (p) => oy * p.y);
    const end = nearest(ends, (p) => ox * p.x);
    if (side === undefined || end === undefined) return;
    if (!intoEnd) {
      const x = side.x + ox * HEAD_REACH;
      const y = end.y + oy * tailReach;
      out.push([end, { x: end.x, y }, { x, y }, { x, y: side.y }, side].map(at));
    } else {
      const x = side.x + ox * SIDE_REACH;
      const y = end.y + oy * SIDE_REACH;
      out.push([side, { x, y: side.y }, { x, y }, { x: end.x, y }, end].map(at));
    }
  };
  // along one side: both ends on it, the arrow at the end nearest the corner that comes first
  const along = (list: readonly LoopPort[], vertical: boolean, outward: 1 | -1): void => {
    const key = (p: LoopPort) => (vertical ? p.y : p.x);
    const sorted = [...list].sort((a, b) => key(b) - key(a));
    const head = sorted[0];
    if (head === undefined) return;
    const tail = sorted.filter((p) => key(head) - key(p) <= SIDE_SPREAD).at(-1);
    if (tail === undefined || key(head) - key(tail) < 2) return;
    if (vertical) {
      const x = head.x + outward * HEAD_REACH;
      out.push([tail, { x, y: tail.y }, { x, y: head.y }, head].map(at));
    } else {
      const y = head.y + outward * SIDE_REACH;
      out.push([tail, { x: tail.x, y }, { x: head.x, y }, head].map(at));
    }
  };
  if (place === 'below') along(bottom, false, 1);
  corner(1, 1, false);
  corner(1, -1, false);
  along(right, true, 1);
  if (place === 'right') along(bottom, false, 1);
  corner(1, 1, true);
  corner(-1, 1, true);
  along(top, false, -1);
  corner(1, -1, true);
  corner(-1, -1, true);
  corner(-1, 1, false);
  corner(-1, -1, false);
  along(left, true, -1);
  return out;
}

/** The port that scores highest (nearest the corner in question); the first on ties. */
function nearest(list: readonly LoopPort[], score: (p: LoopPort) => number): LoopPort | undefined {
  let best: LoopPort | undefined;
  for (const p of list) if (best === undefined || score(p) > score(best)) best = p;
  return best;
}

const at = (p: Point): Point => ({ x: p.x, y: p.y });

/**
 * The block with room for its box's loops (and their notes) beside the box, which stays at
 * the block's origin so lines meet it where they would: columns on the right for loops
 * `right` of it, rows under it for loops `below`.
 */
export function withLoopRoom(
  block: Block,
  place: LoopPlace,
  notes: readonly DisplayLine[][],
): Block {
  const w = notes.reduce((max, lines) => Math.max(max, widest(lines)), 0);
  const h = notes.reduce((max, lines) => Math.max(max, lines.length), 0);
  // right: the far side, a blank, the note and a blank (the turn under the box takes the gap
  // every box has below it); below: the loop, the note under it
  const columns = place === 'right' ? HEAD_REACH + 1 + (w > 0 ? w + 2 : 0) : 0;
  const rows = place === 'right' ? 0 : SIDE_REACH + h;
  const width = Math.max(block.width, block.boxWidth + columns);
  const height = Math.max(block.height, block.boxHeight + rows);
  return {
    ...block,
    width,
    height,
    ...(block.stretched
      ? {
          stretched: (taller: number) =>
            withLoopRoom(
              (block.stretched as (h: number) => Block)(taller - (height - block.height)),
              place,
              notes,
            ),
        }
      : {}),
    place: (x, y, depth, sink) => block.place(x, y, depth, sink),
  };
}
