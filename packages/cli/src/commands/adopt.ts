import { existsSync, promises as fs } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { count, slugify } from '@diagrama/core';
import { type SyncOptions, syncMarkdownFile, unifiedDiff } from '@diagrama/docs-sync';
import { decodeSource, describeReadFailure, readRegularFile } from '@diagrama/load';
import { parseZones } from '@diagrama/render-markdown';
import { EXIT } from '../exit-codes.js';
import { type CliIo, IoError, writeOutput } from '../io.js';
import type { Reporter } from '../reporter.js';
import { expandMarkdownPaths } from './markdown-paths.js';
import { renderText } from './render-text.js';

/** A drawing of a document turned into a zone and the model file it names. */
interface Adoption {
  /** 1-based lines of the fenced block it replaces. */
  open: number;
  close: number;
  /** The model file, next to the document, and its content. */
  model: string;
  yaml: string;
  /** The zone's start marker. */
  marker: string;
}

/**
 * `diagrama docs --adopt`: every fenced drawing of the Markdown files under `paths` that the
 * importer reads back exactly becomes a zone naming its imported model, written next to the
 * document and named from the nearest heading above the drawing. Without `write` it prints
 * the unified diff it would apply and the model files it would create; with it, it writes the
 * models (never over a file), the document (atomically), and regenerates the document's
 * zones. Drawings it cannot read back exactly are left as they are, and said so.
 */
export async function adoptAll(
  paths: readonly string[],
  options: { write: boolean; sync: SyncOptions },
  io: CliIo,
  reporter: Reporter,
): Promise<number> {
  const { findArtBlocks, importDrawing, writeModel } = await import('@diagrama/import');
  const { files, code } = await expandMarkdownPaths(paths, reporter);
  let worst = code;
  const claimed = new Set<string>();
  for (const file of files) {
    const read = await readRegularFile(file, options.sync.limits?.maxInputBytes ?? 1024 * 1024);
    if (!read.ok) throw new IoError(`cannot read ${file}: ${describeReadFailure(read)}`, file);
    const text = decodeSource(read.bytes, file);
    const lines = text.split('\n');
    const adoptions: Adoption[] = [];
    // drawings already in zones are code already
    const zones = parseZones(text).zones;
    const inZone = (line: number) => zones.some((z) => line > z.startLine && line < z.endLine);
    for (const block of findArtBlocks(text)) {
      if (inZone(block.open)) continue;
      const where = `${file}:${block.open}`;
      // a zone writes a fenced block: an indented drawing would change its look when adopted
      if (!block.fenced) {
        reporter.info(
          `${where}: left as drawn: an indented block (fence it with \`\`\` to adopt it)`,
        );
        continue;
      }
      if (!/^[\w.+-]*$/.test(block.info)) {
        reporter.info(`${where}: left as drawn: its fence's info string cannot go in a zone`);
        continue;
      }
      const result = importDrawing(block.text, { firstLine: block.firstLine, render: renderText });
      if (!result.exact) {
        reporter.info(
          `${where}: left as drawn: no model renders it exactly (diagrama import ${file} shows the nearest)`,
        );
        continue;
      }
      // named from the nearest heading above it, never over a file
      let heading = '';
      for (let i = block.open - 2; i >= 0 && heading === ''; i--) {
        const match = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(
          (lines[i] as string).replace(/\r$/, ''),
        );
        if (match) heading = match[1] as string;
      }
      const base =
        slugify(heading) ||
        `${slugify(basename(file).replace(/\.(md|markdown)$/i, '')) || 'diagram'}-diagram`;
      let name = `${base}.yaml`;
      for (
        let n = 2;
        existsSync(join(dirname(file), name)) || claimed.has(join(dirname(file), name));
        n++
      ) {
        name = `${base}-${n}.yaml`;
      }
      claimed.add(join(dirname(file), name));
      const info =
        block.info === '' ? ' info=""' : block.info === 'text' ? '' : ` info=${block.info}`;
      adoptions.push({
        open: block.open,
        close: block.close,
        model: join(dirname(file), name),
        yaml: writeModel(result.model, 'yaml', [
          `Adopted by diagrama from ${basename(file)}, line ${block.open}: the zone there renders it.`,
        ]),
        marker: `<!-- diagrama:start ${name} charset=${result.charset}${info} -->`,
      });
    }
    if (adoptions.length === 0) continue;
    // the markers around each drawing, the drawing itself untouched: regeneration writes it
    // again from its model, the same
    const out = [...lines];
    for (const a of [...adoptions].reverse()) {
      const eol = (lines[a.open - 1] as string).endsWith('\r') ? '\r' : '';
      out.splice(a.close, 0, `<!-- diagrama:end -->${eol}`);
      out.splice(a.open - 1, 0, `${a.marker}${eol}`);
    }
    const after = out.join('\n');
    if (!options.write) {
      io.stdout.write(unifiedDiff(text, after, { from: `a/${file}`, to: `b/${file}` }));
      for (const a of adoptions) {
        const lines = a.yaml.split('\n').length - 1;
        io.stdout.write(`new file: ${relative('.', a.model)} (${count(lines, 'line')})\n`);
      }
      continue;
    }
    for (const a of adoptions) await writeOutput(a.model, a.yaml);
    await writeOutput(file, after);
    const synced = await syncMarkdownFile(file, options.sync);
    if (synced.status === 'error') {
      reporter.diagnostics(synced.diagnostics);
      worst = Math.max(worst, EXIT.invalid);
      continue;
    }
    const regenerated = await fs.readFile(file, 'utf8');
    const trim = (s: string) => s.replace(/[ \t]+(\r?\n)/g, '$1');
    const same = trim(regenerated) === trim(after);
    reporter.info(
      `${file}: ${count(adoptions.length, 'drawing')} adopted (${adoptions.map((a) => relative(dirname(file), a.model)).join(', ')})${same ? '; the document reads as before' : '; regeneration changed a drawing: check the diff'}`,
    );
  }
  return worst;
}
