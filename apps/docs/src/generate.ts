import { promises as fs } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type Diagnostic, DiagramaError } from '@diagrama/core';
import {
  findMarkdownFiles,
  renderModelFile,
  type SyncResult,
  syncMarkdownFile,
  unifiedDiff,
  writeFileAtomic,
} from '@diagrama/docs-sync';
import { type DocumentBlock, documentToMarkdown } from '@diagrama/render-markdown';
import { sceneToSvg } from '@diagrama/render-svg';
import { API_PACKAGES, apiReference } from './api-reference.js';
import type { SourceDocument } from './document.js';
import { DOCUMENTS } from './documents/arquitectura-docker.js';
import { GUIDE_SECTIONS, MODEL_GUIDE_OUTPUT, modelGuide } from './model-guide.js';

/** Renders a source document to Markdown, its diagrams drawn from their models. */
export async function documentMarkdown(document: SourceDocument, root: string): Promise<string> {
  const blocks: DocumentBlock[] = [];
  for (const block of document.blocks) {
    if (block.kind !== 'model') {
      blocks.push(block);
      continue;
    }
    const rendered = await renderModelFile(join(root, block.model), { displayName: block.model });
    blocks.push({
      kind: 'diagram',
      text: rendered.text,
      ...(block.info === undefined ? {} : { info: block.info }),
      ...(block.blankLinesBefore === undefined ? {} : { blankLinesBefore: block.blankLinesBefore }),
    });
  }
  return documentToMarkdown({ blocks });
}

async function readOrEmpty(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** An SVG image the docs app keeps in step with its model. */
export interface SvgOutput {
  /** The model file, relative to the repository root. */
  model: string;
  /** The SVG file written, relative to the repository root. */
  output: string;
  theme: 'light' | 'dark' | 'auto';
}

/** The source document's diagrams as SVG, for the README and readers who prefer images. */
export const SVG_OUTPUTS: readonly SvgOutput[] = [
  ...GUIDE_SECTIONS.map((section) => ({
    model: section.model,
    output: section.image,
    theme: 'auto' as const,
  })),
  {
    model: 'docs/examples/docker-architecture.yaml',
    output: 'docs/img/docker-architecture.svg',
    theme: 'auto',
  },
  {
    model: 'docs/examples/docker-image-layers.yaml',
    output: 'docs/img/docker-image-layers.svg',
    theme: 'auto',
  },
  {
    model: 'docs/examples/docker-overview.yaml',
    output: 'docs/img/docker-overview.svg',
    theme: 'auto',
  },
];

async function writeGenerated(
  output: string,
  root: string,
  check: boolean,
  produce: () => Promise<string>,
): Promise<SyncResult> {
  const path = join(root, output);
  try {
    const after = await produce();
    const before = await readOrEmpty(path);
    if (before === after) return { file: output, status: 'unchanged', diagnostics: [] };
    if (check) {
      return {
        file: output,
        status: 'stale',
        diagnostics: [],
        diff: unifiedDiff(before ?? '', after, { from: `a/${output}`, to: `b/${output}` }),
      };
    }
    await fs.mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, after);
    return { file: output, status: 'updated', diagnostics: [] };
  } catch (error) {
    const diagnostics: Diagnostic[] =
      error instanceof DiagramaError
        ? [...error.diagnostics]
        : [{ code: 'io/write', message: error instanceof Error ? error.message : String(error) }];
    return { file: output, status: 'error', diagnostics };
  }
}

/** Options for {@link generateDocs}. */
export interface GenerateOptions {
  /** The repository root. */
  root: string;
  /** Write nothing; report what is stale. */
  check: boolean;
  /** The documents written whole. @default DOCUMENTS */
  documents?: readonly SourceDocument[];
  /** The SVG images written. @default SVG_OUTPUTS */
  svgs?: readonly SvgOutput[];
  /** Whether the model guide (docs/model.md) is written. @default true */
  guide?: boolean;
  /** The packages whose API reference is written. @default API_PACKAGES */
  apiPackages?: readonly (typeof API_PACKAGES)[number][];
}

/**
 * Regenerates every document the docs app owns, then the zones of every other Markdown file
 * under `docs/` and of `README.md`.
 */
export async function generateDocs(options: GenerateOptions): Promise<SyncResult[]> {
  const { root, check } = options;
  const documents = options.documents ?? DOCUMENTS;
  const results: SyncResult[] = [];
  for (const document of documents) {
    results.push(
      await writeGenerated(document.output, root, check, () => documentMarkdown(document, root)),
    );
  }
  if (options.guide !== false) {
    results.push(await writeGenerated(MODEL_GUIDE_OUTPUT, root, check, () => modelGuide(root)));
  }
  for (const svg of options.svgs ?? SVG_OUTPUTS) {
    results.push(
      await writeGenerated(svg.output, root, check, async () => {
        const rendered = await renderModelFile(join(root, svg.model), { displayName: svg.model });
        return sceneToSvg(rendered.scene, { theme: svg.theme });
      }),
    );
  }
  for (const name of options.apiPackages ?? API_PACKAGES) {
    results.push(
      await writeGenerated(`docs/api/${name}.md`, root, check, async () => {
        const page = await apiReference(root, name);
        if (page.undocumented.length > 0) {
          throw new DiagramaError([
            {
              code: 'docs/undocumented-export',
              message: `exports of @diagrama/${name} without TSDoc: ${page.undocumented.join(', ')}`,
              position: { file: `packages/${name}/src/index.ts`, line: 1, column: 1 },
              expected: 'a /** … */ comment on every export',
            },
          ]);
        }
        return page.markdown;
      }),
    );
  }
  const owned = new Set([
    ...documents.map((d) => join(root, d.output)),
    join(root, MODEL_GUIDE_OUTPUT),
    ...(options.apiPackages ?? API_PACKAGES).map((name) => join(root, `docs/api/${name}.md`)),
  ]);
  const files = [join(root, 'README.md'), ...(await findMarkdownFiles(join(root, 'docs')))];
  for (const file of files) {
    if (owned.has(file)) continue;
    results.push(await syncMarkdownFile(relative(root, file), { check, cwd: root }));
  }
  return results;
}
