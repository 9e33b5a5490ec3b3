import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@diagrama/core';

/** Options for {@link typeCheckDiagramModule}. */
export interface TypeCheckOptions {
  /** The name used in positions; defaults to the path. */
  displayName?: string;
}

function ownTypes(specifier: string): string | undefined {
  try {
    const runtime = fileURLToPath(import.meta.resolve(specifier));
    return runtime.endsWith('.js') ? runtime.replace(/\.js$/, '.d.ts') : runtime;
  } catch {
    return undefined;
  }
}

/**
 * Type-checks a `.ts` diagram module with ts-morph against diagrama's real model types and
 * reports every error at `file:line:col`, including a default export that is not a diagram.
 * Returns no diagnostics when the module is well typed.
 */
export async function typeCheckDiagramModule(
  path: string,
  options: TypeCheckOptions = {},
): Promise<Diagnostic[]> {
  const file = options.displayName ?? path;
  const { Project, ts } = await import('ts-morph');
  const core = ownTypes('@diagrama/core');
  const project = new Project({
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2024,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      types: [],
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      ...(core ? { paths: { '@diagrama/core': [core] } } : {}),
    },
    skipAddingFilesFromTsConfig: true,
  });
  const absolute = resolve(path);
  const module = project.addSourceFileAtPath(absolute);
  const probe = project.createSourceFile(
    `${absolute}.__diagrama_check__.ts`,
    `import exported from ${JSON.stringify(absolute)};\n` +
      "import type { Diagram, DiagramInput } from '@diagrama/core';\n" +
      'const diagram: Diagram | DiagramInput = exported;\nexport { diagram };\n',
  );
  const out: Diagnostic[] = [];
  for (const d of project.getPreEmitDiagnostics()) {
    const source = d.getSourceFile();
    const start = d.getStart() ?? 0;
    const message = ts.flattenDiagnosticMessageText(d.getMessageText() as never, ' ');
    if (source === probe) {
      const exportAt = module.getDefaultExportSymbol()?.getDeclarations()[0];
      const at = exportAt
        ? module.getLineAndColumnAtPos(exportAt.getStart())
        : { line: 1, column: 1 };
      out.push({
        code: `ts/TS${d.getCode()}`,
        message: exportAt
          ? `the default export is not a diagram: ${message}`
          : 'the module has no default export',
        position: { file, line: at.line, column: at.column },
        expected: 'export default diagram({ … }) (or the plain form)',
      });
      continue;
    }
    const at = source ? source.getLineAndColumnAtPos(start) : { line: 1, column: 1 };
    const name = source && source !== module ? source.getFilePath() : file;
    out.push({
      code: `ts/TS${d.getCode()}`,
      message,
      position: { file: name, line: at.line, column: at.column },
    });
  }
  return out;
}
