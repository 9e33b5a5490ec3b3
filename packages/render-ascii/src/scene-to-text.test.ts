import type { Scene } from '@diagrama/core';
import { describe, expect, it } from 'vitest';
import { CHARSET_NAMES, CHARSETS } from './charsets.js';
import { sceneToText } from './scene-to-text.js';

const scene = (join: boolean, style: 'solid' | 'dashed' = 'solid'): Scene => ({
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

  it('is pure: the same scene gives the same bytes', () => {
    expect(sceneToText(scene(true))).toBe(sceneToText(JSON.parse(JSON.stringify(scene(true)))));
  });
});
