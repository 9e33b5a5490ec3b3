import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args.js';

const specs = {
  format: { takesValue: true, short: 'f' },
  quiet: { takesValue: false, short: 'q' },
};

describe('parseArgs', () => {
  it('reads values in every spelling, flags and positionals', () => {
    const { positionals, options } = parseArgs(
      ['a.yaml', '--format', 'svg', '-q', '-', '--format=md'],
      specs,
    );
    expect(positionals).toEqual(['a.yaml', '-']);
    expect(options.get('format')).toBe('md');
    expect(options.get('quiet')).toBe(true);
    expect(parseArgs(['-f', 'ascii', '--', '--not-an-option'], specs)).toEqual({
      positionals: ['--not-an-option'],
      options: new Map([['format', 'ascii']]),
    });
  });

  it('rejects unknown options, missing values and values on flags', () => {
    expect(() => parseArgs(['--bogus'], specs)).toThrowError(
      new UsageError('unknown option --bogus'),
    );
    expect(() => parseArgs(['--format'], specs)).toThrowError('--format needs a value');
    expect(() => parseArgs(['--quiet=yes'], specs)).toThrowError('--quiet takes no value');
    expect(() => parseArgs(['--__proto__'], specs)).toThrowError('unknown option --__proto__');
  });
});
