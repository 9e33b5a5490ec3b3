import { type Diagnostic, quote } from '@diagrama/core';

/** The options a zone's start marker may carry, e.g. `charset=rounded`. */
export const ZONE_OPTIONS = ['charset', 'hints', 'describe', 'caption', 'image', 'width'] as const;
/** A zone option name. */
export type ZoneOption = (typeof ZONE_OPTIONS)[number];

/** A region of a Markdown file that diagrama regenerates. */
export interface Zone {
  /** The model file named by the start marker, as written. */
  model: string;
  /** Options from the start marker. */
  options: Partial<Record<ZoneOption, string>>;
  /** 1-based line of the start marker. */
  startLine: number;
  /** 1-based line of the end marker. */
  endLine: number;
  /** The current content between the markers, with `\n` line endings. */
  content: string;
}

/** A Markdown file split around its zones. */
export interface ParsedZones {
  zones: Zone[];
  /** Problems with markers; when there are any, nothing may be rewritten. */
  diagnostics: Diagnostic[];
  /** Whether the file starts with a byte order mark. */
  bom: boolean;
  /** The file's line ending: CRLF if any line ends with it, else LF. */
  eol: '\n' | '\r\n';
  /** Lines without their endings, BOM removed. */
  lines: string[];
  /**
   * Each line's own ending (`\n`, `\r\n`, or `''` for a last line without one), so that a
   * rewrite keeps every byte outside the zones, mixed endings included.
   */
  endings: string[];
  /** Whether the last line ends with a line ending. */
  finalNewline: boolean;
}

const MARKER = /^<!--\s*diagrama:(\S+)(.*?)\s*-->$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function parseOptions(
  text: string,
  line: number,
  diagnostics: Diagnostic[],
): { model?: string; options: Zone['options'] } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const options: Zone['options'] = {};
  let model: string | undefined;
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq === -1) {
      if (model === undefined) model = word;
      else {
        diagnostics.push({
          code: 'zone/syntax',
          message: `unexpected ${quote(word)} in the start marker`,
          position: { line, column: 1 },
          expected: 'one model file, then options as key=value',
          example: '<!-- diagrama:start examples/x.yaml charset=rounded -->',
        });
      }
      continue;
    }
    const key = word.slice(0, eq);
    if (!(ZONE_OPTIONS as readonly string[]).includes(key)) {
      diagnostics.push({
        code: 'zone/unknown-option',
        message: `unknown zone option ${quote(key)}`,
        position: { line, column: 1 },
        expected: `one of ${ZONE_OPTIONS.join(', ')}`,
      });
      continue;
    }
    options[key as ZoneOption] = word.slice(eq + 1);
  }
  return model === undefined ? { options } : { model, options };
}

/**
 * Finds the zones of a Markdown file: `<!-- diagrama:start MODEL [key=value…] -->` …
 * `<!-- diagrama:end -->`, each marker alone on its line. Markers inside fenced code blocks
 * are text, not markers. Unbalanced, nested or unknown markers are reported with their line.
 */
export function parseZones(markdown: string): ParsedZones {
  const bom = markdown.startsWith('\ufeff');
  const body = bom ? markdown.slice(1) : markdown;
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const finalNewline = body.endsWith('\n');
  const parts = body.split(/(\r?\n)/);
  const lines: string[] = [];
  const endings: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    lines.push(parts[i] as string);
    endings.push(parts[i + 1] ?? '');
  }
  if (finalNewline) {
    lines.pop();
    endings.pop();
  }
  const zones: Zone[] = [];
  const diagnostics: Diagnostic[] = [];
  let fence: string | undefined;
  let open: { line: number; model?: string; options: Zone['options']; from: number } | undefined;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const fenceMatch = FENCE.exec(raw);
    if (fenceMatch) {
      const run = fenceMatch[1] as string;
      if (fence === undefined) fence = run;
      else if (run[0] === fence[0] && run.length >= fence.length && raw.trim() === run)
        fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const marker = MARKER.exec(raw.trim());
    if (!marker) return;
    const verb = marker[1];
    if (verb === 'start') {
      if (open) {
        diagnostics.push({
          code: 'zone/nested',
          message: `a zone starts inside the zone opened on line ${open.line}`,
          position: { line, column: 1 },
          expected: '<!-- diagrama:end --> before the next start marker',
        });
        return;
      }
      const parsed = parseOptions(marker[2] ?? '', line, diagnostics);
      if (parsed.model === undefined) {
        diagnostics.push({
          code: 'zone/missing-model',
          message: 'the start marker names no model file',
          position: { line, column: 1 },
          example: '<!-- diagrama:start examples/docker-architecture.yaml -->',
        });
      }
      open = {
        line,
        options: parsed.options,
        from: index + 1,
        ...(parsed.model ? { model: parsed.model } : {}),
      };
    } else if (verb === 'end') {
      if (!open) {
        diagnostics.push({
          code: 'zone/unbalanced',
          message: 'an end marker with no zone open',
          position: { line, column: 1 },
          expected: 'a <!-- diagrama:start MODEL --> line before it',
        });
        return;
      }
      if (open.model !== undefined) {
        zones.push({
          model: open.model,
          options: open.options,
          startLine: open.line,
          endLine: line,
          content: lines
            .slice(open.from, index)
            .map((l) => `${l}\n`)
            .join(''),
        });
      }
      open = undefined;
    } else {
      diagnostics.push({
        code: 'zone/unknown-marker',
        message: `unknown marker diagrama:${verb}`,
        position: { line, column: 1 },
        expected: 'diagrama:start or diagrama:end',
      });
    }
  });
  if (open) {
    diagnostics.push({
      code: 'zone/unbalanced',
      message: `the zone opened on line ${open.line} is never closed`,
      position: { line: open.line, column: 1 },
      expected: 'a <!-- diagrama:end --> line after the zone',
    });
  }
  return { zones, diagnostics, bom, eol, lines, endings, finalNewline };
}

/**
 * Rewrites the content of every zone with `render(zone)` (text with `\n` endings) and keeps
 * every byte outside the zones as it was: each line's own ending, mixed or not, and the BOM.
 * The new lines of a zone end like its start marker's line. Throws when the file's markers
 * have problems: a file with bad markers is never rewritten.
 */
export function replaceZones(parsed: ParsedZones, render: (zone: Zone) => string): string {
  if (parsed.diagnostics.length > 0)
    throw new Error('cannot rewrite a file whose markers have problems');
  const { lines, endings } = parsed;
  let out = parsed.bom ? '\ufeff' : '';
  const keep = (from: number, to: number): void => {
    for (let i = from; i < to; i++) out += (lines[i] as string) + (endings[i] as string);
  };
  let next = 0;
  for (const zone of parsed.zones) {
    keep(next, zone.startLine);
    const eol = endings[zone.startLine - 1] || parsed.eol;
    const content = render(zone);
    const body = content.endsWith('\n') ? content.slice(0, -1) : content;
    if (content !== '') for (const line of body.split('\n')) out += line + eol;
    next = zone.endLine - 1;
  }
  keep(next, lines.length);
  return out;
}
