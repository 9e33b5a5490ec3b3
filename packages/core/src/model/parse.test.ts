import { describe, expect, it } from 'vitest';
import { checkDiagram, parseDiagram } from './parse.js';

const codes = (input: unknown) => checkDiagram(input).diagnostics.map((d) => d.code);
const paths = (input: unknown) =>
  checkDiagram(input).diagnostics.map((d) => [d.code, (d.path ?? []).join('.')]);

describe('parseDiagram', () => {
  it('derives ids from labels, fills defaults and keeps given ids', () => {
    const diagram = parseDiagram({
      nodes: [
        {
          kind: 'host',
          label: 'Docker HOST( MI PC)',
          children: [
            { kind: 'client', label: 'Cliente (Terminal)' },
            { kind: 'api', id: 'api', label: 'Rest API' },
          ],
        },
      ],
      connections: [{ from: 'cliente-terminal', to: 'api', note: 'x' }],
    });
    const host = diagram.nodes[0];
    expect(host?.id).toBe('docker-host-mi-pc');
    expect(host?.kind === 'host' && host.children.map((c) => c.id)).toEqual([
      'cliente-terminal',
      'api',
    ]);
    expect(diagram.connections[0]).toEqual({
      id: 'cliente-terminal->api',
      from: 'cliente-terminal',
      to: 'api',
      note: 'x',
      direction: 'forward',
      style: 'solid',
    });
  });

  it('draws an arrow unless the connection asks for a plain line', () => {
    const diagram = parseDiagram({
      nodes: [{ label: 'a' }, { label: 'b' }],
      connections: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a', direction: 'none' },
      ],
    });
    expect(diagram.connections.map((c) => c.direction)).toEqual(['forward', 'none']);
  });

  it('gives a node without a kind the kind its fields imply', () => {
    const diagram = parseDiagram({
      nodes: [
        { label: 'Nginx' },
        { label: 'Cluster', children: [{ label: 'pod' }] },
        { label: 'Image', layers: [{ label: 'base' }] },
      ],
    });
    expect(diagram.nodes.map((n) => n.kind)).toEqual(['box', 'host', 'stack']);
    const host = diagram.nodes[1];
    expect(host?.kind === 'host' && host.children[0]?.kind).toBe('box');
  });

  it('refuses two nodes whose labels give the same id, naming both and the fix', () => {
    const result = checkDiagram({
      nodes: [
        { kind: 'box', label: 'nginx' },
        { kind: 'host', label: 'Registry', children: [{ kind: 'box', label: 'NGINX' }] },
      ],
      connections: [{ from: 'nginx', to: 'registry' }],
    });
    expect(result.diagram).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        code: 'model/ambiguous-id',
        message: 'this node and the node at nodes[0] both get the id "nginx" from their labels',
        path: ['nodes', 1, 'children', 0, 'label'],
        expected: 'an explicit `id` on one of them, so that connections can tell them apart',
        example: '{"kind":"box","id":"nginx-2","label":"NGINX"}',
      },
    ]);
  });

  it('lets labels repeat while nothing names their id, each node its own id in model order', () => {
    const stack = (label: string) => ({
      kind: 'stack',
      label,
      layers: [{ label: 'Host OS' }, { cells: [{ label: 'App A' }, { label: 'App B' }] }],
    });
    const result = checkDiagram({
      nodes: [stack('VMs'), stack('Containers')],
      connections: [{ from: 'vms', to: 'containers' }],
    });
    expect(result.diagnostics).toEqual([]);
    const ids: string[] = [];
    for (const node of result.diagram?.nodes ?? []) {
      if (node.kind !== 'stack') continue;
      for (const layer of node.layers) {
        ids.push(layer.id);
        for (const cell of layer.cells ?? []) ids.push(cell.id);
      }
    }
    expect(ids).toContain('app-a-2');
    expect(new Set(ids).size).toBe(ids.length);
    // a line that names the repeated id, or the suffix it got, is refused as ambiguous
    for (const to of ['app-a', 'app-a-2']) {
      const named = checkDiagram({
        nodes: [stack('VMs'), stack('Containers')],
        connections: [{ from: 'vms', to }],
      });
      expect(named.diagnostics.map((d) => d.code)).toEqual(['model/ambiguous-id']);
    }
  });

  it('refuses a label that gives an id another node has explicitly, once a line names it', () => {
    const result = checkDiagram({
      nodes: [
        { kind: 'box', label: 'a' },
        { kind: 'box', id: 'a', label: 'x' },
      ],
      annotations: [{ text: 'which one?', node: 'a' }],
    });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'model/ambiguous-id',
        'this node\'s label gives the id "a", which the node at nodes[1] already has',
      ],
    ]);
  });

  it('keeps explicit ids that look derived', () => {
    const diagram = parseDiagram({
      nodes: [
        { kind: 'box', id: 'a-2', label: 'x' },
        { kind: 'box', label: 'a' },
      ],
    });
    expect(diagram.nodes.map((n) => n.id)).toEqual(['a-2', 'a']);
  });

  it('collects every problem, each with a path and a stable code', () => {
    expect(
      paths({
        nodes: [
          { kind: 'server', label: 'x' },
          { kind: 'api', lable: 'y' },
          { kind: 'api', label: 5 },
        ],
        connections: [{ from: 'x', to: 'nowhere' }],
      }),
    ).toEqual([
      ['model/unknown-kind', 'nodes.0.kind'],
      ['model/missing-property', 'nodes.1'],
      ['model/unknown-property', 'nodes.1.lable'],
      ['model/type', 'nodes.2.label'],
      ['model/unknown-node', 'connections.0.to'],
    ]);
  });

  it('suggests the closest name for typos', () => {
    const [problem] = checkDiagram({ nodes: [{ kind: 'api', label: 'x', hint: {} }] }).diagnostics;
    expect(problem?.message).toContain('did you mean "hints"?');
    const [unknown] = checkDiagram({
      nodes: [{ kind: 'api', label: 'Rest API' }],
      connections: [{ from: 'rest-apii', to: 'rest-api' }],
    }).diagnostics;
    expect(unknown?.message).toContain('did you mean "rest-api"?');
  });

  it('answers the words other tools use with the property to write instead', () => {
    const messages = checkDiagram({
      edges: [],
      nodes: [{ type: 'api', label: 'a' }, { label: 'b' }],
      connections: [{ from: 'a', to: 'b', both: true, label: 'HTTP' }],
      annotations: [
        { text: 'TLS', beside: 'a' },
        { text: 'x', constructor: 1 },
      ],
    }).diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      'unknown property "edges" (did you mean "connections"?)',
      'unknown property "type" (did you mean "kind"?)',
      'unknown property "both" (did you mean "direction: both"?)',
      'unknown property "label" (did you mean "note"?)',
      'unknown property "beside" (did you mean "node"?)',
      'unknown property "constructor"',
    ]);
  });

  it('says how to write a fan when a connection lists several nodes', () => {
    const messages = checkDiagram({
      nodes: ['lb', 'a', 'b'].map((id) => ({ id, label: id })),
      connections: [{ from: 'lb', to: ['a', 'b'] }],
    }).diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      '`to` must be a string, not a list (write one connection for each node: lines from one box to several are drawn as one trunk)',
    ]);
  });

  it('answers the words people write for a title place and a label alignment', () => {
    const messages = checkDiagram({
      nodes: [
        { kind: 'group', label: 'A', titleAt: 'top', children: [{ label: 'x', align: 'left' }] },
        { kind: 'host', label: 'B', titleAt: 'Bottom', children: [{ label: 'y' }] },
      ],
    }).diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      'unknown titleAt "top" (did you mean "band"?)',
      'unknown property "align" (did you mean "hints: { labelAlign: … }"?)',
      'unknown titleAt "Bottom" (did you mean "below"?)',
    ]);
  });

  it('answers the kinds people write for what a thing is with the kind that draws it', () => {
    const messages = checkDiagram({
      nodes: ['volume', 'Person', 'broker', 'service', 'constructor', 'dtabase'].map((kind) => ({
        kind,
        label: kind,
      })),
    }).diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      'unknown kind "volume" (did you mean "database"?)',
      'unknown kind "Person" (did you mean "user"?)',
      'unknown kind "broker" (did you mean "queue"?)',
      'unknown kind "service" (did you mean "box"?)',
      'unknown kind "constructor"',
      'unknown kind "dtabase" (did you mean "database"?)',
    ]);
  });

  it('rejects duplicate ids, self connections and misplaced fields', () => {
    expect(
      codes({
        nodes: [
          { kind: 'api', id: 'a', label: 'x', layers: [] },
          { kind: 'api', id: 'a', label: 'y' },
        ],
        connections: [{ from: 'a', to: 'a' }],
      }),
    ).toEqual(['model/duplicate-id', 'model/misplaced-property']);
  });

  it('rejects control and bidi characters in text', () => {
    expect(codes({ nodes: [{ kind: 'api', label: 'a\u001b[31mred' }] })).toEqual([
      'model/control-character',
    ]);
    expect(codes({ nodes: [{ kind: 'api', label: 'x\u202e' }] })).toEqual([
      'model/control-character',
    ]);
    expect(codes({ nodes: [{ kind: 'api', label: 'tab\tand\nnewline' }] })).toEqual([]);
  });

  it('rejects prototype keys as unknown properties', () => {
    const input = JSON.parse('{"nodes":[{"kind":"api","label":"x","__proto__":{"polluted":1}}]}');
    expect(codes(input)).toEqual(['model/unknown-property']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('defaults layers to kind layer and keeps them inside stacks only', () => {
    const diagram = parseDiagram({
      nodes: [
        {
          kind: 'stack',
          label: 'Image',
          layers: [{ label: 'base', instruction: 'FROM', readOnly: true }],
        },
      ],
    });
    const stack = diagram.nodes[0];
    expect(stack?.kind === 'stack' && stack.layers[0]).toMatchObject({
      kind: 'layer',
      instruction: 'FROM',
      readOnly: true,
    });
    expect(codes({ nodes: [{ kind: 'layer', label: 'x' }] })).toEqual(['model/invalid-child']);
    expect(codes({ nodes: [{ kind: 'stack', label: 'x', layers: [] }] })).toEqual([
      'model/missing-property',
    ]);
  });

  it('throws a DiagramaError for a value that is not a diagram', () => {
    expect(() => parseDiagram('nope')).toThrowError(/must be a mapping/);
    expect(() => parseDiagram({})).toThrowError(/missing required property `nodes`/);
  });
});
