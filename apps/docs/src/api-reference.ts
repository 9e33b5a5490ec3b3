import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportedDeclarations, JSDoc, Node as MorphNode } from 'ts-morph';

/** The packages whose public API is documented, in dependency order. */
export const API_PACKAGES = [
  'core',
  'load',
  'render-ascii',
  'render-svg',
  'render-png',
  'export',
  'import',
  'render-markdown',
  'docs-sync',
  'typescript',
  'embed',
  'remark',
  'markdown-it',
  'cli',
] as const;

/** One generated reference page, and the exports that lack TSDoc. */
export interface ApiPage {
  output: string;
  markdown: string;
  undocumented: string[];
}

function docsOf(node: MorphNode): JSDoc[] {
  const withDocs = node as unknown as { getJsDocs?: () => JSDoc[] };
  if (withDocs.getJsDocs) return withDocs.getJsDocs();
  const statement = node.getFirstAncestor((a) => 'getJsDocs' in a) as unknown as
    | { getJsDocs?: () => JSDoc[] }
    | undefined;
  return statement?.getJsDocs?.() ?? [];
}

function signature(node: ExportedDeclarations): string {
  const kind = node.getKindName();
  if (kind === 'FunctionDeclaration') {
    const fn = node as unknown as { getText(): string; getBody?: () => MorphNode | undefined };
    const body = fn.getBody?.();
    const text = body
      ? fn.getText().slice(0, fn.getText().length - body.getText().length)
      : fn.getText();
    return text
      .replace(/^export\s+/, '')
      .replace(/\s+$/, '')
      .replace(/\s*\{?$/, '');
  }
  if (kind === 'VariableDeclaration') {
    const variable = node as unknown as {
      getName(): string;
      getType(): { getText(n?: MorphNode): string };
    };
    return `const ${variable.getName()}: ${variable.getType().getText(node as unknown as MorphNode)}`;
  }
  if (kind === 'ClassDeclaration') {
    const name = (node as unknown as { getName(): string }).getName();
    return `class ${name}`;
  }
  return node.getText().replace(/^export\s+/, '');
}

/**
 * The API reference of one package, generated from its `src/index.ts` exports and their TSDoc
 * with ts-morph: a section per export with its signature, description, tags and examples.
 */
export async function apiReference(
  root: string,
  name: (typeof API_PACKAGES)[number],
): Promise<ApiPage> {
  const { Project } = await import('ts-morph');
  const project = new Project({
    compilerOptions: { allowJs: false, skipLibCheck: true, noEmit: true },
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: false,
  });
  const index = project.addSourceFileAtPath(join(root, 'packages', name, 'src', 'index.ts'));
  const sections: string[] = [];
  const undocumented: string[] = [];
  const exported = [...index.getExportedDeclarations()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  for (const [exportName, declarations] of exported) {
    const declaration = declarations[0];
    if (declaration === undefined) continue;
    const docs = docsOf(declaration);
    const description = docs
      .map((d) => d.getDescription().trim())
      .filter(Boolean)
      .join('\n\n');
    if (description === '') undocumented.push(exportName);
    const tags = docs
      .flatMap((d) => d.getTags())
      .map((tag) => ({ name: tag.getTagName(), text: (tag.getCommentText() ?? '').trim() }));
    const examples = tags.filter((t) => t.name === 'example').map((t) => t.text);
    const other = tags.filter((t) => t.name !== 'example');
    const lines = [`### \`${exportName}\``, '', '```ts', signature(declaration), '```', ''];
    if (description) lines.push(description, '');
    for (const tag of other) lines.push(`- **@${tag.name}** ${tag.text}`.trimEnd());
    if (other.length > 0) lines.push('');
    for (const example of examples) lines.push('```ts', example, '```', '');
    sections.push(lines.join('\n'));
  }
  const manifest = JSON.parse(
    await readFile(join(root, 'packages', name, 'package.json'), 'utf8'),
  ) as {
    description: string;
  };
  const markdown = [
    `# @diagrama/${name}`,
    '',
    manifest.description,
    '',
    `Generated from \`packages/${name}/src/index.ts\` and its TSDoc by the docs app; do not edit.`,
    '',
    ...sections,
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
  return { output: `docs/api/${name}.md`, markdown, undocumented };
}
