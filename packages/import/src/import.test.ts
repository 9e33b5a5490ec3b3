import { readFileSync } from 'node:fs';
import { checkDiagram, type DiagramInput } from '@diagrama/core';
import { describe, expect, it } from 'vitest';
import { toGrid } from './grid.js';
import {
  findArtBlocks,
  findCommentBlocks,
  findDrawings,
  importDrawing,
  writeModel,
} from './index.js';
import { unbreakLines } from './interrupted.js';
import { splitArrows } from './text-flow.js';

const root = new URL('../../../', import.meta.url);
const seed = readFileSync(new URL('test/seeds/002_4bb4fe39dc5ab3c2.txt', root), 'utf8').split('\n');
/** Lines `from`..`to` (1-based, inclusive) of the seed document. */
const lines = (from: number, to: number) => seed.slice(from - 1, to).join('\n');

/** `from → to` pairs of a model's connections, with their direction when not forward. */
const pairs = (model: DiagramInput) =>
  (model.connections ?? []).map(
    (c) => `${c.from ?? '∅'}→${c.to ?? '∅'}${c.direction ? ` ${c.direction}` : ''}`,
  );

describe('importDrawing', () => {
  it('reads text that a bus from several boxes points at as boxes drawn without a border', () => {
    const drawing = [
      '┌───────┐     ┌───────┐',
      '│ fetch │────▶│ build │',
      '└───────┘     └───────┘',
      '    │             │',
      '    └──────┬──────┴────┐',
      '           ▼           ▼',
      '       Build logs   Cache',
      '       (30 days)',
    ].join('\n');
    const { model, kinds } = importDrawing(drawing);
    const bare = model.nodes.filter((n) => n.border === 'none');
    expect(bare.map((n) => n.label)).toEqual(['Build logs\n(30 days)', 'Cache']);
    expect(pairs(model)).toEqual(
      expect.arrayContaining(['fetch→build-logs-30-days', 'build→cache', 'fetch→cache']),
    );
    expect(kinds.find((k) => k.label === 'Cache')?.why).toMatch(/text a line points at/);
    // the summary points at where the text starts, on the first line too
    expect(kinds.find((k) => k.label === 'Cache')).toMatchObject({ line: 7, column: 21 });
    const top = importDrawing(
      [
        '      Users',
        '        │',
        '   ┌────┴────┐',
        '   ▼         ▼',
        '┌─────┐   ┌─────┐',
        '│ Web │   │ App │',
        '└─────┘   └─────┘',
      ].join('\n'),
    );
    expect(top.kinds.find((k) => k.label === 'Users')).toMatchObject({ line: 1, column: 7 });
    // a box fanning out to two texts, and a text over a line with a note of its own
    const fan = importDrawing(
      [
        '    Flutter',
        '       │',
        '       │ HTTPS',
        '       ▼',
        '  ┌─────────┐',
        '  │   API   │',
        '  └────┬────┘',
        '   ┌───┴───┐',
        '   ▼       ▼',
        ' Postgres  Redis',
      ].join('\n'),
    );
    expect(fan.model.nodes.map((n) => [n.label, n.border])).toEqual([
      ['Flutter', 'none'],
      ['API', undefined],
      ['Postgres', 'none'],
      ['Redis', 'none'],
    ]);
    expect(pairs(fan.model)).toEqual(['flutter→api', 'api→postgres', 'api→redis']);
    expect(fan.model.connections?.[0]?.note).toBe('HTTPS');
    // one box's line to text stays an open end with its note
    const single = importDrawing(['┌───┐', '│ A │', '└───┘', '  │', '  ▼', ' logs'].join('\n'));
    expect(single.model.nodes).toHaveLength(1);
    expect(single.model.connections?.[0]).toMatchObject({ from: 'a', note: 'logs' });
  });

  it('joins a line drawn a few columns short of the line it turns into, with a warning', () => {
    const drawing = [
      '┌─────┐      ┌─────┐',
      '│ HMR │      │ SSR │',
      '└─────┘      └─────┘',
      '   │            │',
      '   │ SSE        │ HTML',
      '   └─────┬────┘',
      '         │',
      '    ┌────▼────┐',
      '    │ Browser │',
      '    └─────────┘',
    ].join('\n');
    const { model, warnings } = importDrawing(drawing);
    expect(pairs(model)).toEqual(['hmr→browser', 'ssr→browser']);
    expect(model.connections?.map((c) => c.note)).toEqual(['SSE', 'HTML']);
    expect(warnings.map((w) => [w.code, w.line, w.column])).toContainEqual([
      'import/slipped-line',
      expect.any(Number),
      expect.any(Number),
    ]);
  });

  it('lines up a line that a note beside it pulled a column off, with a warning', () => {
    // after a PostgreSQL cluster README: the second `:5432` note was typed a cell short, so
    // the `│` after the first note stands a column left of the line above and below it
    const drawing = [
      '┌─────────────────────────────────┐',
      '│           Nginx Proxy           │',
      '└─────────┬─────────────────┬─────┘',
      '          │                 │',
      '          │ :5432          │ :5432',
      '          │                 │',
      '┌─────────▼───────┐ ┌───────▼────────┐',
      '│ Master          │ │ Slave          │',
      '└─────────────────┘ └────────────────┘',
    ].join('\n');
    const { model, warnings } = importDrawing(drawing);
    expect(pairs(model)).toEqual(['nginx-proxy→master', 'nginx-proxy→slave']);
    expect(model.connections?.map((c) => c.note)).toEqual([':5432', ':5432']);
    expect(model.annotations ?? []).toEqual([]);
    expect(warnings.map((w) => [w.code, w.line, w.column, w.message])).toEqual([
      [
        'import/realigned',
        5,
        27,
        'a row short by 1 column before a line (a wide character miscounted, a slip), read as lined up',
      ],
    ]);
  });

  it('lines up a side that an arrowhead drawn a cell too far pushed on', () => {
    // after an MLOps README: `──►` ends in the column of the box's left side, which follows it
    const drawing = [
      '┌──────┐',
      '│ Web  │',
      '└──────┘',
      '    │       ┌───────────┐',
      '    │       │ Weights & │',
      '    └───────►│ Biases    │',
      '            │ Tracking  │',
      '            └───────────┘',
    ].join('\n');
    const { model, warnings } = importDrawing(drawing);
    expect(model.nodes.map((n) => n.label)).toEqual(['Web', 'Weights &\nBiases\nTracking']);
    expect(pairs(model)).toEqual(['web→weights-biases-tracking']);
    expect(warnings.map((w) => [w.code, w.line, w.column])).toEqual([['import/realigned', 6, 13]]);
  });

  it('joins boxes stacked with no row between them where their borders meet', () => {
    // after a UART README: each path a FIFO over a shift register, the arrow drawn straight
    // from one border into the next (`┬` over `▼`, `▲` over `┴`), and a plain `┬` over `┴`
    const stacked = (upper: string, lower: string) =>
      [
        '┌──────────┐',
        '│ FIFO     │',
        `└────${upper}─────┘`,
        `┌────${lower}─────┐`,
        '│ Shift    │',
        '└──────────┘',
      ].join('\n');
    const read = (upper: string, lower: string) =>
      importDrawing(stacked(upper, lower)).model.connections?.map((c) => [
        c.from,
        c.to,
        c.direction ?? 'forward',
      ]);
    expect(read('┬', '▼')).toEqual([['fifo', 'shift', 'forward']]);
    expect(read('▲', '┴')).toEqual([['shift', 'fifo', 'forward']]);
    expect(read('┬', '┴')).toEqual([['fifo', 'shift', 'none']]);
    expect(read('─', '─')).toBeUndefined();
  });

  it('reads a container whose bottom a line crosses with no junction drawn', () => {
    const drawing = [
      '┌─────────────────┐',
      '│  TX Path        │',
      '│  ┌──────────┐   │',
      '│  │ TX Shift │   │',
      '│  └────┬─────┘   │',
      '└───────│─────────┘',
      '        │',
      '   ┌────▼────┐',
      '   │  Baud   │',
      '   └─────────┘',
    ].join('\n');
    const { model } = importDrawing(drawing);
    expect(model.nodes.map((n) => [n.label, n.children?.map((c) => c.label)])).toEqual([
      ['TX Path', ['TX Shift']],
      ['Baud', undefined],
    ]);
    expect(pairs(model)).toEqual(['tx-shift→baud']);
  });

  it('reads titles written over columns of boxes as groups, one per column', () => {
    // after Kubernetes lab notes: two nodes, each a pod over its tunnel, a title over each
    const drawing = [
      '   Node A (10.244.0.0/24)   Node B (10.244.1.0/24)',
      '  ┌────────────┐           ┌────────────┐',
      '  │ Pod A      │           │ Pod B      │',
      '  └─────┬──────┘           └─────┬──────┘',
      '  ┌─────▼──────┐           ┌─────▼──────┐',
      '  │ flannel.1  │◄═════════►│ flannel.1  │',
      '  └────────────┘           └────────────┘',
    ].join('\n');
    const { model, warnings } = importDrawing(drawing);
    expect(
      model.nodes.map((n) => [n.kind, n.label, n.titleAt, n.children?.map((c) => c.label)]),
    ).toEqual([
      ['group', 'Node A (10.244.0.0/24)', 'band', ['Pod A', 'flannel.1']],
      ['group', 'Node B (10.244.1.0/24)', 'band', ['Pod B', 'flannel.1']],
    ]);
    expect(model.annotations).toBeUndefined();
    expect(warnings.filter((w) => w.code === 'import/free-text')).toEqual([]);
    expect(checkDiagram(model).diagnostics).toEqual([]);
  });

  it('keeps a title over only some of the boxes as an annotation', () => {
    const drawing = [
      '   Node A',
      '  ┌───────┐   ┌───────┐',
      '  │ Pod A │   │ Pod B │',
      '  └───┬───┘   └───┬───┘',
      '  ┌───▼───┐   ┌───▼───┐',
      '  │ eth0  │   │ eth1  │',
      '  └───────┘   └───────┘',
    ].join('\n');
    const { model } = importDrawing(drawing);
    expect(model.nodes.some((n) => n.kind === 'group')).toBe(false);
  });

  it('reads a container side that wanders a column as its side, not as a line pulled off', () => {
    // after an agent simulator's notes: the server's right side runs a cell short on some
    // rows and not on others, with lines down inside it
    const drawing = [
      '┌─────────────────────────────────────────────────────────┐',
      '│                    EXPRESS SERVER                       │',
      '│                  (src/server.ts)                        │',
      '│                                                         │',
      '│  ┌──────────────┐                  ┌─────────────────┐ │',
      '│  │  Master      │                  │ Agent Manager   │ │',
      '│  │  Agent       │◄────────────────►│ (Command &      │ │',
      '│  │  (Claude)    │   Coordinates    │  Control)       │ │',
      '│  └──────────────┘                  └─────────────────┘ │',
      '│         │                                   │           │',
      '│         │                                   │           │',
      '│         ▼                                   ▼           │',
      '│  ┌──────────────────────────────────────────────────┐  │',
      '│  │            API ENDPOINTS                         │  │',
      '│  │  • POST /agent/spawn                            │  │',
      '│  │  • POST /agent/:id/kill                         │  │',
      '│  └──────────────────────────────────────────────────┘  │',
      '└─────────────────────────────────────────────────────────┘',
    ].join('\n');
    const { model, warnings } = importDrawing(drawing);
    expect(warnings.filter((w) => w.message.includes('before a line'))).toEqual([]);
    expect(model.nodes.map((n) => n.children?.length)).toEqual([3]);
    expect(pairs(model)).toEqual([
      'master-agent-claude→agent-manager-command-control both',
      'master-agent-claude→api-endpoints-post-agent-spawn',
      'agent-manager-command-control→api-endpoints-post-agent-spawn',
    ]);
  });

  it('keeps two lines side by side apart, one a column beside where the other would go on', () => {
    const drawing = [
      '┌─────┐   ┌─────┐',
      '│  A  │   │  B  │',
      '└──┬──┘   └─┬───┘',
      '   │        │',
      '   │        │',
      '┌──▼──┐   ┌─▼───┐',
      '│  C  │   │  D  │',
      '└─────┘   └─────┘',
    ].join('\n');
    const { model, warnings } = importDrawing(drawing);
    expect(pairs(model)).toEqual(['a→c', 'b→d']);
    expect(warnings).toEqual([]);
  });

  it('reads `:` `.` and `-` inside words as punctuation, not as lines', () => {
    // a caption under two boxes whose colon sits right under a border
    const drawing = [
      '  ┌──────┐   ┌──────┐',
      '  │ East │   │ West │',
      '  └──────┘   └──────┘',
      '     Async (lag: 50-200ms)',
    ].join('\n');
    const { model, warnings } = importDrawing(drawing);
    expect(model.connections ?? []).toEqual([]);
    expect(model.annotations?.map((a) => a.text)).toEqual(['Async (lag: 50-200ms)']);
    expect(warnings.map((w) => w.code)).not.toContain('import/dangling-line');
  });

  it('reads the seed architecture: a host, three boxes, two plain lines with their notes', () => {
    const { model, warnings, kinds } = importDrawing(lines(3, 23), { firstLine: 3 });
    expect(warnings).toEqual([]);
    expect(model.nodes).toEqual([
      {
        kind: 'host',
        label: 'Docker HOST( MI PC)',
        children: [
          { kind: 'client', id: 'cliente-terminal', label: 'Cliente (Terminal)' },
          { kind: 'api', id: 'rest-api', label: 'Rest API' },
          {
            kind: 'daemon',
            id: 'docker-daemon-server-docker-service',
            label: 'Docker Daemon - Server(Docker Service)',
          },
        ],
      },
    ]);
    expect(model.connections).toEqual([
      {
        from: 'cliente-terminal',
        to: 'rest-api',
        direction: 'none',
        note: 'Cliente se comunica con el Server\na través la Rest API',
      },
      {
        from: 'rest-api',
        to: 'docker-daemon-server-docker-service',
        direction: 'none',
        note: 'El Server se comunica con el Cliente\na través del REST API',
      },
    ]);
    // where each guess comes from, at the box's line in the document
    expect(kinds.find((k) => k.label === 'Rest API')).toMatchObject({ kind: 'api', line: 13 });
    expect(checkDiagram(model).diagnostics).toEqual([]);
  });

  it('keeps the text under the image-layer drawing as an annotation of its host', () => {
    const { model } = importDrawing(lines(32, 53), { firstLine: 32 });
    expect(model.annotations).toEqual([
      {
        text: 'ESTAS TRES PRIMERAS CAPAS SON RO( Read-Only)',
        node: 'docker-host-mi-pc',
        at: 'below',
      },
    ]);
    expect(model.connections?.[0]?.note).toBe(
      'Es muy importante que el proceso que\nse inicie en la CAPA 3 ocupe la consola,\nesté en primer plano si la imagen morirá',
    );
  });

  it('reads a careless hand drawing: a wandering border, arrowheads a column off, a bus', () => {
    const text = readFileSync(new URL('../test/hand-drawn.txt', import.meta.url), 'utf8');
    const { model, warnings } = importDrawing(text);
    expect(warnings.map((w) => w.code)).toEqual(['import/ragged-box']);
    expect(pairs(model)).toEqual([
      'ingress-proxy→web-worker-zone-a',
      'ingress-proxy→web-worker-zone-b',
      'web-worker-zone-a→mysql',
      'web-worker-zone-a→memcache',
      'web-worker-zone-a→kafka',
      'web-worker-zone-b→mysql',
      'web-worker-zone-b→memcache',
      'web-worker-zone-b→kafka',
    ]);
    expect(model.nodes.map((n) => n.kind ?? 'box')).toEqual([
      'box',
      'daemon',
      'daemon',
      'database',
      'box',
      'queue',
    ]);
  });

  it('reads a label written across its line, and boxes whose right side a row overruns', () => {
    // after a DevOps stack drawn in a README: each step's label runs right across its line,
    // the `v` under the text (and `via` in it); the CI box's top border is a column longer
    // than its sides, the registry's name overruns its borders by two columns
    const text = [
      '   +-------------------------+-------------------------+',
      '   |                  CI/CD Layer                     |',
      '   |--------------------------------------------------|',
      '   | Jenkins | GitHub Actions | GitLab CI | Tekton     |',
      '   +------------------+-------------------------------+',
      '                      |',
      '    (2) Build / Test / Package Artifacts (Docker images)',
      '                      v',
      '             +--------+---------+',
      '             |   Container Build|',
      '             |   Docker / Podman|',
      '             +--------+---------+',
      '                      |',
      '     (3) Push to Registry via HTTPS (Harbor, ECR)',
      '                      v',
      '             +--------+---------+',
      '             |  Container Registry|',
      '             +------------------+',
    ].join('\n');
    const { model, warnings } = importDrawing(text);
    expect(model.nodes.map((n) => n.label)).toEqual([
      'CI/CD Layer\n---\nJenkins | GitHub Actions | GitLab CI | Tekton',
      'Container Build\nDocker / Podman',
      'Container Registry',
    ]);
    expect(model.connections?.map((c) => [c.from, c.to, c.note])).toEqual([
      [
        'ci-cd-layer',
        'container-build-docker-podman',
        '(2) Build / Test / Package Artifacts (Docker images)',
      ],
      [
        'container-build-docker-podman',
        'container-registry',
        '(3) Push to Registry via HTTPS (Harbor, ECR)',
      ],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['import/ragged-box', 'import/ragged-box']);
  });

  it('moves a label off its line only where the line goes on under it', () => {
    const moved = (rows: string[]) => unbreakLines(toGrid(rows.join('\n')));
    expect(moved(['       |', '   ship logs', '       v'])).toBe(1);
    expect(moved(['       ^', '   ship logs', '       |'])).toBe(1);
    // the `v` under the text starts a word, and a line that ends at the text: left alone
    expect(moved(['       |', '   ship logs', '       verify'])).toBe(0);
    expect(moved(['       |', '   ship logs', ''])).toBe(0);
    // text inside a box a line crosses in its column is the box's label
    expect(moved(['   +---+---+', '   | Agent |', '   +---+---+'])).toBe(0);
  });

  it('keeps a label inside a box that a line enters and leaves in its column', () => {
    const text = [
      '        |',
      '   +----+----+',
      '   | Gateway |',
      '   +----+----+',
      '        |',
      '        v',
      '   +---------+',
      '   |   API   |',
      '   +---------+',
    ].join('\n');
    const { model } = importDrawing(text);
    expect(model.nodes.map((n) => n.label)).toEqual(['Gateway', 'API']);
    expect(model.connections?.filter((c) => c.from === 'gateway' && c.to === 'api')).toHaveLength(
      1,
    );
  });

  it('reads a real architecture drawn carelessly: a slipped border, a box against its container, layers listed alike, a name over a body', () => {
    // after a container-registry README: the vault's bottom border slipped a column right,
    // the CI box's bottom is drawn right over its container's border, and the auth service
    // lists its parts left-aligned between rules
    const text = [
      '┌──────────────────────────────────────────┐',
      '│ CLIENTS                                  │',
      '│  ┌─────────┐   ┌─────────┐               │',
      '│  │ Docker  │   │   CI    │               │',
      '│  └────┬────┘   │ (GH)    │               │',
      '│       │        └────┬────┘               │',
      '└───────┼─────────────┼────────────────────┘',
      '        ▼             ▼',
      '┌──────────────────────────────────┐',
      '│ INGRESS                          │',
      '└────────┬─────────────────────────┘',
      '         ▼',
      '┌──────────────────┐     ┌─────────────────┐',
      '│ OIDC Validator   │     │ VAULT           │',
      '│ (JWKS cache)     │◄───►│ (optional)      │',
      '├──────────────────┤     │                 │',
      '│ RBAC Engine      │     │ Transit engine  │',
      '│ (Policy eval)    │     │ KV: client keys │',
      '├──────────────────┤      └─────────────────┘',
      '│ JWT Signer       │',
      '│ (RS256 key)      │',
      '└──────────────────┘',
    ].join('\n');
    const { model, warnings } = importDrawing(text);
    expect(warnings.map((w) => w.code)).toEqual(['import/ragged-box']);
    expect(warnings[0]).toMatchObject({ line: 13, column: 44 });
    const ids = (model.nodes ?? []).flatMap((n) => [
      n.id,
      ...('children' in n ? (n.children ?? []).map((c) => c.id) : []),
    ]);
    expect(pairs(model)).toEqual([
      `${ids[1]}→${ids[3]}`,
      `${ids[2]}→${ids[3]}`,
      `${ids[3]}→stack`,
      `stack→${ids[5]} both`,
    ]);
    const stack = model.nodes?.find((n) => n.kind === 'stack');
    expect(stack && 'layers' in stack ? stack.layers?.map((l) => l.label) : []).toEqual([
      'JWT Signer\n(RS256 key)',
      'RBAC Engine\n(Policy eval)',
      'OIDC Validator\n(JWKS cache)',
    ]);
    // the body under the name says "client", the name does not: a box
    expect(model.nodes?.at(-1)).toMatchObject({
      label: 'VAULT\n(optional)\n\nTransit engine\nKV: client keys',
    });
    expect(model.nodes?.at(-1)?.kind).toBeUndefined();
  });

  it('reads shapes, styles, open ends and a title in the border', () => {
    const text = [
      '╭──────────╮                        ┌─ Cluster ──────────┐',
      '├──────────┤      ┌────────────┐    │                    │',
      '│  Orders  │◀─────┤  Checkout  │    │   ┌────────────┐   │',
      '╰──────────╯      └──────┬─────┘    │   │  Worker    │   │',
      '                         ┆ events   │   └────────────┘   │',
      '                         ▼          └────────────────────┘',
      '                  ┌────────────┬─┐',
      '   requests ─────▶┤  Bus       │ │',
      '                  └────────────┴─┘',
    ].join('\n');
    const { model } = importDrawing(text);
    expect(model.nodes).toEqual([
      { kind: 'database', id: 'orders', label: 'Orders' },
      {
        kind: 'host',
        label: 'Cluster',
        titleAt: 'border',
        children: [{ kind: 'daemon', label: 'Worker' }],
      },
      { id: 'checkout', label: 'Checkout' },
      { kind: 'queue', id: 'bus', label: 'Bus' },
    ]);
    expect(model.connections).toEqual([
      // across the flow: its sides kept, so the layout sets the two side by side
      { from: 'checkout', to: 'orders', hints: { fromSide: 'left', toSide: 'right' } },
      { from: 'checkout', to: 'bus', style: 'dashed', note: 'events' },
      { to: 'bus', note: 'requests' },
    ]);
  });

  it('reads ascii boxes drawn one right under the other, and a line beside as beside', () => {
    // after a README on nginx: two upstreams touching, a plain line across to the first
    const text = [
      '   +---------------+',
      '   |   Internet    |',
      '   +-------+-------+',
      '           |',
      '           v',
      '    +---------------+    +------------------+',
      '    |   Nginx       |----|  Upstream App 1  |',
      '    +-------+-------+    +------------------+',
      '            |            +------------------+',
      '            |            |  Upstream App 2  |',
      '            v            +------------------+',
      '    +---------------+',
      '    |  Static Files |',
      '    +---------------+',
    ].join('\n');
    const { model, warnings } = importDrawing(text);
    expect(warnings).toEqual([]);
    expect(model.nodes?.map((n) => [n.kind ?? 'box', n.label])).toEqual([
      ['box', 'Internet'],
      ['box', 'Nginx'],
      ['box', 'Upstream App 1'],
      ['box', 'Upstream App 2'],
      ['box', 'Static Files'],
    ]);
    expect(model.connections?.[1]).toEqual({
      from: 'nginx',
      to: 'upstream-app-1',
      direction: 'none',
      hints: { fromSide: 'right', toSide: 'left' },
    });
  });

  it('reads titles in borders that hold hyphens, a `v` and a second line under them', () => {
    const text = [
      '┌─ Private us-east-1a ───┐   ┌─ Public Subnet ───┐',
      '│                        │   │  AZ-c             │',
      '│  ┌───────┐             │   │                   │',
      '│  │  EC2  │             │   │  ┌───────┐        │',
      '│  └───────┘             │   │  │  ALB  │        │',
      '│                        │   │  └───────┘        │',
      '└────────────────────────┘   └───────────────────┘',
    ].join('\n');
    const { model, warnings } = importDrawing(text);
    expect(warnings).toEqual([]);
    expect(model.nodes).toEqual([
      {
        kind: 'host',
        label: 'Private us-east-1a',
        titleAt: 'border',
        children: [{ label: 'EC2' }],
      },
      {
        kind: 'host',
        label: 'Public Subnet\nAZ-c',
        titleAt: 'border',
        children: [{ label: 'ALB' }],
      },
    ]);
  });

  it('reads a heading over a rule, a list under it and the notes of a step by step drawing', () => {
    const row = (inside: string) => `│${inside.padEnd(50)}│`;
    const text = [
      `┌${'─'.repeat(50)}┐`,
      row(' Step 1: You Define What to Run, in Dockerfiles'),
      row(` ${'-'.repeat(48)} `),
      row(' Dockerfile / docker-compose.yml'),
      row(''),
      row(' Example:'),
      row('   - FROM python:3.11     (the base)'),
      `└${'─'.repeat(22)}┬${'─'.repeat(27)}┘`,
      '                       │',
      '                       │ 1. Define schedule',
      '                       │    (settings.py / DB)',
      '                       ▼',
      '              ┌─────────────────┐',
      '              │  Message Broker │',
      '              │  (Redis queue)  │',
      '              └─────────────────┘',
    ].join('\n');
    const { model, warnings } = importDrawing(text);
    expect(warnings).toEqual([]);
    const [step, broker] = model.nodes;
    // the rule as `---`, the blank line kept, the text under the rule indented as drawn
    expect(step?.label).toBe(
      'Step 1: You Define What to Run, in Dockerfiles\n---\nDockerfile / docker-compose.yml\n\nExample:\n  - FROM python:3.11     (the base)',
    );
    // an id cut at a word, from the heading; the kind from the name, not from the text under it
    expect(step?.id).toBe('step-1-you-define-what-to-run');
    expect(broker?.kind).toBe('queue');
    // a note's second line, indented under its first, is the same note
    expect(model.connections?.[0]?.note).toBe('1. Define schedule\n(settings.py / DB)');
  });

  it('reads a name over one line as one box, and gives a layer named like a box an id', () => {
    const drawing = [
      '┌──────────────┐   ┌────────────────┐',
      '│  FastApiApp  ├──▶┤   FastApiApp   │',
      '└──────────────┘   ├────────────────┤',
      '                   │  Users schema  │',
      '                   └────────────────┘',
    ].join('\n');
    const { model } = importDrawing(drawing);
    expect(model.nodes.map((n) => n.label)).toEqual([
      'FastApiApp',
      'FastApiApp\n---\nUsers schema',
    ]);
    expect(checkDiagram(model).diagnostics).toEqual([]);
    // a lower line centred and narrower than the box is a layer: a stack, whose layer named
    // like the box beside it gets an id of its own, so the line naming the box still means it
    const stacked = [
      '┌──────────────┐   ┌──────────────┐',
      '│  FastApiApp  ├──▶┤  FastApiApp  │',
      '└──────────────┘   ├──────────────┤',
      '                   │   Settings   │',
      '                   └──────────────┘',
    ].join('\n');
    const back = importDrawing(stacked).model;
    expect(back.nodes[1]?.kind).toBe('stack');
    expect(checkDiagram(back).diagnostics).toEqual([]);
  });

  it('reads an ascii arrowhead right behind a border the line comes through', () => {
    // `^` between the host's bottom border (`+`, the line crossing it) and the box's own
    const art = [
      '+---------------+',
      '|     Host      |',
      '+---------------+',
      '|  +---------+  |',
      '|  |  Worker |  |',
      '|  +----+----+  |',
      '|       ^       |',
      '+-------+-------+',
      '        |',
      '   +----+----+',
      '   |  Queue  |',
      '   +---------+',
    ].join('\n');
    expect(pairs(importDrawing(art).model)).toEqual(['queue→worker']);
  });

  it('reads an ascii arrowhead right under the note that breaks its line', () => {
    // `v` under `(2) Fetch data` touches the resolver's border: the head of the gateway's line
    const art = [
      '+--------------+',
      '|   Gateway    |',
      '+----+---------+',
      '     |',
      ' (2) Fetch data',
      '     v',
      '+----+----+',
      '| Resolver|',
      '+---------+',
    ].join('\n');
    const { model } = importDrawing(art);
    expect(pairs(model)).toEqual(['gateway→resolver']);
    expect(model.connections?.[0]?.note).toBe('(2) Fetch data');
  });

  it('reads a fan-in that joins a line running on through it as feeding only what lies past', () => {
    const art = [
      '        ┌──────────┐',
      '        │  Source  │',
      '        └────┬─────┘',
      '             │',
      '     ┌───────┼────────┐',
      '     ▼       │        ▼',
      '┌────┴───┐   │   ┌────┴───┐',
      '│   A    │   │   │   B    │',
      '└────┬───┘   │   └────┬───┘',
      '     │       │        │',
      '     └───────┼────────┘',
      '             │',
      '             ▼',
      '        ┌────┴─────┐',
      '        │  Target  │',
      '        └──────────┘',
    ].join('\n');
    expect(pairs(importDrawing(art).model).sort()).toEqual([
      'a→target',
      'b→target',
      'source→a',
      'source→b',
      'source→target',
    ]);
  });

  it('reads a line drawn heavier than the drawing as heavy or double', () => {
    const art = [
      '┌──────────┐  IPsec  ┌──────┐     ┌───────┐',
      '│  Branch  ├════════▶┤  HQ  ├━━━━━┤  LAN  │',
      '└──────────┘         └──────┘     └───────┘',
    ].join('\n');
    const { model } = importDrawing(art);
    expect(model.connections?.map((c) => c.style)).toEqual(['double', 'heavy']);
    // in a drawing of double boxes a double line is an ordinary one
    const plain = importDrawing(
      art.replace(/[┌┐└┘│─├┤]/g, (ch) => '╔╗╚╝║═╠╣'['┌┐└┘│─├┤'.indexOf(ch)] as string),
    );
    expect(plain.model.connections?.map((c) => c.style)).toEqual([undefined, 'heavy']);
  });

  it('reads notes three blanks either side of a line as its notes', () => {
    const art = [
      '      +----------+',
      '      |    UI    |',
      '      +----+-----+',
      '           |',
      '(A) REST   |   (B) WebSocket',
      '           v',
      '      +----+-----+',
      '      |   API    |',
      '      +----------+',
    ].join('\n');
    const { model, warnings } = importDrawing(art);
    expect(pairs(model)).toEqual(['ui→api']);
    expect(model.connections?.[0]?.note).toBe('(A) REST\n(B) WebSocket');
    expect(warnings.filter((w) => w.code === 'import/free-text')).toEqual([]);
  });

  it('reads a line that leaves a box and comes back to it as a loop, with its note', () => {
    const art = [
      '┌─────────┐',
      '│  Queue  │',
      '└────┬────┘',
      '     │',
      '     ▼',
      '┌────┴─────┐',
      '│  Worker  │◀─┐',
      '└───────┬──┘  │ retry',
      '        └─────┘',
    ].join('\n');
    const { model } = importDrawing(art);
    expect(pairs(model)).toEqual(['queue→worker', 'worker→worker']);
    expect(model.connections?.[1]?.note).toBe('retry');
    // drawn by hand in ascii, round the upper corner, with no arrowhead
    const plain = [
      '        +----+',
      '+-------+--+ |',
      '|  Cron    | |',
      '|          +-+',
      '+----------+',
    ].join('\n');
    expect(pairs(importDrawing(plain).model)).toEqual(['cron→cron none']);
  });

  it('lines up ascii boxes each a cell further off than the one before, and a drop two columns off its arrowhead', () => {
    // a real drawing: every label row a cell too long per box, so the slip grows along the row
    const art = [
      '              +-------------+',
      '              |  Registry   |',
      '              +------+------+',
      '                     |',
      '      +--------------+--------------+',
      '      |                             |',
      '+-----v-----+   +-----v-----+   +-----v-----+',
      '|  Node A    |   |  Node B    |   |  Node C    |',
      '| (replica)  |   | (replica)  |   | (replica)  |',
      '+-----------+   +-----------+   +-----------+',
    ].join('\n');
    const { model, warnings } = importDrawing(art);
    expect(model.nodes?.map((n) => n.label)).toEqual([
      'Registry',
      'Node A\n(replica)',
      'Node B\n(replica)',
      'Node C\n(replica)',
    ]);
    expect(pairs(model)).toEqual(['registry→node-a-replica', 'registry→node-c-replica']);
    expect(warnings.filter((w) => w.code === 'import/realigned').length).toBe(6);
    expect(warnings.some((w) => w.code === 'import/free-text')).toBe(false);
  });

  it('keeps two lines of different styles apart where they cross, arrowheads or not', () => {
    // a dotted line up from G to C crosses a line with arrowheads at both ends (A and I): a
    // fan-in drawn with a crossing would be one style
    const drawing = [
      '      ┌─────┐   ┌─────┐',
      '      │  A  │   │  C  │',
      '      └──┬──┘   └──┬──┘',
      '         ▲         ▲',
      '         │         ┊',
      '  ┌┈┈┈┈┈┈┼┈┈┈┈┈┈┈┈┈┘',
      '  ┊      │',
      '  ┊      ▼',
      '┌─┴───┐┌─┴───┐',
      '│  G  ││  I  │',
      '└─────┘└─────┘',
    ].join('\n');
    const { model } = importDrawing(drawing);
    expect(pairs(model).sort()).toEqual(['a→i both', 'g→c'].sort());
    expect(model.connections?.find((c) => c.from === 'g')?.style).toBe('dotted');
  });

  it('reads a flow written without boxes: steps joined by arrows, across or down', () => {
    const across = importDrawing('[Client] --TCP--> [Server] → Database <--> Replica\n');
    expect(across.model.flow).toBe('right');
    expect(across.model.nodes.map((n) => n.label)).toEqual([
      'Client',
      'Server',
      'Database',
      'Replica',
    ]);
    expect(pairs(across.model)).toEqual([
      'client→server',
      'server→database',
      'database→replica both',
    ]);
    expect(across.model.connections?.[0]?.note).toBe('TCP');
    const down = importDrawing(
      '  Browser\n     |\n     v   HTTPS\n  Web app\n  (React)\n     │\n  Orders API\n',
    );
    expect(down.model.nodes.map((n) => n.label)).toEqual([
      'Browser',
      'Web app\n(React)',
      'Orders API',
    ]);
    expect(pairs(down.model)).toEqual(['browser→web-app-react', 'web-app-react→orders-api']);
    expect(down.model.connections?.[0]?.note).toBe('HTTPS');
    // prose is not a flow, nor a drawing of boxes whose borders are broken, nor a step to itself
    expect(importDrawing('Just a sentence, no arrows.\n').model.nodes).toEqual([]);
    const broken = importDrawing(
      '┌────║────┐\n│ Presentation │\n├──────────┤\n│ Domain │\n├──────────┤\n│ Data │\n└──────────┘\n',
    );
    expect(checkDiagram(broken.model).diagnostics).toEqual([]);
    expect(broken.model.connections ?? []).toEqual([]);
    expect(importDrawing('A -> A -> B\n').model.connections).toEqual([{ from: 'a', to: 'b' }]);
  });

  it('reads a flow drawn with box-drawing arrows, branches off a line, and lines down', () => {
    // after notes on Kafka's acknowledgements: one row of steps, two branches under the second
    const acks = importDrawing(
      [
        '    Producer ────► Leader ────► Follower 1 ──► Ack',
        '                    │',
        '                    └───► Follower 2 ──► Ack',
        '                    │',
        '                    └───► Ack to Producer',
      ].join('\n'),
    );
    expect(acks.model.nodes.map((n) => n.label)).toEqual([
      'Producer',
      'Leader',
      'Follower 1',
      'Ack',
      'Follower 2',
      'Ack to Producer',
    ]);
    expect(pairs(acks.model)).toEqual([
      'producer→leader',
      'leader→follower-1',
      'follower-1→ack',
      'leader→follower-2',
      'follower-2→ack',
      'leader→ack-to-producer',
    ]);
    // a step over a line whose words are its note, ending in a branch; arrows that point back
    const group = importDrawing(
      [
        '    Consumer Group',
        '    │',
        '    │ 1. Read Message',
        '    │',
        '    │ 2. Process Message',
        '    │',
        '    └───► Commit',
      ].join('\n'),
    );
    expect(pairs(group.model)).toEqual(['consumer-group→commit']);
    expect(group.model.connections?.[0]?.note).toBe('1. Read Message\n2. Process Message');
    const mixed = importDrawing(
      [
        '  Client ──► API Gateway ──► Orders',
        '                 │',
        '                 │ auth',
        '                 ▼',
        '            Auth Service ◄── Admin UI',
      ].join('\n'),
    );
    expect(pairs(mixed.model)).toEqual([
      'client→api-gateway',
      'api-gateway→orders',
      'admin-ui→auth-service',
      'api-gateway→auth-service',
    ]);
    expect(mixed.model.connections?.[3]?.note).toBe('auth');
    // a fork: words across each line are its note, and each arrowhead points at the step
    // whose middle is nearer, two steps set two blanks apart on one row
    const fork = importDrawing(
      [
        'Desired ──► Compare',
        '              │',
        '              ▼',
        '          Different?',
        '             │    │',
        '            yes   no',
        '             │    │',
        '             ▼    ▼',
        '          Fix  Done',
      ].join('\n'),
    );
    expect(pairs(fork.model)).toEqual([
      'desired→compare',
      'compare→different',
      'different→fix',
      'different→done',
    ]);
    expect(fork.model.connections?.map((c) => c.note)).toEqual([undefined, undefined, 'yes', 'no']);
    // a drawing of boxes is still not a flow, whatever arrows it holds
    expect(importDrawing('┌───┐\n│ A │──► B\n└───┘\n').model.nodes.map((n) => n.label)).toEqual([
      'A',
    ]);
  });

  it('reads a title over a container, a line drawn on with no junction, a bus to a label', () => {
    // after notes on a message broker: the title over the box, three nodes on a bus whose
    // line down starts a column right of the `┴` (a slip), to text drawn without a box
    const text = [
      '            Cluster',
      '  ┌──────────────────────────────────┐',
      '  │ ┌────────┐ ┌────────┐ ┌────────┐ │',
      '  │ │ Node A │ │ Node B │ │ Node C │ │',
      '  │ └────────┘ └────────┘ └────────┘ │',
      '  │      │          │          │     │',
      '  │      └──────────┴──────────┘     │',
      '  │                  │               │',
      '  │               Metadata           │',
      '  └──────────────────────────────────┘',
      '        │                  │',
      '  ┌─────┴─────┐      ┌─────┴─────┐',
      '  │ Producers │      │ Consumers │',
      '  └───────────┘      └───────────┘',
    ].join('\n');
    const { model, warnings } = importDrawing(text);
    expect(warnings.map((w) => w.code)).toEqual(['import/slipped-line']);
    const cluster = model.nodes[0];
    expect(cluster).toMatchObject({ kind: 'host', label: 'Cluster', titleAt: 'border' });
    expect(cluster?.children?.at(-1)).toMatchObject({ label: 'Metadata', border: 'none' });
    expect(pairs(model)).toEqual([
      'node-a→metadata none',
      'node-b→metadata none',
      'node-c→metadata none',
      'cluster→producers none',
      'cluster→consumers none',
    ]);
    // words right of a box inside a container are that box's annotation, not the container's
    const beside = importDrawing(
      [
        '┌─────────────────────────┐',
        '│ Pipeline                │',
        '│ ┌────────┐              │',
        '│ │ Filter │ (drop bad)   │',
        '│ └───┬────┘              │',
        '│ ┌───▼────┐              │',
        '│ │  Map   │ (transform)  │',
        '│ └────────┘              │',
        '└─────────────────────────┘',
      ].join('\n'),
    );
    expect(beside.model.annotations).toEqual([
      { text: '(drop bad)', node: 'filter', at: 'right' },
      { text: '(transform)', node: 'map', at: 'right' },
    ]);
    // a lone bar beside no word is a line cut off, never a note or a label
    const stub = importDrawing('┌───┐   ┌───┐\n│ A ├───┤ B │\n└───┘   └───┘\n      │\n');
    expect(stub.model.connections?.[0]?.note).toBeUndefined();
    expect(stub.warnings.map((w) => w.code)).toContain('import/stray-line');
  });

  it('reads words just right of a box as its annotation, and a note set four blanks off', () => {
    // after a README on an API gateway: ports written beside the boxes, notes a tab away
    const { model, warnings } = importDrawing(
      [
        '  ┌──────────────┐',
        '  │ Gateway      │ (port 8080)',
        '  └───┬──────┬───┘',
        '      │      │',
        'HTTP  │      │    gRPC',
        '      ▼      ▼',
        '  ┌───────┐ ┌───────┐',
        '  │ Auth  │ │Orders │',
        '  └───────┘ └───────┘',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(model.annotations).toEqual([{ text: '(port 8080)', node: 'gateway', at: 'right' }]);
    expect(model.connections?.map((c) => c.note)).toEqual(['HTTP', 'gRPC']);
  });

  it('keeps the rows of boxes no line joins, where the layout would set them in one row', () => {
    const { model } = importDrawing(
      [
        '┌──────────────────────┐',
        '│ Worker               │',
        '│  ┌────────────────┐  │',
        '│  │ kubelet        │  │',
        '│  └────────────────┘  │',
        '│  ┌────────────────┐  │',
        '│  │ runtime        │  │',
        '│  └────────────────┘  │',
        '│  ┌─────┐  ┌─────┐    │',
        '│  │ Pod │  │ Pod │    │',
        '│  └─────┘  └─────┘    │',
        '└──────────────────────┘',
      ].join('\n'),
    );
    const worker = model.nodes[0];
    expect(worker?.direction).toBe('down');
    expect(worker?.children?.map((c) => c.label ?? c.kind)).toEqual([
      'kubelet',
      'runtime',
      'group',
    ]);
    expect(worker?.children?.[2]).toMatchObject({ kind: 'group', direction: 'right' });
    expect(worker?.children?.[2]?.children?.map((c) => c.label)).toEqual(['Pod', 'Pod']);
  });

  it('reads tabs as four columns when the drawing was made so, and steps in brackets apart', () => {
    const text = [
      '┌───────┐',
      '│  API  │',
      '└───┬───┘',
      '\t│',
      '\t▼',
      '┌───────┐',
      '│  DB   │',
      '└───────┘',
    ];
    const tabbed = importDrawing(text.join('\n'));
    expect(pairs(tabbed.model)).toEqual(['api→db']);
    expect(tabbed.warnings.map((w) => w.message)).toContain(
      'a tab, read as spaces to the next multiple of four columns',
    );
    // a drawing made with tabs of eight is still read so
    const eight = importDrawing(
      text.map((l) => l.replace('\t', '\t    ').replace(/^(\S)/u, '$1')).join('\n'),
    );
    expect(eight.warnings.find((w) => w.code === 'import/tab')?.message).toContain('eight');
    // `[Auth] [User]` one blank apart under two arrowheads are two steps, named without brackets
    const steps = importDrawing(
      [
        '┌─────────────┐',
        '│   Gateway   │',
        '└──┬───────┬──┘',
        '   ▼       ▼',
        '[Auth] [Users]',
      ].join('\n'),
    );
    expect(steps.model.nodes.map((n) => n.label)).toEqual(['Gateway', 'Auth', 'Users']);
  });

  it('reads a box whose label runs past its border, the side pushed out on that row', () => {
    // after a README on Docker's layers: the last box's name was longer than the box drawn
    const { model, warnings } = importDrawing(
      [
        '+----------------+',
        '|  containerd    |  <-- runtime',
        '+----------------+',
        '        |',
        '        v',
        '+----------------+',
        '|  Linux Kernel (cgroups) |',
        '+----------------+',
      ].join('\n'),
    );
    expect(model.nodes.map((n) => n.label)).toEqual(['containerd', 'Linux Kernel (cgroups)']);
    expect(pairs(model)).toEqual(['containerd→linux-kernel-cgroups']);
    expect(model.annotations).toEqual([{ text: '<-- runtime', node: 'containerd', at: 'right' }]);
    expect(warnings.map((w) => w.code)).toEqual(['import/ragged-box']);
  });

  it('reads a sloppy ascii drawing: bottoms without corners, gaps before a side, a chain of texts', () => {
    // after a monitoring stack's README: bottoms drawn as bare dashes, an arrow stopping two
    // blanks short of the box it points at, a line turning down with no `+`, and the alerts
    // running on through two lines of text
    const { model } = importDrawing(
      [
        '+-----------+         +---------+',
        '|  Scraper  | ----->  |  Board  | -------',
        '+------------          ---------        |',
        '      |                                 v',
        '      v                           People look',
        '+-----------+',
        '|  Alerter  |',
        '+-----------+',
        '      |',
        '      v',
        '    Pager',
        '      |',
        '      v',
        '  Phone / Mail',
      ].join('\n'),
    );
    expect(model.nodes.map((n) => [n.label, n.border ?? 'drawn'])).toEqual([
      ['Scraper', 'drawn'],
      ['Board', 'drawn'],
      ['Alerter', 'drawn'],
      ['Pager', 'none'],
      ['Phone / Mail', 'none'],
    ]);
    expect(pairs(model)).toEqual([
      'scraper→board',
      'board→∅',
      'scraper→alerter',
      'alerter→pager',
      'pager→phone-mail',
    ]);
    // the line that turns down with no corner keeps its arrowhead and its note
    expect(model.connections?.find((c) => c.from === 'board')).toEqual({
      from: 'board',
      note: 'People look',
    });
    expect(model.annotations ?? []).toEqual([]);
  });

  it('reads a flow of screens: arrows into corners, pointers beside boxes, a box named again', () => {
    // after a game's screen flow: branches with words on them end at a box's corner, `←`
    // pointers explain boxes, and the last line ends at the name of a box drawn above
    // (a stand-in for the renderer: with sides asked, the lines go all the way round)
    const render = (m: DiagramInput): string =>
      m.connections?.some((c) => c.hints?.fromSide !== undefined)
        ? `${'─'.repeat(40)}\n│ boxes │\n${'─'.repeat(40)}`
        : `${'─'.repeat(20)}\n│ boxes │\n${'─'.repeat(20)}`;
    const { model } = importDrawing(
      [
        '┌──────────┐',
        '│  Splash  │  ← first screen',
        '└────┬─────┘',
        '     │',
        '     ├─→ Signed in ──→ ┌────────┐',
        '     │                 │  Menu  │  ← main menu',
        '     │                 └───┬────┘',
        '     │                     │',
        '     └─→ Signed out ──→ ┌──┴─────┐',
        '                        │ Login  │',
        '                        └───┬────┘',
        '                            │',
        '                            └─→ Success ──→ Menu',
      ].join('\n'),
      { render },
    );
    expect(model.nodes.map((n) => [n.label, n.border ?? 'drawn'])).toEqual([
      ['Splash', 'drawn'],
      ['Signed in', 'none'],
      ['Menu', 'drawn'],
      ['Signed out', 'none'],
      ['Login', 'drawn'],
      ['Success', 'none'],
    ]);
    expect(pairs(model).sort()).toEqual(
      [
        'splash→signed-in',
        'splash→signed-out',
        'signed-in→menu',
        'menu→login none',
        'signed-out→login',
        'login→success',
        'success→menu',
      ].sort(),
    );
    expect(model.annotations).toEqual([
      { text: '← first screen', node: 'splash', at: 'right' },
      { text: '← main menu', node: 'menu', at: 'right' },
    ]);
    // the sides the corners were entered by would send the lines around the boxes: left out
    expect(model.connections?.some((c) => c.hints?.fromSide !== undefined)).toBe(false);
  });

  it('reads names written over a row of boxes as their headings, ids and lines following', () => {
    // after notes on Kafka's partitions: each broker named over its box, the box its contents
    const { model } = importDrawing(
      [
        '  Broker 1        Broker 2',
        '  ┌──────┐        ┌──────┐',
        '  │ P0*  ├───────▶┤ P0   │',
        '  │ P1   │        │ P1*  │',
        '  └──────┘        └──────┘',
      ].join('\n'),
    );
    expect(model.nodes.map((n) => n.label)).toEqual([
      'Broker 1\n---\nP0*\nP1',
      'Broker 2\n---\nP0\nP1*',
    ]);
    expect(pairs(model)).toEqual(['broker-1→broker-2']);
    expect(model.annotations ?? []).toEqual([]);
    // one name over one box is no row of names: it stays the diagram's
    const one = importDrawing(['  System', '┌────────┐', '│  Web   │', '└────────┘'].join('\n'));
    expect(one.model.nodes.map((n) => n.label)).toEqual(['Web']);
  });

  it('drops the sides it keeps for lines across the flow when the model would not render', () => {
    const text = [
      '┌───┐   ┌───┐',
      '│ T │   │ U │',
      '└─┬─┘   └─┬─┘',
      '  ▼       ▼',
      '┌─┴─┐   ┌─┴─┐',
      '│ A ├──▶┤ B │',
      '└───┘   └───┘',
    ].join('\n');
    const kept = importDrawing(text);
    const across = (m: DiagramInput) => m.connections?.find((c) => c.from === 'a');
    expect(across(kept.model)?.hints).toEqual({ fromSide: 'right', toSide: 'left' });
    const refused = importDrawing(text, {
      render: () => {
        throw new Error('no route');
      },
    });
    expect(across(refused.model)?.hints).toBeUndefined();
  });

  it('reads a flow that fans out and back in with slashes, its row of steps one blank apart', () => {
    // after a README on scaling a web app: a load balancer over three numbered app servers
    const text = [
      '                Internet',
      '                   |',
      '          Load Balancer (L7)',
      '             /    |    \\',
      '            /     |     \\',
      '     App Server App Server App Server',
      '        1          2         3',
      '        |          |         |',
      '         \\         |        /',
      '          \\        |       /',
      '           Primary Database',
    ].join('\n');
    const { model, warnings } = importDrawing(text);
    expect(warnings).toEqual([]);
    expect(model.nodes?.map((n) => n.label)).toEqual([
      'Internet',
      'Load Balancer (L7)',
      'App Server\n1',
      'App Server\n2',
      'App Server\n3',
      'Primary Database',
    ]);
    expect(pairs(model)).toEqual([
      'internet→load-balancer-l7',
      'load-balancer-l7→app-server-1',
      'load-balancer-l7→app-server-2',
      'load-balancer-l7→app-server-3',
      'app-server-1→primary-database',
      'app-server-2→primary-database',
      'app-server-3→primary-database',
    ]);
  });

  it('reads a sequence: names or boxes over lifelines, messages with notes over or in them', () => {
    const named = importDrawing(
      [
        'BROWSER               API                   DATABASE',
        '   |                   |                        |',
        '   |  GET /orders      |                        |',
        '   |------------------>|                        |',
        '   |                   |  SELECT * FROM orders  |',
        '   |                   |----------------------->|',
        '   |                   |<- - - - - - - - - - - -|',
        '   |                   |--+ cache rows          |',
        '   |                   |<-+                     |',
        '   |<---- 200 OK ------|                        |',
        '   |                   |                        |',
        '',
      ].join('\n'),
    );
    expect(named.model.direction).toBe('sequence');
    expect(named.model.nodes.map((n) => n.label)).toEqual(['BROWSER', 'API', 'DATABASE']);
    expect(pairs(named.model)).toEqual([
      'browser→api',
      'api→database',
      'database→api',
      'api→api',
      'api→browser',
    ]);
    expect(named.model.connections?.map((c) => c.note)).toEqual([
      'GET /orders',
      'SELECT * FROM orders',
      undefined,
      'cache rows',
      '200 OK',
    ]);
    expect(named.model.connections?.[2]?.style).toBe('dashed');
    expect(named.warnings).toEqual([]);
    expect(checkDiagram(named.model).diagnostics).toEqual([]);
    const boxed = importDrawing(
      [
        '┌──────────┐        ┌──────────┐',
        '│  Client  │        │  Server  │',
        '└────┬─────┘        └────┬─────┘',
        '     │      request      │',
        '     ├──────────────────▶┤',
        '     │      response     │',
        '     ├◀┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┤',
        '     │                   │',
        '     │     stray words   │',
        '',
      ].join('\n'),
    );
    expect(boxed.model.direction).toBe('sequence');
    expect(pairs(boxed.model)).toEqual(['client→server', 'server→client']);
    expect(boxed.model.connections?.[1]).toMatchObject({ note: 'response', style: 'dashed' });
    // text under the last message belongs to none: kept, and reported where it is
    expect(boxed.model.annotations).toEqual([{ text: 'stray words', at: 'bottom' }]);
    expect(boxed.warnings.map((w) => `${w.code} ${w.line}:${w.column}`)).toEqual([
      'import/free-text 9:12',
    ]);
    // boxes side by side with no lifelines under them are no sequence
    expect(
      importDrawing('┌───┐   ┌───┐\n│ a ├──▶┤ b │\n└───┘   └───┘\n').model.direction,
    ).toBeUndefined();
  });

  it('reads a note of two centred lines over a line between boxes side by side', () => {
    const text = [
      '                both ways',
      '┌──────────┐    dashed    ┌──────────┐',
      '│  Engine  ├◀┄┄┄┄┄┄┄┄┄┄┄┄▶┤  Server  │',
      '└──────────┘              └──────────┘',
    ].join('\n');
    const { model } = importDrawing(text);
    expect(model.connections).toEqual([
      expect.objectContaining({ from: 'engine', to: 'server', note: 'both ways\ndashed' }),
    ]);
  });

  it('lines up a row an arrow drew a cell short, and a row a wide label pushed a cell long', () => {
    // the arrow is a cell short: the box on the right starts a column early on its row only
    const short = importDrawing(
      [
        '┌───────┐    ┌───────┐',
        '│  Web  │◄──►│  API  │',
        '│       │    │       │',
        '└───────┘    └───────┘',
      ]
        .join('\n')
        .replace('◄──►│', '◄─►│'),
    );
    expect(short.model.nodes.map((n) => n.label)).toEqual(['Web', 'API']);
    expect(pairs(short.model)).toEqual(['web→api both']);
    expect(short.warnings.map((w) => `${w.line}:${w.column} ${w.code}`)).toEqual([
      '2:11 import/realigned',
    ]);
    // a label of wide characters padded as if each took one column: everything after it on
    // its row stands a column right
    const long = importDrawing(
      ['┌────────┐   ┌───────┐', '│  缓存   │──►│  API  │', '└────────┘   └───────┘'].join('\n'),
    );
    expect(long.model.nodes.map((n) => n.label)).toEqual(['缓存', 'API']);
    expect(pairs(long.model)).toEqual(['缓存→api']);
    expect(long.warnings.map((w) => w.code)).toEqual(['import/realigned']);
    // a box redrawn a cell to the right from its third row on, its bottom corner too (after a
    // lab's network topology in a README)
    const slipped = importDrawing(
      [
        '┌──────┐                  ┌──────┐',
        '│  VM1 │◄── host-only ───►│  VM2 │',
        '│      │                   │      │',
        '└──────┘                   └──────┘',
      ].join('\n'),
    );
    expect(slipped.model.nodes.map((n) => n.label)).toEqual(['VM1', 'VM2']);
    expect(pairs(slipped.model)).toEqual(['vm1→vm2 both']);
    expect(slipped.warnings.map((w) => `${w.line}:${w.column} ${w.code}`)).toEqual([
      '3:28 import/realigned',
      '4:28 import/realigned',
    ]);
    // a label a column too long for its box: the blank between its words is the label's own,
    // kept as written (the box is reported ragged instead of the text losing a space)
    const tight = importDrawing(
      ['┏━━━━━━━━━┓', '┃         ┃', '┃web server┃', '┗━━━━━━━━━┛'].join('\n'),
    );
    expect(tight.model.nodes.map((n) => n.label)).toEqual(['web server']);
  });

  it('guesses a kind from the name on the first line before the lines under it', () => {
    const { model } = importDrawing(
      [
        '┌──────────────────────────┐  ┌──────────────┐  ┌──────────────┐',
        '│  HarmonyOS App (liyang)  │  │  App Server  │  │  Mobile App  │',
        '│  本地DB: 离线缓存        │  │              │  │              │',
        '└──────────────────────────┘  └──────────────┘  └──────────────┘',
      ].join('\n'),
    );
    expect(model.nodes.map((n) => n.kind)).toEqual(['client', 'daemon', 'client']);
    // a list under the name says what the box does, a numbered step is a sentence: no kind
    const listed = importDrawing(
      [
        '┌───────────────────────┐  ┌──────────────────────────────┐',
        '│  ReplicationManager   │  │ 2. Query run on the database │',
        '│  - Manages the queue  │  └──────────────────────────────┘',
        '└───────────────────────┘',
      ].join('\n'),
    );
    expect(listed.model.nodes.map((n) => n.kind ?? 'box')).toEqual(['box', 'box']);
  });

  it('reports what it cannot place, with its line and column, and keeps the text', () => {
    const text = ['┌─────┐', '│  a  │', '└─────┘', '', 'stray words here', '─────────'].join('\n');
    const { model, warnings } = importDrawing(text, { firstLine: 10 });
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'import/free-text', line: 14, column: 1 }),
      expect.objectContaining({ code: 'import/stray-line', line: 15, column: 1 }),
    ]);
    expect(model.annotations).toEqual([{ text: 'stray words here' }]);
  });

  it('stays bounded on hostile input: random box characters, tabs, bidi controls', () => {
    const chars = '┌┐└┘─│├┤┬┴┼╔╗╚╝═║▶▼◀▲+-|v<> a\t\u202e';
    let seedValue = 7;
    const random = () => {
      seedValue = (seedValue * 1103515245 + 12345) % 2147483648;
      return seedValue / 2147483648;
    };
    let text = '';
    for (let i = 0; i < 200_000; i++) {
      text += i % 500 === 499 ? '\n' : chars[Math.floor(random() * chars.length)];
    }
    const { warnings, model } = importDrawing(text);
    expect(warnings.length).toBeLessThanOrEqual(101);
    expect(warnings.at(-1)?.code).toBe('import/more');
    expect(checkDiagram(model).diagnostics).toEqual([]);
    expect(importDrawing('x'.repeat(10), { maxCells: 5 }).warnings[0]?.code).toBe(
      'import/too-large',
    );
    // a line of 200,000 dashes with no arrowhead, and half-arrows: read in one pass (a
    // backtracking pattern took minutes on a line this long), nothing made of them
    expect(importDrawing('-'.repeat(200_000)).model.nodes).toEqual([]);
    expect(importDrawing('<'.padEnd(200_000, '-') + 'x').model.nodes).toEqual([]);
    // hundreds of names over bars, every other row a line of dashes across them all: not a
    // sequence to search for ever, and a name row longer than a label is cut, with a warning
    const names = Array.from({ length: 300 }, (_, i) => `P${i}`).join('  ');
    const bars = names.replace(/P\d+/g, (m) => `|${' '.repeat(m.length - 1)}`);
    const rows = [names];
    for (let i = 0; i < 200; i++) rows.push(i % 2 === 0 ? bars : bars.replace(/ /g, '-'));
    const wide = importDrawing(rows.join('\n'));
    expect(checkDiagram(wide.model).diagnostics).toEqual([]);
    expect(wide.warnings.some((w) => w.code === 'import/long-text')).toBe(true);
  });
});

