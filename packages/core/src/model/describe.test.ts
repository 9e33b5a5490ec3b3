import { describe, expect, it } from 'vitest';
import { describeDiagram } from './describe.js';
import { parseDiagram } from './parse.js';

describe('describeDiagram', () => {
  it('says which components exist and who talks to whom, with the notes', () => {
    const diagram = parseDiagram({
      nodes: [
        { kind: 'client', id: 'c', label: 'Terminal' },
        {
          kind: 'host',
          label: 'PC',
          children: [
            { kind: 'api', id: 'a', label: 'Rest\nAPI' },
            {
              kind: 'stack',
              label: 'Image',
              layers: [{ label: 'base', instruction: 'FROM', readOnly: true }, { label: 'app' }],
            },
          ],
        },
      ],
      connections: [
        { from: 'c', to: 'a', note: 'HTTP\nrequests', direction: 'forward' },
        { from: 'a', to: 'image', direction: 'both' },
      ],
    });
    expect(describeDiagram(diagram).split('\n')).toEqual([
      'The diagram shows the client “Terminal”.',
      'The host “PC” contains the API “Rest API” and the stack “Image”.',
      'The stack “Image” has 2 layers, from top to base: “app” and “base” (FROM, read-only).',
      '“Terminal” talks to “Rest API”: HTTP requests.',
      '“Rest API” and “Image” talk to each other.',
    ]);
  });
});
