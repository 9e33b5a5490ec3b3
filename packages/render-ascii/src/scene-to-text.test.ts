import {
  type LineStyle,
  modelToScene,
  parseDiagram,
  type Scene,
  type SceneBox,
} from '@diagrama/core';
import { describe, expect, it } from 'vitest';
import { CHARSET_NAMES, CHARSETS } from './charsets.js';
import { sceneToText } from './scene-to-text.js';

const scene = (join: boolean, style: LineStyle = 'solid'): Scene => ({
  version: 1,
  width: 12,
  height: 9,
  title: 't',
  description: 'd',
  boxes: [
    { id: 'a', kind: 'api', x: 0, y: 0, width: 7, height: 3, depth: 0 },
    { id: 'b', kind: 'api', x: 0, y: 6, width: 7, height: 3, depth: 0 },
  ],
  dividers: [],
  connectors: [
    {
      id: 'a->b',
      from: 'a',
      to: 'b',
      points: [
        { x: 3, y: 2 },
        { x: 3, y: 6 },
      ],
      style,
      arrowStart: false,
      arrowEnd: true,
      join,
    },
  ],
  texts: [
    {
      id: 'a:label:0',
      owner: 'a',
      role: 'label',
      x: 2,
      y: 1,
      width: 3,
      text: 'API',
      align: 'center',
    },
    {
      id: 'b:label:0',
      owner: 'b',
      role: 'label',
      x: 2,
      y: 7,
      width: 2,
      text: '客',
      align: 'center',
    },
    { id: 'n', owner: 'a->b', role: 'note', x: 5, y: 4, width: 4, text: 'note', align: 'left' },
  ],
});

