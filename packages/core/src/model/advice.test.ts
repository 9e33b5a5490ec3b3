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

  const oauth = (
    extra: Record<string, unknown>,
    notes = ['1. login', '2. authorize', '3) code', '(4) token'],
  ) =>
    parseDiagram({
      ...extra,
      nodes: [
        { id: 'app', label: 'Client App' },
        { id: 'authz', label: 'Authorization Server' },
        { id: 'user', label: 'User' },
      ],
      connections: [
        { from: 'user', to: 'app', note: notes[0] },
        { from: 'app', to: 'authz', note: notes[1] },
        { from: 'authz', to: 'app', note: notes[2] },
        { from: 'app', to: 'authz', note: notes[3] },
      ],
    });

  it('points a conversation in numbered steps at `direction: sequence`', () => {
    const [advice, ...rest] = adviseDiagram(oauth({}));
    expect(rest).toEqual([]);
    expect(advice).toMatchObject({
      code: 'model/steps-as-sequence',
      path: ['connections'],
      example: 'direction: sequence',
    });
    expect(advice?.message).toMatch(/4 connections carry numbered notes.*joined by 3 lines/);
  });

  it('leaves a sequence, notes without numbers and fewer lines between two boxes alone', () => {
    expect(adviseDiagram(oauth({ direction: 'sequence' }))).toEqual([]);
    expect(adviseDiagram(oauth({}, ['login', 'authorize', 'code', 'token']))).toEqual([]);
    const spread = parseDiagram({
      nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id })),
      connections: [
        { from: 'a', to: 'b', note: '1. one' },
        { from: 'b', to: 'c', note: '2. two' },
        { from: 'c', to: 'd', note: '3. three' },
        { from: 'd', to: 'a', note: '4. four' },
      ],
    });
    expect(adviseDiagram(spread)).toEqual([]);
  });
});
