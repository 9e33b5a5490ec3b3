import { describe, expect, it } from 'vitest';
import {
  DiagramaError,
  escapeForTerminal,
  formatDiagnostic,
  formatPath,
  quote,
  shortened,
} from './errors.js';
import { DEFAULT_LIMITS, limitMessage } from './limits.js';

describe('errors', () => {
  it('formats model paths the way users read them', () => {
    expect(formatPath(['nodes', 0, 'children', 2, 'label'])).toBe('nodes[0].children[2].label');
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['a b'])).toBe('["a b"]');
  });

  it('shows a long key or quoted text by its start only', () => {
    const key = 'k'.repeat(1_000_000);
    expect(formatPath([key, 0])).toBe(`["${'k'.repeat(32)}…"][0]`);
    expect(quote(key)).toBe(`"${'k'.repeat(32)}…"`);
    expect(shortened('😀'.repeat(32))).toBe('😀'.repeat(32));
    expect(shortened('😀'.repeat(33))).toBe(`${'😀'.repeat(32)}…`);
  });

  it('escapes control, bidi and invisible characters', () => {
    expect(escapeForTerminal('a\u001b]52;c;x\u0007b')).toBe('a\\x1b]52;c;x\\x07b');
    expect(escapeForTerminal('\u202eevil')).toBe('\\u{202e}evil');
    expect(escapeForTerminal('x\ny')).toBe('x\\ny');
  });

  it('formats a diagnostic as file:line:col: error[code]: message', () => {
    const text = formatDiagnostic({
      code: 'model/unknown-kind',
      message: 'unknown kind "server"',
      path: ['nodes', 0, 'kind'],
      position: { file: 'x.yaml', line: 3, column: 9 },
      expected: 'one of host, api',
      example: '"api"',
    });
    expect(text).toBe(
      'x.yaml:3:9: error[model/unknown-kind]: unknown kind "server" (at nodes[0].kind)\n' +
        '  expected: one of host, api\n  example: "api"',
    );
  });

  it('carries every diagnostic and the first code', () => {
    const error = new DiagramaError([
      { code: 'a/b', message: 'first' },
      { code: 'c/d', message: 'second' },
    ]);
    expect(error.code).toBe('a/b');
    expect(error.message).toBe('first (and 1 more problems)');
    expect(error.diagnostics).toHaveLength(2);
  });
});

describe('limit messages', () => {
  it('name the option that raises the limit, never a command-line flag', () => {
    const message = limitMessage('maxNodes', 'the number of nodes', 12, {
      ...DEFAULT_LIMITS,
      maxNodes: 10,
    });
    expect(message).toBe(
      'the number of nodes is 12, over the limit of 10 (raise the `maxNodes` limit)',
    );
    expect(message).not.toContain('--');
  });
});
