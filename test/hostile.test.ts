import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = join(here, '../packages/cli/bin/diagrama.cjs');
const manifest = JSON.parse(readFileSync(join(here, 'hostile/manifest.json'), 'utf8')) as Record<
  string,
  { code: string; args?: string[] }
>;

/** Raw control, bidi and invisible characters must never reach a terminal. */
const UNSAFE_OUTPUT =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/;

describe('input quoted back in diagnostics', () => {
  it('shows a megabyte-long unknown key by its start, in text and JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagrama-long-key-'));
    try {
      writeFileSync(join(dir, 'model.yaml'), `nodes: []\n${'k'.repeat(1_000_000)}: 1\n`);
      for (const args of [[], ['--json']]) {
        const result = spawnSync(process.execPath, [bin, 'validate', 'model.yaml', ...args], {
          cwd: dir,
          encoding: 'utf8',
        });
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('model/unknown-property');
        expect(result.stderr.length).toBeLessThan(2_000);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile and malformed input (test/hostile/)', () => {
  it.each(Object.entries(manifest))('%s → %j', (name, { code, args = [] }) => {
    const file = join('hostile', name.replace(/#.*$/, ''));
    for (const command of ['validate', 'render']) {
      const result = spawnSync(process.execPath, [bin, command, file, ...args], {
        cwd: here,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 20_000,
      });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`error[${code}]`);
      expect(result.stderr).toMatch(/^\S+:\d+:\d+: error\[/m);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr).not.toMatch(UNSAFE_OUTPUT);
    }
  });

  it('names the limit, the value seen and the flag in limit errors', () => {
    const result = spawnSync(process.execPath, [bin, 'render', 'hostile/huge-label.yaml'], {
      cwd: here,
      encoding: 'utf8',
    });
    expect(result.stderr).toMatch(
      /the text length in graphemes is \d+, over the limit of 2000 \(raise it with --max-label/,
    );
    expect(result.stderr).toMatch(/^hostile\/huge-label\.yaml:3:12:/m);
  });
});
