import { basename, extname, join } from 'node:path';
import { quote, type Scene } from '@diagrama/core';
import {
  CHARSET_NAMES,
  type CharsetName,
  isCharsetName,
  sceneToText,
} from '@diagrama/render-ascii';
import { type OptionSpec, parseArgs, UsageError, wholeNumber } from '../args.js';
import { forEachInput } from '../each-input.js';
import { EXIT } from '../exit-codes.js';
import { type CliIo, writeOutput } from '../io.js';
import { LIMIT_HELP, LIMIT_OPTIONS, limitsFrom } from '../limits.js';
import { createReporter } from '../reporter.js';
import { adviceFor, layout, loadInput } from '../source.js';
import { COMMON_HELP, COMMON_OPTIONS, EXIT_HELP, parseTimeout } from './common.js';

/** Options of `diagrama render`. */
export const RENDER_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...COMMON_OPTIONS,
  format: { takesValue: true, short: 'f' },
  charset: { takesValue: true, short: 'c' },
  theme: { takesValue: true, short: 't' },
  'label-offsets': { takesValue: false },
  font: { takesValue: true },
  out: { takesValue: true, short: 'o' },
  'out-dir': { takesValue: true, short: 'd' },
  timeout: { takesValue: true },
  width: { takesValue: true, short: 'w' },
  scale: { takesValue: true },
  ...LIMIT_OPTIONS,
};

/** Output formats `render` knows. */
export const FORMATS = ['ascii', 'svg', 'md', 'png', 'dot', 'd2', 'mermaid', 'plantuml'] as const;
/** Formats that write the model in another tool's language: no layout needed. */
const LANGUAGES = ['dot', 'd2', 'mermaid', 'plantuml'] as const;
type Format = (typeof FORMATS)[number];
const THEMES = ['light', 'dark', 'auto'] as const;
const FONTS = ['sans', 'mono'] as const;
type Font = (typeof FONTS)[number];
type Theme = (typeof THEMES)[number];
const EXTENSIONS: Readonly<Record<Format, string>> = {
  ascii: '.txt',
  svg: '.svg',
  md: '.md',
  png: '.png',
  dot: '.dot',
  d2: '.d2',
  mermaid: '.mmd',
  plantuml: '.puml',
};

export const RENDER_HELP = `Usage: diagrama render <file|-> [more files…] [options]

Renders diagram models: YAML (.yaml, .yml), JSON (.json), or TypeScript modules (.ts, .mts)
whose default export is a diagram. '-' reads YAML from standard input.

A .ts model is code: it runs with your permissions, like any script you execute. It is
transpiled (not type-checked) with the TypeScript that ts-morph bundles; use
'diagrama validate' to type-check it.

Options:
  -f, --format <ascii|svg|md|png|dot|d2|mermaid|plantuml>
                                box-drawing text, an SVG image, a Markdown block, a PNG image
                                (the SVG rasterised with pinned fonts), or the model written
                                for Graphviz, D2, Mermaid or PlantUML (default: ascii)
      --scale <n>               PNG pixels per SVG pixel, above 0 and up to 16 (default: 2)
  -c, --charset <name>          ${CHARSET_NAMES.join(', ')} (default: double; ascii and md)
  -t, --theme <light|dark|auto> SVG colours; auto follows prefers-color-scheme (default: light)
      --font <sans|mono>        SVG typeface: proportional, or one cell per glyph (default: sans)
      --label-offsets           SVG: draw labels where labelOffset hints move them, as in the
                                hand-drawn text (default: where their alignment says)
  -o, --out <file|->            write one diagram to a file (atomically); - is standard output
  -d, --out-dir <dir>           write each diagram to <dir>/<name> with the format's extension
                                (needed for several)
  -w, --width <columns|none>    fit the picture in this many columns: wrap labels and notes at
                                spaces, then turn rows into columns; fails naming the narrowest
                                width that fits (default: the terminal's width when text goes
                                to a terminal, else none)
      --timeout <ms>            how long a .ts module may take to load (default: 10000)
${COMMON_HELP}

Limits on untrusted input (errors name the limit and the flag):
${LIMIT_HELP}

${EXIT_HELP}
`;

/** One drawing function per format; heavy renderers load only when their format is asked for. */
interface DrawOptions {
  charset: CharsetName;
  theme: Theme;
  font: Font;
  labelOffsets: boolean;
  scale: number;
}

type Language = (typeof LANGUAGES)[number];
const DRAW: Readonly<
  Record<
    Exclude<Format, Language>,
    (scene: Scene, options: DrawOptions) => Promise<string | Uint8Array>
  >
