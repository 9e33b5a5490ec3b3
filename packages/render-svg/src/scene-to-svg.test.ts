import { modelToScene, parseDiagram } from '@diagrama/core';
import { describe, expect, it } from 'vitest';
import { sceneToSvg } from './index.js';
import { encodeId, safeText } from './scene-to-svg.js';

const scene = (label: string, note = 'talks to') =>
  modelToScene(
    parseDiagram({
      nodes: [
        {
          kind: 'host',
          id: 'pc',
          label: 'PC',
          children: [
            { kind: 'client', id: 'cli', label },
            { kind: 'api', id: 'api', label: 'Rest API' },
          ],
        },
      ],
      connections: [{ from: 'cli', to: 'api', note, direction: 'forward', style: 'dashed' }],
    }),
  );

describe('sceneToSvg', () => {
  it('gives the same bytes every time, with ids derived from the model', () => {
    const a = sceneToSvg(scene('Cliente'));
    expect(sceneToSvg(scene('Cliente'))).toBe(a);
    expect(a).toMatch(/id="diagrama-[0-9a-f]{8}-cli"/);
    expect(a).not.toMatch(/svgjs|SvgjsRect|data-svgjs/i);
    expect(sceneToSvg(scene('Cliente'), { idPrefix: 'x' })).toContain('id="x-cli"');
  });

  it('is accessible: role, title, desc and aria-labelledby', () => {
    const svg = sceneToSvg(scene('Cliente'), { idPrefix: 'd' });
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="d-title d-desc"/);
    expect(svg).toContain('<title id="d-title">PC</title>');
    expect(svg).toContain(
      '<desc id="d-desc">The host “PC” contains the client “Cliente” and the API “Rest API”.\n“Cliente” talks to “Rest API”: talks to.</desc>',
    );
  });

  it.each(['light', 'dark', 'auto'] as const)(
    'draws the %s theme with one style element',
    (theme) => {
      const svg = sceneToSvg(scene('Cliente'), { theme, idPrefix: 'd' });
      expect(svg.match(/<style>/g)).toHaveLength(1);
      expect(svg.includes('prefers-color-scheme')).toBe(theme === 'auto');
      expect(svg).toContain(theme === 'dark' ? '#0d1117' : '#ffffff');
    },
  );

  it('draws arrowheads, dashed lines and kind glyphs as paths', () => {
    const svg = sceneToSvg(scene('Cliente'), { idPrefix: 'd' });
    expect(svg).toContain('class="d-arrow"');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('class="d-glyph d-glyph-client"');
  });

  it('draws a heavy line thick and a double line as two thin ones, the page between', () => {
    const model = (style: 'heavy' | 'double') =>
      modelToScene(
        parseDiagram({
          nodes: [
            { id: 'a', label: 'Branch' },
            { id: 'b', label: 'HQ' },
          ],
          connections: [{ from: 'a', to: 'b', style }],
        }),
      );
    expect(sceneToSvg(model('heavy'), { idPrefix: 'h' })).toContain('class="d-line d-line-heavy"');
    const svg = sceneToSvg(model('double'), { idPrefix: 'd' });
    // a wide stroke masked by a narrow one over the whole drawing
    expect(svg).toMatch(/<mask id="d-a-_3e_b\.gap" maskUnits="userSpaceOnUse" x="-9" y="-9"/);
    expect(svg).toContain(
      'class="d-line d-line-double" id="d-a-_3e_b.line" mask="url(#d-a-_3e_b.gap)"',
    );
    expect(svg).toContain('.d-line-double{stroke-width:4.5}');
  });

  /** Every horizontal or vertical pixel step the lines cover, with how often. */
  const coverage = (svg: string): Map<string, number> => {
    const covered = new Map<string, number>();
    for (const [, d] of svg.matchAll(/<path d="([^"]*)" class="d-line"/g)) {
      for (const run of (d as string).split('M').filter(Boolean)) {
        const points = run.split('L').map((p) => p.split(' ').map(Number) as [number, number]);
        for (let k = 1; k < points.length; k++) {
          const [x1, y1] = points[k - 1] as [number, number];
          const [x2, y2] = points[k] as [number, number];
          const steps = Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1));
          for (let i = 0; i < steps; i++) {
            const x = x1 + Math.sign(x2 - x1) * (i + 0.5);
            const y = y1 + Math.sign(y2 - y1) * (i + 0.5);
            covered.set(`${x},${y}`, (covered.get(`${x},${y}`) ?? 0) + 1);
          }
        }
      }
    }
    return covered;
  };

  it('draws a shared trunk once, so it is no heavier than a single line', () => {
    const svg = sceneToSvg(
      modelToScene(
        parseDiagram({
          nodes: [{ id: 'hub', label: 'Hub' }, { label: 'a' }, { label: 'b' }, { label: 'c' }],
          connections: [
            { from: 'hub', to: 'a' },
            { from: 'hub', to: 'b' },
            { from: 'hub', to: 'c' },
          ],
        }),
      ),
    );
    const covered = coverage(svg);
    expect(covered.size).toBeGreaterThan(50);
    expect([...covered.values()].filter((n) => n > 1)).toEqual([]);
    // three arrowheads, one per target
    expect(svg.match(/class="d-arrow"/g)).toHaveLength(3);
  });

  it('draws the last step of a fan-in into its arrowhead once', () => {
    const svg = sceneToSvg(
      modelToScene(
        parseDiagram({
          nodes: [{ label: 'a' }, { label: 'b' }, { label: 'c' }, { id: 'hub', label: 'Hub' }],
          connections: ['a', 'b', 'c'].map((from) => ({ from, to: 'hub' })),
        }),
      ),
    );
    expect([...coverage(svg).values()].filter((n) => n > 1)).toEqual([]);
  });

  it('takes a line down to text drawn without a border, its arrowhead on the text row', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'a', label: 'Agent' },
          { id: 'b', label: 'Board', border: 'none' },
        ],
        connections: [{ from: 'a', to: 'b' }],
      }),
    );
    const svg = sceneToSvg(scene);
    const b = scene.boxes.find((box) => box.id === 'b') as { y: number };
    const label = scene.texts.find((t) => t.owner === 'b') as { y: number };
    expect(label.y).toBe(b.y + 1);
    // cells of 9 × 18 px by default: the tip at the top of the text's row
    const arrow = /<path d="M([\d.]+) ([\d.]+)L[^"]*" class="d-arrow"/.exec(svg);
    expect(arrow).not.toBeNull();
    expect(Number(arrow?.[2])).toBe(label.y * 18);
  });

  it('keeps hostile labels inert text', () => {
    const hostile = '<script>alert(1)</script> " \' ]]> javascript:alert(1) <foreignObject/>';
    const svg = sceneToSvg(scene(hostile, '<img src=x onerror=alert(1)>'), { idPrefix: 'd' });
    const tags = svg.match(/<[^>]*>/g) ?? [];
    for (const tag of tags)
      expect(tag).not.toMatch(/script|foreignObject|<img|onerror|href|url\(|javascript:/i);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain(']]&gt;');
  });

  it('escapes characters XML cannot hold', () => {
    expect(safeText('a\u0000b\u001bc\ud800')).toBe('a\\u{0}b\\u{1b}c\\u{d800}');
    expect(safeText('👩‍💻 ok')).toBe('👩‍💻 ok');
  });

  it('encodes ids injectively', () => {
    expect(encodeId('a:b')).toBe('a_3a_b');
    expect(encodeId('a_3a_b')).toBe('a_5f_3a_5f_b');
    expect(encodeId('客')).toBe('_5ba2_');
  });

  it('draws the kinds in their shapes and each border style', () => {
    const svg = sceneToSvg(
      modelToScene(
        parseDiagram({
          direction: 'right',
          nodes: [
            { kind: 'database', id: 'db', label: 'Orders' },
            { kind: 'queue', id: 'q', label: 'Jobs' },
            { kind: 'user', id: 'u', label: 'Ana' },
            { kind: 'api', id: 'd', label: 'API', border: 'double' },
            { kind: 'box', id: 'h', label: 'x', border: 'heavy' },
            { kind: 'external', id: 'e', label: 'Stripe' },
          ],
        }),
      ),
      { idPrefix: 'k' },
    );
    // a cylinder and a pipe are paths with arcs, not rectangles
    expect(svg).toMatch(/<path d="M[^"]*A[^"]*" id="k-db" class="d-database"/);
    expect(svg).toMatch(/<path d="M[^"]*A[^"]*" id="k-q" class="d-queue"/);
    // a person: a head and shoulders over the label
    expect(svg).toMatch(/<circle [^>]*class="d-user d-face"/);
    // double: a second outline inside the first; heavy and dashed by class
    expect(svg).toMatch(/id="k-d" class="d-api"[^>]*>.*?class="d-api d-face"/s);
    expect(svg).toContain('id="k-h" class="d-box d-heavy"');
    expect(svg).toContain('id="k-e" class="d-external d-dashed"');
    // only the kinds drawn get style rules
    expect(svg).toContain('.d-database{fill:');
    expect(svg).not.toContain('.d-daemon{fill:');
  });

  it('shows the page through a border behind a title written into it, just around the glyphs', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          {
            kind: 'group',
            id: 'g',
            label: 'Trust boundary',
            border: 'dashed',
            children: [{ kind: 'box', id: 'a', label: 'a' }],
          },
        ],
      }),
    );
    // a proportional title is narrower than its cells: a halo in the page's colour clears the
    // border around the glyphs, so the border runs on right after the title
    const svg = sceneToSvg(scene, { idPrefix: 'g' });
    expect(svg).toMatch(/<text id="g-g_3a_title_3a_0\.text"[^>]*class="d-title d-halo d-on-page"/);
    expect(svg).not.toMatch(/<rect [^>]*class="d-bg"><\/rect><text id="g-g_3a_title/);
    expect(svg).toContain('class="d-group d-dashed"');
    // in monospace every glyph fills its cell: the gap in cells is exact
    const mono = sceneToSvg(scene, { idPrefix: 'g', font: 'mono' });
    expect(mono).toMatch(/<rect [^>]*class="d-bg"><\/rect><text id="g-g_3a_title_3a_0\.text"/);
  });

  it('clears a border inside a host around a proportional title, so the border runs on after it', () => {
    const nested = modelToScene(
      parseDiagram({
        nodes: [
          {
            id: 'vpc',
            label: 'VPC',
            children: [
              { id: 's', label: 'Private Subnet', titleAt: 'border', children: [{ label: 'EC2' }] },
            ],
          },
        ],
      }),
    );
    const title = /<text id="n-s_3a_title_3a_0\.text"[^>]*class="d-title d-halo"/;
    const sans = sceneToSvg(nested, { idPrefix: 'n' });
    expect(sans).toMatch(title);
    expect(sans).not.toContain('class="d-knock"');
    expect(sans).toMatch(/\.d-halo\{paint-order:stroke;stroke-width:9px/);
    // in monospace every glyph fills its cell: the gap in cells is exact
    const mono = sceneToSvg(nested, { idPrefix: 'n', font: 'mono' });
    expect(mono).not.toMatch(title);
    expect(mono).toMatch(/<rect [^>]*class="d-knock"><\/rect><text id="n-s_3a_title_3a_0\.text"/);
  });

  it('puts labels where their alignment says unless asked for hand-drawn offsets', () => {
    const nudged = modelToScene(
      parseDiagram({
        nodes: [{ kind: 'api', id: 'a', label: 'API', hints: { width: 21, labelOffset: 4 } }],
      }),
    );
    const label = nudged.texts.find((t) => t.id === 'a:label:0');
    expect(label?.nudge).toBe(4);
    const box = nudged.boxes[0] as { x: number; width: number };
    const centre = ((box.x + box.width / 2) * 9).toFixed(1).replace(/\.0$/, '');
    expect(sceneToSvg(nudged, { idPrefix: 'n' })).toMatch(
      new RegExp(`id="n-a_3a_label_3a_0\\.text" x="${centre}"`),
    );
    expect(sceneToSvg(nudged, { idPrefix: 'n', labelOffsets: true })).not.toMatch(
      new RegExp(`id="n-a_3a_label_3a_0\\.text" x="${centre}"`),
    );
  });

  it('centres every line of a label on its box, whatever the parity of its width', () => {
    const two = modelToScene(
      parseDiagram({ nodes: [{ kind: 'box', id: 'r', label: 'Reporter\n\nEmit\nEvent' }] }),
    );
    const xs = (svg: string) =>
      [...svg.matchAll(/id="p-r_3a_label_3a_\d\.text" x="([\d.]+)"/g)].map((m) => m[1]);
    const box = two.boxes[0] as { x: number; width: number };
    const centre = ((box.x + box.width / 2) * 9).toFixed(1).replace(/\.0$/, '');
    expect(xs(sceneToSvg(two, { idPrefix: 'p' }))).toEqual([centre, centre, centre]);
    // on the cell grid, each line keeps the cells the text rendering gave it
    expect(new Set(xs(sceneToSvg(two, { idPrefix: 'p', font: 'mono' }))).size).toBe(2);
  });

  it('sets text in a proportional face by default and in monospace when asked', () => {
    expect(sceneToSvg(scene('x'))).toContain('font-family:system-ui');
    expect(sceneToSvg(scene('x'), { font: 'mono' })).toContain('font-family:ui-monospace');
  });

  it('keeps a label set in columns with runs of spaces in monospace, so its columns line up', () => {
    // a cluster drawn by hand lists its tools with their roles lined up in a column
    const listed = modelToScene(
      parseDiagram({
        nodes: [
          {
            kind: 'box',
            id: 'k8s',
            label:
              'Kubernetes cluster\n---\nGrafana     (dashboards)\nLoki        (logs)\nAlertmanager',
          },
          { kind: 'box', id: 'pg', label: 'postgres-01' },
        ],
      }),
    );
    const svg = sceneToSvg(listed, { idPrefix: 'c' });
    expect(svg).toContain('.d-cols{font-family:ui-monospace');
    const classOf = (part: string) =>
      svg.match(new RegExp(`id="c-${part}\\.text"[^>]*class="([^"]+)"`))?.[1];
    // every left-aligned line of the box, the one without a run of spaces too
    expect(classOf('k8s_3a_label_3a_2')).toContain('d-cols');
    expect(classOf('k8s_3a_label_3a_4')).toContain('d-cols');
    // the centred heading and other boxes keep the default face
    expect(classOf('k8s_3a_label_3a_0')).not.toContain('d-cols');
    expect(classOf('pg_3a_label_3a_0')).not.toContain('d-cols');
    // in monospace everything already lines up
    expect(sceneToSvg(listed, { font: 'mono' })).not.toContain('d-cols"');
  });

  it('anchors a note left of its line at its end, by the line', () => {
    const left = modelToScene(
      parseDiagram({
        nodes: [
          { kind: 'box', id: 'a', label: 'a' },
          { kind: 'box', id: 'b', label: 'b' },
        ],
        connections: [{ from: 'a', to: 'b', note: 'note', hints: { noteSide: 'left' } }],
      }),
    );
    expect(sceneToSvg(left, { idPrefix: 'l' })).toMatch(
      /id="l-a-_3e_b_3a_note_3a_0\.text" x="[\d.]+" y="[\d.]+" text-anchor="end"/,
    );
  });

  it("keeps a host's pictogram unless its own title starts where it would go", () => {
    const svg = sceneToSvg(
      modelToScene(
        parseDiagram({
          direction: 'right',
          nodes: [
            {
              kind: 'host',
              id: 'h1',
              label: 'Containers',
              children: [{ kind: 'box', label: 'web server' }],
            },
            {
              kind: 'host',
              id: 'h2',
              label: 'Images',
              children: [{ kind: 'box', label: 'nginx' }],
            },
          ],
        }),
      ),
    );
    expect(svg.match(/d-glyph d-glyph-host/g)).toHaveLength(2);
  });

  it('never gives two elements one id: a node named a->b and the line a → b', () => {
    const svg = sceneToSvg(
      modelToScene(
        parseDiagram({
          direction: 'right',
          nodes: [
            { kind: 'box', id: 'a', label: 'a' },
            { kind: 'box', id: 'b', label: 'b' },
            { kind: 'box', id: 'a->b', label: 'a:label:0' },
          ],
          connections: [{ from: 'a', to: 'b' }],
        }),
      ),
    );
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('scales the cell layout by the cell size', () => {
    const svg = sceneToSvg(scene('Cliente'), { idPrefix: 'd', cellWidth: 10, cellHeight: 20 });
    const s = scene('Cliente');
    expect(svg).toContain(`width="${s.width * 10 + 20}" height="${s.height * 20 + 20}"`);
  });
});

describe('the browser entry writes what svgdom writes', () => {
  it('escapes quotes in text and keeps the no-break space, past attributes holding ">"', async () => {
    const { asSvgdomWrites } = await import('./browser.js');
    expect(asSvgdomWrites('<text a="x > y">say "hi"&nbsp;now</text>')).toBe(
      '<text a="x > y">say &quot;hi&quot;\u00a0now</text>',
    );
  });
});
