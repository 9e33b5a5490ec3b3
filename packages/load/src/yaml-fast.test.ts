import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedSource } from './json.js';
import { parseYamlFully } from './yaml.js';
import { readPlainYaml } from './yaml-fast.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** What a parse recorded, comparable: the value and every offset by path. */
function observed(parsed: ParsedSource) {
  const index = parsed.index.offsets();
  return {
    value: parsed.value,
    diagnostics: parsed.diagnostics,
    values: Object.fromEntries([...index.values].sort()),
    keys: Object.fromEntries([...index.keys].sort()),
  };
}

/**
 * The rule: when the reader answers, the full parser gives the same answer, without problems.
 * (Where the full parser finds a problem, such as a key that is not a string, the reader must
 * not answer at all.)
 */
function agrees(text: string): boolean {
  const fast = readPlainYaml(text);
  if (fast === undefined) return false;
  const full = parseYamlFully(text);
  expect(full.diagnostics).toEqual([]);
  expect(observed(fast)).toStrictEqual(observed(full));
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('readPlainYaml', () => {
  it('reads every example model, exactly as the full parser does', () => {
    for (const example of readdirSync(join(repo, 'docs/examples')).filter((n) =>
      n.endsWith('.yaml'),
    )) {
      const text = readFileSync(join(repo, 'docs/examples', example), 'utf8');
      expect(agrees(text), example).toBe(true);
    }
  });

  it('agrees with the full parser on every YAML file in the repository, or steps aside', () => {
    const files = [...yamlFiles(join(repo, 'test')), ...yamlFiles(join(repo, 'packages'))];
    expect(files.length).toBeGreaterThan(20);
    let read = 0;
    for (const file of files) if (agrees(readFileSync(file, 'utf8'))) read++;
    expect(read).toBeGreaterThan(5);
  });

  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!binary aGk=\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a directive', '%YAML 1.1\n---\na: no\n'],
    ['folded scalars', 'a: >\n  x\n  y\n'],
    ['kept scalars', 'a: |+\n  x\n\n'],
    ['multi-line plain scalars', 'a: x\n  y\n'],
    ['flow lines not indented past their block', 'a: [1,\n2]\n'],
    ['plain scalars continued in flow', 'a: [x\n  y]\n'],
    ['empty values', 'a:\nb: 1\n'],
    ['quoted keys', '"a": 1\n'],
    ['unusual numbers', 'a: 0x1F\nb: 1e3\nc: .inf\n'],
    ['tabs', 'a:\t1\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a colon in a value', 'a: b: c\n'],
    ['unicode escapes', 'a: "\\u00e9"\n'],
  ])('steps aside at %s', (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });
});

// ---- a differential property test -------------------------------------------------------

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

const word = fc.constantFrom(
  'Docker',
  'host',
  'Rest API',
  'Cliente (Terminal)',
  'a través',
  '数据库',
  '🐳 whale',
  'x-y',
  'true',
  'no',
  '1',
  '-1',
  '0.5',
  '007',
  '1e3',
  'null',
  '~',
  'a:b',
  'a #b',
  "it's",
  'say "hi"',
  'a, b',
  '[x]',
  '{y}',
  ' lead',
  'trail ',
  '- item',
  '#tag',
  'http://x.y',
  '.hidden',
  '+1',
  'a: b',
  '',
  // every YAML 1.2 core scalar form: null, booleans, integers (octal, hex), floats, infinities
  'Null',
  'NULL',
  'True',
  'FALSE',
  '0o17',
  '0x1F',
  '-0',
  '1.',
  '.5',
  '+.5',
  '1_000',
  '1.5e-3',
  '.inf',
  '-.Inf',
  '+.INF',
  '.NaN',
  '.nan',
  'yes',
  'off',
);
const scalar: fc.Arbitrary<Value> = fc.oneof(
  word,
  fc.integer({ min: -1000, max: 100000 }),
  fc.constantFrom(true, false, null, 1.5, -0.25),
  fc.array(word, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
);
const key = fc.constantFrom(
  'kind',
  'id',
  'label',
  'note',
  'hints',
  'children',
  '$schema',
  'x-y',
  'a',
  // keys that YAML reads as something other than a string: both readers must say so alike
  'true',
  'False',
  'NULL',
  'null',
  '~',
  '1',
  '0x1F',
  '.inf',
  '1e3',
  'yes',
);
const { value: valueArb } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));

