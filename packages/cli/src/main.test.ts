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

  const wide =
    'direction: right\nnodes:\n  - {kind: client, label: The Docker command-line client}\n  - {kind: daemon, label: The Docker daemon}\n';
  const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));

  it('fits text to the terminal when writing to one, and not otherwise', async () => {
    const terminal = memoryIo(wide);
    Object.assign(terminal.stdout, { isTTY: true, columns: 40 });
    expect(await main(['render', '-'], terminal)).toBe(0);
    expect(widest(terminal.out)).toBeLessThanOrEqual(40);
    const pipe = memoryIo(wide);
    expect(await main(['render', '-'], pipe)).toBe(0);
    expect(widest(pipe.out)).toBeGreaterThan(40);
    const unlimited = memoryIo(wide);
    Object.assign(unlimited.stdout, { isTTY: true, columns: 40 });
    expect(await main(['render', '-', '--width', 'none'], unlimited)).toBe(0);
    expect(unlimited.out).toBe(pipe.out);
  });

  it('rejects a width that is not a whole number of columns', async () => {
    const io = memoryIo(wide);
    expect(await main(['render', '-', '--width', 'wide'], io)).toBe(2);
    expect(io.err).toContain('--width needs a whole number of columns');
  });
});
