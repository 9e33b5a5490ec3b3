// pnpm fuzz [cases] [seconds]: random bytes and mutated examples through the built CLI, in
// process. Fails (exit 1) if the CLI ever crashes, prints a stack trace or a raw control
// character. Deterministic for a given seed (FUZZ_SEED).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../packages/cli/dist/main.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A small, seedable PRNG (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seeds = [
  ...readdirSync(join(repo, 'docs/examples'))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => join(repo, 'docs/examples', f)),
  ...readdirSync(join(repo, 'test/fixtures'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'examples')
    .map((d) => join(repo, 'test/fixtures', d.name, 'model.yaml')),
].map((path) => ({ json: path.endsWith('.json'), bytes: readFileSync(path) }));

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  "'",
  '\n',
  '  ',
  '- ',
  '&a',
  '*a',
  '!!binary ',
  '%YAML 1.1\n',
  '---\n',
  '\u0000',
  '\u001b[31m',
  '\u202e',
  '🐳',
  '客',
  '\u0301'.repeat(40),
  'kind: host',
  'kind: group',
  'border: none',
  'border: dashed',
  'titleAt: border',
  'titleAt: below',
  'kind: database',
  'kind: user',
  'children:',
  'hints: {width: 1}',
  'direction: grid',
  'direction: right',
  'columns: 1',
  '__proto__',
  '\ufeff',
  '\xff\xfe',
];

function mutate(bytes, next) {
  const out = Buffer.from(bytes);
  const edits = 1 + Math.floor(next() * 8);
  let buffer = out;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (buffer.length + 1));
    const choice = next();
    if (choice < 0.3) buffer[at % Math.max(1, buffer.length)] = Math.floor(next() * 256);
    else if (choice < 0.6) {
      const token = Buffer.from(TOKENS[Math.floor(next() * TOKENS.length)], 'utf8');
      buffer = Buffer.concat([buffer.subarray(0, at), token, buffer.subarray(at)]);
    } else {
      const length = Math.floor(next() * 40);
      buffer = Buffer.concat([buffer.subarray(0, at), buffer.subarray(at + length)]);
    }
  }
  return buffer;
}

/** Runs `cases` inputs (at most `seconds`); returns the failures. */
export async function fuzz({
  cases = 100_000,
  seconds = 600,
  seed = Number(process.env.FUZZ_SEED ?? 1),
  log = () => {},
} = {}) {
  const next = random(seed);
  const dir = mkdtempSync(join(tmpdir(), 'diagrama-fuzz-'));
  const failures = [];
  const start = Date.now();
  let ran = 0;
  try {
    for (; ran < cases && Date.now() - start < seconds * 1000; ran++) {
      const kind = next();
      let bytes;
      let json = false;
      if (kind < 0.2) {
        bytes = Buffer.alloc(Math.floor(next() * 200), 0).map(() => Math.floor(next() * 256));
      } else {
        const base = seeds[Math.floor(next() * seeds.length)];
        bytes = mutate(base.bytes, next);
        json = base.json;
      }
      let stdout = '';
      let stderr = '';
      const io = {
        stdout: { write: (text) => (stdout += text) },
        stderr: { write: (text) => (stderr += text) },
        readStdinBytes: async () => bytes,
        env: {},
      };
      const format = ['ascii', 'svg', 'md'][Math.floor(next() * 3)];
      let args = ['render', '-', '--format', format];
      if (json) {
        const file = join(dir, 'case.json');
        writeFileSync(file, bytes);
        args = ['render', file, '--format', format];
      }
      let code;
      try {
        code = await main(args, io);
      } catch (error) {
        failures.push({ reason: `threw ${error}`, bytes: bytes.toString('base64') });
        continue;
      }
      const reason =
        code === 70 || ![0, 2, 3].includes(code)
          ? `exit ${code}: ${stderr.slice(0, 300)}`
          : /\n\s+at /.test(stderr)
            ? 'stack trace'
            : UNSAFE.test(stderr)
              ? 'raw control character in stderr'
              : format !== 'svg' && code === 0 && UNSAFE.test(stdout)
                ? 'raw control character in output'
                : undefined;
      if (reason) failures.push({ reason, json, bytes: bytes.toString('base64') });
      if (ran % 10_000 === 0 && ran > 0)
        log(
          `${ran} cases, ${failures.length} failures, ${((Date.now() - start) / 1000).toFixed(0)} s`,
        );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { ran, failures, seconds: (Date.now() - start) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = Number(process.argv[2] ?? 100_000);
  const seconds = Number(process.argv[3] ?? 900);
  const result = await fuzz({ cases, seconds, log: (line) => console.error(line) });
  console.log(
    `fuzz: ${result.ran} cases in ${result.seconds.toFixed(1)} s, ${result.failures.length} failures`,
  );
  for (const failure of result.failures.slice(0, 10)) console.log(JSON.stringify(failure));
  process.exitCode = result.failures.length > 0 || result.ran < cases ? 1 : 0;
}
