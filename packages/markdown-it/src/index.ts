import { type Diagnostic, DiagramaError, formatDiagnostic, isDiagramaError } from '@diagrama/core';
import {
  type EmbedOptions,
  type EmbeddedDiagram,
  escapeHtml,
  renderModelSource,
  shiftDiagnostics,
  svgDataUrl,
} from '@diagrama/embed';

/** Options for {@link markdownItDiagrama}. */
export interface MarkdownItDiagramaOptions extends Omit<EmbedOptions, 'file'> {
  /** The info string of the fenced blocks to draw. @default 'diagrama' */
  lang?: string;
  /** The SVG inline (`<svg>` in the page) or as an `<img>` with a `data:` URL. @default 'inline' */
  svg?: 'inline' | 'img';
  /**
   * A bad model: `render` draws an error block (`<pre class="diagrama-error">`) with the
   * problems at their document lines; `throw` throws a `DiagramaError` with those positions.
   * @default 'render'
   */
  onError?: 'render' | 'throw';
  /** The document's name in error positions. @default '<markdown>' */
  file?: string;
  /**
   * Called with advice on a model that draws (see `adviseDiagram`), at its document line:
   * markdown-it has no channel for warnings, so they go nowhere unless a callback takes them.
   */
  onWarning?: (warning: Diagnostic) => void;
}

/** The parts of markdown-it this plugin uses (no dependency on its types). */
interface Token {
  info: string;
  content: string;
  map: [number, number] | null;
}
type FenceRule = (
  tokens: Token[],
  index: number,
  options: unknown,
  env: unknown,
  self: unknown,
) => string;
interface MarkdownItLike {
  renderer: { rules: object };
}

function toHtml(drawn: EmbeddedDiagram, svg: 'inline' | 'img'): string {
  const parts: string[] = [];
  if (drawn.svg !== undefined) {
    parts.push(
      svg === 'img'
        ? `<img src="${svgDataUrl(drawn.svg)}" alt="${escapeHtml(drawn.scene.title ?? 'diagram')}">`
        : drawn.svg.trimEnd(),
    );
  }
  if (drawn.text !== undefined) {
    parts.push(`<pre class="diagrama"><code>${escapeHtml(drawn.text)}</code></pre>`);
  }
  return parts.length === 1
    ? `${parts[0]}\n`
    : `<figure class="diagrama">\n${parts.join('\n')}\n</figure>\n`;
}

/**
 * A markdown-it plugin: every fenced block whose info string is `diagrama` (or
 * `options.lang`) and holds a YAML or JSON model is rendered as its drawing — box-drawing
 * text in `<pre class="diagrama">`, the SVG (inline, or as an `<img>`), or both in a
 * `<figure>`. Everything taken from the model is escaped (the SVG renderer escapes its own
 * text). Other fences render as before.
 *
 * @example new MarkdownIt().use(markdownItDiagrama, { output: 'svg' })
 */
export default function markdownItDiagrama(
  md: MarkdownItLike,
  options: MarkdownItDiagramaOptions = {},
): void {
  const lang = options.lang ?? 'diagrama';
  const rules = md.renderer.rules as { fence?: FenceRule };
  const fallback = rules.fence;
  rules.fence = (tokens, index, renderOptions, env, self) => {
    const token = tokens[index] as Token;
    if (token.info.trim().split(/\s+/)[0] !== lang) {
      return fallback
        ? fallback(tokens, index, renderOptions, env, self)
        : `<pre><code>${escapeHtml(token.content)}</code></pre>\n`;
    }
    // the model's first line is the one after the opening fence (map is 0-based)
    const at = { file: options.file ?? '<markdown>', line: (token.map?.[0] ?? 0) + 2 };
    try {
      const drawn = renderModelSource(token.content, options);
      if (options.onWarning)
        for (const warning of shiftDiagnostics(drawn.warnings, at)) options.onWarning(warning);
      return toHtml(drawn, options.svg ?? 'inline');
    } catch (error) {
      if (!isDiagramaError(error)) throw error;
      const diagnostics = shiftDiagnostics(error.diagnostics, at);
      if (options.onError === 'throw') throw new DiagramaError(diagnostics);
      const text = diagnostics.map((d) => formatDiagnostic(d)).join('\n');
      return `<pre class="diagrama-error"><code>${escapeHtml(text)}</code></pre>\n`;
    }
  };
}