describe('sceneToText', () => {
  it('joins connectors to borders and draws arrowheads', () => {
    expect(sceneToText(scene(true))).toBe(
      [
        '╔═════╗',
        '║ API ║',
        '╚══╦══╝',
        '   ║',
        '   ║ note',
        '   ▼',
        '╔══╩══╗',
        '║ 客  ║',
        '╚═════╝',
        '',
      ].join('\n'),
    );
  });

  it('stops detached connectors short of the borders', () => {
    const lines = sceneToText(scene(false)).split('\n');
    expect(lines[2]).toBe('╚═════╝');
    expect(lines[3]).toBe('   ║');
    expect(lines[6]).toBe('╔═════╗');
  });

  it('draws dashed connectors with light dashes and the right junction', () => {
    const lines = sceneToText(scene(true, 'dashed')).split('\n');
    expect(lines[2]).toBe('╚══╤══╝');
    expect(lines[3]).toBe('   ┆');
    expect(sceneToText(scene(true, 'dashed'), { charset: 'ascii' }).split('\n')[3]).toBe('   :');
  });

  it('draws heavy and double lines so in every charset, joined to light borders', () => {
    const heavy = sceneToText(scene(true, 'heavy'), { charset: 'single' }).split('\n');
    expect(heavy.slice(2, 7)).toEqual(['└──┰──┘', '   ┃', '   ┃ note', '   ▼', '┌──┸──┐']);
    const double = sceneToText(scene(true, 'double'), { charset: 'single' }).split('\n');
    expect(double.slice(2, 7)).toEqual(['└──╥──┘', '   ║', '   ║ note', '   ▼', '┌──╨──┐']);
    // ascii has one strong stroke: `=` across, `|` down
    const flat: Scene = {
      ...scene(true, 'double'),
      connectors: [
        {
          ...(scene(true).connectors[0] as Scene['connectors'][number]),
          points: [
            { x: 7, y: 1 },
            { x: 11, y: 1 },
          ],
          style: 'double',
        },
      ],
    };
    expect(sceneToText(flat, { charset: 'ascii' }).split('\n')[1]).toContain('===>');
  });

  it('draws every charset with the same geometry and no trailing spaces', () => {
    const widths = (text: string) => text.split('\n').map((line) => [...line].length);
    const reference = widths(sceneToText(scene(true), { charset: 'single' }));
    for (const name of CHARSET_NAMES) {
      const text = sceneToText(scene(true), { charset: name });
      expect(widths(text)).toEqual(reference);
      for (const line of text.split('\n')) expect(line).toBe(line.trimEnd());
    }
    expect(sceneToText(scene(true), { charset: 'rounded' }).startsWith('╭─────╮')).toBe(true);
    expect(sceneToText(scene(true), { charset: 'ascii' })).toMatch(
      /^\+-----\+\n\| API \|\n\+--\+--\+/,
    );
    expect(sceneToText(scene(true), { charset: CHARSETS.heavy })).toContain('┗━━┳━━┛');
  });

  it('draws each box in its own border style over the charset', () => {
    const styled: Scene = {
      version: 1,
      width: 40,
      height: 3,
      title: 't',
      description: 'd',
      boxes: (['single', 'double', 'heavy', 'rounded', 'dashed'] as const).map((border, i) => ({
        id: border,
        kind: 'box' as const,
        x: i * 8,
        y: 0,
        width: 7,
        height: 3,
        depth: 0,
        border,
      })),
      dividers: [],
      connectors: [],
      texts: [],
    };
    expect(sceneToText(styled, { charset: 'single' }).split('\n')[0]).toBe(
      '┌─────┐ ╔═════╗ ┏━━━━━┓ ╭─────╮ ┌┄┄┄┄┄┐',
    );
    expect(sceneToText(styled, { charset: 'double' }).split('\n')[1]).toBe(
      '│     │ ║     ║ ┃     ┃ │     │ ┆     ┆',
    );
    expect(sceneToText(styled, { charset: 'ascii' }).split('\n')[0]).toBe(
      '+-----+ +=====+ +=====+ +-----+ +-----+',
    );
    const hidden = {
      ...styled,
      boxes: [{ ...(styled.boxes[0] as SceneBox), border: 'none' as const }],
    };
    // nothing is drawn, and the picture keeps no blank rows
    expect(sceneToText(hidden)).toBe('\n');
  });

  it('starts and ends with what is drawn: no blank row for a borderless box at an edge', () => {
    const scene = modelToScene(
      parseDiagram({
        nodes: [
          { id: 'users', label: 'users', border: 'none' },
          { id: 'a', label: 'Service' },
          { id: 't', label: 'logs to stdout', border: 'none' },
        ],
        connections: [
          { from: 'users', to: 'a' },
          { from: 'a', to: 't' },
        ],
      }),
    );
    const lines = sceneToText(scene).split('\n');
    expect(lines[0]?.trim()).toBe('users');
    expect(lines.at(-2)?.trim()).toBe('logs to stdout');
    expect(lines.at(-1)).toBe('');
  });

  it('takes a line down to text drawn without a border, its arrowhead right over the text', () => {
    const base = scene(true);
    const bare = {
      ...base,
      boxes: [
        base.boxes[0] as SceneBox,
        { ...(base.boxes[1] as SceneBox), border: 'none' as const },
      ],
    };
    const rows = sceneToText(bare).split('\n');
    expect(rows.slice(3, 8)).toEqual(['   ║', '   ║ note', '   ║', '   ▼', '  客']);
    expect(sceneToText(bare, { charset: 'ascii' }).split('\n')[6]).toBe('   v');
  });

  it('cuts a title out of the border it is written into', () => {
    const titled: Scene = {
      version: 1,
      width: 16,
      height: 3,
      title: 't',
      description: 'd',
      boxes: [{ id: 'h', kind: 'host', x: 0, y: 0, width: 16, height: 3, depth: 0 }],
      dividers: [],
      connectors: [],
      texts: [
        {
          id: 'h:title:0',
          owner: 'h',
          role: 'title',
          x: 3,
          y: 0,
          width: 4,
          text: 'Host',
          align: 'left',
          cut: true,
        },
      ],
    };
    expect(sceneToText(titled, { charset: 'single' }).split('\n')[0]).toBe('┌─ Host ───────┐');
  });

  it('draws the kinds: a database lid, a queue end, a user figure', () => {
    const kinds: Scene = {
      version: 1,
      width: 30,
      height: 6,
      title: 't',
      description: 'd',
      boxes: [
        {
          id: 'db',
          kind: 'database',
          x: 0,
          y: 0,
          width: 8,
          height: 4,
          depth: 0,
          border: 'rounded',
        },
        { id: 'q', kind: 'queue', x: 10, y: 0, width: 8, height: 3, depth: 0 },
        { id: 'u', kind: 'user', x: 20, y: 0, width: 7, height: 6, depth: 0 },
      ],
      dividers: [],
      connectors: [],
      texts: [],
    };
    const lines = sceneToText(kinds, { charset: 'single' }).split('\n');
    expect(lines[0]).toBe('╭──────╮  ┌────┬─┐  ┌─────┐');
    expect(lines[1]).toBe('├──────┤  │    │ │  │  o  │');
    expect(lines[2]).toBe('│      │  └────┴─┘  │ /|\\ │');
    expect(lines[3]).toBe('╰──────╯            │     │');
  });

  it('is pure: the same scene gives the same bytes', () => {
    expect(sceneToText(scene(true))).toBe(sceneToText(JSON.parse(JSON.stringify(scene(true)))));
  });
});