describe('splitArrows', () => {
  it('cuts a line at its arrows, labels written into them included', () => {
    expect(splitArrows('[A] --TCP--> B -> C => D → E <--> F')).toEqual([
      '[A] ',
      '--TCP-->',
      ' B ',
      '->',
      ' C ',
      '=>',
      ' D ',
      '→',
      ' E ',
      '<-->',
      ' F',
    ]);
    expect(splitArrows('no arrows - here > there')).toEqual(['no arrows - here > there']);
  });
});

describe('findArtBlocks', () => {
  it('finds fenced blocks of box art with their lines, and skips code and diagrama models', () => {
    const markdown = [
      '# Notes',
      '```',
      '┌───┐',
      '│ a │',
      '└───┘',
      '```',
      '```js',
      'const a = 1;',
      '```',
      '~~~diagrama',
      '┌───┐',
      '~~~',
    ].join('\n');
    expect(findArtBlocks(markdown)).toEqual([
      { text: '┌───┐\n│ a │\n└───┘', firstLine: 3, open: 2, close: 6, info: '', fenced: true },
    ]);
  });

  it('leaves file trees alone: branches and rails are no drawing', () => {
    const tree = ['```', 'app/', '│', '├── cmd/', '│   └── main.go', '└── go.mod', '```'];
    expect(findArtBlocks(tree.join('\n'))).toEqual([]);
    const ascii = ['```', '.', '|-- src', '|   `-- index.ts', '`-- package.json', '```'];
    expect(findArtBlocks(ascii.join('\n'))).toEqual([]);
    // a tree with an arrow, or a box, is a drawing
    const flow = ['```', 'Client', '├── GET ──▶ API', '└── WS  ──▶ Hub', '```'];
    expect(findArtBlocks(flow.join('\n'))).toHaveLength(1);
  });

  it("finds drawings indented by four spaces, with their indent (columns stay the file's)", () => {
    const markdown = [
      '## Architecture', // 1
      '',
      '        +--------+', // 3
      '        | Client |',
      '        +--------+',
      '',
      '            |', // 7: a blank line inside, the run goes on
      '        +--------+',
      '        |  API   |',
      '        +--------+', // 10
      '',
      'Optional:', // 12: a drawing right under a line of text
      '    +----+',
      '    | UI |',
      '    +----+', // 15
      '',
      '- a list',
      '    - nested, not a drawing',
      '',
      '    const code = 1; // indented code, not a drawing',
    ].join('\n');
    const blocks = findArtBlocks(markdown);
    expect(blocks.map((b) => [b.firstLine, b.open, b.close, b.fenced])).toEqual([
      [3, 3, 10, false],
      [13, 13, 15, false],
    ]);
    expect(blocks[0]?.text.split('\n')[0]).toBe('        +--------+');
    // imported, each box where the file has it
    const result = importDrawing(blocks[0]?.text ?? '', { firstLine: blocks[0]?.firstLine ?? 1 });
    expect(result.found).toMatchObject({ boxes: 2, connections: 1 });
  });
});

