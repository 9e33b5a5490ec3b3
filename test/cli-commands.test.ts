import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'packages/cli/bin/diagrama.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'diagrama-commands-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string } = {},
) {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (!options.env?.FORCE_COLOR) delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repo,
    input: options.input ?? '',
    encoding: 'utf8',
    env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const folder = (name: string) => {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const reference = run(['render', 'docs/examples/docker-architecture.yaml']).stdout;

describe('render --format dot|d2|mermaid|plantuml', () => {
  it("writes the model in each tool's language, without laying it out", () => {
    const model = 'docs/examples/docker-architecture.yaml';
    const first = (format: string) =>
      run(['render', model, '--format', format]).stdout.split('\n')[0];
    expect(first('dot')).toBe('digraph diagram {');
    expect(first('d2')).toBe('direction: down');
    expect(first('mermaid')).toBe('flowchart TB');
    expect(first('plantuml')).toBe('@startuml');
    const dir = folder('languages');
    expect(run(['render', model, '--format', 'mermaid', '--out-dir', dir]).code).toBe(0);
    expect(readFileSync(join(dir, 'docker-architecture.mmd'), 'utf8')).toContain('subgraph');
  });
});

describe('render --format png', () => {
  it('writes the same PNG bytes to a file and to a pipe, at the scale asked', () => {
    const dir = folder('png');
    const model = 'docs/examples/docker-architecture.yaml';
    expect(run(['render', model, '--format', 'png', '--out', join(dir, 'a.png')]).code).toBe(0);
    const piped = spawnSync(process.execPath, [bin, 'render', model, '--format', 'png'], {
      cwd: repo,
    });
    expect(piped.status).toBe(0);
    const file = readFileSync(join(dir, 'a.png'));
    expect(piped.stdout.equals(file)).toBe(true);
    expect(file.subarray(1, 4).toString()).toBe('PNG');
    expect(
      run(['render', model, '--format', 'png', '--scale', '1', '--out', join(dir, 'b.png')]).code,
    ).toBe(0);
    const width = (png: Buffer) => png.readUInt32BE(16);
    expect(width(file)).toBe(2 * width(readFileSync(join(dir, 'b.png'))));
    const bad = run(['render', model, '--format', 'png', '--scale', 'big']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--scale needs a number');
  });
});

describe('render --width', () => {
  const widest = (text: string) => Math.max(...text.split('\n').map((line) => [...line].length));

  it('wraps and re-flows a wide overview into 80 columns', () => {
    const full = run(['render', 'test/fixtures/wrap-width/model.yaml']);
    expect(full.code).toBe(0);
    expect(widest(full.stdout)).toBeGreaterThan(80);
    const fitted = run(['render', 'test/fixtures/wrap-width/model.yaml', '--width', '80']);
    expect(fitted.code).toBe(0);
    expect(widest(fitted.stdout)).toBeLessThanOrEqual(80);
    expect(fitted.stdout).toContain('docker build');
  });

  it('fails naming the narrowest width that fits, writing nothing', () => {
    const out = join(folder('too-wide'), 'out.txt');
    const result = run(['render', 'docs/examples/docker-overview.yaml', '-w', '20', '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /error\[layout\/too-wide\]: the diagram needs at least (\d+) columns/,
    );
    expect(existsSync(out)).toBe(false);
    const narrowest = Number(/at least (\d+) columns/.exec(result.stderr)?.[1]);
    const fits = run(['render', 'docs/examples/docker-overview.yaml', '-w', String(narrowest)]);
    expect(fits.code).toBe(0);
    expect(widest(fits.stdout)).toBeLessThanOrEqual(narrowest);
  });
});

describe('render with several inputs and TypeScript', () => {
  it('renders the .ts example to the same bytes as the YAML one', () => {
    expect(run(['render', 'docs/examples/docker-architecture.ts'])).toEqual({
      code: 0,
      stdout: reference,
      stderr: '',
    });
  });

  it('accepts a plain-form default export from a .ts module', () => {
    expect(run(['render', 'test/ts-models/plain.ts', '-c', 'ascii']).stdout).toBe(
      '+------------+\n|  Rest API  |\n+------------+\n',
    );
  });

  it('writes each input into --out-dir and reports the worst exit code', () => {
    const out = folder('out');
    const ok = run([
      'render',
      'docs/examples/docker-architecture.yaml',
      'docs/examples/docker-image-layers.json',
      '-f',
      'svg',
      '--out-dir',
      out,
      '--quiet',
    ]);
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(out, 'docker-architecture.svg'), 'utf8')).toMatch(/^<svg /);
    expect(existsSync(join(out, 'docker-image-layers.svg'))).toBe(true);
    const mixed = run([
      'render',
      'test/ts-models/not-a-diagram.ts',
      'missing.yaml',
      'docs/examples/docker-architecture.yaml',
      '--out-dir',
      out,
    ]);
    expect(mixed.code).toBe(3);
    expect(mixed.stderr).toContain('error[ts/not-a-diagram]');
    expect(mixed.stderr).toContain('error[io]: cannot read missing.yaml');
    expect(readFileSync(join(out, 'docker-architecture.txt'), 'utf8')).toBe(reference);
    expect(run(['render', 'a.yaml', 'b.yaml']).stderr).toContain('several inputs need --out-dir');
  });

  it('refuses two inputs of one name for --out-dir before writing anything (#18)', () => {
    const out = folder('same-name');
    const result = run([
      'render',
      'docs/examples/docker-architecture.yaml',
      'docs/examples/docker-architecture.json',
      '--out-dir',
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('would both be written to');
    expect(existsSync(join(out, 'docker-architecture.txt'))).toBe(false);
  });

  it.each([
    ['--max-nodes', '1e3'],
    ['--max-nodes', '0x10'],
    ['--max-nodes', ' 7'],
    ['--width', '8e1'],
    ['--timeout', '3000000000'],
  ])('refuses %s %j: a number in digits, in range (#18)', (flag, value) => {
    const result = run(['render', 'docs/examples/docker-architecture.yaml', flag, value]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/needs a (positive )?whole number/);
  });

  it.each([
    [
      'throws',
      /error\[ts\/module-threw\]: the module threw while loading: Error: the model could not be built/,
    ],
    ['hangs', /error\[ts\/timeout\]: the module did not produce its diagram/],
    ['not-a-diagram', /error\[ts\/not-a-diagram\]: the default export is string, not a diagram/],
  ])('gives a clear error for a module that %s', (name, pattern) => {
    const result = run(['render', `test/ts-models/${name}.ts`, '--timeout', '300']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirTmp()).toEqual([]);
  });
});

function readdirTmp(): string[] {
  return spawnSync('ls', ['-a', join(repo, 'test/ts-models')], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((f) => f.endsWith('.mjs'));
}

describe('validate', () => {
  it('passes a good model and reports every problem in a bad one with exit 2', () => {
    expect(
      run([
        'validate',
        'docs/examples/docker-architecture.yaml',
        'docs/examples/docker-architecture.ts',
      ]),
    ).toMatchObject({ code: 0 });
    const bad = run(['validate', 'test/fixtures/invalid-model/model.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('5 problems found');
  });

  it('reports a type error in a .ts model at its line and column', () => {
    const result = run(['validate', 'test/ts-models/type-error.ts']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^test\/ts-models\/type-error\.ts:3:7: error\[ts\/TS2322\]: Type 'string' is not assignable to type 'number'\./m,
    );
  });

  it('prints diagnostics as JSON with --json', () => {
    const result = run(['validate', 'test/fixtures/invalid-model/model.yaml', '--json']);
    const report = JSON.parse(result.stderr) as {
      diagnostics: { code: string; position: { line: number } }[];
    };
    expect(report.diagnostics.map((d) => d.code)).toContain('model/unknown-kind');
    expect(report.diagnostics[0]?.position.line).toBe(6);
  });

  it('colours only when allowed: FORCE_COLOR forces, NO_COLOR wins', () => {
    const forced = run(['validate', 'test/fixtures/invalid-model/model.yaml'], {
      env: { FORCE_COLOR: '1' },
    });
    expect(forced.stderr).toContain('\u001b[31;1merror\u001b[0m');
    const plain = run(['validate', 'test/fixtures/invalid-model/model.yaml'], {
      env: { FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(plain.stderr).not.toContain('\u001b[');
    expect(run(['validate', 'test/fixtures/invalid-model/model.yaml']).stderr).not.toContain(
      '\u001b[',
    );
  });
});

describe('docs', () => {
  const setup = () => {
    const dir = folder(`docs-${Math.random().toString(36).slice(2)}`);
    writeFileSync(join(dir, 'model.yaml'), 'nodes:\n  - {kind: api, label: Rest API}\n');
    writeFileSync(
      join(dir, 'page.md'),
      '# Page\n\n<!-- diagrama:start model.yaml charset=ascii -->\n<!-- diagrama:end -->\n',
    );
    return dir;
  };

  it('regenerates zones, and --check fails with a diff once a model changes', () => {
    const dir = setup();
    expect(run(['docs', dir])).toMatchObject({ code: 0 });
    expect(readFileSync(join(dir, 'page.md'), 'utf8')).toContain('|  Rest API  |');
    expect(run(['docs', '--check', dir])).toMatchObject({ code: 0, stdout: '' });
    writeFileSync(join(dir, 'model.yaml'), 'nodes:\n  - {kind: api, label: Engine API}\n');
    const stale = run(['docs', '--check', join(dir, 'page.md')]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('\n-|  Rest API  |\n');
    expect(stale.stdout).toContain('\n+|  Engine API  |\n');
    expect(readFileSync(join(dir, 'page.md'), 'utf8')).toContain('|  Rest API  |');
  });

  it('re-renders in --watch mode when a model changes', async () => {
    const dir = setup();
    const child = spawn(process.execPath, [bin, 'docs', '--watch', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    try {
      await waitFor(() => stderr.includes('watching for changes'));
      expect(readFileSync(join(dir, 'page.md'), 'utf8')).toContain('Rest API');
      writeFileSync(join(dir, 'model.yaml'), 'nodes:\n  - {kind: api, label: Watched API}\n');
      await waitFor(() => readFileSync(join(dir, 'page.md'), 'utf8').includes('Watched API'));
    } finally {
      child.kill('SIGTERM');
    }
  }, 20_000);

  it('keeps watching through replacing saves, a broken model, a model outside the folder and a folder that comes back', async () => {
    const base = folder('watch-hard');
    mkdirSync(join(base, '.git'), { recursive: true });
    mkdirSync(join(base, 'docs'), { recursive: true });
    mkdirSync(join(base, 'models'), { recursive: true });
    const model = join(base, 'models', 'm.yaml');
    const page = join(base, 'docs', 'page.md');
    const zone =
      '# P\n\n<!-- diagrama:start ../models/m.yaml charset=ascii -->\n<!-- diagrama:end -->\n';
    const label = (text: string) => `nodes:\n  - {kind: api, label: ${text}}\n`;
    writeFileSync(model, label('One'));
    writeFileSync(page, zone);
    // a save the way editors and sed -i do it: a new file renamed over the old one
    const save = (text: string) => {
      writeFileSync(`${model}.new`, text);
      renameSync(`${model}.new`, model);
    };
    const has = (file: string, text: string) => () => {
      try {
        return readFileSync(file, 'utf8').includes(text);
      } catch {
        return false;
      }
    };
    const child = spawn(process.execPath, [bin, 'docs', '--watch', join(base, 'docs')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    try {
      await waitFor(() => stderr.includes('watching for changes'), 10_000, `step 1: ${stderr}`);
      expect(has(page, 'One')()).toBe(true);
      save(label('Two'));
      await waitFor(has(page, 'Two'), 10_000, `step 2: ${stderr}`);
      save(label('Three'));
      await waitFor(has(page, 'Three'), 10_000, `step 3: ${stderr}`);
      save('nodes: [\n');
      await waitFor(() => stderr.includes('error[yaml/'), 10_000, `step 4: ${stderr}`);
      save(label('Four'));
      await waitFor(has(page, 'Four'), 10_000, `step 5: ${stderr}`);
      rmSync(join(base, 'docs'), { recursive: true });
      await waitFor(
        () => stderr.includes('was removed; watching for it to come back'),
        10_000,
        `removal: ${stderr}`,
      );
      mkdirSync(join(base, 'docs'));
      writeFileSync(join(base, 'docs', 'again.md'), zone);
      await waitFor(has(join(base, 'docs', 'again.md'), 'Four'), 10_000, `step 6: ${stderr}`);
      expect(child.exitCode).toBe(null);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});

async function waitFor(check: () => boolean, ms = 10_000, what = ''): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('init', () => {
  it('writes a starter model and a Markdown file with a filled zone, and will not overwrite', () => {
    const dir = join(scratch, 'init');
    expect(run(['init', dir])).toMatchObject({ code: 0 });
    const page = readFileSync(join(dir, 'diagrams.md'), 'utf8');
    expect(page).toContain('<!-- diagrama:start diagram.yaml -->\n```text\n╔');
    expect(run(['validate', join(dir, 'diagram.yaml')]).code).toBe(0);
    const again = run(['init', dir]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('already exists (use --force to overwrite it)');
    expect(run(['init', dir, '--force']).code).toBe(0);
  });
});

describe('help', () => {
  it.each(['render', 'validate', 'docs', 'init'])(
    '%s --help documents options and exit codes',
    (command) => {
      const result = run([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: diagrama ${command}`);
      expect(result.stdout).toContain('Exit codes:');
    },
  );

  it('says a .ts model is code', () => {
    expect(run(['--help']).stdout).toContain('Models in .ts files are code');
    expect(run(['render', '--help']).stdout).toContain('A .ts model is code');
  });
});

describe('diagrama import', () => {
  const drawing = join(repo, 'packages/import/test/hand-drawn.txt');

  it('writes the model of a drawing, with what it guessed on stderr', () => {
    const result = run(['import', drawing]);
    expect(result.code).toBe(0);
    // the documented example is what the importer writes, header aside
    const documented = readFileSync(join(repo, 'docs/examples/imported/ingress.yaml'), 'utf8');
    expect(result.stdout.split('\n').slice(1)).toEqual(documented.split('\n').slice(1));
    expect(result.stderr).toContain('warning[import/ragged-box]');
    expect(result.stderr).toMatch(/"MySQL" is a database: its label says "MySQL"/);
    // and the model it wrote renders
    const out = join(folder('import'), 'model.yaml');
    expect(run(['import', drawing, '--out', out, '-q']).stderr).toBe('');
    expect(run(['render', out]).code).toBe(0);
  });

  it('reads every drawing of a Markdown file at its own lines, and standard input', () => {
    const markdown = join(folder('import-md'), 'notes.md');
    writeFileSync(
      markdown,
      '# Notes\n\n```\n┌─────┐\n│  a  │\n└──┬──┘\n   │\n   ▼\n┌──┴──┐\n│  b  │\n└─────┘\n```\n\ntext\n\n```\n┌───┐\n│ c │\n└───┘\n\nloose words\n```\n',
    );
    const result = run(['import', markdown, '--format', 'json']);
    expect(result.code).toBe(0);
    const models = JSON.parse(result.stdout);
    expect(models).toHaveLength(2);
    expect(models[0].connections).toEqual([{ from: 'a', to: 'b' }]);
    expect(result.stderr).toContain('notes.md:21:1: warning[import/free-text]');
    const piped = run(['import', '-', '-q'], { input: readFileSync(drawing, 'utf8') });
    expect(piped.stdout).toContain('{ kind: queue, id: kafka, label: Kafka }');
  });

  it('reads the drawings in a source file’s comments, each at its own lines', () => {
    const source = join(folder('import-code'), 'server.c');
    writeFileSync(
      source,
      'int main(void);\n\n/*\n * ┌─────┐\n * │  a  │\n * └──┬──┘\n *    │\n *    ▼\n * ┌──┴──┐\n * │  b  │\n * └─────┘\n */\nint x; // ┌─┐ not a drawing\n',
    );
    const result = run(['import', source, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).connections).toEqual([{ from: 'a', to: 'b' }]);
    expect(result.stderr).toContain('server.c:4: 2 boxes');
    expect(result.stderr).toContain('server.c:4:4: "a" is a box');
    const empty = join(folder('import-code'), 'empty.py');
    writeFileSync(empty, 'print(1)\n');
    const none = run(['import', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no comment holds box art');
  });

  it('fails with --strict, writes nothing, and refuses what it cannot read', () => {
    const out = join(folder('import-strict'), 'model.yaml');
    const strict = run(['import', drawing, '--strict', '--out', out]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('error[import/ragged-box]');
    expect(existsSync(out)).toBe(false);
    expect(run(['import', join(scratch, 'missing.txt')]).code).toBe(3);
    const latin1 = join(folder('import-bytes'), 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x51, 0xfa, 0x65, 0x0a]));
    const bytes = run(['import', latin1]);
    expect(bytes.code).toBe(2);
    expect(bytes.stderr).toMatch(/latin1\.txt:1:1: error\[/);
    expect(run(['import', drawing, '--format', 'svg']).code).toBe(2);
  });
});

describe('diagrama docs --cache', () => {
  it('keeps what each zone rendered in the project, and still fails on what went stale', () => {
    const dir = folder('docs-cache');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'm.yaml'), 'nodes:\n  - {kind: api, label: Rest API}\n');
    writeFileSync(join(dir, 'doc.md'), '<!-- diagrama:start m.yaml -->\n<!-- diagrama:end -->\n');
    expect(run(['docs', '--cache', dir, '-q']).code).toBe(0);
    const cache = join(dir, 'node_modules/.cache/diagrama/docs.json');
    const saved = JSON.parse(readFileSync(cache, 'utf8'));
    expect(saved.salt).toMatch(/^build [0-9a-f]+$/);
    expect(Object.keys(saved.entries)).toHaveLength(1);
    expect(run(['docs', '--check', '--cache', dir]).code).toBe(0);
    // the model changes: the cache holds nothing for it, and the check fails
    writeFileSync(join(dir, 'm.yaml'), 'nodes:\n  - {kind: api, label: Web API}\n');
    const stale = run(['docs', '--check', '--cache', dir]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('+║  Web API  ║');
    // --cache-location puts it elsewhere
    const elsewhere = join(dir, 'elsewhere.json');
    expect(run(['docs', '--cache-location', elsewhere, dir, '-q']).code).toBe(0);
    expect(existsSync(elsewhere)).toBe(true);
  });
});

describe('diagrama docs --adopt', () => {
  it('turns the seed document into zones: only the markers are new, and --check passes', () => {
    const dir = folder('adopt');
    mkdirSync(join(dir, '.git'));
    const original = readFileSync(join(repo, 'test/seeds/002_4bb4fe39dc5ab3c2.txt'), 'utf8');
    const doc = join(dir, 'notes.md');
    writeFileSync(doc, original);
    // without --write: the diff, nothing written
    const preview = run(['docs', '--adopt', doc]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain(
      '+<!-- diagrama:start arquitectura-de-docker.yaml charset=double info="" -->',
    );
    expect(preview.stdout).toContain('new file: ');
    expect(readFileSync(doc, 'utf8')).toBe(original);
    expect(existsSync(join(dir, 'arquitectura-de-docker.yaml'))).toBe(false);
    // with it: two models beside the document, the document as it was plus four marker lines
    const adopted = run(['docs', '--adopt', '--write', doc]);
    expect(adopted.code).toBe(0);
    expect(adopted.stderr).toContain('2 drawings adopted');
    expect(adopted.stderr).toContain('the document reads as before');
    const after = readFileSync(doc, 'utf8');
    const withoutMarkers = after
      .split('\n')
      .filter((line) => !line.startsWith('<!-- diagrama:'))
      .join('\n');
    const trim = (s: string) => s.replace(/[ \t]+\n/g, '\n');
    expect(trim(withoutMarkers)).toBe(trim(original));
    expect(after.match(/<!-- diagrama:/g)).toHaveLength(4);
    expect(run(['docs', '--check', doc]).code).toBe(0);
    // the drawing is code now: a change to its model shows in the document
    const model = join(dir, 'arquitectura-de-docker.yaml');
    writeFileSync(model, readFileSync(model, 'utf8').replace('Rest API', 'REST API v2'));
    expect(run(['docs', doc]).code).toBe(0);
    expect(readFileSync(doc, 'utf8')).toContain('REST API v2');
    // a second adoption finds nothing left to adopt
    expect(run(['docs', '--adopt', doc]).stdout).toBe('');
  });

  it('leaves a drawing no model renders exactly, and says so', () => {
    const dir = folder('adopt-inexact');
    mkdirSync(join(dir, '.git'));
    const doc = join(dir, 'a.md');
    const text = `# A\n\n\`\`\`\n${readFileSync(join(repo, 'packages/import/test/hand-drawn.txt'), 'utf8')}\`\`\`\n`;
    writeFileSync(doc, text);
    const result = run(['docs', '--adopt', '--write', doc]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/a\.md:3: left as drawn: no model renders it exactly/);
    expect(readFileSync(doc, 'utf8')).toBe(text);
    expect(run(['docs', '--write', doc]).code).toBe(2);
  });

  it('leaves an indented drawing, which `import` reads', () => {
    const dir = folder('adopt-indented');
    mkdirSync(join(dir, '.git'));
    const doc = join(dir, 'a.md');
    const text = '# A\n\n    ┌─────┐\n    │  a  │\n    └─────┘\n';
    writeFileSync(doc, text);
    const result = run(['docs', '--adopt', '--write', doc]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/a\.md:3: left as drawn: an indented block/);
    expect(readFileSync(doc, 'utf8')).toBe(text);
    const imported = run(['import', doc]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('label: a');
  });
});
