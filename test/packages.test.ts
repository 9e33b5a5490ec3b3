import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repo } from './repo-models.js';

// #17: the packages as a user gets them — packed, installed with npm into a project outside
// the workspace, imported from Node ESM, type-checked, and read by publint and attw.

const packages = readdirSync(join(repo, 'packages'))
  .map((dir) => ({
    dir,
    json: JSON.parse(readFileSync(join(repo, 'packages', dir, 'package.json'), 'utf8')),
  }))
  .filter((p) => !p.json.private);

/** pnpm, as the test runs under it (`pnpm test`), or the pinned one. */
const pnpm = (args: string[], cwd: string) => {
  const execPath = process.env.npm_execpath;
  const [command, prefix] =
    execPath && /pnpm/.test(execPath)
      ? [process.execPath, [execPath]]
      : ['npx', ['-y', 'pnpm@10.34.9']];
  return spawnSync(command, [...prefix, ...args], { cwd, encoding: 'utf8' });
};

let work: string;
const tarballs = new Map<string, string>();
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'diagrama-pack-'));
  for (const { dir, json } of packages) {
    const packed = pnpm(['pack', '--pack-destination', work], join(repo, 'packages', dir));
    if (packed.status !== 0) throw new Error(`pnpm pack ${dir}: ${packed.stderr}`);
    const file = readdirSync(work).find((f) =>
      f.startsWith(`${json.name.replace('@', '').replace('/', '-')}-${json.version}`),
    );
    if (!file) throw new Error(`no tarball for ${json.name}`);
    tarballs.set(json.name, join(work, file));
  }
}, 120_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Paths in a .tgz (ustar headers: the name, and the prefix for long ones). */
function tarPaths(file: string): string[] {
  const tar = gunzipSync(readFileSync(file));
  const paths: string[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    const name = header.subarray(0, 100).toString('latin1').replace(/\0.*$/s, '');
    if (name === '') break;
    const prefix = header.subarray(345, 500).toString('latin1').replace(/\0.*$/s, '');
    paths.push(prefix ? `${prefix}/${name}` : name);
    const size = Number.parseInt(header.subarray(124, 136).toString('latin1').trim() || '0', 8);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return paths;
}

describe('every public package', () => {
  it.each(packages.map((p) => p.json.name))('%s has what a published package needs', (name) => {
    const json = packages.find((p) => p.json.name === name)?.json;
    expect(json.license).toBe('MIT');
    expect(json.engines?.node).toBe('>=20.19');
    expect(json.sideEffects).toBeDefined();
    expect(json.files).toBeDefined();
    // types first in every export that has them
    for (const [key, value] of Object.entries(json.exports ?? {})) {
      if (typeof value === 'object' && value !== null && 'types' in value)
        expect(Object.keys(value)[0], `${name} exports["${key}"]`).toBe('types');
    }
    const paths = tarPaths(tarballs.get(name) as string);
    for (const file of ['package/package.json', 'package/README.md', 'package/LICENSE'])
      expect(paths, name).toContain(file);
    expect(
      paths.filter((p) => /\.test\.ts$/.test(p)),
      name,
    ).toEqual([]);
  });

  it.each(packages.map((p) => p.json.name))(
    '%s: publint and Are the types wrong? report nothing',
    async (name) => {
      const data = readFileSync(tarballs.get(name) as string);
      const linted = await publint({
        pack: {
          tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.length) as ArrayBuffer,
        },
        level: 'warning',
      });
      expect(linted.messages.map((m) => `${m.code} ${m.path.join('.')}`)).toEqual([]);
      const checked = await checkPackage(createPackageFromTarballData(new Uint8Array(data)));
      // ESM only, as documented: CommonJS and node10 resolution are not offered
      const problems =
        'problems' in checked
          ? checked.problems.filter(
              (p) =>
                !('resolutionKind' in p) || !['node10', 'node16-cjs'].includes(p.resolutionKind),
            )
          : [];
      expect(problems.map((p) => `${p.kind} ${'entrypoint' in p ? p.entrypoint : ''}`)).toEqual([]);
    },
    60_000,
  );
});

