import type { Grid } from './grid.js';

/** A step of a flow written without boxes, and where it starts. */
export interface FlowStep {
  label: string;
  row: number;
  column: number;
}

/** A line between two steps: indices into the steps. */
export interface FlowLink {
  from: number;
  to: number;
  note?: string;
  direction: 'forward' | 'both';
}

const GLYPH_ARROWS = new Set(['→', '⟶', '➜', '➔', '↔']);
/** What only a drawing of boxes has: corners, junctions, double lines, an ascii corner. */
const BOX_ART = /[┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╭╮╰╯═║┏┓┗┛┣┫┳┻╋━┃]|\+-|-\+/u;

/**
 * A line cut at its arrows — `-->`, `--TCP-->`, `->`, `=>`, `<-->`, `→`, `⟶`, `↔` — as
 * `String.split` with a capture would: text, arrow, text, arrow, … One pass back from each
 * arrowhead, never further than the previous arrow: linear in the line, whatever it holds.
 */
export function splitArrows(line: string): string[] {
  const parts: string[] = [];
  let done = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    let start = -1;
    if (GLYPH_ARROWS.has(ch)) start = i;
    else if (ch === '>' && (line[i - 1] === '-' || line[i - 1] === '=')) {
      const dash = line[i - 1];
      let s = i - 1;
      while (s > done && line[s - 1] === dash) s--;
      start = s;
      // a label written into the arrow: `--TCP-->`
      if (dash === '-') {
        let l = s;
        while (l > done && line[l - 1] === ' ') l--;
        let w = l;
        while (w > done && !/[-<>\s]/.test(line[w - 1] as string)) w--;
        if (w < l && w > done && line[w - 1] === ' ') w--;
        if (w < l && w > done && line[w - 1] === '-') {
          let d = w - 1;
          while (d > done && line[d - 1] === '-') d--;
          start = d;
        }
      }
      if (start > done && line[start - 1] === '<') start--;
    }
    if (start < 0) continue;
    parts.push(line.slice(done, start), line.slice(start, i + 1));
    done = i + 1;
  }
  parts.push(line.slice(done));
  return parts;
}
/** The label written between an arrow's two dash runs (`--TCP-->`); none in `-->` or `→`. */
function arrowLabel(arrow: string): string | undefined {
  let start = arrow.startsWith('<') ? 1 : 0;
  let end = arrow.endsWith('>') ? arrow.length - 1 : arrow.length;
  const from = start;
  while (start < end && arrow[start] === '-') start++;
  const to = end;
  while (end > start && arrow[end - 1] === '-') end--;
  if (start === from || end === to || start >= end) return undefined;
  const label = arrow.slice(start, end).trim();
  return label === '' ? undefined : label;
}

/** A row that only carries a line down (or up) between two steps, maybe with a note. */
const DOWN = /^\s*([|│↓▼vV↑▲^]|\|\s*v)\s*(?:\s(.*))?$/u;
/** A row that only carries lines: bars, slashes and arrowheads (a fan out or in). */
const FAN = /^[\s|│/\\vV▼↓^▲↑]+$/u;

/** A run of text in a row and its columns: one step's line, where a row holds several. */
type Part = { lines: string[]; start: number; end: number };

