import { type Diagnostic, type ModelPath, QUOTE_LIMIT, quote } from '@diagrama/core';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
} from 'yaml';
import type { ParsedSource } from './json.js';
import { OffsetIndex } from './source-map.js';
import { readPlainYaml } from './yaml-fast.js';

/**
 * The parser's message, first line only (the rest quotes the source) and cut short: some
 * messages end with a token from the file, and a message never quotes more than an excerpt.
 */
const parserMessage = (message: string): string => {
  const first = message.split('\n')[0] ?? message;
  const limit = 80 + QUOTE_LIMIT;
  return first.length > limit ? `${first.slice(0, limit)}…` : first;
};

function record(node: unknown, path: ModelPath, index: OffsetIndex, depth: number): void {
  if (depth > 1000) return;
  const start = (node as Node | null)?.range?.[0];
  if (start !== undefined) index.value(path, start);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const keyStart = (pair.key as Node).range?.[0];
      if (keyStart !== undefined) index.key([...path, key], keyStart);
      record(pair.value, [...path, key], index, depth + 1);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      record(item, [...path, i], index, depth + 1);
    });
  }
}

/** The tags of the YAML 1.2 core schema; anything else (!!binary, !!set, !!js/…, !custom) is refused. */
const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/**
 * Parses YAML 1.2 (core schema, unique keys, one document, no aliases) recording where every
 * value and key starts. Parser errors and warnings all become located diagnostics. Plain
 * model YAML is read by a small reader of our own (`yaml-fast.ts`, same answers, a fraction
 * of the time); anything else by the `yaml` package.
 */
export function parseYaml(text: string): ParsedSource {
  return readPlainYaml(text) ?? parseYamlFully(text);
}

/** {@link parseYaml} with the `yaml` package, whatever the text. */
export function parseYamlFully(text: string): ParsedSource {
  const index = new OffsetIndex(text);
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    lineCounter,
    prettyErrors: false,
  });
  const diagnostics: Diagnostic[] = [];
  const list = Array.isArray(documents) ? documents : [];
  const at = (offset: number) => index.position(offset);
  if (list.length > 1) {
    diagnostics.push({
      code: 'yaml/multiple-documents',
      message: 'the file holds more than one YAML document',
      position: at(list[1]?.range[0] ?? 0),
      expected: 'one diagram per file (no second `---`)',
    });
  }
  const document = list[0];
  if (document === undefined) {
    return {
      value: null,
      index,
      diagnostics,
    };
  }
  for (const problem of [...document.errors, ...document.warnings]) {
    diagnostics.push({
      code: problem.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax',
      message: parserMessage(problem.message),
      position: at(problem.pos[0]),
    });
  }
  const directive = /^%YAML[ \t]+(\S+)/m.exec(text);
  if (directive && directive[1] !== '1.2') {
    diagnostics.push({
      code: 'yaml/version',
      message: `YAML ${quote(directive[1] ?? '')} is not supported: diagrama reads YAML 1.2 (so \`no\` stays a string)`,
      position: at(directive.index),
      expected: 'no %YAML directive, or %YAML 1.2',
    });
  }
  let hasAlias = false;
  const scan = (node: unknown, depth: number): void => {
    if (hasAlias || depth > 1000) return;
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      diagnostics.push({
        code: 'yaml/tag',
        message: `the YAML tag ${quote(tag.replace(/^tag:yaml\.org,2002:/, '!!'))} is not allowed`,
        position: at((node as Node).range?.[0] ?? 0),
        expected: 'plain YAML 1.2 values: strings, numbers, booleans, null, lists and mappings',
      });
    }
    if (isAlias(node)) {
      hasAlias = true;
      diagnostics.push({
        code: 'yaml/alias',
        message: 'YAML aliases (*name) are not allowed in diagrams',
        position: at(node.range?.[0] ?? 0),
        expected: 'the value written out in full',
      });
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) scan(item, depth + 1);
    } else if (isPair(node)) {
      const key = node.key;
      if (!isScalar(key) || typeof key.value !== 'string') {
        // the key as written (`true`, `~`, `1`), quoted in the example that makes it a string
        const range = (key as Node | null)?.range;
        const written = range ? text.slice(range[0], range[1]).trim() : '';
        const what = !isScalar(key)
          ? 'a collection'
          : key.value === null
            ? 'null'
            : `the ${typeof key.value} ${String(key.value)}`;
        diagnostics.push({
          code: 'yaml/non-string-key',
          message: `a mapping key must be a string, not ${what}`,
          position: at(range?.[0] ?? 0),
          expected: 'a plain or quoted string key',
          example:
            isScalar(key) && /^[\w.~+-]{1,32}$/.test(written)
              ? `"${written}": value`
              : '"1": value',
        });
      }
      scan(node.key, depth + 1);
      scan(node.value, depth + 1);
    }
  };
  scan(document.contents, 0);
  record(document.contents, [], index, 0);
  if (diagnostics.length > 0) return { index, diagnostics };
  return { value: document.toJS({ maxAliasCount: 0 }) ?? null, index, diagnostics };
}
