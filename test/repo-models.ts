import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repo = fileURLToPath(new URL('..', import.meta.url));

/** The YAML models of a folder, as paths from the repository root. */
const yamlIn = (folder: string): string[] =>
  readdirSync(join(repo, folder))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${folder}/${f}`);

/** The documented examples and the layout-quality corpus of diagrams drawn by hand. */
export const exampleAndCorpusModels = (): string[] => [
  ...yamlIn('docs/examples'),
  ...yamlIn('apps/bench/corpus'),
];
