import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// #18: a zone is written by whoever writes the Markdown (a pull request); `docs --check` runs
// in CI, where files outside the project, `.git/config` and secrets must never be printed.

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'packages/cli/bin/diagrama.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'diagrama-zones-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SECRET = 'ghp_S3CR3TS3CR3TS3CR3TS3CR3TS3CR3TS3CR3T';

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    input: '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let count = 0;
/** A project (with `.git`) holding `docs/page.md` with one zone per reference. */
function project(references: string[], files: Record<string, string> = {}): string {
  const dir = join(scratch, `p${count++}`);
  mkdirSync(join(dir, '.git'), { recursive: true });
  mkdirSync(join(dir, 'docs'), { recursive: true });
  writeFileSync(
    join(dir, '.git', 'config'),
    `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`,
  );
  writeFileSync(join(dir, '.env'), `TOKEN=${SECRET}\n`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const zones = references.map((r) => `<!-- diagrama:start ${r} -->\n<!-- diagrama:end -->\n`);
  writeFileSync(join(dir, 'docs', 'page.md'), `# Page\n\n${zones.join('\n')}`);
  return dir;
}

/** The secret file outside every project. */
const outside = join(scratch, 'outside.yaml');
writeFileSync(outside, `${SECRET}\n`);

const paths: [string, (dir: string) => string][] = [
  ['a path up and out of the project', () => '../../outside.yaml'],
  ['an absolute path', () => outside],
  ['/etc/passwd by ../', () => '../../../../../../../../etc/passwd'],
  ['the git config', () => '../.git/config'],
  ['a .env file', () => '../.env'],
  [
    'a symbolic link out of the project',
    (dir) => {
      symlinkSync(outside, join(dir, 'docs', 'link.yaml'));
      return 'link.yaml';
    },
  ],
  [
    'a linked folder out of the project',
    (dir) => {
      symlinkSync(scratch, join(dir, 'docs', 'up'));
      return 'up/outside.yaml';
    },
  ],
];

describe('zones are confined to the project', () => {
  for (const [what, reference] of paths) {
    for (const json of [false, true]) {
      it(`refuses ${what}${json ? ' (--json)' : ''} and never prints the file`, () => {
        const dir = project([]);
        const ref = reference(dir);
        writeFileSync(
          join(dir, 'docs', 'page.md'),
          `# Page\n<!-- diagrama:start ${ref} -->\n<!-- diagrama:end -->\n`,
        );
        const before = readFileSync(join(dir, 'docs', 'page.md'));
        const result = run(['docs', '--check', 'docs', ...(json ? ['--json'] : [])], dir);
        expect(result.code).toBe(2);
        expect(result.stdout + result.stderr).not.toContain('S3CR3T');
        expect(result.stdout + result.stderr).not.toContain('root:x:0');
        expect(result.stderr).toMatch(/zone\/(outside-root|model-type)/);
        expect(readFileSync(join(dir, 'docs', 'page.md'))).toEqual(before);
      });
    }
  }

  it('accepts a model anywhere inside the project, and a wider --root', () => {
    const model = 'nodes:\n  - { kind: api, label: Rest API }\n';
    const dir = project(['../models/a.yaml'], { 'models/a.yaml': model });
    expect(run(['docs', 'docs'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'docs', 'page.md'), 'utf8')).toContain('Rest API');

    writeFileSync(join(scratch, 'shared.yaml'), model);
    const wider = project([`../../shared.yaml`]);
    expect(run(['docs', '--check', 'docs'], wider).code).toBe(2);
    expect(run(['docs', '--check', 'docs', '--root', scratch], wider).code).toBe(1);
  });

  it('quotes no more than a short excerpt of a model it cannot read as a diagram', () => {
    const dir = project(['../models/secret.yaml'], {
      'models/secret.yaml': `"${SECRET}${SECRET}"\n`,
    });
    for (const args of [
      ['docs', '--check', 'docs'],
      ['docs', '--check', 'docs', '--json'],
    ]) {
      const result = run(args, dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('model/type');
      expect(result.stderr).not.toContain(SECRET);
    }
  });

  it('says plainly that zones do not run TypeScript models', () => {
    const dir = project(['../models/a.ts'], { 'models/a.ts': 'export default {}' });
    const result = run(['docs', '--check', 'docs'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('zone/model-type');
    expect(result.stderr).toContain('a .ts model is code');
  });

  it('runs TypeScript models only with --allow-code, inside the project, stopped at --timeout', () => {
    const dir = project(['../models/a.ts'], {
      'models/a.ts': "export default { nodes: [{ kind: 'api', label: 'Typed API' }] };\n",
    });
    expect(run(['docs', 'docs', '--allow-code'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'docs', 'page.md'), 'utf8')).toContain('Typed API');
    const spinning = project(['../models/spin.ts'], {
      'models/spin.ts': 'while (true) {}\nexport default {};\n',
    });
    const stopped = run(['docs', '--check', 'docs', '--allow-code', '--timeout', '500'], spinning);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain('error[ts/timeout]');
    writeFileSync(join(scratch, 'outside.ts'), 'export default { nodes: [] };\n');
    const outside = project(['../../outside.ts']);
    const refused = run(['docs', '--check', 'docs', '--allow-code'], outside);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('zone/outside-root');
  });
});

describe('only regular files are read, and never past the limit', () => {
  it('refuses a device, a FIFO and a folder without hanging or growing', () => {
    const dir = project(['zero.yaml', 'fifo.yaml', 'folder.yaml']);
    mkdirSync(join(dir, 'docs', 'folder.yaml'));
    spawnSync('mkfifo', [join(dir, 'docs', 'fifo.yaml')]);
    const result = run(['docs', '--check', 'docs', '--root', '/'], dir);
    // /dev/zero through a link from inside the tree, with the root widened to the machine
    symlinkSync('/dev/zero', join(dir, 'docs', 'zero.yaml'));
    const withZero = run(['docs', '--check', 'docs', '--root', '/'], dir);
    for (const r of [result, withZero]) {
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('is a named pipe, not a regular file');
      expect(r.stderr).toContain('is a folder, not a regular file');
    }
    expect(withZero.stderr).toContain('is a character device, not a regular file');
  });

  it('stops reading a file whose size said 0 at the limit', async () => {
    const { readRegularFile } = await import('@diagrama/load');
    const status = await readRegularFile('/proc/self/status', 16);
    expect(status).toMatchObject({ ok: false, reason: 'too-large', size: 17 });
    const small = await readRegularFile('/proc/self/status', 1 << 20);
    expect(small.ok).toBe(true);
  });
});

describe('diagnostics cannot drive a terminal', () => {
  const HOSTILE = '\u001b]52;c;ZXZpbA==\u0007\u001b[2J\rALL CHECKS PASSED \u202etxt.exe';

  it('escapes hostile Markdown lines in the --check diff', () => {
    const dir = project([], { 'models/a.yaml': 'nodes:\n  - { kind: api, label: Rest API }\n' });
    writeFileSync(
      join(dir, 'docs', 'page.md'),
      `# Page\n${HOSTILE}\n<!-- diagrama:start ../models/a.yaml -->\n${HOSTILE}\n<!-- diagrama:end -->\n`,
    );
    const result = run(['docs', '--check', 'docs'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('-\\x1b]52;c;ZXZpbA==\\x07\\x1b[2J\\x0dALL CHECKS PASSED');
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
  });

  it('escapes hostile text in every diagnostic, as text and as --json', () => {
    const dir = project([], {
      'models/bad.yaml': `nodes:\n  - { kind: "${HOSTILE.replace(/[\u001b\u0007\r]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}", label: x }\n`,
    });
    writeFileSync(
      join(dir, 'docs', 'page.md'),
      `<!-- diagrama:start ../models/bad.yaml charset=${'\u001b[31m'} -->\n<!-- diagrama:end -->\n<!-- diagrama:start ../models/bad.yaml -->\n<!-- diagrama:end -->\n`,
    );
    for (const json of [false, true]) {
      const result = run(['docs', '--check', 'docs', ...(json ? ['--json'] : [])], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('\\x1b');
      expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      if (json) expect(() => JSON.parse(result.stderr)).not.toThrow();
    }
  });
});

describe('bytes outside zones', () => {
  it('never writes a file without zones, whatever its line endings', () => {
    const dir = project([]);
    const page = join(dir, 'docs', 'page.md');
    writeFileSync(page, '# a\r\nb\nc\r\n');
    const before = statSync(page).mtimeMs;
    expect(run(['docs', 'docs'], dir).code).toBe(0);
    expect(readFileSync(page, 'latin1')).toBe('# a\r\nb\nc\r\n');
    expect(statSync(page).mtimeMs).toBe(before);
  });

  it('keeps mixed line endings outside the zone it rewrites', () => {
    const dir = project([], { 'models/a.yaml': 'nodes:\n  - { kind: api, label: Rest API }\n' });
    const page = join(dir, 'docs', 'page.md');
    writeFileSync(
      page,
      '# a\r\nb\n<!-- diagrama:start ../models/a.yaml -->\r\n<!-- diagrama:end -->\nc\r\nd',
    );
    expect(run(['docs', 'docs'], dir).code).toBe(0);
    const after = readFileSync(page, 'latin1');
    expect(after.startsWith('# a\r\nb\n<!-- diagrama:start ../models/a.yaml -->\r\n')).toBe(true);
    expect(after.endsWith('\r\n<!-- diagrama:end -->\nc\r\nd')).toBe(true);
  });

  it('leaves a file that is not UTF-8 alone, with a clear error', () => {
    const dir = project([], { 'models/a.yaml': 'nodes:\n  - { kind: api, label: Rest API }\n' });
    const page = join(dir, 'docs', 'page.md');
    const bytes = Buffer.concat([
      Buffer.from('# caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n<!-- diagrama:start ../models/a.yaml -->\n<!-- diagrama:end -->\n'),
    ]);
    writeFileSync(page, bytes);
    const result = run(['docs', 'docs'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('encoding/invalid-utf8');
    expect(readFileSync(page)).toEqual(bytes);
  });
});
