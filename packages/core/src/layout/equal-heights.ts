import { isContainerKind } from '../model/types.js';
import type { Scene, SceneBox } from '../scene/types.js';
import { sharedRows } from './rows.js';

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
      if (own < bottom && free(scene, box, 'below', bottom)) box.height = bottom - box.y + 1;
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
    for (const row of sharedRows(
      list,
      (box) => box.y,
      (box) => box.y + box.height - 1,
    )) {
      const top = Math.min(...row.map((box) => box.y));
      const bottom = Math.max(...row.map((box) => box.y + box.height - 1));
      for (const box of row) {
        const own = box.y + box.height - 1;
        if (own < bottom && free(scene, box, 'below', bottom)) box.height = bottom - box.y + 1;
        if (box.y > top && free(scene, box, 'above', top)) raise(scene, box, box.y - top);
      }
    }
  }
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
 * Whether the rows beyond a container's border on one side — under its bottom, or over its
 * top — up to row `to` hold only lines running straight through the whole stretch (and on
 * through the border): no box, text, bend or line end, and no caption of its own left behind.
 */
function free(scene: Scene, box: SceneBox, side: 'below' | 'above', to: number): boolean {
  const border = side === 'below' ? box.y + box.height - 1 : box.y;
  const [left, right] = [box.x, box.x + box.width - 1];
  // the stretch, its border row apart, and all of it
  const [lo, hi] = side === 'below' ? [border + 1, to] : [to, border - 1];
  const [first, last] = [Math.min(border, to), Math.max(border, to)];
  // the containers holding it are around it, not beside it
  const holders = new Set<string>();
  for (let up = box.parent; up !== undefined; up = scene.boxes.find((b) => b.id === up)?.parent)
    holders.add(up);
  for (const other of scene.boxes) {
    if (other === box || holders.has(other.id)) continue;
    const overlaps =
      other.x <= right &&
      other.x + other.width - 1 >= left &&
      other.y <= hi &&
      other.y + other.height - 1 >= lo;
    if (overlaps) return false;
  }
  for (const text of scene.texts) {
    if (text.y >= lo && text.y <= hi && text.x <= right && text.x + text.width - 1 >= left)
      return false;
    // a caption under the container would be left behind
    if (text.owner === box.id && (side === 'below' ? text.y > border : text.y < border))
      return false;
  }
  for (const connector of scene.connectors) {
    const points = connector.points;
    for (const [i, p] of points.entries()) {
      // a bend or an end on the border or beyond it
      if (p.x >= left && p.x <= right && p.y >= first && p.y <= last) return false;
      const q = points[i + 1];
      if (q === undefined) continue;
      if (p.y === q.y) {
        // a run across the stretch
        if (p.y >= lo && p.y <= hi && Math.max(p.x, q.x) >= left && Math.min(p.x, q.x) <= right)
          return false;
      } else if (p.x >= left && p.x <= right) {
        // a run along the flow must pass the whole stretch, border row included
        const [top, low] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
        if (low >= first && top <= last && !(top < first && low > last)) return false;
      }
    }
  }
  return true;
}
