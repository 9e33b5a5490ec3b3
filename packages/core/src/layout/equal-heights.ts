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
