import { describe, expect, it } from 'vitest';
import { modelToScene } from '../layout/model-to-scene.js';
import { parseDiagram } from '../model/parse.js';
import { sceneMetrics } from './metrics.js';
import { SCENE_VERSION, type Scene } from './types.js';

const scene = (parts: Partial<Scene>): Scene => ({
  version: SCENE_VERSION,
  width: 20,
  height: 20,
  title: 't',
  description: '',
  boxes: [],
  dividers: [],
  connectors: [],
  texts: [],
  ...parts,
});

const line = (id: string, points: { x: number; y: number }[], arrow = false) => ({
  id,
  from: 'a',
  to: 'b',
  points,
  style: 'solid' as const,
  arrowStart: false,
  arrowEnd: arrow,
  join: true,
});

describe('sceneMetrics', () => {
  it('counts a crossing where two lines run straight across each other, not where one turns', () => {
    const crossing = sceneMetrics(
      scene({
        connectors: [
          line('h', [
            { x: 0, y: 5 },
            { x: 10, y: 5 },
          ]),
          line('v', [
            { x: 5, y: 0 },
            { x: 5, y: 10 },
          ]),
          line('branch', [
            { x: 8, y: 0 },
            { x: 8, y: 5 },
            { x: 10, y: 5 },
          ]),
        ],
      }),
    );
    expect(crossing.crossings).toBe(1);
    expect(crossing.bends).toEqual([0, 0, 1]);
    expect(crossing.detours).toEqual([1, 1, 1]);
  });

  it('measures detours and arrows that come in from the far side', () => {
    const boxes = [
      { id: 'a', kind: 'box' as const, x: 0, y: 0, width: 5, height: 3, depth: 0 },
      { id: 'b', kind: 'box' as const, x: 0, y: 10, width: 5, height: 3, depth: 0 },
    ];
    const around = sceneMetrics(
      scene({
        boxes,
        connectors: [
          line(
            'u',
            [
              { x: 4, y: 1 },
              { x: 8, y: 1 },
              { x: 8, y: 15 },
              { x: 2, y: 15 },
              { x: 2, y: 12 },
            ],
            true,
          ),
        ],
      }),
    );
    expect(around.awayArrows).toBe(1);
    expect(around.detours[0]).toBeCloseTo((4 + 14 + 6 + 3) / (2 + 11));
  });

  it('finds no note collision, crossing or away arrow in a layered fan-out', () => {
    const m = sceneMetrics(
      modelToScene(
        parseDiagram({
          nodes: [
            { kind: 'api', id: 'gw', label: 'Gateway' },
            { kind: 'daemon', id: 'a', label: 'Service A' },
            { kind: 'daemon', id: 'b', label: 'Service B' },
            { kind: 'daemon', id: 'c', label: 'Service C' },
          ],
          connections: [
            { from: 'gw', to: 'a', note: 'REST', direction: 'forward' },
            { from: 'gw', to: 'b', note: 'gRPC', direction: 'forward' },
            { from: 'gw', to: 'c', note: 'AMQP', direction: 'forward' },
          ],
        }),
      ),
    );
    expect(m).toMatchObject({ crossings: 0, noteCollisions: 0, awayArrows: 0 });
    expect(Math.max(...m.bends)).toBeLessThanOrEqual(2);
  });
});
