import { promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
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
import type { SourceDocument } from './document.js';
import { DOCUMENTS } from './documents/arquitectura-docker.js';

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

async function writeDocument(
  document: SourceDocument,
  root: string,
  check: boolean,
): Promise<SyncResult> {
  const path = join(root, document.output);
  try {
    const after = await documentMarkdown(document, root);
    const before = await readOrEmpty(path);
    if (before === after) return { file: document.output, status: 'unchanged', diagnostics: [] };
    if (check) {
      return {
        file: document.output,
        status: 'stale',
        diagnostics: [],
        diff: unifiedDiff(before ?? '', after, {
          from: `a/${document.output}`,
          to: `b/${document.output}`,
        }),
      };
    }
    await fs.mkdir(join(path, '..'), { recursive: true });
    await writeFileAtomic(path, after);
    return { file: document.output, status: 'updated', diagnostics: [] };
  } catch (error) {
    const diagnostics: Diagnostic[] =
      error instanceof DiagramaError
        ? [...error.diagnostics]
        : [{ code: 'io/write', message: error instanceof Error ? error.message : String(error) }];
    return { file: document.output, status: 'error', diagnostics };
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
}

/**
 * Regenerates every document the docs app owns, then the zones of every other Markdown file
 * under `docs/` and of `README.md`.
 */
export async function generateDocs(options: GenerateOptions): Promise<SyncResult[]> {
  const { root, check } = options;
  const documents = options.documents ?? DOCUMENTS;
  const results: SyncResult[] = [];
  for (const document of documents) results.push(await writeDocument(document, root, check));
  const owned = new Set(documents.map((d) => join(root, d.output)));
  const files = [join(root, 'README.md'), ...(await findMarkdownFiles(join(root, 'docs')))];
  for (const file of files) {
    if (owned.has(file)) continue;
    results.push(await syncMarkdownFile(relative(root, file), { check, cwd: root }));
  }
  return results;
}
