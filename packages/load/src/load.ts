import {
  checkDiagram,
  count,
  type Diagnostic,
  type Diagram,
  DiagramaError,
  type Limits,
  limitMessage,
  resolveLimits,
} from '@diagrama/core';
import { nestingDepth } from './depth.js';
import type { ParsedSource } from './json.js';
import { parseJson } from './json.js';
import { locateDiagnostics, type SourceMap } from './source-map.js';
import { parseYaml } from './yaml.js';

/** The source languages diagrama reads. */
export type SourceFormat = 'yaml' | 'json';

/** Options for {@link loadDiagram}. */
export interface LoadOptions {
  /** The file name used in positions. @default '<input>' */
  file?: string;
  /** The language; when omitted it comes from the file extension, else YAML. */
  format?: SourceFormat;
  /** Limits on untrusted input; defaults to `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
}

/** A validated diagram and where its parts came from. */
export interface LoadedDiagram {
  diagram: Diagram;
  source: SourceMap;
}

/**
 * The source language a file name implies: `.json` is JSON, `.yaml`/`.yml` YAML.
 * @example formatFromPath('docs/x.json') // 'json'
 */
export function formatFromPath(path: string): SourceFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

/**
 * Parses and validates a diagram from YAML or JSON text. Throws a `DiagramaError` whose
 * diagnostics all carry `file:line:col` — syntax errors and model errors alike.
 */
export function loadDiagram(text: string, options: LoadOptions = {}): LoadedDiagram {
  return loadWith(parseYaml, text, options);
}

/**
 * {@link loadDiagram} reading YAML with `readYaml`: the browser entry passes the `yaml`
 * package alone, leaving out the small reader that only saves Node a few milliseconds.
 */
export function loadWith(
  readYaml: (text: string) => ParsedSource,
  text: string,
  options: LoadOptions = {},
): LoadedDiagram {
  const file = options.file ?? '<input>';
  const format = options.format ?? formatFromPath(file) ?? 'yaml';
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const limits = resolveLimits(options.limits);
  const nesting = nestingDepth(body);
  if (nesting.depth > limits.maxDepth) {
    throw new DiagramaError([
      {
        code: 'limit/depth',
        message: limitMessage('maxDepth', 'the nesting depth', nesting.depth, limits),
        position: { file, line: nesting.line, column: 1 },
        expected: `data nested at most ${count(limits.maxDepth, 'level')} deep`,
      },
    ]);
  }
  const parsed = format === 'json' ? parseJson(body) : readYaml(body);
  const source = parsed.index.toSourceMap(file);
  const withFile = (list: Diagnostic[]) =>
    list.map((d) => (d.position ? { ...d, position: { ...d.position, file } } : d));
  if (parsed.diagnostics.length > 0) {
    throw new DiagramaError(locateDiagnostics(withFile(parsed.diagnostics), source));
  }
  const result = checkDiagram(parsed.value, { limits });
  if (result.diagram === undefined) {
    throw new DiagramaError(locateDiagnostics(result.diagnostics, source));
  }
  return { diagram: result.diagram, source };
}