interface Style {
  flow: boolean;
  quote: 'plain' | 'single' | 'double';
  literal: boolean;
  comments: boolean;
  indent: number;
}

function scalarText(value: Value, style: Style): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (style.quote === 'single') return `'${value.replaceAll("'", "''")}'`;
  if (style.quote === 'double') return JSON.stringify(value);
  return value;
}

function flowText(value: Value, style: Style): string {
  if (Array.isArray(value)) return `[${value.map((v) => flowText(v, style)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${flowText(v, style)}`)
      .join(', ')} }`;
  }
  return scalarText(value, style);
}

/** YAML for `value` in one of several styles (some outside the reader's subset on purpose). */
function toYaml(value: Value, style: Style, indent = 0): string {
  const pad = ' '.repeat(indent);
  const comment = style.comments ? ' # note' : '';
  const after = (v: Value, inner: number): string => {
    if (Array.isArray(v) || (v !== null && typeof v === 'object')) {
      if (style.flow) return ` ${flowText(v, style)}${comment}\n`;
      const text = toYaml(v, style, inner);
      return text === '' ? ' {}\n' : `${comment}\n${text}`;
    }
    if (typeof v === 'string' && v.includes('\n') && style.literal) {
      return ` |-${comment}\n${v
        .split('\n')
        .map((l) => (l === '' ? '' : `${' '.repeat(inner)}${l}`))
        .join('\n')}\n`;
    }
    return ` ${scalarText(v, style)}${comment}\n`;
  };
  if (Array.isArray(value)) {
    return value.map((item) => `${pad}-${after(item, indent + style.indent)}`).join('');
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${pad}${k}:${after(v, indent + style.indent)}`)
      .join('');
  }
  return `${pad}${scalarText(value, style)}\n`;
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  flow: fc.boolean(),
  quote: fc.constantFrom('plain', 'single', 'double'),
  literal: fc.boolean(),
  comments: fc.boolean(),
  indent: fc.constantFrom(1, 2, 4),
});

describe('readPlainYaml against the yaml package', () => {
  it('gives the same values and offsets whenever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        fc.dictionary(key, valueArb, { minKeys: 1, maxKeys: 4 }),
        styleArb,
        (model, style) => {
          if (agrees(toYaml(model, style))) answered++;
        },
      ),
      { numRuns: Number(process.env.YAML_FAST_RUNS ?? 2000) },
    );
    // it answers about one document in nine (the rest holds forms it leaves to `yaml`: keys
    // such as `true` or `null`, anchors, tags); far fewer would make this test hollow
    expect(answered).toBeGreaterThan(120);
  });

  it('never answers where the full parser finds a problem, under random edits', () => {
    const bases = ['docker-overview.yaml', 'docker-container.yaml', 'docker-architecture.yaml'].map(
      (name) => readFileSync(join(repo, 'docs/examples', name), 'utf8'),
    );
    const edit = fc.record({
      at: fc.nat({ max: 4000 }),
      remove: fc.nat({ max: 3 }),
      insert: fc.constantFrom(
        '',
        ' ',
        '  ',
        ':',
        ': ',
        '-',
        '- ',
        '#',
        ' #',
        '\n',
        '\n  ',
        "'",
        '"',
        '|',
        '{',
        '}',
        '[',
        ']',
        ',',
        'a',
        '1',
        '~',
      ),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        (base, edits) => {
          let text = base;
          for (const { at, remove, insert } of edits) {
            const i = Math.min(at, text.length);
            text = text.slice(0, i) + insert + text.slice(i + remove);
          }
          const fast = readPlainYaml(text);
          if (fast === undefined) return;
          const full = parseYamlFully(text);
          expect(full.diagnostics).toEqual([]);
          expect(observed(fast)).toStrictEqual(observed(full));
        },
      ),
      { numRuns: Number(process.env.YAML_FAST_RUNS ?? 3000) },
    );
  });
});
