import { describe, expect, it } from 'vitest';
import { diagramJsonSchema } from './schema.js';

describe('diagramJsonSchema', () => {
  it('matches the committed schema (run `pnpm test:update` after changing the model)', async () => {
    await expect(`${JSON.stringify(diagramJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      '../../schema/diagram.schema.json',
    );
  });

  it('describes node kinds and required fields', () => {
    const schema = diagramJsonSchema() as {
      required: string[];
      $defs: { node: { properties: { kind: { enum: string[] } }; required: string[] } };
    };
    expect(schema.required).toEqual(['nodes']);
    expect(schema.$defs.node.properties.kind.enum).toContain('daemon');
    expect(schema.$defs.node).toMatchObject({
      if: { anyOf: [{ properties: { kind: { const: 'group' } } }, { required: ['cells'] }] },
      else: { required: ['label'] },
    });
  });
});
