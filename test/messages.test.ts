import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aKind, count, DiagramaError, modelToScene, parseDiagram } from '@diagrama/core';
import { describe, expect, it } from 'vitest';

// #14: "the note is 1 columns wide but the connector has only 2" was wrong and ungrammatical.
// Every message that builds a number into a sentence goes through `count`, and this test reads
// the sources to keep it so.

const repo = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

/** A number interpolated straight before a plural noun: `${n} columns`. */
const BARE_PLURAL =
  /\$\{[^}]+\} (columns|rows|cells|bytes|lines|nodes|connections|graphemes|levels|layers|code points|characters|problems)\b/;

/** The source lines of packages and apps that match `pattern`, as `file:line: text`. */
function linesMatching(pattern: RegExp): string[] {
  const found: string[] = [];
  for (const root of ['packages', 'apps']) {
    for (const file of sources(join(repo, root))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (pattern.test(line))
            found.push(`${relative(repo, file)}:${index + 1}: ${line.trim()}`);
        });
    }
  }
  return found;
}

describe('messages', () => {
  it('never put a bare number before a plural noun', () => {
    expect(linesMatching(BARE_PLURAL)).toEqual([]);
  });

  it('never put "a" before a kind that needs "an"', () => {
    // a kind interpolated after a bare article: `a ${kind}` says "a api"
    expect(linesMatching(/\ba \$\{(kind|[a-z.]*[kK]ind)\}/)).toEqual([]);
    expect([aKind('api'), aKind('external'), aKind('user'), aKind('host')]).toEqual([
      'an api',
      'an external',
      'a user',
      'a host',
    ]);
  });

  it('tells how to name a box over or under it when `caption` is on a box', () => {
    let error: unknown;
    try {
      parseDiagram({ nodes: [{ kind: 'api', label: 'remotemoe', caption: 'tunnels' }] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DiagramaError);
    const [diagnostic] = (error as DiagramaError).diagnostics;
    expect(diagnostic?.message).toBe('`caption` is not allowed on an api');
    expect(diagnostic?.expected).toContain('over a rule');
    expect(diagnostic?.example).toContain('---');
  });

  it('points a caption on a container at `titleAt: below` and an annotation under it', () => {
    let error: unknown;
    try {
      parseDiagram({
        nodes: [
          { kind: 'host', id: 'pi', label: 'Raspberry Pi', caption: 'MQTT Sub', children: [] },
        ],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DiagramaError);
    const [diagnostic] = (error as DiagramaError).diagnostics;
    expect(diagnostic?.expected).toContain('titleAt: below');
    const example = JSON.parse(diagnostic?.example ?? '{}');
    expect(example.annotations[0]).toMatchObject({ node: 'pi', at: 'below' });
  });

  it('count agrees with its number', () => {
    expect(count(1, 'column')).toBe('1 column');
    expect(count(0, 'column')).toBe('0 columns');
    expect(count(2, 'box', 'boxes')).toBe('2 boxes');
  });

  it('says what a side connector needs for its note, in the right number', () => {
    const diagram = parseDiagram({
      direction: 'right',
      nodes: [
        { kind: 'box', label: 'a' },
        { kind: 'box', label: 'b' },
      ],
      connections: [{ from: 'a', to: 'b', note: 'x', hints: { length: 2 } }],
    });
    let error: unknown;
    try {
      modelToScene(diagram);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DiagramaError);
    expect((error as DiagramaError).diagnostics[0]?.message).toBe(
      'the note is 1 column wide and needs a connector of 3 columns (a free column on each side), but this one has 2',
    );
  });
});
