import type { DiagramInput } from '@diagrama/core';

/** The formats a model is written in. */
export const MODEL_FORMATS = ['yaml', 'json', 'ts'] as const;
/** One of {@link MODEL_FORMATS}. */
export type ModelFormat = (typeof MODEL_FORMATS)[number];

// invisible but for the zero-width joiner, which belongs to the emoji it joins
const INVISIBLE = /(?!\u200d)[\p{Cf}\p{Zl}\p{Zp}\u007f-\u009f]/u;
const INVISIBLE_ALL = /(?!\u200d)[\p{Cf}\p{Zl}\p{Zp}\u007f-\u009f]/gu;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const NUMBERISH = /^[-+.]?(\d|\.inf|\.nan|0x|0o)/i;
/** Text YAML reads back as the same string without quotes, inside a flow mapping too. */
const PLAIN = /^[\p{L}\p{N}(][^\n:#,[\]{}"'`|>&*!%@\\]*$/u;

function scalar(value: unknown): string {
  if (typeof value === 'string') {
    const plain =
      PLAIN.test(value) &&
      value === value.trim() &&
      !RESERVED.test(value) &&
      !NUMBERISH.test(value) &&
      !value.includes(' -');
    // invisible characters written as escapes, so the file shows what the label holds
    return plain && !INVISIBLE.test(value)
      ? value
      : JSON.stringify(value).replace(
          INVISIBLE_ALL,
          (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
        );
  }
  return JSON.stringify(value);
}

/** A mapping's entries, the nodes it holds last (so a node reads label first, children after). */
const entries = (value: Record<string, unknown>): [string, unknown][] => {
  const all = Object.entries(value);
  const last = new Set(['children', 'layers', 'cells']);
  return [...all.filter(([k]) => !last.has(k)), ...all.filter(([k]) => last.has(k))];
};

/** One mapping on one line, as `{ kind: api, label: Rest API }`, when it is short enough. */
function flow(value: Record<string, unknown>, room = 90): string | undefined {
  const parts: string[] = [];
  for (const [k, v] of entries(value)) {
    if (Array.isArray(v)) return undefined;
    if (v !== null && typeof v === 'object') {
      const inner = flow(v as Record<string, unknown>, room);
      if (inner === undefined) return undefined;
      parts.push(`${k}: ${inner}`);
    } else parts.push(`${k}: ${scalar(v)}`);
  }
  const line = `{ ${parts.join(', ')} }`;
  return line.length <= room ? line : undefined;
}

function block(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (item !== null && typeof item === 'object') {
          const one = flow(item as Record<string, unknown>);
          if (one) return `${indent}- ${one}\n`;
          const inner = block(item, `${indent}  `);
          return `${indent}- ${inner.slice(indent.length + 2)}`;
        }
        return `${indent}- ${scalar(item)}\n`;
      })
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    return entries(value as Record<string, unknown>)
      .map(([k, v]) => {
        if (v === null || typeof v !== 'object') return `${indent}${k}: ${scalar(v)}\n`;
        const one = Array.isArray(v) ? undefined : flow(v as Record<string, unknown>, 80);
        return one ? `${indent}${k}: ${one}\n` : `${indent}${k}:\n${block(v, `${indent}  `)}`;
      })
      .join('');
  }
  return `${indent}${scalar(value)}\n`;
}

/**
 * A model written as YAML (block style, short nodes on one line), JSON, or a TypeScript module
 * that builds it with `diagram()`. `header` lines become comments where the format has them.
 */
export function writeModel(
  model: DiagramInput,
  format: ModelFormat,
  header: readonly string[] = [],
): string {
  if (format === 'json') return `${JSON.stringify(model, null, 2)}\n`;
  if (format === 'ts') {
    const comments = header.map((h) => `// ${h}\n`).join('');
    return `${comments}import { diagram } from '@diagrama/core';\n\nexport default diagram(${JSON.stringify(model, null, 2)});\n`;
  }
  return header.map((h) => `# ${h}\n`).join('') + block(model, '');
}
