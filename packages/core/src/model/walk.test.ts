import { describe, expect, it } from 'vitest';
import { parseDiagram } from './parse.js';
import { walkNodes } from './walk.js';

describe('walkNodes', () => {
  it('visits every node in model order with its holder and depth', () => {
    const diagram = parseDiagram({
      nodes: [
        { id: 'h', label: 'Host', children: [{ id: 'a', label: 'a' }] },
        {
          kind: 'stack',
          id: 's',
          label: 'Stack',
          layers: [
            {
              id: 'l',
              label: 'L',
              cells: [
                { id: 'c1', label: 'c1' },
                { id: 'c2', label: 'c2' },
              ],
            },
          ],
        },
      ],
    });
    const seen: string[] = [];
    walkNodes(diagram.nodes, (node, parent, depth) => {
      seen.push(`${node.id}<${parent?.id ?? '-'}@${depth}`);
    });
    expect(seen).toEqual(['h<-@0', 'a<h@1', 's<-@0', 'l<s@1', 'c1<l@2', 'c2<l@2']);
  });
});
