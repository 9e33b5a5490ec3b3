import { type Diagnostic, quote } from '@diagrama/core';

/** The options a zone's start marker may carry, e.g. `charset=rounded`. */
export const ZONE_OPTIONS = [
  'charset',
  'hints',
  'describe',
  'caption',
  'image',
  'width',
  'info',
] as const;
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
/** The start of an HTML block whose content is raw text (CommonMark's first kind). */
const RAW_BLOCK = /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i;
const MARKER_INDENT = /^ {0,3}<!--/;

/**
 * The words of a start marker: separated by spaces, except inside double or single quotes,
 * so a path with spaces can be written `"my models/a.yaml"` (or `my%20models/a.yaml`, as in
 * a Markdown link), and an option `caption="Two words"`.
 */
function splitWords(
  text: string,
  line: number,
  diagnostics: Diagnostic[],
): { word: string; quoted: boolean }[] {
  const out: { word: string; quoted: boolean }[] = [];
  const pattern = /\s*(?:"([^"]*)"|'([^']*)'|((?:=(?:"[^"]*"|'[^']*')|[^\s"'])+))/y;
  let at = 0;
  const rest = text.trimEnd();
  while (at < rest.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(rest);
    if (!match) {
      diagnostics.push({
        code: 'zone/syntax',
        message: 'a quote in the start marker is never closed',
        position: { line, column: 1 },
        expected: 'a path or value in matching quotes',
        example: '<!-- diagrama:start "my models/x.yaml" caption="Two words" -->',
      });
      break;
    }
    at = pattern.lastIndex;
    if (match[1] !== undefined || match[2] !== undefined) {
      out.push({ word: (match[1] ?? match[2]) as string, quoted: true });
    } else if (match[3] !== undefined) out.push({ word: match[3], quoted: false });
  }
  return out;
}

/** An option's value without the quotes around it. */
function unquote(value: string): string {
  const first = value[0];
  return (first === '"' || first === "'") && value.endsWith(first) && value.length >= 2
    ? value.slice(1, -1)
    : value;
}

/** A model path written unquoted: `%20` and the like stand for the characters they encode. */
function decodePath(word: string, line: number, diagnostics: Diagnostic[]): string {
  if (!word.includes('%')) return word;
  try {
    return decodeURIComponent(word);
  } catch {
    diagnostics.push({
      code: 'zone/syntax',
      message: `the model path ${quote(word)} has a % that encodes no character`,
      position: { line, column: 1 },
      expected: 'percent escapes such as %20 for a space, or the path in quotes',
      example: '<!-- diagrama:start "my models/x.yaml" -->',
    });
    return word;
  }
}

function parseOptions(
  text: string,
  line: number,
  diagnostics: Diagnostic[],
): { model?: string; options: Zone['options'] } {
  const words = splitWords(text, line, diagnostics);
  const options: Zone['options'] = {};
  let model: string | undefined;
  for (const { word, quoted } of words) {
    const eq = quoted ? -1 : word.indexOf('=');
    if (eq === -1) {
      if (model === undefined) model = quoted ? word : decodePath(word, line, diagnostics);
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
    options[key as ZoneOption] = unquote(word.slice(eq + 1));
  }
  return model === undefined ? { options } : { model, options };
}

/**
 * Finds the zones of a Markdown file: `<!-- diagrama:start MODEL [key=value…] -->` …
 * `<!-- diagrama:end -->`, each marker alone on its line and indented at most three spaces.
 * Markers inside fenced or indented code blocks and inside `<pre>` (or `<script>`, `<style>`,
 * `<textarea>`) are text, not markers. A model path with spaces is quoted or written with
 * `%20`. Unbalanced, nested or unknown markers are reported with their line.
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
  let rawTag: string | undefined;
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
    // inside <pre>, <script>, <style> or <textarea> a marker is text, up to the closing tag
    if (rawTag !== undefined) {
      if (raw.toLowerCase().includes(`</${rawTag}>`)) rawTag = undefined;
      return;
    }
    const opening = RAW_BLOCK.exec(raw);
    if (opening) {
      const tag = (opening[1] as string).toLowerCase();
      if (!raw.toLowerCase().includes(`</${tag}>`)) rawTag = tag;
      return;
    }
    // a marker is an HTML comment block: at most three spaces in (four make indented code)
    if (!MARKER_INDENT.test(raw)) return;
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
