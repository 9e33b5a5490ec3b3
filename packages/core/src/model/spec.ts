/**
 * A small description language for the plain (YAML/JSON) form of the model. One spec drives
 * both the structural validator and the generated JSON Schema, so the two cannot disagree.
 */
export type Spec =
  | StringSpec
  | IntegerSpec
  | BooleanSpec
  | EnumSpec
  | ArraySpec
  | ObjectSpec
  | RefSpec;

interface SpecBase {
  description: string;
  /** A valid value, shown in errors and in the schema. */
  example?: unknown;
}
export interface StringSpec extends SpecBase {
  type: 'string';
  minLength?: number;
  pattern?: string;
  /** What to write instead when a list is given (`to: [a, b]`). */
  whenList?: string;
}
export interface IntegerSpec extends SpecBase {
  type: 'integer';
  minimum?: number;
  maximum?: number;
}
export interface BooleanSpec extends SpecBase {
  type: 'boolean';
}
export interface EnumSpec extends SpecBase {
  type: 'enum';
  values: readonly string[];
  /** Diagnostic code for a value outside the list. @default 'model/enum' */
  code?: string;
  /**
   * Values other tools or habits use (lower case), with the value to suggest instead: `volume`
   * for a `database`, `person` for a `user`.
   */
  insteadOf?: Readonly<Record<string, string>>;
}
export interface ArraySpec extends SpecBase {
  type: 'array';
  items: Spec;
}
export interface ObjectSpec extends SpecBase {
  type: 'object';
  properties: Readonly<Record<string, Spec>>;
  required?: readonly string[];
  /** At least one of these properties is required (a connection needs one end at least). */
  requiredAny?: readonly string[];
  /** Properties required unless another property has one value (a group needs no label). */
  requiredUnless?: {
    required: readonly string[];
    property: string;
    value: string;
    /** …or unless this property is present (a layer split into cells needs no label). */
    orHas?: string;
  };
  /**
   * Words other tools use for a property here, and what to write instead: an unknown
   * property named so is answered with it (`both: true` → `direction: both`).
   */
  insteadOf?: Readonly<Record<string, string>>;
}
export interface RefSpec extends SpecBase {
  type: 'ref';
  name: string;
}

type Options<T> = Omit<T, 'type' | 'description'>;

/** Builders for specs. */
export const s = {
  string: (description: string, options: Options<StringSpec> = {}): StringSpec => ({
    type: 'string',
    description,
    ...options,
  }),
  integer: (description: string, options: Options<IntegerSpec> = {}): IntegerSpec => ({
    type: 'integer',
    description,
    ...options,
  }),
  boolean: (description: string, options: Options<BooleanSpec> = {}): BooleanSpec => ({
    type: 'boolean',
    description,
    ...options,
  }),
  enum: (
    description: string,
    values: readonly string[],
    options: Omit<Options<EnumSpec>, 'values'> = {},
  ): EnumSpec => ({ type: 'enum', description, values, ...options }),
  array: (description: string, items: Spec, options: Omit<Options<ArraySpec>, 'items'> = {}) =>
    ({ type: 'array', description, items, ...options }) satisfies ArraySpec,
  object: (
    description: string,
    properties: Record<string, Spec>,
    options: Omit<Options<ObjectSpec>, 'properties'> = {},
  ): ObjectSpec => ({ type: 'object', description, properties, ...options }),
  ref: (name: string, description: string): RefSpec => ({ type: 'ref', name, description }),
};
