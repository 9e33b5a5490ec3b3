// How the built CLI starts and writes: the build's V8 code cache, the fallbacks when it does
// not fit, and standard output as a file, a pipe that closes early, or /dev/null.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = join(repo, 'packages/cli');
const example = join(repo, 'docs/examples/docker-architecture.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'diagrama-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const expected = spawnSync(process.execPath, [join(cli, 'bin/diagrama.cjs'), 'render', example], {
  encoding: 'utf8',
}).stdout;

/** Runs a bin with the code-cache report on, returning what it printed. */
function run(bin: string, args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DIAGRAMA_DEBUG_CODE_CACHE: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What a render of the example through `bin` should print, with the cache's fate. */
const rendered = (codeCache: string) => ({
  code: 0,
  stdout: expected,
  stderr: `code cache: ${codeCache}\n`,
});

/** A copy of the built CLI (bin and bundle) whose cache file `edit` may change. */
function copyOfCli(name: string, edit: (cache: Buffer) => Buffer): string {
  const root = join(scratch, name);
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'dist/bundle'), { recursive: true });
  copyFileSync(join(cli, 'bin/diagrama.cjs'), join(root, 'bin/diagrama.cjs'));
  copyFileSync(join(cli, 'dist/bundle/diagrama.cjs'), join(root, 'dist/bundle/diagrama.cjs'));
  const cache = readFileSync(join(cli, 'dist/bundle/diagrama.cache'));
  writeFileSync(join(root, 'dist/bundle/diagrama.cache'), edit(Buffer.from(cache)));
  return join(root, 'bin/diagrama.cjs');
}

describe('a text render', () => {
  it('loads none of the built-in modules only other commands need', () => {
    // a preload that reports every load of a built-in a render of text has no use for (the
    // docs cache's hashing, the .ts loader's workers): each costs every run milliseconds
    const hook = join(scratch, 'builtins.cjs');
    writeFileSync(
      hook,
      `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/^(node:)?(crypto|worker_threads|child_process|zlib|http|https|net)$/.test(request))
    process.stderr.write('loaded ' + request + '\\n');
  return load.call(this, request, ...rest);
};
`,
    );
    const result = spawnSync(
      process.execPath,
      ['-r', hook, join(cli, 'bin/diagrama.cjs'), 'render', example],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
  });
});

describe('the SVG renderer', () => {
  it('starts from its own bundle and cache, writes what the library writes, never loads fontkit', () => {
    // a preload that reports every CommonJS load of svgdom's font and image packages
    const hook = join(scratch, 'hook.cjs');
    writeFileSync(
      hook,
      `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/^(fontkit|image-size)$/.test(request)) process.stderr.write('loaded ' + request + '\\n');
  return load.call(this, request, ...rest);
};
`,
    );
    const result = spawnSync(
      process.execPath,
      ['-r', hook, join(cli, 'bin/diagrama.cjs'), 'render', example, '--format', 'svg'],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DIAGRAMA_DEBUG_CODE_CACHE: '1' } },
    );
    expect(result.stderr).toBe('code cache: accepted\nsvg code cache: accepted\n');
    expect(result.status).toBe(0);
    const golden = readFileSync(
      join(repo, 'test/fixtures/examples/docker-architecture/diagram.svg'),
      'utf8',
    );
    expect(result.stdout).toBe(golden);
  });
});

describe('the code cache', () => {
  it('is built for this Node and used', () => {
    expect(expected).toContain('Docker HOST( MI PC)');
    const result = run(join(cli, 'bin/diagrama.cjs'), ['render', example]);
    expect(result).toEqual(rendered('accepted'));
  });

  it('is ignored when it was made for another build of the bundle', () => {
    const bin = copyOfCli('other-build', (cache) => {
      cache[0] = cache[0] === 0x61 ? 0x62 : 0x61; // the header names another build
      return cache;
    });
    expect(run(bin, ['render', example])).toEqual(rendered('none'));
  });

  it('is rejected by V8 when damaged, and the CLI compiles as usual', () => {
    const bin = copyOfCli('damaged', (cache) => {
      const header = cache.indexOf(0x0a) + 1;
      cache.fill(0x55, header + 8, header + 64);
      return cache;
    });
    expect(run(bin, ['render', example])).toEqual(rendered('rejected'));
  });

  it('is not needed: a missing cache file only means compiling', () => {
    const bin = copyOfCli('missing', (cache) => cache);
    rmSync(join(bin, '../../dist/bundle/diagrama.cache'));
    expect(run(bin, ['render', example])).toEqual(rendered('none'));
  });

  it('says how to build when the bundle is missing, without a stack trace', () => {
    const bin = copyOfCli('unbuilt', (cache) => cache);
    rmSync(join(bin, '../../dist/bundle/diagrama.cjs'));
    const result = run(bin, ['--version']);
    expect(result.code).toBe(70);
    expect(result.stderr).toMatch(
      /diagrama\.cjs is missing; build the CLI first \(pnpm build\)\n$/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('standard output', () => {
  it('writes whole to a file', () => {
    const path = join(scratch, 'out.txt');
    const fd = openSync(path, 'w');
    try {
      const result = spawnSync(
        process.execPath,
        [join(cli, 'bin/diagrama.cjs'), 'render', example],
        {
          stdio: ['ignore', fd, 'pipe'],
        },
      );
      expect(result.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });

  it('writes more than a pipe holds, in order, through a pipe', () => {
    const nodes = Array.from(
      { length: 600 },
      (_, i) => `  - { kind: box, label: box number ${i} }`,
    );
    const model = join(scratch, 'tall.yaml');
    writeFileSync(model, `nodes:\n${nodes.join('\n')}\n`);
    const out = join(scratch, 'tall.txt');
    const bin = join(cli, 'bin/diagrama.cjs');
    expect(spawnSync(process.execPath, [bin, 'render', model, '--out', out]).status).toBe(0);
    const piped = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${bin}" render "${model}" | cat`],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      },
    );
    expect(Buffer.byteLength(piped.stdout)).toBeGreaterThan(65536);
    expect(piped.stdout).toBe(readFileSync(out, 'utf8'));
  });

  it('ends quietly when the reader goes away (render … | head)', async () => {
    const child = spawn(process.execPath, [join(cli, 'bin/diagrama.cjs'), 'render', example], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader is gone before anything is written
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