describe('findCommentBlocks', () => {
  const box = ['┌─────┐', '│  a  ├──▶ b', '└─────┘'];
  it('reads a drawing out of a C comment with a * gutter, every cell at its column in the file', () => {
    const source = ['int x;', '/*', ...box.map((l) => ` *   ${l}`), ' */', 'int y; /* ┌───┐ */'];
    const [block, ...rest] = findCommentBlocks(source.join('\n'));
    expect(rest).toEqual([]);
    expect(block?.firstLine).toBe(3);
    expect(block?.text.split('\n')).toEqual(box.map((l) => `     ${l}`));
    const result = importDrawing(block?.text ?? '', { firstLine: block?.firstLine ?? 1 });
    expect(result.found).toMatchObject({ boxes: 1, connections: 1, notes: 1 });
  });

  it('reads runs of line comments, one mark to a run, and leaves directives and shebangs', () => {
    const source = [
      '#!/bin/sh',
      '#include <x.h>',
      ...box.map((l) => `    // ${l}`),
      'code();',
      ...box.map((l) => `-- ${l}`),
      ...box.map((l) => `# ${l}`),
    ].join('\n');
    const blocks = findCommentBlocks(source);
    expect(blocks.map((b) => b.firstLine)).toEqual([3, 7, 10]);
    expect(blocks[0]?.text.split('\n')[0]).toBe(`       ${box[0]}`);
    expect(blocks[2]?.text.split('\n')[1]).toBe(`  ${box[1]}`);
    // a heading ruled with line characters is no drawing
    expect(findCommentBlocks('# ─── VPC ──────────\nresource "x" {}\n')).toEqual([]);
    // a drawing and a sentence in one run of comments are one drawing, as in the file
    expect(findCommentBlocks(['// see:', ...box.map((l) => `// ${l}`)].join('\n'))).toHaveLength(1);
  });

  it('tells Markdown, code and a plain drawing apart, and a drawing copied out of a comment', () => {
    const drawing = box.join('\n');
    expect(findDrawings(drawing, 'notes.txt')).toEqual({
      from: 'text',
      drawings: [{ text: drawing, firstLine: 1 }],
    });
    expect(findDrawings(`# A\n\n\`\`\`\n${drawing}\n\`\`\`\n`, '').from).toBe('markdown');
    expect(findDrawings(`fn main() {}\n${drawing}`, 'main.rs')).toEqual({
      from: 'code',
      drawings: [],
    });
    const piped = findDrawings(box.map((l) => `// ${l}`).join('\n'));
    expect(piped.from).toBe('code');
    expect(piped.drawings[0]?.text.split('\n')[1]).toBe(`   ${box[1]}`);
    // a line of text outside the comment: the whole is a drawing, marks and all
    expect(findDrawings(`text\n${box.map((l) => `// ${l}`).join('\n')}`).from).toBe('text');
  });
});

describe('writeModel', () => {
  it('writes YAML a person would, quoting only what needs it, and JSON and TypeScript', () => {
    const model: DiagramInput = {
      nodes: [
        { kind: 'api', label: 'Rest API' },
        { kind: 'box', label: 'true' },
        { kind: 'box', label: 'a: b' },
        { kind: 'box', label: 'two\nlines' },
        { kind: 'box', label: 'zero\u200bwidth 👩\u200d💻' },
      ],
      connections: [{ from: 'rest-api', to: 'true' }],
    };
    expect(writeModel(model, 'yaml', ['from a.md'])).toBe(
      [
        '# from a.md',
        'nodes:',
        '  - { kind: api, label: Rest API }',
        '  - { kind: box, label: "true" }',
        '  - { kind: box, label: "a: b" }',
        '  - { kind: box, label: "two\\nlines" }',
        '  - { kind: box, label: "zero\\u200bwidth 👩\u200d💻" }',
        'connections:',
        '  - { from: rest-api, to: "true" }',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(writeModel(model, 'json'))).toEqual(model);
    expect(writeModel(model, 'ts')).toMatch(
      /^import \{ diagram \} from '@diagrama\/core';\n\nexport default diagram\(\{/,
    );
  });
});
