import { describe, expect, it } from 'vitest';
import type { DiagramInput } from '../model/input.js';
import { parseDiagram } from '../model/parse.js';
import type { LayerNode } from '../model/types.js';
import type { Scene, SceneBox } from '../scene/types.js';
import { modelToScene } from './model-to-scene.js';
import { layerBadge } from './stack.js';

// Stacks on their own: layers bottom up, a rule between them, badges, the caption.

const layOut = (input: DiagramInput): Scene => modelToScene(parseDiagram(input));
const box = (scene: Scene, id: string) => scene.boxes.find((b) => b.id === id) as SceneBox;
const stack = (hints: object = {}): DiagramInput => ({
  nodes: [
    {
      kind: 'stack',
      id: 's',
      label: 'Image',
      caption: 'Layers never change.',
      hints,
      layers: [
        { id: 'base', label: 'FROM debian', instruction: 'FROM', readOnly: true },
        { id: 'deps', label: 'RUN apt-get install', instruction: 'RUN', readOnly: true },
        { id: 'top', label: 'Container layer' },
      ],
    },
  ],
});

describe('layerBadge', () => {
  const layer = (extra: Partial<LayerNode>): LayerNode =>
    ({ kind: 'layer', id: 'l', label: 'l', ...extra }) as LayerNode;
  it('says the instruction and whether the layer is read-only', () => {
    expect(layerBadge(layer({ instruction: 'RUN', readOnly: true }), false)).toBe('RUN · RO');
    expect(layerBadge(layer({}), true)).toBe('RW');
    expect(layerBadge(layer({}), false)).toBe('');
    expect(layerBadge(layer({ instruction: 'CMD' }), false)).toBe('CMD');
  });
});

describe('a joined stack', () => {
  const scene = layOut(stack());
  const [base, deps, top] = ['base', 'deps', 'top'].map((id) => box(scene, id)) as [
    SceneBox,
    SceneBox,
    SceneBox,
  ];

  it('puts the first layer at the bottom and the newest on top, inside the stack', () => {
    expect(top.y).toBeLessThan(deps.y);
    expect(deps.y).toBeLessThan(base.y);
    for (const layer of [base, deps, top]) expect(layer.parent).toBe('s');
    const s = box(scene, 's');
    expect(base.y + base.height).toBeLessThanOrEqual(s.y + s.height);
  });

  it('draws a rule between layers, and a title band for the label', () => {
    const rules = scene.dividers.filter((d) => d.box === 's').map((d) => d.y);
    // under the title, then between each pair of layers
    expect(rules).toHaveLength(3);
    expect(new Set(rules).size).toBe(3);
    expect(scene.texts.find((t) => t.owner === 's' && t.role === 'title')?.text).toBe('Image');
  });

  it('writes each badge at the right of its layer, and the caption under the stack', () => {
    const badges = scene.texts.filter((t) => t.role === 'badge').map((t) => [t.owner, t.text]);
    expect(badges).toEqual(
      expect.arrayContaining([
        ['base', 'FROM · RO'],
        ['deps', 'RUN · RO'],
        ['top', 'RW'],
      ]),
    );
    const caption = scene.texts.find((t) => t.role === 'caption');
    const s = box(scene, 's');
    expect(caption?.text).toBe('Layers never change.');
    expect(caption?.y).toBe(s.y + s.height);
  });
});

describe('a separate stack', () => {
  it('draws a box per layer, one above the other, joined by connectors', () => {
    const scene = layOut(stack({ layout: 'separate' }));
    const [base, deps, top] = ['base', 'deps', 'top'].map((id) => box(scene, id)) as [
      SceneBox,
      SceneBox,
      SceneBox,
    ];
    expect(top.y + top.height).toBeLessThan(deps.y);
    expect(deps.y + deps.height).toBeLessThan(base.y);
    expect(scene.connectors.map((c) => [c.from, c.to]).sort()).toEqual(
      [
        ['deps', 'base'],
        ['top', 'deps'],
      ].sort(),
    );
  });
});
