import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../model/parse.js';
import type { Scene, SceneBox } from '../scene/types.js';
import { equalizeRows } from './equal-heights.js';
import { modelToScene } from './model-to-scene.js';

const host = (id: string, x: number, y: number, width: number, height: number): SceneBox => ({
  id,
  kind: 'host',
  x,
  y,
  width,
  height,
  depth: 0,
});

const scene = (parts: Partial<Scene>): Scene => ({
  version: 1 as Scene['version'],
  width: 40,
  height: 30,
  title: '',
  description: '',
  boxes: [],
  dividers: [],
  connectors: [],
  texts: [],
  ...parts,
});

describe('equalizeRows', () => {
  it('grows the shorter of two containers in a row to the taller one’s bottom', () => {
    const s = scene({ boxes: [host('a', 0, 0, 10, 12), host('b', 12, 0, 10, 6)] });
    equalizeRows(s);
    expect(s.boxes.map((b) => b.height)).toEqual([12, 12]);
  });

  it('lets a line run straight down through the cells it takes', () => {
    const line = {
      id: 'x->y',
      from: 'x',
      to: 'y',
      points: [
        { x: 16, y: 3 },
        { x: 16, y: 20 },
      ],
      style: 'solid' as const,
      arrowStart: false,
      arrowEnd: true,
      join: true,
    };
    const s = scene({
      boxes: [host('a', 0, 0, 10, 12), host('b', 12, 0, 10, 6)],
      connectors: [line],
    });
    equalizeRows(s);
    expect(s.boxes[1]?.height).toBe(12);
  });

  it('keeps a container’s height when a box, a text or a bend sits under it', () => {
    const under = host('c', 13, 8, 6, 3);
    const withBox = scene({ boxes: [host('a', 0, 0, 10, 12), host('b', 12, 0, 10, 6), under] });
    equalizeRows(withBox);
    expect(withBox.boxes[1]?.height).toBe(6);
    const bend = {
      id: 'x->y',
      from: 'x',
      to: 'y',
      points: [
        { x: 16, y: 3 },
        { x: 16, y: 8 },
        { x: 30, y: 8 },
      ],
      style: 'solid' as const,
      arrowStart: false,
      arrowEnd: true,
      join: true,
    };
    const withBend = scene({
      boxes: [host('a', 0, 0, 10, 12), host('b', 12, 0, 10, 6)],
      connectors: [bend],
    });
    equalizeRows(withBend);
    expect(withBend.boxes[1]?.height).toBe(6);
  });

  it('draws layers of a stack of packages as tall as each other, side by side', () => {
    const drawn = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'top', label: 'shared-commands' },
          {
            id: 'ux',
            label: 'UX Layer',
            children: [
              { id: 'ui', label: 'shared-ui' },
              { id: 'formatter', label: 'shared-formatter' },
            ],
          },
          {
            id: 'adv',
            label: 'Advanced Features',
            children: [
              { id: 'history', label: 'shared-history' },
              { id: 'ipc', label: 'shared-ipc' },
              { id: 'services', label: 'shared-services' },
            ],
          },
        ],
        connections: [
          { from: 'top', to: 'ui' },
          { from: 'top', to: 'history' },
          { from: 'ui', to: 'formatter' },
          { from: 'history', to: 'ipc' },
          { from: 'ipc', to: 'services' },
        ],
      }),
    );
    const [ux, adv] = ['ux', 'adv'].map((id) => drawn.boxes.find((b) => b.id === id) as SceneBox);
    expect(ux?.y).toBe(adv?.y);
    expect(ux?.height).toBe(adv?.height);
  });
});

describe('equalizeRows up', () => {
  it('raises the top of a container that ends on its neighbour’s row, title and rule with it', () => {
    const s = scene({
      boxes: [host('a', 0, 0, 10, 12), host('b', 12, 6, 10, 6)],
      dividers: [{ id: 'b#0', box: 'b', y: 8 }],
      texts: [
        {
          id: 'b:title:0',
          owner: 'b',
          role: 'title',
          x: 14,
          y: 7,
          width: 2,
          text: 'AZ',
          align: 'center',
        },
      ],
    });
    equalizeRows(s);
    expect(s.boxes.map((b) => [b.y, b.height])).toEqual([
      [0, 12],
      [0, 12],
    ]);
    expect(s.dividers[0]?.y).toBe(2);
    expect(s.texts[0]?.y).toBe(1);
  });

  it('keeps the top where a line ends on it or a box stands over it', () => {
    const ending = {
      id: 'x->b',
      from: 'x',
      to: 'b',
      points: [
        { x: 16, y: 2 },
        { x: 16, y: 6 },
      ],
      style: 'solid' as const,
      arrowStart: false,
      arrowEnd: true,
      join: true,
    };
    const withLine = scene({
      boxes: [host('a', 0, 0, 10, 12), host('b', 12, 6, 10, 6)],
      connectors: [ending],
    });
    equalizeRows(withLine);
    expect(withLine.boxes[1]?.y).toBe(6);
    const over = host('c', 13, 1, 6, 3);
    const withBox = scene({ boxes: [host('a', 0, 0, 10, 12), host('b', 12, 6, 10, 6), over] });
    equalizeRows(withBox);
    expect(withBox.boxes[1]?.y).toBe(6);
  });

  it('draws availability zones in a row as one band though one holds a chain', () => {
    const zone = (n: number, extra: object[] = []) => ({
      id: `az${n}`,
      label: `AZ ${n}`,
      children: [...extra, { id: `p${n}`, label: 'Private Subnet' }],
    });
    const drawn = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'region',
            label: 'Region',
            children: [
              zone(1, [
                { id: 'pub', label: 'Public Subnet' },
                { id: 'ec2', label: 'EC2' },
              ]),
              zone(2),
              zone(3),
              { id: 'rds', kind: 'database', label: 'RDS' },
            ],
          },
        ],
        connections: [
          { from: 'pub', to: 'ec2' },
          { from: 'ec2', to: 'rds' },
          ...[1, 2, 3].map((n) => ({ from: `p${n}`, to: 'rds' })),
        ],
      }),
    );
    const zones = ['az1', 'az2', 'az3'].map((id) => drawn.boxes.find((b) => b.id === id));
    expect(new Set(zones.map((z) => z?.y)).size).toBe(1);
    expect(new Set(zones.map((z) => z?.height)).size).toBe(1);
  });
});

describe('equalizeRows inside a container', () => {
  it('grows a container beside its sibling though their host is around them both', () => {
    const inner = (id: string, x: number, height: number): SceneBox => ({
      ...host(id, x, 2, 10, height),
      depth: 1,
      parent: 'outer',
    });
    const s = scene({ boxes: [host('outer', 0, 0, 26, 16), inner('a', 2, 12), inner('b', 14, 6)] });
    equalizeRows(s);
    expect(s.boxes.map((b) => b.height)).toEqual([16, 12, 12]);
  });
});
