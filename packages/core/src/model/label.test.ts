import { describe, expect, it } from 'vitest';
import { isField, isListItem, isRule, listLines } from './label.js';

describe('label lines', () => {
  it('knows rules, list items and fields', () => {
    expect(isRule('---')).toBe(true);
    expect(isRule('─────')).toBe(true);
    expect(isRule('-- x')).toBe(false);
    expect(['- a', '* b', '• c', '├─ d', '1. e', '2) f'].every(isListItem)).toBe(true);
    expect(isListItem('-1')).toBe(false);
    expect(
      ['Port: 5432', 'local port: 80', 'Logs: ELK / Loki', 'Gateway ID: GW-1'].every(isField),
    ).toBe(true);
    // a heading that ends in a colon, a URL, a time and a parenthesis are not fields
    for (const line of ['Topics:', 'http://localhost:4201/', '12:30 daily', '(topics: a, b)'])
      expect(isField(line), line).toBe(false);
  });

  it('reads two or more items or fields in a row as a list', () => {
    expect([...listLines(['frontend', 'local port: 80', 'public port: 4201'])]).toEqual([1, 2]);
    expect([...listLines(['API', '- a', 'Port: 1', 'b'])]).toEqual([1, 2]);
    expect([...listLines(['API', '- a', 'b', '- c'])]).toEqual([]);
  });

  it('takes a field on the first line for a heading unless two more follow', () => {
    expect([...listLines(['Step 4: Image stored', 'Example: nginx:latest'])]).toEqual([]);
    expect([...listLines(['Metrics: Prometheus', 'Logs: Loki', 'Traces: Tempo'])]).toEqual([
      0, 1, 2,
    ]);
    expect([...listLines(['- a', '- b'])]).toEqual([0, 1]);
  });

  it('keeps every line of a label set out by hand with indents', () => {
    expect([...listLines(['queue.enqueue(', '  job,', '  options)'])]).toEqual([0, 1, 2]);
  });
});
