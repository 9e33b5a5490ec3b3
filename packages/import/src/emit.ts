import type { DiagramInput } from '@diagrama/core';

/** The formats a model is written in. */
export const MODEL_FORMATS = ['yaml', 'json', 'ts'] as const;
/** One of {@link MODEL_FORMATS}. */
export type ModelFormat = (typeof MODEL_FORMATS)[number];

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
    return plain ? value : JSON.stringify(value);
  }
  return JSON.stringify(value);
}

/** One mapping on one line, as `{ kind: api, label: Rest API }`, when it is short and flat. */
function flow(value: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && typeof v === 'object') return undefined;
    parts.push(`${k}: ${scalar(v)}`);
  }
  const line = `{ ${parts.join(', ')} }`;
  return line.length <= 90 ? line : undefined;
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
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) =>
        v !== null && typeof v === 'object'
          ? `${indent}${k}:\n${block(v, `${indent}  `)}`
          : `${indent}${k}: ${scalar(v)}\n`,
      )
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
