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
const HEADS = /[↓▼vV]/u;

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
  // steps one under another: blocks of text rows between rows that carry a line
  let block: { lines: string[]; row: number; column: number } | undefined;
  let pending: { note: string[]; arrow: boolean } | undefined;
  let last = -1;
  const close = () => {
    if (!block) return;
    const index = stepOf(block.lines.join('\n'), block.row, block.column);
    if (pending && last >= 0 && last !== index)
      links.push({
        from: last,
        to: index,
        ...(pending.note.length > 0 ? { note: pending.note.join('\n') } : {}),
        direction: 'forward',
      });
    pending = undefined;
    last = index;
    block = undefined;
  };
  for (let row = 0; row < rows.length; row++) {
    const text = rows[row] as string;
    if (text.trim() === '') {
      close();
      continue;
    }
    const down = DOWN.exec(text);
    if (down) {
      close();
      pending ??= { note: [], arrow: false };
      if (down[2]?.trim()) pending.note.push(down[2].trim());
      if (HEADS.test(down[1] as string)) pending.arrow = true;
      continue;
    }
    if (!block) block = { lines: [], row, column: text.search(/\S/) };
    block.lines.push(text.trim());
  }
  close();
  return links.length > 0 ? { steps, links } : undefined;
}
