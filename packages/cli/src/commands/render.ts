import { type Diagnostic, DiagramaError, modelToScene, type Scene } from '@diagrama/core';
import { formatFromPath, type LoadedDiagram, loadDiagram, locateDiagnostics } from '@diagrama/load';
import {
  CHARSET_NAMES,
  type CharsetName,
  isCharsetName,
  sceneToText,
} from '@diagrama/render-ascii';
import { type OptionSpec, parseArgs, UsageError } from '../args.js';
import { EXIT } from '../exit-codes.js';
import { type CliIo, readText, writeOutput } from '../io.js';
import { printDiagnostics } from '../report.js';

/** Options of `diagrama render`. */
export const RENDER_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  format: { takesValue: true, short: 'f' },
  charset: { takesValue: true, short: 'c' },
  theme: { takesValue: true, short: 't' },
  out: { takesValue: true, short: 'o' },
  help: { takesValue: false, short: 'h' },
  debug: { takesValue: false },
};

/** Output formats `render` knows. */
export const FORMATS = ['ascii', 'svg', 'md'] as const;

export const RENDER_HELP = `Usage: diagrama render <file|-> [options]

Renders a diagram model (YAML or JSON, by extension; '-' reads YAML from standard input).

Options:
  -f, --format <ascii|svg|md>   box-drawing text, an SVG image, or a Markdown block (default: ascii)
  -c, --charset <name>          ${CHARSET_NAMES.join(', ')} (default: double; ascii and md)
  -t, --theme <light|dark|auto> SVG colours; auto follows prefers-color-scheme (default: light)
  -o, --out <file>              write to a file (atomically) instead of standard output
      --debug                   print stack traces of internal errors
  -h, --help                    show this help

Exit codes: 0 ok, 2 invalid input or usage, 3 a file could not be read or written.
`;

type Format = (typeof FORMATS)[number];
const THEMES: readonly string[] = ['light', 'dark', 'auto'];

/** One drawing function per format; heavy renderers load only when their format is asked for. */
const DRAW: Readonly<
  Record<
    Format,
    (scene: Scene, charset: CharsetName, theme: 'light' | 'dark' | 'auto') => Promise<string>
  >
> = {
  ascii: async (scene, charset) => sceneToText(scene, { charset }),
  svg: async (scene, _charset, theme) =>
    (await import('@diagrama/render-svg')).sceneToSvg(scene, { theme }),
  md: async (scene, charset) =>
    (await import('@diagrama/render-markdown')).diagramToMarkdown({
      text: sceneToText(scene, { charset }),
    }),
};

function draw(
  scene: Scene,
  format: Format,
  charset: CharsetName,
  theme: 'light' | 'dark' | 'auto',
): Promise<string> {
  return DRAW[format](scene, charset, theme);
}

/** Runs `diagrama render`; returns the exit code. */
export async function runRender(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(argv, RENDER_OPTIONS);
  if (options.has('help')) {
    io.stdout.write(RENDER_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'render needs a model file (or - for standard input)'
        : 'render takes one model file',
    );
  }
  const format = String(options.get('format') ?? 'ascii');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `unknown format ${JSON.stringify(format)}; expected one of ${FORMATS.join(', ')}`,
    );
  }
  const theme = String(options.get('theme') ?? 'light');
  if (!THEMES.includes(theme)) {
    throw new UsageError(
      `unknown theme ${JSON.stringify(theme)}; expected one of ${THEMES.join(', ')}`,
    );
  }
  const charset = String(options.get('charset') ?? 'double');
  if (!isCharsetName(charset)) {
    throw new UsageError(
      `unknown charset ${JSON.stringify(charset)}; expected one of ${CHARSET_NAMES.join(', ')}`,
    );
  }
  const input = positionals[0] as string;
  const file = input === '-' ? '<stdin>' : input;
  const text = await readText(input, io);
  let loaded: LoadedDiagram;
  let output: string;
  try {
    loaded = loadDiagram(text, { file, format: formatFromPath(input) ?? 'yaml' });
  } catch (error) {
    if (error instanceof DiagramaError) {
      printDiagnostics(io, error.diagnostics);
      return EXIT.invalid;
    }
    throw error;
  }
  try {
    const scene = modelToScene(loaded.diagram);
    output = await draw(scene, format as Format, charset, theme as 'light' | 'dark' | 'auto');
  } catch (error) {
    if (error instanceof DiagramaError) {
      const located: Diagnostic[] = locateDiagnostics(error.diagnostics, loaded.source);
      printDiagnostics(io, located);
      return EXIT.invalid;
    }
    throw error;
  }
  const out = options.get('out');
  if (typeof out === 'string' && out !== '-') await writeOutput(out, output);
  else io.stdout.write(output);
  return EXIT.ok;
}
