import type { Scene, SceneBox } from './types.js';

const INDEXES = new WeakMap<Scene['boxes'], Map<string, SceneBox>>();

/**
 * The scene's boxes by id, built once per box list: renderers look boxes up for every
 * connector and divider, and a search through the list each time is quadratic at scale.
 * The scene is not changed while the index is in use (renderers only read it).
 * @example boxesById(scene).get('api')
 */
export function boxesById(scene: Pick<Scene, 'boxes'>): ReadonlyMap<string, SceneBox> {
  let index = INDEXES.get(scene.boxes);
  if (index === undefined) {
    index = new Map(scene.boxes.map((box) => [box.id, box]));
    INDEXES.set(scene.boxes, index);
  }
  return index;
}