/** The parts of a row set two or more blanks apart, with their columns. */
function partsOf(text: string): Part[] {
  const out: Part[] = [];
  const re = /\S+(?: \S+)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text))
    out.push({ lines: [m[0]], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The steps of a row under a fan of k lines, when they are set one blank apart: k copies of one
 * phrase (`App Server App Server App Server`), else the k runs of words whose middles fall
 * nearest the fan's lines. Parts two blanks apart are parts already.
 */
function splitUnder(text: string, fan: string): Part[] {
  const anchors: number[] = [];
  for (let i = 0; i < fan.length; i++) if (/[|│/\\vV▼↓]/u.test(fan[i] as string)) anchors.push(i);
  const words: { text: string; start: number; end: number }[] = [];
  const re = /\S+/gu;
  for (let m = re.exec(text); m; m = re.exec(text))
    words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  const k = anchors.length;
  const wide = /\S {2,}\S/u.test(text.trim());
  if (wide || k < 2 || words.length < k || words.length > 24) return partsOf(text);
  const group = (from: number, to: number): Part => ({
    lines: [
      words
        .slice(from, to)
        .map((w) => w.text)
        .join(' '),
    ],
    start: (words[from] as { start: number }).start,
    end: (words[to - 1] as { end: number }).end,
  });
  // k copies of one phrase
  if (words.length % k === 0) {
    const size = words.length / k;
    const groups = Array.from({ length: k }, (_, i) => group(i * size, (i + 1) * size));
    if (groups.every((g) => g.lines[0] === groups[0]?.lines[0])) return groups;
  }
  // else the cuts whose runs sit nearest the fan's lines (few words: every cut is tried)
  let best: number[] = [];
  let cost = Number.POSITIVE_INFINITY;
  const cuts: number[] = [];
  const tryCuts = (from: number, left: number): void => {
    if (left === 0) {
      const bounds = [0, ...cuts, words.length];
      let total = 0;
      for (let i = 0; i < k; i++) {
        const g = group(bounds[i] as number, bounds[i + 1] as number);
        total += Math.abs((g.start + g.end) / 2 - (anchors[i] as number));
      }
      if (total < cost) {
        cost = total;
        best = [...cuts];
      }
      return;
    }
    for (let c = from; c <= words.length - left; c++) {
      cuts.push(c);
      tryCuts(c + 1, left - 1);
      cuts.pop();
    }
  };
  tryCuts(1, k - 1);
  const bounds = [0, ...best, words.length];
  return Array.from({ length: k }, (_, i) => group(bounds[i] as number, bounds[i + 1] as number));
}

/** A step's text: what is inside `[…]` or `(…)` when it is wrapped whole, trimmed. */
const stepLabel = (text: string): string => {
  const t = text.trim();
  const wrapped = /^\[(.*)\]$/.exec(t) ?? /^\((.*)\)$/.exec(t);
  return (wrapped?.[1] ?? t).trim();
};

/**
 * Reads a flow drawn without boxes: steps on one line joined by arrows (`[Client] --TCP-->
 * [Server] → DB`), or steps one under another joined by rows of `|`, `│`, `↓` or `v` (a note
 * may follow the line: `│ 1. Define`). Undefined when the text is not such a flow.
 */
export function readTextFlow(grid: Grid): { steps: FlowStep[]; links: FlowLink[] } | undefined {
  const rows = grid.rows.map((row) => row.map((cell) => cell.ch).join(''));
  // corners, junctions and double lines are a drawing of boxes, however broken: not a flow
  if (rows.some((row) => BOX_ART.test(row))) return undefined;
  const steps: FlowStep[] = [];
  const links: FlowLink[] = [];
  const byLabel = new Map<string, number>();
  const stepOf = (label: string, row: number, column: number): number => {
    const known = byLabel.get(label);
    if (known !== undefined) return known;
    steps.push({ label, row, column });
    byLabel.set(label, steps.length - 1);
    return steps.length - 1;
  };
  // steps on one line, joined by arrows
  let horizontal = false;
  rows.forEach((text, row) => {
    const parts = splitArrows(text);
    if (parts.length < 3) return;
    // split keeps the captured arrows at odd indices
    const labels = parts.filter((_, i) => i % 2 === 0).map(stepLabel);
    if (labels.some((l) => l === '')) return;
    horizontal = true;
    let column = 0;
    const at: number[] = [];
    parts.forEach((part, i) => {
      if (i % 2 === 0) at.push(stepOf(stepLabel(part), row, column + part.search(/\S/)));
      column += part.length;
    });
    for (let i = 0; i + 1 < at.length; i++) {
      if (at[i] === at[i + 1]) continue;
      const arrow = (parts[2 * i + 1] as string).trim();
      const note = arrowLabel(arrow);
      links.push({
        from: at[i] as number,
        to: at[i + 1] as number,
        ...(note ? { note } : {}),
        direction: arrow.startsWith('<') || arrow === '↔' ? 'both' : 'forward',
      });
    }
  });
  if (horizontal) return links.length > 0 ? { steps, links } : undefined;
  // steps one under another: blocks of text rows between rows that carry a line; a row of
  // slashes and bars (`/  |  \`) fans the step above out to a row of steps side by side (or
  // gathers such a row into the step below)
  let block: { columns: Part[]; row: number } | undefined;
  let pending: { note: string[]; fan: boolean } | undefined;
  let last: number[] = [];
  const close = () => {
    if (!block) return;
    const { columns, row } = block;
    // a row of steps is a step each, even where two say the same (three app servers)
    const level = columns.map((col) =>
      columns.length > 1
        ? (steps.push({ label: col.lines.join('\n'), row, column: col.start }), steps.length - 1)
        : stepOf(col.lines.join('\n'), row, col.start),
    );
    if (pending && last.length > 0) {
      const note = pending.note.length > 0 ? { note: pending.note.join('\n') } : {};
      const pairs: [number, number][] =
        last.length === 1 || level.length === 1
          ? last.flatMap((from) => level.map((to): [number, number] => [from, to]))
          : last.length === level.length
            ? last.map((from, i): [number, number] => [from, level[i] as number])
            : [];
      for (const [from, to] of pairs)
        if (from !== to) links.push({ from, to, ...note, direction: 'forward' });
    }
    pending = undefined;
    last = level;
    block = undefined;
  };
  for (let row = 0; row < rows.length; row++) {
    const text = rows[row] as string;
    if (text.trim() === '') {
      close();
      continue;
    }
    const fan = FAN.test(text) && /[/\\]|[|│]\s+[|│]/u.test(text);
    const down = fan ? null : DOWN.exec(text);
    if (down || fan) {
      close();
      pending ??= { note: [], fan: false };
      if (down?.[2]?.trim()) pending.note.push(down[2].trim());
      if (fan) pending.fan = true;
      continue;
    }
    // a row of steps side by side: right under a fan, or right over one
    const fanRow = pending?.fan === true ? rows[row - 1] : undefined;
    const parts = fanRow !== undefined && !block ? splitUnder(text, fanRow) : partsOf(text);
    const fanNext = FAN.test(rows[row + 1] ?? '') && /[/\\]/u.test(rows[row + 1] ?? '');
    if (!block) {
      const side = parts.length > 1 && (pending?.fan === true || fanNext);
      block = {
        columns: side ? parts : [{ lines: [], start: text.search(/\S/), end: text.length }],
        row,
      };
    }
    if (block.columns.length === 1) {
      (block.columns[0] as Part).lines.push(text.trim());
      continue;
    }
    // under a row of steps, each part goes to the step it sits under
    for (const part of block.columns === parts ? [] : parts) {
      const middle = (part.start + part.end) / 2;
      const nearest = block.columns.reduce((best, col) =>
        Math.abs((col.start + col.end) / 2 - middle) <
        Math.abs((best.start + best.end) / 2 - middle)
          ? col
          : best,
      );
      nearest.lines.push(...part.lines);
    }
  }
  close();
  return links.length > 0 ? { steps, links } : undefined;
}
