import { type Diagnostic, type ModelPath, quote } from '../errors.js';
import type { ObjectSpec, Spec } from './spec.js';

/** Options for {@link checkShape}. */
export interface CheckOptions {
  /** Named specs that `ref` specs point at. */
  definitions: Readonly<Record<string, ObjectSpec>>;
  /** Values accepted as-is wherever a string id is expected (builder node references). */
  isReference?: (value: unknown) => boolean;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const PATTERNS = new Map<string, RegExp>();
/** Spec patterns, compiled once (they use Unicode property classes, which are slow to build). */
function compiled(pattern: string): RegExp {
  let regex = PATTERNS.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern, 'u');
    PATTERNS.set(pattern, regex);
  }
  return regex;
}

const ASCII_PATTERNS = new Map<string, RegExp | null>();
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The pattern as it applies to ASCII text, without Unicode tables: inside a character class
 * `\p{L}` is `A-Za-z` and `\p{N}` is `0-9` there. Null when the pattern has any other
 * property class, or one outside brackets. Building `\p{L}` costs about half a millisecond,
 * a noticeable part of a CLI run, and most ids are ASCII.
 */
export function asciiPattern(pattern: string): RegExp | null {
  let regex = ASCII_PATTERNS.get(pattern);
  if (regex === undefined) {
    let out = '';
    let inClass = false;
    let ok = true;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i] as string;
      if (c === '\\') {
        const sequence = pattern.slice(i, i + 5);
        if (inClass && sequence === '\\p{L}') out += 'A-Za-z';
        else if (inClass && sequence === '\\p{N}') out += '0-9';
        else if (pattern[i + 1] === 'p' || pattern[i + 1] === 'P') ok = false;
        else {
          out += pattern.slice(i, i + 2);
          i += 1;
          continue;
        }
        i += 4;
        continue;
      }
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c;
    }
    regex = ok ? new RegExp(out) : null;
    ASCII_PATTERNS.set(pattern, regex);
  }
  return regex;
}

