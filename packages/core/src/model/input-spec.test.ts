// The model's shape is described once, by the spec (plain-spec.ts): validation, the JSON
// Schema and the docs come from it. The input types (input.ts) are what TypeScript users
// write, and are checked here against the spec, property by property, so the two cannot
// drift apart.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEFINITIONS, DIAGRAM_SPEC } from './plain-spec.js';
import type { ObjectSpec, Spec } from './spec.js';

/** Each interface of input.ts, with its property names. */
function interfaces(): Map<string, string[]> {
  const file = new URL('./input.ts', import.meta.url);
  const source = ts.createSourceFile(
    'input.ts',
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const out = new Map<string, string[]>();
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const names = statement.members
      .filter(ts.isPropertySignature)
      .map((member) => member.name.getText(source).replace(/^['"]|['"]$/g, ''));
    out.set(statement.name.text, names);
  }
  return out;
}

const keys = (spec: ObjectSpec): string[] => Object.keys(spec.properties).sort();
const objectAt = (spec: ObjectSpec, key: string): ObjectSpec => {
  const child = spec.properties[key] as Spec;
  if (child.type !== 'object') throw new Error(`${key} is not an object spec`);
  return child;
};

describe('the input types', () => {
  const found = interfaces();
  const node = DEFINITIONS.node as ObjectSpec;
  const connection = DEFINITIONS.connection as ObjectSpec;
  const pairs: [string, ObjectSpec][] = [
    ['DiagramInput', DIAGRAM_SPEC],
    ['NodeInput', node],
    ['ConnectionInput', connection],
    ['AnnotationInput', DEFINITIONS.annotation as ObjectSpec],
    ['NodeHintsInput', objectAt(node, 'hints')],
    ['ConnectionHintsInput', objectAt(connection, 'hints')],
  ];

  it.each(pairs)('%s has exactly the properties of its spec', (name, spec) => {
    expect([...(found.get(name) ?? [])].sort()).toEqual(keys(spec));
  });

  it('has no interface the spec does not describe', () => {
    expect([...found.keys()].sort()).toEqual(pairs.map(([name]) => name).sort());
  });
});
