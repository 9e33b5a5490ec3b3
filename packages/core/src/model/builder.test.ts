import { describe, expect, it } from 'vitest';
import { api, client, connect, daemon, diagram, host, layer, stack } from './builder.js';
import { parseDiagram } from './parse.js';

describe('builders', () => {
  it('build the same diagram as the plain form', () => {
    const cli = client('Cliente (Terminal)');
    const rest = api('Rest API', { id: 'api' });
    const built = diagram({
      nodes: [host('Docker HOST( MI PC)', [cli, rest, daemon('Docker Daemon')])],
      connections: [connect(cli, rest, { note: 'HTTP' }), connect('api', 'docker-daemon')],
    });
    const plain = parseDiagram({
      nodes: [
        {
          kind: 'host',
          label: 'Docker HOST( MI PC)',
          children: [
            { kind: 'client', label: 'Cliente (Terminal)' },
            { kind: 'api', id: 'api', label: 'Rest API' },
            { kind: 'daemon', label: 'Docker Daemon' },
          ],
        },
      ],
      connections: [
        { from: 'cliente-terminal', to: 'api', note: 'HTTP' },
        { from: 'api', to: 'docker-daemon' },
      ],
    });
    expect(built).toEqual(plain);
  });

  it('validate by the same rules', () => {
    expect(() => diagram({ nodes: [host('H', [layer('x')])] })).toThrowError(
      /must be inside the `layers` of a stack/,
    );
    expect(() =>
      diagram({ nodes: [api('A')], connections: [connect(api('not in the diagram'), 'a')] }),
    ).toThrowError(/not part of this diagram/);
    expect(diagram({ nodes: [stack('S', [layer('base')])] }).nodes[0]?.kind).toBe('stack');
  });
});
