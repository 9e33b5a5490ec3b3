import { isDiagramaError } from '@diagrama/core';
import {
  type EmbedOptions,
  type EmbeddedDiagram,
  renderModelSource,
  shiftDiagnostics,
  svgDataUrl,
} from '@diagrama/embed';

/** Options for {@link remarkDiagrama}. */
export interface RemarkDiagramaOptions extends Omit<EmbedOptions, 'file'> {
  /** The info string of the fenced blocks to draw. @default 'diagrama' */
  lang?: string;
  /** Stop the whole run (`file.fail`) on a bad model, instead of a message and the block kept. @default false */
  fatal?: boolean;
}

/** The parts of mdast and hast this plugin reads and writes (no dependency on their types). */
interface Position {
  start: { line: number; column: number; offset?: number };
  end: { line: number; column: number; offset?: number };
}
interface MdNode {
  type: string;
  lang?: string | null | undefined;
  value?: string;
  position?: Position;
  children?: MdNode[];
  data?: Record<string, unknown>;
}
interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: (HastElement | { type: 'text'; value: string })[];
}
/** What unified passes as the file: a VFile, of which only these are used. */
interface FileLike {
  path?: string;
  message(
    reason: string,
    options?: { place?: { line: number; column: number }; ruleId?: string; source?: string },
  ): unknown;
  fail(
    reason: string,
    options?: { place?: { line: number; column: number }; ruleId?: string; source?: string },
  ): never;
}

/** The drawing as hast: `<pre class="diagrama"><code>`, an `<img>` of the SVG, or both in a `<figure>`. */
function toHast(drawn: EmbeddedDiagram): HastElement {
  const parts: HastElement[] = [];
  if (drawn.svg !== undefined) {
    parts.push({
      type: 'element',
      tagName: 'img',
      properties: { src: svgDataUrl(drawn.svg), alt: drawn.scene.title ?? 'diagram' },
      children: [],
    });
  }
  if (drawn.text !== undefined) {
    parts.push({
      type: 'element',
      tagName: 'pre',
      properties: { className: ['diagrama'] },
      children: [
        {
          type: 'element',
          tagName: 'code',
          properties: {},
          children: [{ type: 'text', value: drawn.text }],
        },
      ],
    });
  }
  if (parts.length === 1) return parts[0] as HastElement;
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['diagrama'] },
    children: parts,
  };
}

/**
 * A unified plugin for remark: every fenced code block whose info string is `diagrama`
 * (or `options.lang`) and holds a YAML or JSON model is replaced by its drawing — box-drawing
 * text in `<pre class="diagrama">`, the SVG as an `<img>` (a `data:` URL, so no raw HTML is
 * needed and nothing in it can run), or both in a `<figure>` — when the tree becomes HTML
 * (remark-rehype). A model that does not load is reported as a message on the file at its
 * position in the document, and the block is kept as written (`fatal` stops the run); advice
 * on a model that draws (see `adviseDiagram`) is a message too, and the block is drawn.
 *
 * @example unified().use(remarkParse).use(remarkDiagrama, { output: 'both' }).use(remarkRehype).use(rehypeStringify)
 */
export default function remarkDiagrama(options: RemarkDiagramaOptions = {}) {
  const lang = options.lang ?? 'diagrama';
  return (tree: MdNode, file: FileLike): void => {
    const visit = (node: MdNode): void => {
      for (const child of node.children ?? []) {
        if (child.type === 'code' && child.lang === lang) draw(child);
        else if (child.children) visit(child);
      }
    };
    const draw = (node: MdNode): void => {
      const at = {
        // the model's first line is the one after the opening fence
        line: (node.position?.start.line ?? 0) + 1,
        column: node.position?.start.column ?? 1,
        ...(file.path === undefined ? {} : { file: file.path }),
      };
      let drawn: EmbeddedDiagram;
      try {
        drawn = renderModelSource(node.value ?? '', {
          ...options,
          ...(file.path === undefined ? {} : { file: file.path }),
        });
      } catch (error) {
        if (!isDiagramaError(error)) throw error;
        for (const d of shiftDiagnostics(error.diagnostics, at)) {
          const place = { line: d.position?.line ?? at.line, column: d.position?.column ?? 1 };
          const reason = `${d.message}${d.expected === undefined ? '' : ` (expected ${d.expected})`}`;
          const report = { place, ruleId: d.code, source: 'diagrama' };
          if (options.fatal) file.fail(reason, report);
          file.message(reason, report);
        }
        return;
      }
      // advice is a message that never stops the run, whatever `fatal` says
      for (const d of shiftDiagnostics(drawn.warnings, at)) {
        const place = { line: d.position?.line ?? at.line, column: d.position?.column ?? 1 };
        file.message(d.message, { place, ruleId: d.code, source: 'diagrama' });
      }
      const hast = toHast(drawn);
      // a node type of our own, which remark-rehype turns into exactly the element in `data`
      // (a `code` node would be wrapped in a <pre> whatever its data says)
      node.type = 'diagrama';
      node.data = {
        ...node.data,
        hName: hast.tagName,
        hProperties: hast.properties,
        hChildren: hast.children,
      };
    };
    visit(tree);
  };
}
