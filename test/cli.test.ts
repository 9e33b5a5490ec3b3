import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'packages/cli/bin/diagrama.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'diagrama-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Spawns the built CLI the way a user runs it. */
function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: repo,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

const seed = readFileSync(join(repo, 'test/seeds/002_4bb4fe39dc5ab3c2.txt'), 'utf8')
  .split('\n')
  .slice(2, 23)
  .map((line) => line.trimEnd())
  .join('\n');

describe('diagrama render', () => {
  it('prints the seed diagram for the YAML and the JSON example', () => {
    for (const example of ['docker-architecture.yaml', 'docker-architecture.json']) {
      const result = run(['render', `docs/examples/${example}`]);
      expect(result).toEqual({ code: 0, stdout: `${seed}\n`, stderr: '' });
    }
  });

  it('warns, exit 0, when `direction` arranges boxes the lines would have placed (`flow`)', () => {
    const model = file(
      'd2-habit.yaml',
      'direction: right\nnodes:\n  - { id: a, label: A }\n  - { id: b, label: B }\n  - { id: c, label: C }\nconnections:\n  - { from: a, to: c }\n',
    );
    const result = run(['render', model]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('A');
    expect(result.stderr).toBe(
      [
        `${model}:1:12: warning[model/direction-is-arrangement]: \`direction: right\` sets the top-level boxes in a row in model order, so 1 line between boxes that are not neighbours there is routed around the others (at direction)`,
        "  expected: `flow: right` (and no `direction`) for a layout that follows the lines left to right, as D2's `direction: right` does",
        '  example: flow: right',
        '',
      ].join('\n'),
    );
    expect(run(['render', model, '--quiet']).stderr).toBe('');
    const json = JSON.parse(run(['validate', model, '--json']).stderr);
    expect(json.warnings[0]).toMatchObject({
      code: 'model/direction-is-arrangement',
      position: { line: 1, column: 12 },
    });
  });

  it('reads YAML from standard input with -', () => {
    const result = run(
      ['render', '-'],
      readFileSync(join(repo, 'docs/examples/docker-architecture.yaml'), 'utf8'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${seed}\n`);
  });

  it('draws any charset and writes --out files', () => {
    const out = join(scratch, 'out.txt');
    const result = run([
      'render',
      'docs/examples/docker-architecture.yaml',
      '--charset',
      'ascii',
      '--out',
      out,
    ]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^\+-+\+$/);
    expect(text).not.toMatch(/[═║╔╗╚╝╠╣─│┌┐└┘]/);
  });

  it('fails with exit 3 and a clear message for a missing file', () => {
    const result = run(['render', 'no/such/file.yaml']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'diagrama: error[io]: cannot read no/such/file.yaml: no such file or folder\n',
    );
  });

  it.each([
    [
      'malformed YAML',
      'bad.yaml',
      'nodes: [\n  - kind: api\n',
      /^.*bad\.yaml:3:1: error\[yaml\/syntax\]/m,
    ],
    [
      'malformed JSON',
      'bad.json',
      '{"nodes": [}',
      /bad\.json:1:12: error\[json\/syntax\]: expected a JSON value, found '\}'/,
    ],
    [
      'an unknown kind',
      'kind.yaml',
      'nodes:\n  - kind: server\n    label: x\n',
      /kind\.yaml:2:11: error\[model\/unknown-kind\]: unknown kind "server"/,
    ],
    [
      'a connection to a missing id',
      'missing.yaml',
      'nodes:\n  - {kind: api, label: A}\nconnections:\n  - {from: a, to: b}\n',
      /missing\.yaml:4:19: error\[model\/unknown-node\]: no node has the id "b"/,
    ],
    [
      'a wrong type',
      'type.json',
      '{"nodes": [{"kind": "api", "label": ["x"]}]}',
      /type\.json:1:37: error\[model\/type\]: `label` must be a string, not a list/,
    ],
    [
      'a layout that cannot be drawn',
      'narrow.yaml',
      'nodes:\n  - kind: api\n    label: Rest API\n    hints: { width: 4 }\n',
      /narrow\.yaml:4:21: error\[layout\/too-narrow\]/,
    ],
  ])('exits 2 with file:line:col for %s, and no stack trace', (_, name, content, pattern) => {
    const result = run(['render', file(name, content)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('escapes control characters it quotes from the input', () => {
    const result = run([
      'render',
      file('esc.yaml', 'nodes:\n  - kind: "\\e]52;c;aGk=\\a"\n    label: x\n'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(String.raw`unknown kind "\x1b]52;c;aGk=\x07"`);
    expect(result.stderr).not.toMatch(/[\u0007\u001b]/);
  });

  it('renders SVG in every theme and Markdown blocks', () => {
    const svg = run([
      'render',
      'docs/examples/docker-architecture.yaml',
      '--format',
      'svg',
      '--theme',
      'auto',
    ]);
    expect(svg.code).toBe(0);
    expect(svg.stdout).toMatch(/^<svg [^>]*role="img"/);
    expect(svg.stdout).toContain('prefers-color-scheme');
    expect(svg.stdout).toBe(readFileSync(join(repo, 'docs/img/docker-architecture.svg'), 'utf8'));
    const md = run(['render', 'docs/examples/docker-architecture.yaml', '--format', 'md']);
    expect(md.stdout).toBe(`\`\`\`text\n${seed}\n\`\`\`\n`);
  });

  it('exits 2 for usage errors', () => {
    expect(run(['render']).code).toBe(2);
    expect(run(['render', 'a.yaml', '--bogus']).stderr).toBe(
      'diagrama: error[usage]: unknown option --bogus\n',
    );
    expect(
      run(['render', 'docs/examples/docker-architecture.yaml', '--charset', 'fancy']).code,
    ).toBe(2);
    expect(run(['render', 'docs/examples/docker-architecture.yaml', '--theme', 'pink']).code).toBe(
      2,
    );
    expect(run(['render', 'docs/examples/docker-architecture.yaml', '--format', 'gif']).code).toBe(
      2,
    );
    expect(run(['frobnicate']).code).toBe(2);
  });
});

describe('diagrama --help and --version', () => {
  it('documents commands and exit codes', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    expect(run(['render', '--help']).stdout).toContain('--charset');
  });

  it('prints the package version', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'packages/cli/package.json'), 'utf8'));
    expect(run(['--version'])).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });
});
