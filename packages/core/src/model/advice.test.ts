import { describe, expect, it } from 'vitest';
import { adviseDiagram } from './advice.js';
import { parseDiagram } from './parse.js';

const pipeline = (extra: Record<string, unknown>) =>
  parseDiagram({
    ...extra,
    nodes: [
      { id: 'app', label: 'Web App' },
      { id: 'mobile', label: 'Mobile App' },
      { id: 'kafka', kind: 'queue', label: 'Kafka' },
    ],
    connections: [
      { from: 'app', to: 'kafka' },
      { from: 'mobile', to: 'kafka' },
    ],
  });

describe('adviseDiagram', () => {
  it('warns a top-level `direction` that routes lines around boxes, pointing at `flow`', () => {
    const [advice, ...rest] = adviseDiagram(pipeline({ direction: 'right' }));
    expect(rest).toEqual([]);
    expect(advice).toMatchObject({
      code: 'model/direction-is-arrangement',
      path: ['direction'],
      example: 'flow: right',
    });
    expect(advice?.message).toMatch(/1 line between boxes that are not neighbours/);
  });

  it('says nothing when the lines follow the row, the flow is asked for, or hints reproduce a drawing', () => {
    expect(adviseDiagram(pipeline({ flow: 'right' }))).toEqual([]);
    expect(
      adviseDiagram(
        parseDiagram({
          direction: 'right',
          nodes: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
          connections: [{ from: 'a', to: 'b' }],
        }),
      ),
    ).toEqual([]);
    expect(
      adviseDiagram(
        parseDiagram({
          direction: 'right',
          nodes: [
            { id: 'app', label: 'Web App', hints: { width: 12 } },
            { id: 'mobile', label: 'Mobile App' },
            { id: 'kafka', label: 'Kafka' },
          ],
          connections: [{ from: 'app', to: 'kafka' }],
        }),
      ),
    ).toEqual([]);
  });
});
