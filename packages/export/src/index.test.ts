import { spawnSync } from 'node:child_process';
import { parseDiagram } from '@diagrama/core';
import { describe, expect, it } from 'vitest';
import { exportDiagram, toD2, toDot, toMermaid, toPlantUml } from './index.js';

const model = parseDiagram({
  title: 'Docker "host"',
  nodes: [
    { kind: 'user', id: 'dev', label: 'Developer' },
    {
      kind: 'host',
      id: 'host',
      label: 'Docker host',
      children: [
        { kind: 'daemon', id: 'dockerd', label: 'Docker daemon' },
        { kind: 'database', id: 'images', label: 'Images <local>' },
      ],
    },
  ],
  connections: [
    { from: 'dev', to: 'dockerd', note: 'docker run\n-it', direction: 'forward' },
    { from: 'dockerd', to: 'images', direction: 'both', style: 'dashed' },
    { to: 'host', note: 'pull', direction: 'forward' },
  ],
});

const has = (command: string) => spawnSync('which', [command]).status === 0;

describe('exports to other languages', () => {
  it('writes Mermaid with subgraphs, shapes, labels and escaped text', () => {
    expect(toMermaid(model)).toBe(
      [
        'flowchart TB',
        '  n0(["Developer"])',
        '  subgraph n1["Docker host"]',
        '    n2["Docker daemon"]',
        '    n3[("Images #60;local#62;")]',
        '  end',
        '  n0 -->|"docker run<br/>-it"| n2',
        '  n2 <-.-> n3',
        '  n4(( ))',
        '  n4 -->|"pull"| n1',
        '',
      ].join('\n'),
    );
  });

  it('writes D2 with nested keys, shapes and dashes', () => {
    const d2 = toD2(model);
    expect(d2).toContain('"host": "Docker host" {\n  "dockerd": "Docker daemon"\n');
    expect(d2).toContain('"images": "Images <local>" {\n    shape: cylinder\n  }');
    expect(d2).toContain('"dev" -> "host"."dockerd": "docker run\\n-it"');
    expect(d2).toContain('"host"."dockerd" <-> "host"."images" {style.stroke-dash: 5}');
  });

  it('writes DOT that Graphviz reads, a container edge meeting its cluster', () => {
    const dot = toDot(model);
    expect(dot).toContain('subgraph "cluster_host" {');
    expect(dot).toContain('lhead="cluster_host"');
    expect(dot).toContain('label="Docker \\"host\\""');
    // CI installs Graphviz (.ci/run), so there the check always runs
    if (has('dot') || process.env.CI) {
      const result = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  });

  it('writes PlantUML elements per kind, and PlantUML reads it', () => {
    const puml = toPlantUml(model);
    expect(puml).toContain('actor "Developer" as n0');
    expect(puml).toContain('rectangle "Docker host" as n1 {');
    expect(puml).toContain('n2 <..> n3');
    if (has('plantuml')) {
      const result = spawnSync('plantuml', ['-tsvg', '-pipe'], { input: puml, encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Docker daemon');
    }
  });

  it('writes a sequence as a sequence diagram in each language, messages in order', () => {
    const sequence = parseDiagram({
      title: 'Login',
      direction: 'sequence',
      nodes: [
        { kind: 'user', id: 'user', label: 'User' },
        { kind: 'box', id: 'auth', label: 'Auth; server' },
      ],
      connections: [
        { from: 'user', to: 'auth', note: 'credentials\nplease' },
        { from: 'auth', to: 'user', note: 'token', style: 'dashed' },
        { from: 'auth', to: 'auth', note: 'log' },
      ],
    });
    expect(toMermaid(sequence)).toBe(
      [
        'sequenceDiagram',
        '  title Login',
        '  actor n0 as User',
        '  participant n1 as Auth#59; server',
        '  n0->>n1: credentials<br/>please',
        '  n1-->>n0: token',
        '  n1->>n1: log',
        '',
      ].join('\n'),
    );
    const d2 = toD2(sequence);
    expect(d2.split('\n')[0]).toBe('shape: sequence_diagram');
    expect(d2).not.toContain('title');
    expect(d2.indexOf('"user" -> "auth"')).toBeLessThan(d2.indexOf('"auth" -> "user"'));
    const puml = toPlantUml(sequence);
    expect(puml).toContain('actor "User" as n0');
    expect(puml).toContain('n0 -> n1 : credentials\\nplease');
    expect(puml).toContain('n1 --> n0 : token');
    if (has('plantuml')) {
      const result = spawnSync('plantuml', ['-tsvg', '-pipe'], { input: puml, encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('credentials');
    }
  });

  it('writes heavy and double lines as each language draws a strong line', () => {
    const strong = parseDiagram({
      nodes: [
        { id: 'a', label: 'Branch' },
        { id: 'b', label: 'HQ' },
        { id: 'c', label: 'LAN' },
      ],
      connections: [
        { from: 'a', to: 'b', style: 'double', note: 'IPsec' },
        { from: 'b', to: 'c', style: 'heavy', direction: 'none' },
      ],
    });
    expect(toMermaid(strong)).toContain('n0 ==>|"IPsec"| n1');
    expect(toMermaid(strong)).toContain('n1 === n2');
    expect(toD2(strong)).toContain('"a" -> "b": "IPsec" {style.stroke-width: 4}');
    const dot = toDot(strong);
    expect(dot).toContain('color="black:invis:black"');
    expect(dot).toContain('penwidth=2.5');
    const puml = toPlantUml(strong);
    expect(puml).toContain('n0 -[bold]-> n1');
    if (has('dot') || process.env.CI) {
      const result = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
      expect(result.stderr).toBe('');
    }
    if (has('plantuml')) {
      const result = spawnSync('plantuml', ['-tsvg', '-pipe'], { input: puml, encoding: 'utf8' });
      expect(result.status).toBe(0);
    }
  });

  it('exportDiagram picks the language', () => {
    expect(exportDiagram(model, 'mermaid')).toBe(toMermaid(model));
    expect(exportDiagram(model, 'dot')).toBe(toDot(model));
  });
});