/** Whether `value` matches a spec pattern. */
function matches(pattern: string, value: string): boolean {
  const ascii = ASCII.test(value) ? asciiPattern(pattern) : null;
  return (ascii ?? compiled(pattern)).test(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  return `${typeof value} ${String(value)}`;
}

const article = (spec: Spec): string => {
  switch (spec.type) {
    case 'string':
      return 'a string';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'array':
      return 'a list';
    case 'object':
    case 'ref':
      return 'a mapping';
  }
};

const exampleOf = (spec: Spec): string | undefined =>
  spec.example === undefined ? undefined : JSON.stringify(spec.example);

/** Edit distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * The closest candidate to `word`, if it is close enough to be a likely typo.
 * @example suggest('lable', ['label', 'kind']) // 'label'
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Checks a plain value against a spec and returns every structural problem found:
 * wrong types, missing or unknown properties, values outside a list. Never throws.
 */
export function checkShape(
  value: unknown,
  spec: Spec,
  options: CheckOptions,
  path: ModelPath = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(value, spec, [...path], options, out);
  return out;
}

function typeError(value: unknown, spec: Spec, path: ModelPath): Diagnostic {
  const where = path.length > 0 ? `\`${String(path[path.length - 1])}\`` : 'the diagram';
  const example = exampleOf(spec);
  const advice = spec.type === 'string' && Array.isArray(value) ? spec.whenList : undefined;
  return {
    code: 'model/type',
    message: `${where} must be ${article(spec)}, not ${describe(value)}${advice ? ` (${advice})` : ''}`,
    path: [...path],
    expected: `${article(spec)}: ${spec.description}`,
    ...(example === undefined ? {} : { example }),
  };
}

function visit(
  value: unknown,
  spec: Spec,
  path: (string | number)[],
  options: CheckOptions,
  out: Diagnostic[],
): void {
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') {
        if (!options.isReference?.(value)) out.push(typeError(value, spec, path));
        return;
      }
      if (spec.minLength !== undefined && value.length < spec.minLength) {
        out.push({
          code: 'model/empty',
          message: `\`${String(path[path.length - 1])}\` must not be empty`,
          path: [...path],
          expected: spec.description,
        });
      }
      if (spec.pattern !== undefined && !matches(spec.pattern, value)) {
        const example = exampleOf(spec);
        out.push({
          code: 'model/invalid-id',
          message: `${quote(value)} is not a valid id`,
          path: [...path],
          expected: 'letters, digits, "-", "_", ".", ":" or ">", starting with a letter or digit',
          ...(example === undefined ? {} : { example }),
        });
      }
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        out.push(typeError(value, spec, path));
        return;
      }
      if (
        (spec.minimum !== undefined && value < spec.minimum) ||
        (spec.maximum !== undefined && value > spec.maximum)
      ) {
        out.push({
          code: 'model/out-of-range',
          message: `${value} is out of range for \`${String(path[path.length - 1])}\``,
          path: [...path],
          expected: `a whole number from ${spec.minimum ?? '-∞'} to ${spec.maximum ?? '∞'}`,
        });
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') out.push(typeError(value, spec, path));
      return;
    case 'enum': {
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        const known = typeof value === 'string' ? value.toLowerCase() : '';
        const hint =
          typeof value !== 'string'
            ? undefined
            : spec.insteadOf !== undefined && Object.hasOwn(spec.insteadOf, known)
              ? spec.insteadOf[known]
              : suggest(value, spec.values);
        const field = String(path[path.length - 1]);
        out.push({
          code: spec.code ?? 'model/enum',
          message:
            typeof value === 'string'
              ? `unknown ${field} ${quote(value)}${hint ? ` (did you mean ${quote(hint)}?)` : ''}`
              : `\`${field}\` must be one of ${spec.values.join(', ')}, not ${describe(value)}`,
          path: [...path],
          expected: `one of ${spec.values.join(', ')}`,
          example: JSON.stringify(spec.example ?? spec.values[0]),
        });
      }
      return;
    }
    case 'array':
      if (!Array.isArray(value)) {
        out.push(typeError(value, spec, path));
        return;
      }
      // one path array for the whole walk: pushed and popped, copied only into a diagnostic
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index], spec.items, path, options, out);
        path.pop();
      }
      return;
    case 'ref': {
      const target = options.definitions[spec.name];
      if (target === undefined) throw new Error(`spec references unknown definition ${spec.name}`);
      visit(value, target, path, options, out);
      return;
    }
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        out.push(typeError(value, spec, path));
        return;
      }
      const record = value as Record<string, unknown>;
      const any = spec.requiredAny;
      if (any !== undefined && !any.some((key) => Object.hasOwn(record, key))) {
        const example = exampleOf(spec);
        out.push({
          code: 'model/missing-property',
          message: `missing \`${any.join('` or `')}\``,
          path: [...path],
          expected: `at least one of ${any.map((key) => `\`${key}\``).join(', ')}`,
          ...(example === undefined ? {} : { example }),
        });
      }
      const unless = spec.requiredUnless;
      const conditional =
        unless !== undefined &&
        record[unless.property] !== unless.value &&
        !(unless.orHas !== undefined && Object.hasOwn(record, unless.orHas))
          ? unless.required
          : [];
      for (const key of [...(spec.required ?? []), ...conditional]) {
        if (!Object.hasOwn(record, key)) {
          const example = exampleOf(spec);
          out.push({
            code: 'model/missing-property',
            message: `missing required property \`${key}\``,
            path: [...path],
            expected: `a \`${key}\` property: ${spec.properties[key]?.description ?? ''}`.trim(),
            ...(example === undefined ? {} : { example }),
          });
        }
      }
      for (const key of Object.keys(record)) {
        const child = Object.hasOwn(spec.properties, key) ? spec.properties[key] : undefined;
        if (child === undefined || FORBIDDEN_KEYS.has(key)) {
          const instead =
            spec.insteadOf !== undefined && Object.hasOwn(spec.insteadOf, key)
              ? spec.insteadOf[key]
              : undefined;
          const hint = instead ?? suggest(key, Object.keys(spec.properties));
          out.push({
            code: 'model/unknown-property',
            message: `unknown property ${quote(key)}${hint ? ` (did you mean ${quote(hint)}?)` : ''}`,
            path: [...path, key],
            expected: `one of ${Object.keys(spec.properties).join(', ')}`,
          });
          continue;
        }
        path.push(key);
        visit(record[key], child, path, options, out);
        path.pop();
      }
      return;
    }
  }
}
