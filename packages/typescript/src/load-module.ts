import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  checkDiagram,
  type Diagnostic,
  type Diagram,
  DiagramaError,
  isDiagramaError,
  type Limits,
} from '@diagrama/core';

/** Options for {@link loadDiagramModule}. */
export interface ModuleOptions {
  /** How long the module may take to load and produce its diagram. @default 10000 */
  timeoutMs?: number;
  /** The name used in positions; defaults to the path. */
  displayName?: string;
  /** Limits on the diagram the module produces; defaults to `DEFAULT_LIMITS`. */
  limits?: Partial<Limits>;
}

/** The diagrama packages a module may import; they resolve to the caller's own copies. */
const OWN_PACKAGES = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(@diagrama\/[a-z-]+)\2/g;

function resolveOwn(specifier: string): string | undefined {
  try {
    return import.meta.resolve(specifier);
  } catch {
    return undefined;
  }
}

const error = (file: string, code: string, message: string, extra: Partial<Diagnostic> = {}) =>
  new DiagramaError([{ code, message, position: { file, line: 1, column: 1 }, ...extra }]);

/** What the worker that runs a module reports. */
type WorkerReport =
  | { kind: 'value'; value: unknown }
  | { kind: 'no-default' }
  | { kind: 'threw'; message: string }
  | { kind: 'not-data'; message: string };

/**
 * Imports the module in a worker thread and awaits its default export there, so that a
 * module that never returns — a synchronous infinite loop as much as a promise that never
 * settles — is stopped at the deadline (the worker is terminated) instead of hanging the
 * process. The export comes back as data (structured clone).
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  let report;
  try {
    const module = await import(workerData.url);
    if (!('default' in module)) report = { kind: 'no-default' };
    else report = { kind: 'value', value: await module.default };
  } catch (error) {
    report = { kind: 'threw', message: error instanceof Error ? error.name + ': ' + error.message : String(error) };
  }
  try {
    parentPort.postMessage(report);
  } catch (error) {
    parentPort.postMessage({ kind: 'not-data', message: String(error && error.message || error) });
  }
})();
`;

async function runInWorker(url: string, timeoutMs: number, file: string): Promise<unknown> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(WORKER, { eval: true, workerData: { url } });
  const report = await new Promise<WorkerReport>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        error(file, 'ts/timeout', `the module did not produce its diagram within ${timeoutMs} ms`, {
          expected:
            'a module whose default export is a diagram, available without waiting on anything',
        }),
      );
    }, timeoutMs);
    worker.once('message', (message: WorkerReport) => {
      clearTimeout(timer);
      resolve(message);
    });
    worker.once('error', (cause) => {
      clearTimeout(timer);
      resolve({ kind: 'threw', message: `${cause.name}: ${cause.message}` });
    });
    // a thread that ends without a word waited on a promise nothing will ever settle
    worker.once('exit', () => {
      clearTimeout(timer);
      reject(
        error(
          file,
          'ts/timeout',
          'the module did not produce its diagram: it waits on a promise that never settles',
          {
            expected:
              'a module whose default export is a diagram, available without waiting on anything',
          },
        ),
      );
    });
  });
  await worker.terminate();
  if (report.kind === 'value') return report.value;
  if (report.kind === 'no-default') {
    throw error(file, 'ts/no-default-export', 'the module has no default export', {
      expected: 'export default diagram({ … })',
      example:
        "import { diagram, api } from '@diagrama/core'; export default diagram({ nodes: [api('Rest API')] });",
    });
  }
  if (report.kind === 'not-data') {
    throw error(file, 'ts/not-data', `the default export is not plain data (${report.message})`, {
      expected: 'a diagram made of objects, arrays, strings, numbers and booleans',
    });
  }
  throw error(file, 'ts/module-threw', `the module threw while loading: ${report.message}`);
}

/**
 * Loads a `.ts`/`.mts` diagram module: transpiles it with the TypeScript that ts-morph
 * bundles (no type check, so it stays fast), imports it, and validates its default export —
 * a diagram from the builders, or the plain form — by the same rules as YAML and JSON.
 * `@diagrama/*` imports resolve to the caller's own packages. A module that throws, never
 * settles, or exports something that is not a diagram gives a `DiagramaError`.
 */
export async function loadDiagramModule(
  path: string,
  options: ModuleOptions = {},
): Promise<Diagram> {
  const file = options.displayName ?? path;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let source: string;
  try {
    source = await fs.readFile(path, 'utf8');
  } catch (cause) {
    throw error(
      file,
      'io/read',
      `cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`,
    );
  }
  const { ts } = await import('ts-morph');
  const output = ts.transpileModule(source, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      sourceMap: false,
      inlineSourceMap: false,
    },
  });
  const syntax = (output.diagnostics ?? []).filter(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
  if (syntax.length > 0) {
    throw new DiagramaError(
      syntax.map((d) => {
        const at =
          d.file && d.start !== undefined
            ? d.file.getLineAndCharacterOfPosition(d.start)
            : undefined;
        return {
          code: `ts/TS${d.code}`,
          message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
          position: { file, line: (at?.line ?? 0) + 1, column: (at?.character ?? 0) + 1 },
        };
      }),
    );
  }
  const code = output.outputText.replace(
    OWN_PACKAGES,
    (match, lead: string, quote: string, specifier: string) => {
      const resolved = resolveOwn(specifier);
      return resolved ? `${lead}${quote}${resolved}${quote}` : match;
    },
  );
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.mjs`,
  );
  let exported: unknown;
  try {
    await fs.writeFile(temporary, code, { flag: 'wx' });
    exported = await runInWorker(pathToFileURL(temporary).href, timeoutMs, file);
  } catch (cause) {
    if (isDiagramaError(cause)) {
      if (cause.diagnostics.every((d) => d.position)) throw cause;
      throw new DiagramaError(
        cause.diagnostics.map((d) => ({ ...d, position: { file, line: 1, column: 1 } })),
      );
    }
    const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    throw error(file, 'ts/module-threw', `the module threw while loading: ${message}`);
  } finally {
    await fs.rm(temporary, { force: true });
  }
  const result = checkDiagram(exported, { limits: options.limits ?? {} });
  if (result.diagram === undefined) {
    const notObject = exported === null || typeof exported !== 'object';
    throw new DiagramaError(
      notObject
        ? [
            {
              code: 'ts/not-a-diagram',
              message: `the default export is ${exported === null ? 'null' : typeof exported}, not a diagram`,
              position: { file, line: 1, column: 1 },
              expected: 'a diagram built with diagram({ … }) or its plain form { nodes: [ … ] }',
            },
          ]
        : result.diagnostics.map((d) => ({ ...d, position: { file, line: 1, column: 1 } })),
    );
  }
  return result.diagram;
}
