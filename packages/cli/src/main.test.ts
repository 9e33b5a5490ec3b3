import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { main } from './main.js';

function memoryIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: { write: (text: string) => (io.out += text) },
    stderr: { write: (text: string) => (io.err += text) },
    readStdinBytes: async () => new TextEncoder().encode(stdin),
    env: {},
  };
  return io;
}

describe('main', () => {
  it('renders a model from standard input', async () => {
    const io = memoryIo('nodes:\n  - {kind: api, label: Rest API}\n');
    expect(await main(['render', '-', '--charset', 'single'], io)).toBe(0);
    expect(io.out).toBe('┌────────────┐\n│  Rest API  │\n└────────────┘\n');
    expect(io.err).toBe('');
  });

  it('names standard input in diagnostics', async () => {
    const io = memoryIo('nodes:\n  - {kind: api}\n');
    expect(await main(['render', '-'], io)).toBe(2);
    expect(io.err).toMatch(/^<stdin>:2:5: error\[model\/missing-property\]/);
  });

  it('prints help to stderr and exits 2 when called with nothing', async () => {
    const io = memoryIo();
    expect(await main([], io)).toBe(2);
    expect(io.err).toContain('Usage:');
  });
});
