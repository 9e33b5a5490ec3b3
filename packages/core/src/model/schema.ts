import { DEFINITIONS, DIAGRAM_SPEC } from './plain-spec.js';
import type { Spec } from './spec.js';

/** The `$id` of the generated schema. */
export const SCHEMA_ID = 'https://diagrama.dev/schema/diagram.schema.json';

function toSchema(spec: Spec): Record<string, unknown> {
  const base: Record<string, unknown> = { description: spec.description };
  switch (spec.type) {
    case 'string':
      return {
        type: 'string',
        ...base,
        ...(spec.minLength === undefined ? {} : { minLength: spec.minLength }),
        ...(spec.pattern === undefined ? {} : { pattern: spec.pattern }),
        ...(spec.example === undefined ? {} : { examples: [spec.example] }),
      };
    case 'integer':
      return {
        type: 'integer',
        ...base,
        ...(spec.minimum === undefined ? {} : { minimum: spec.minimum }),
        ...(spec.maximum === undefined ? {} : { maximum: spec.maximum }),
      };
    case 'boolean':
      return { type: 'boolean', ...base };
    case 'enum':
      return { type: 'string', ...base, enum: [...spec.values] };
    case 'array':
      return { type: 'array', ...base, items: toSchema(spec.items) };
    case 'ref':
      return { $ref: `#/$defs/${spec.name}`, ...base };
    case 'object':
      return {
        type: 'object',
        ...base,
        properties: Object.fromEntries(
          Object.entries(spec.properties).map(([key, value]) => [key, toSchema(value)]),
        ),
        ...(spec.required && spec.required.length > 0 ? { required: [...spec.required] } : {}),
        ...(spec.requiredAny === undefined
          ? {}
          : { anyOf: spec.requiredAny.map((key) => ({ required: [key] })) }),
        ...(spec.requiredUnless === undefined
          ? {}
          : {
              if: {
                anyOf: [
                  {
                    properties: {
                      [spec.requiredUnless.property]: { const: spec.requiredUnless.value },
                    },
                    required: [spec.requiredUnless.property],
                  },
                  ...(spec.requiredUnless.orHas === undefined
                    ? []
                    : [{ required: [spec.requiredUnless.orHas] }]),
                ],
              },
              else: { required: [...spec.requiredUnless.required] },
            }),
        additionalProperties: false,
        ...(spec.example === undefined ? {} : { examples: [spec.example] }),
      };
  }
}

/**
 * The JSON Schema (draft 2020-12) of the plain model, generated from the same spec the
 * validator uses. The committed copy is `@diagrama/core/schema.json`.
 */
export function diagramJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'diagrama diagram',
    ...toSchema(DIAGRAM_SPEC),
    $defs: Object.fromEntries(
      Object.entries(DEFINITIONS).map(([name, spec]) => [name, toSchema(spec)]),
    ),
  };
}
