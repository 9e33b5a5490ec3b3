import { isContainerKind } from '../model/types.js';
import type { Scene, SceneBox } from '../scene/types.js';

/**
 * Containers side by side (siblings whose tops are in line) end on one row, the lowest of
 * theirs, as hand drawings draw hosts in a row: a host with two services beside one with
 * three is drawn as tall. A shorter container grows down only over cells nothing else uses —
 * lines may run straight down through them, but no box, text, bend or line end sits there —
 * so no line has to move; one that cannot grow so keeps its height.
 */
export function equalizeRows(scene: Scene): void {
  const rows = new Map<string, SceneBox[]>();
  for (const box of scene.boxes) {
    if (!isContainerKind(box.kind) || box.border === 'none') continue;
    const key = `${box.parent ?? ''}\n${box.y}`;
    const row = rows.get(key);
    if (row) row.push(box);
    else rows.set(key, [box]);
  }
  for (const row of rows.values()) {
    if (row.length < 2) continue;
    const bottom = Math.max(...row.map((box) => box.y + box.height - 1));
    for (const box of row) {
      const own = box.y + box.height - 1;
      if (own < bottom && free(scene, box, own, bottom)) box.height = bottom - box.y + 1;
    }
  }
  // siblings side by side whose rows overlap (a zone whose boxes sit in the lower ranks only,
  // beside one holding a chain) reach the same top and bottom: each grows down, then up — its
  // title with it — over cells nothing else uses, so the row reads as a row
  const siblings = new Map<string, SceneBox[]>();
  for (const box of scene.boxes) {
    if (!isContainerKind(box.kind) || box.border === 'none') continue;
    const key = box.parent ?? '';
    const list = siblings.get(key);
    if (list) list.push(box);
    else siblings.set(key, [box]);
  }
  for (const list of siblings.values()) {
    for (const row of overlapping(list)) {
      if (row.length < 2) continue;
      const top = Math.min(...row.map((box) => box.y));
      const bottom = Math.max(...row.map((box) => box.y + box.height - 1));
      // all of them share a row: a staircase is no row
      if (Math.max(...row.map((box) => box.y)) > Math.min(...row.map((b) => b.y + b.height - 1)))
        continue;
      for (const box of row) {
        const own = box.y + box.height - 1;
        if (own < bottom && free(scene, box, own, bottom)) box.height = bottom - box.y + 1;
        if (box.y > top && freeAbove(scene, box, top)) raise(scene, box, box.y - top);
      }
    }
  }
}

/** Boxes in sets whose rows overlap, one through another (side by side, in a row). */
function overlapping(list: readonly SceneBox[]): SceneBox[][] {
  const sorted = [...list].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: SceneBox[][] = [];
  let bottom = Number.NEGATIVE_INFINITY;
  for (const box of sorted) {
    if (box.y <= bottom) (rows.at(-1) as SceneBox[]).push(box);
    else rows.push([box]);
    bottom = Math.max(bottom, box.y + box.height - 1);
  }
  return rows;
}

/** Moves a container's top border, and the title and rule of its band, up by `by` rows. */
function raise(scene: Scene, box: SceneBox, by: number): void {
  const first = Math.min(
    box.y + box.height,
    ...scene.boxes.filter((b) => b.parent === box.id).map((b) => b.y),
  );
  for (const divider of scene.dividers) {
    if (divider.box === box.id && divider.y < first) divider.y -= by;
  }
  for (const text of scene.texts) {
    if (text.owner === box.id && text.role === 'title' && text.y < first) text.y -= by;
  }
  box.y -= by;
  box.height += by;
}

/**
 * Whether the rows over a container, from row `to` down to its top border, hold nothing but
 * lines running straight down through all of them and on into it.
 */
function freeAbove(scene: Scene, box: SceneBox, to: number): boolean {
  const from = box.y;
  const [left, right] = [box.x, box.x + box.width - 1];
  for (const other of scene.boxes) {
    if (other === box || other.parent === box.id) continue;
    const overlaps =
      other.x <= right &&
      other.x + other.width - 1 >= left &&
      other.y < from &&
      other.y + other.height - 1 >= to;
    // the containers holding it are around it, not over it
    if (overlaps && !(other.y < to && other.y + other.height - 1 > box.y + box.height - 1))
      return false;
  }
  for (const text of scene.texts) {
    if (text.owner === box.id) continue;
    if (text.y >= to && text.y < from && text.x <= right && text.x + text.width - 1 >= left)
      return false;
  }
  for (const connector of scene.connectors) {
    const points = connector.points;
    for (const [i, p] of points.entries()) {
      if (p.x >= left && p.x <= right && p.y >= to && p.y <= from) return false;
      const q = points[i + 1];
      if (q === undefined) continue;
      if (p.y === q.y) {
        if (p.y >= to && p.y <= from && Math.max(p.x, q.x) >= left && Math.min(p.x, q.x) <= right)
          return false;
      } else if (p.x >= left && p.x <= right) {
        const [high, low] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
        if (low >= to && high <= from && !(high < to && low > from)) return false;
      }
    }
  }
  return true;
}

/**
 * Whether the cells under a container, from its bottom border (`from`) down to row `to`,
 * hold only lines running straight down through the whole stretch.
 */
function free(scene: Scene, box: SceneBox, from: number, to: number): boolean {
  const [left, right] = [box.x, box.x + box.width - 1];
  // the containers holding it are around it, not under it
  const holders = new Set<string>();
  for (let up = box.parent; up !== undefined; up = scene.boxes.find((b) => b.id === up)?.parent)
    holders.add(up);
  for (const other of scene.boxes) {
    if (other === box || holders.has(other.id)) continue;
    const overlaps =
      other.x <= right &&
      other.x + other.width - 1 >= left &&
      other.y <= to &&
      other.y + other.height - 1 > from;
    if (overlaps) return false;
  }
  for (const text of scene.texts) {
    if (text.y > from && text.y <= to && text.x <= right && text.x + text.width - 1 >= left)
      return false;
    // a caption under the container would be left behind
    if (text.owner === box.id && text.y > from) return false;
  }
  for (const connector of scene.connectors) {
    const points = connector.points;
    for (const [i, p] of points.entries()) {
      // a bend or an end on the border or under it
      if (p.x >= left && p.x <= right && p.y >= from && p.y <= to) return false;
      const q = points[i + 1];
      if (q === undefined) continue;
      if (p.y === q.y) {
        // a run across the stretch
        if (p.y > from && p.y <= to && Math.max(p.x, q.x) >= left && Math.min(p.x, q.x) <= right)
          return false;
      } else if (p.x >= left && p.x <= right) {
        // a run down must pass the whole stretch, border rows included
        const [top, low] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
        if (low > from && top <= to && !(top < from && low > to)) return false;
      }
    }
  }
  return true;
}
