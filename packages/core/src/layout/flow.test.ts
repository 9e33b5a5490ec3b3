import { describe, expect, it } from 'vitest';
import type { DiagramInput, NodeInput } from '../model/input.js';
import { parseDiagram } from '../model/parse.js';
import type { Scene, SceneBox } from '../scene/types.js';
import { gridColumns } from './flow.js';
import { modelToScene } from './model-to-scene.js';

// Containers that arrange their children by hand (`direction: down | right | grid`), in model
// order: what reproduces a drawing made by hand.

const layOut = (input: DiagramInput): Scene => modelToScene(parseDiagram(input));
const boxes = (scene: Scene, ids: readonly string[]): SceneBox[] =>
  ids.map((id) => scene.boxes.find((b) => b.id === id) as SceneBox);
const five: NodeInput[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
  kind: 'box',
  id,
  label: id.toUpperCase(),
}));

describe('flow by hand', () => {
  it('down: one below the other in model order, centred on one axis, a gap between', () => {
    const scene = layOut({
      direction: 'down',
      nodes: [
        five[0],
        { kind: 'box', id: 'wide', label: 'A much wider box' },
        five[1],
      ] as NodeInput[],
    });
    const [a, wide, b] = boxes(scene, ['a', 'wide', 'b']) as [SceneBox, SceneBox, SceneBox];
    expect(a.y + a.height).toBeLessThan(wide.y);
    expect(wide.y + wide.height).toBeLessThan(b.y);
    const centre = (x: SceneBox) => x.x + x.width / 2;
    expect(Math.abs(centre(a) - centre(wide))).toBeLessThanOrEqual(1);
    expect(Math.abs(centre(b) - centre(wide))).toBeLessThanOrEqual(1);
  });

  it('right: stacks with no line between them stand on one ground', () => {
    const stack = (id: string, layers: number) => ({
      kind: 'stack' as const,
      id,
      label: id,
      layers: Array.from({ length: layers }, (_, i) => ({ id: `${id}-${i}`, label: `L${i}` })),
    });
    // by hand in a row, and placed from the connections (none here: one rank)
    for (const direction of ['right', undefined] as const) {
      const nodes = [stack('vms', 6), stack('containers', 4)];
      const scene = layOut(direction ? { direction, nodes } : { nodes });
      const [vms, containers] = boxes(scene, ['vms', 'containers']) as [SceneBox, SceneBox];
      expect(containers.x).toBeGreaterThan(vms.x + vms.width);
      expect(containers.height).toBeLessThan(vms.height);
      expect(containers.y + containers.height).toBe(vms.y + vms.height);
    }
    // boxes of any other kind keep their middles on one axis
    const mixed = layOut({
      direction: 'right',
      nodes: [stack('vms', 6), { kind: 'box', id: 'note', label: 'note' }],
    });
    const [tall, small] = boxes(mixed, ['vms', 'note']) as [SceneBox, SceneBox];
    expect(Math.abs(small.y + small.height / 2 - (tall.y + tall.height / 2))).toBeLessThanOrEqual(
      1,
    );
  });

  it('right: side by side in model order, even against the connections', () => {
    const scene = layOut({
      direction: 'right',
      nodes: five.slice(0, 3),
      // c → a would put c first in a layered layout; by hand, the model order holds
      connections: [{ from: 'c', to: 'a' }],
    });
    const [a, b, c] = boxes(scene, ['a', 'b', 'c']) as [SceneBox, SceneBox, SceneBox];
    expect(a.x + a.width).toBeLessThan(b.x);
    expect(b.x + b.width).toBeLessThan(c.x);
    expect(a.y).toBe(b.y);
    // the line from c to a goes round b, which sits between them
    const line = scene.connectors.find((x) => x.from === 'c');
    expect(line?.routed).toBe(true);
  });

  it('grid: rows of `columns`, each box centred in its column', () => {
    const scene = layOut({
      direction: 'grid',
      columns: 2,
      nodes: [...five.slice(0, 4), { kind: 'box', id: 'tall', label: 'two\nlines' }],
    });
    const [a, b, c, d, tall] = boxes(scene, ['a', 'b', 'c', 'd', 'tall']) as SceneBox[] as [
      SceneBox,
      SceneBox,
      SceneBox,
      SceneBox,
      SceneBox,
    ];
    expect(a.y).toBe(b.y);
    expect(c.y).toBe(d.y);
    expect(a.x).toBe(c.x);
    expect(b.x).toBe(d.x);
    // each box centred in its column's width
    const centre = (x: SceneBox) => x.x + x.width / 2;
    expect(Math.abs(centre(tall) - centre(a))).toBeLessThanOrEqual(1);
    expect(tall.y).toBeGreaterThan(c.y + c.height);
  });

  it('grid: the boxes of a column take its width, as tiles', () => {
    const scene = layOut({
      direction: 'grid',
      columns: 2,
      nodes: [
        { kind: 'box', id: 'stripe', label: 'Stripe\nAdapter' },
        { kind: 'box', id: 'adyen', label: 'Adyen\nAdapter' },
        { kind: 'box', id: 'paypal', label: 'PayPal\nAdapter' },
        { kind: 'box', id: 'more', label: '+\nmore' },
        { kind: 'box', id: 'fixed', label: 'x', hints: { width: 7 } },
      ],
    });
    const [stripe, adyen, paypal, more, fixed] = boxes(scene, [
      'stripe',
      'adyen',
      'paypal',
      'more',
      'fixed',
    ]) as [SceneBox, SceneBox, SceneBox, SceneBox, SceneBox];
    expect(more.width).toBe(adyen.width);
    expect(more.x).toBe(adyen.x);
    expect(paypal.width).toBe(stripe.width);
    // a width asked for is kept
    expect(fixed.width).toBe(7);
  });

  it('grid columns: as asked, else about a square', () => {
    expect(gridColumns(5, 2)).toBe(2);
    expect(gridColumns(9)).toBe(3);
    expect(gridColumns(10)).toBe(4);
    expect(gridColumns(1)).toBe(1);
  });
});