> = {
  ascii: async (scene, { charset }) => sceneToText(scene, { charset }),
  svg: async (scene, { theme, font, labelOffsets }) =>
    (await import('@diagrama/render-svg')).sceneToSvg(scene, { theme, font, labelOffsets }),
  png: async (scene, { theme, font, labelOffsets, scale }) =>
    (await import('@diagrama/render-png')).sceneToPng(scene, { theme, font, labelOffsets, scale }),
  md: async (scene, { charset }) =>
    (await import('@diagrama/render-markdown')).diagramToMarkdown({
      text: sceneToText(scene, { charset }),
    }),
};

/** The `--width` budget: given, else the terminal's columns when text is shown on it. */
function widthFrom(
  value: string | true | undefined,
  io: CliIo,
  toTerminal: boolean,
): number | undefined {
  if (value === undefined) {
    const columns = io.stdout.columns;
    return toTerminal && io.stdout.isTTY && typeof columns === 'number' && columns > 0
      ? columns
      : undefined;
  }
  if (value === 'none') return undefined;
  const columns = wholeNumber(value, 1);
  if (columns === undefined) {
    throw new UsageError('--width needs a whole number of columns (at least 1), or none');
  }
  return columns;
}

/** The `--scale` of a PNG: above 0, at most 16. */
function scaleFrom(value: string | true | undefined): number {
  if (value === undefined) return 2;
  const scale = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(scale > 0 && scale <= 16)) {
    throw new UsageError('--scale needs a number above 0 and at most 16, such as 2 or 1.5');
  }
  return scale;
}

const isLanguage = (format: Format): format is Language =>
  (LANGUAGES as readonly string[]).includes(format);

function choice<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`unknown ${what} ${quote(value)}; expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Runs `diagrama render`; returns the exit code (the worst over all inputs). */
export async function runRender(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, RENDER_OPTIONS);
  const { positionals, options } = parsed;
  const limits = limitsFrom(parsed);
  if (options.has('help')) {
    io.stdout.write(RENDER_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0)
    throw new UsageError('render needs a model file (or - for standard input)');
  const format = choice(String(options.get('format') ?? 'ascii'), FORMATS, 'format');
  const theme = choice(String(options.get('theme') ?? 'light'), THEMES, 'theme');
  const font = choice(String(options.get('font') ?? 'sans'), FONTS, 'font');
  const charset = String(options.get('charset') ?? 'double');
  if (!isCharsetName(charset)) {
    throw new UsageError(
      `unknown charset ${quote(charset)}; expected one of ${CHARSET_NAMES.join(', ')}`,
    );
  }
  const out = options.get('out');
  const outDir = options.get('out-dir');
  if (typeof out === 'string' && typeof outDir === 'string')
    throw new UsageError('use --out or --out-dir, not both');
  if (positionals.length > 1 && typeof outDir !== 'string') {
    throw new UsageError('several inputs need --out-dir <dir>');
  }
  if (typeof outDir === 'string') {
    // two inputs of one name would write one file, the last silently winning: refuse first
    const seen = new Map<string, string>();
    for (const input of positionals) {
      const name = input === '-' ? 'stdin' : basename(input, extname(input));
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        throw new UsageError(
          `${quote(earlier)} and ${quote(input)} would both be written to ${quote(join(outDir, `${name}${EXTENSIONS[format]}`))}: render them to different folders`,
        );
      }
      seen.set(name, input);
    }
  }
  const timeout = parseTimeout(options.get('timeout'));
  const scale = scaleFrom(options.get('scale'));
  const toTerminal =
    format !== 'svg' && typeof outDir !== 'string' && (out === undefined || out === '-');
  if (format === 'png' && toTerminal && io.stdout.isTTY) {
    throw new UsageError('a PNG is binary: write it to a file with --out model.png, or pipe it');
  }
  const width = widthFrom(options.get('width'), io, toTerminal);
  const reporter = createReporter(io, { quiet: options.has('quiet'), json: options.has('json') });
  return forEachInput(positionals, reporter, async (input) => {
    const loaded = await loadInput(input, io, timeout, limits);
    reporter.warnings(adviceFor(loaded));
    const output = isLanguage(format)
      ? (await import('@diagrama/export')).exportDiagram(loaded.diagram, format)
      : await DRAW[format](layout(loaded, limits, width), {
          charset,
          theme,
          font,
          labelOffsets: options.has('label-offsets'),
          scale,
        });
    if (typeof outDir === 'string') {
      const name = input === '-' ? 'stdin' : basename(input, extname(input));
      const target = join(outDir, `${name}${EXTENSIONS[format]}`);
      await writeOutput(target, output);
      reporter.info(`wrote ${target}`);
    } else if (typeof out === 'string' && out !== '-') {
      await writeOutput(out, output);
    } else {
      io.stdout.write(output);
    }
  });
}