describe('installed from the tarballs with npm, outside the workspace', () => {
  let project: string;
  beforeAll(() => {
    project = join(work, 'project');
    spawnSync('mkdir', ['-p', project]);
    writeFileSync(
      join(project, 'package.json'),
      '{ "name": "user-project", "private": true, "type": "module" }\n',
    );
    const installed = spawnSync(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
        ...tarballs.values(),
        // the host a plugin plugs into is the user's own
        'markdown-it@14',
      ],
      { cwd: project, encoding: 'utf8' },
    );
    if (installed.status !== 0) throw new Error(`npm install: ${installed.stderr}`);
  }, 240_000);

  const model =
    'nodes:\\n  - { id: a, kind: client, label: Client }\\n  - { id: b, kind: api, label: API }\\nconnections: [{ from: a, to: b, note: HTTPS }]\\n';

  it('imports and renders in Node ESM: text, SVG, Markdown, embed and the markdown-it plugin', () => {
    writeFileSync(
      join(project, 'render.mjs'),
      `import { modelToScene } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { sceneToText } from '@diagrama/render-ascii';
import { sceneToSvg } from '@diagrama/render-svg';
import { diagramToMarkdown } from '@diagrama/render-markdown';
import { renderModelSource } from '@diagrama/embed';
import MarkdownIt from 'markdown-it';
import diagramaIt from '@diagrama/markdown-it';
const scene = modelToScene(loadDiagram('${model}').diagram);
const text = sceneToText(scene);
console.log(text);
console.log(sceneToSvg(scene).startsWith('<svg') ? 'svg ok' : 'svg bad');
console.log(diagramToMarkdown({ text }).startsWith('\`\`\`text') ? 'md ok' : 'md bad');
console.log(typeof renderModelSource === 'function' ? 'embed ok' : 'embed bad');
const html = new MarkdownIt().use(diagramaIt).render('\`\`\`diagrama\\n${model}\`\`\`\\n');
console.log(html.includes('class="diagrama"') ? 'markdown-it ok' : 'markdown-it bad');
`,
    );
    const run = spawnSync(process.execPath, ['render.mjs'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Client');
    expect(run.stdout).toContain('HTTPS');
    for (const ok of ['svg ok', 'md ok', 'embed ok', 'markdown-it ok'])
      expect(run.stdout).toContain(ok);
  });

  it('runs the diagrama command from its tarball', () => {
    writeFileSync(join(project, 'model.yaml'), model.replaceAll('\\n', '\n'));
    const run = spawnSync(
      join(project, 'node_modules/.bin/diagrama'),
      ['render', 'model.yaml', '--charset', 'ascii'],
      {
        cwd: project,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/\|\s+Client\s+\|/);
    expect(run.stdout).toContain('HTTPS');
    expect(run.status).toBe(0);
    // SVG from the CLI's own bundle, svgdom found where npm put it, its cache used
    const svg = spawnSync(
      join(project, 'node_modules/.bin/diagrama'),
      ['render', 'model.yaml', '--format', 'svg'],
      { cwd: project, encoding: 'utf8', env: { ...process.env, DIAGRAMA_DEBUG_CODE_CACHE: '1' } },
    );
    expect(svg.stderr).toBe('code cache: accepted\nsvg code cache: accepted\n');
    expect(svg.stdout).toMatch(/^<svg [^>]*>/);
    expect(svg.stdout).toContain('HTTPS');
    expect(svg.status).toBe(0);
  });

  it.each(['node16', 'bundler'] as const)(
    'type-checks against them (moduleResolution %s)',
    (resolution) => {
      writeFileSync(
        join(project, 'use.ts'),
        `import { diagram, modelToScene, type Scene } from '@diagrama/core';
import { loadDiagram } from '@diagrama/load';
import { sceneToText, type CharsetName } from '@diagrama/render-ascii';
import { sceneToSvg } from '@diagrama/render-svg';
const charset: CharsetName = 'rounded';
const scene: Scene = modelToScene(loadDiagram('nodes: []').diagram);
export const out: string = sceneToText(scene, { charset }) + sceneToSvg(scene, { theme: 'dark' });
export const built = diagram;
`,
      );
      const tsc = join(repo, 'node_modules/typescript/bin/tsc');
      const module = resolution === 'node16' ? 'node16' : 'esnext';
      const run = spawnSync(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          'false',
          '--module',
          module,
          '--moduleResolution',
          resolution,
          '--target',
          'es2022',
          'use.ts',
        ],
        { cwd: project, encoding: 'utf8' },
      );
      expect(run.stdout + run.stderr).toBe('');
      expect(run.status).toBe(0);
    },
  );
});

describe('a release', () => {
  it('`changeset version` in a copy gives every package a higher version and a changelog', () => {
    const copy = join(work, 'release');
    // the workspace as changesets sees it: every package.json, the changesets, the config
    const workspace = ['packages', 'apps'].flatMap((top) =>
      readdirSync(join(repo, top)).map((dir) => `${top}/${dir}/package.json`),
    );
    const files = ['package.json', 'pnpm-workspace.yaml', 'test/package.json', ...workspace];
    for (const file of files) {
      spawnSync('mkdir', ['-p', join(copy, file, '..')]);
      writeFileSync(join(copy, file), readFileSync(join(repo, file)));
    }
    spawnSync('cp', ['-r', join(repo, '.changeset'), copy]);
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.email=ci@localhost', '-c', 'user.name=ci', ...args], {
        cwd: copy,
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'release');
    const run = spawnSync(
      process.execPath,
      [join(repo, 'node_modules/@changesets/cli/bin.js'), 'version'],
      {
        cwd: copy,
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const newer = (a: string, b: string) => {
      const [x, y] = [a, b].map((v) => v.split('.').map(Number));
      for (let i = 0; i < 3; i++)
        if ((x?.[i] ?? 0) !== (y?.[i] ?? 0)) return (x?.[i] ?? 0) > (y?.[i] ?? 0);
      return false;
    };
    for (const { dir, json } of packages) {
      const next = JSON.parse(
        readFileSync(join(copy, 'packages', dir, 'package.json'), 'utf8'),
      ).version;
      expect(newer(next, json.version), `${json.name} ${json.version} → ${next}`).toBe(true);
      const changelog = readFileSync(join(copy, 'packages', dir, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toContain(`# ${json.name}\n\n## ${next}\n`);
      expect(changelog).toMatch(/### (Major|Minor|Patch) Changes\n\n- /);
    }
    // every changeset was used up
    expect(
      readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md'),
    ).toEqual([]);
  });
});
