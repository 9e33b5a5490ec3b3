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
export function splitArrows(text: string): string[] {
  const line = asciiArrows(text);
  const parts: string[] = [];
  let done = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    let start = -1;
    if (GLYPH_ARROWS.has(ch)) start = i;
    else if (ch === '<' && line.startsWith('--', i + 1) && i >= done) {
      // an arrow pointing back, `<--` or `◄──`, with no head at its other end
      let end = i + 1;
      while (line[end] === '-') end++;
      if (line[end] === '>') continue;
      parts.push(text.slice(done, i), text.slice(i, end));
      done = end;
      i = end - 1;
      continue;
    } else if (ch === '>' && (line[i - 1] === '-' || line[i - 1] === '=')) {
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
    parts.push(text.slice(done, start), text.slice(start, i + 1));
    done = i + 1;
  }
  parts.push(text.slice(done));
  return parts;
}

/**
 * A line with its box-drawing arrows (`──►`, `◄──`, `──▶`) spelt in ascii (`-->`, `<--`), one
 * character for one, so that indices into it are indices into the line.
 */
const asciiArrows = (line: string): string =>
  line.replace(/[─━]/gu, '-').replace(/[►▶]/gu, '>').replace(/[◄◀]/gu, '<');
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

/** Where a step stands in the drawing: its row and the columns its label spans. */
type Occurrence = { step: number; row: number; start: number; end: number };
/** Places a step by its label, returning its index. */
type Place = (label: string, row: number, start: number) => number;

/** A branch off a line coming down, at the start of a row: `└──►`, `├──►`, `+-->`, `` `--> ``. */
const BRANCH = /^([\s│|]*)[└├+`](?=[─━-]{2,}[►▶>])/u;
/** What carries a line down through a row (a `└` over a `│` too: a branch drawn as the last). */
const BARS = new Set(['│', '|', '├', '└', '┃']);
/** Arrowheads at the end of a line coming down, and of one going up. */
const DOWN_HEADS = new Set(['▼', '↓', 'v']);
const UP_HEADS = new Set(['▲', '↑', '^']);
/** What ends the words beside a line: another line, an arrowhead. */
const LINE_GLYPH = /[│|├└┃▼▲]/u;

/**
 * The step at a row that spans a column: one already placed there, else the run of words
 * nearest it (up to two columns off, as hands slip), placed now.
 */
function stepAt(
  rows: string[],
  row: number,
  column: number,
  seen: Occurrence[],
  place: Place,
): number | undefined {
  const hit = seen.find((o) => o.row === row && o.start <= column && column < o.end);
  if (hit) return hit.step;
  const text = rows[row];
  if (text === undefined) return undefined;
  // (of two steps a line could point at, the one whose middle is nearer: `Corriger  OK`)
  const middle = (p: Part) => Math.abs((p.start + p.end - 1) / 2 - column);
  const part = partsOf(text)
    .filter((p) => p.start - 2 <= column && column <= p.end + 1)
    .sort((a, b) => middle(a) - middle(b))[0];
  if (!part) return undefined;
  const label = stepLabel(part.lines.join(''));
  if (label === '' || splitArrows(label).length > 1 || /^[│|├└┬┴─\-<>▼▲►◄vV^]+$/u.test(label))
    return undefined;
  return place(label, row, part.start);
}

/** The words at a row written across a line that goes on past them (`│` both sides). */
function acrossLine(rows: string[], row: number, column: number, way: -1 | 1): string | undefined {
  if (!/\S/.test(rows[row]?.[column] ?? ' ')) return undefined;
  if (!BARS.has(rows[row + way]?.[column] ?? ' ') || !BARS.has(rows[row - way]?.[column] ?? ' '))
    return undefined;
  const part = partsOf(rows[row] as string).find((p) => p.start <= column && column < p.end);
  return part && splitArrows(part.lines.join('')).length < 3 ? part.lines.join('') : undefined;
}

/**
 * Follows a line from a row along a column (`way` -1 up, 1 down) through `│` to the step it
 * leaves: that step, and the words written beside the line on its way (its note) — those since
 * the last branch off it only, the ones above belonging to that branch.
 */
function followLine(
  rows: string[],
  row: number,
  column: number,
  way: -1 | 1,
  seen: Occurrence[],
  place: Place,
): { step: number; note?: string } | undefined {
  const note: string[] = [];
  let gathering = true;
  for (let r = row + way; r >= 0 && r < rows.length; r += way) {
    const ch = rows[r]?.[column] ?? ' ';
    // words written across the line, which goes on past them, are its note (`OUI`)
    const across = BARS.has(ch) ? undefined : acrossLine(rows, r, column, way);
    if (across !== undefined) {
      if (gathering) note.push(across);
      continue;
    }
    if (!BARS.has(ch)) {
      const step = stepAt(rows, r, column, seen, place);
      if (step === undefined) return undefined;
      const text = way < 0 ? note.reverse() : note;
      return { step, ...(text.length > 0 ? { note: text.join('\n') } : {}) };
    }
    if (ch === '├' || ch === '└') gathering = false;
    // the words beside the line on this row, up to the next line either side
    const text = rows[r] as string;
    const right = (text.slice(column + 1).split(LINE_GLYPH)[0] as string).trimEnd();
    const left = (text.slice(0, column).split(LINE_GLYPH).at(-1) as string).trimStart();
    const beside = /^\s+\S/u.test(right)
      ? right.trim()
      : /\S\s{0,2}$/u.test(left) && left.trim().length < column
        ? left.trim()
        : '';
    if (gathering && beside !== '' && splitArrows(beside).length < 3) note.push(beside);
  }
  return undefined;
}

/**
 * Reads a flow drawn without boxes: steps on one line joined by arrows (`[Client] --TCP-->
 * [Server] → DB`), or steps one under another joined by rows of `|`, `│`, `↓` or `v` (a note
 * may follow the line: `│ 1. Define`). Undefined when the text is not such a flow.
 */
export function readTextFlow(grid: Grid): { steps: FlowStep[]; links: FlowLink[] } | undefined {
  const rows = grid.rows.map((row) => row.map((cell) => cell.ch).join(''));
  // corners, junctions and double lines are a drawing of boxes, however broken: not a flow
  // (a branch off a line, `└──►`, is a flow's)
  if (rows.some((row) => BOX_ART.test(row.replace(/[└├+](?=[─-]+[►▶>])/gu, '')))) return undefined;
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
  // steps on one line, joined by arrows; a branch (`└──► X`) under a line coming down from a
  // step, and a line down to an arrowhead (`│ ▼`), join the steps of different rows
  let horizontal = false;
  const seen: Occurrence[] = [];
  const place = (label: string, row: number, start: number): number => {
    const step = stepOf(label, row, start);
    seen.push({ step, row, start, end: start + label.length });
    return step;
  };
  rows.forEach((text, row) => {
    // the column a branch leaves its line at, the branch drawn as a plain arrow
    const branch = BRANCH.exec(text)?.[1]?.length;
    const line = branch === undefined ? text : `${text.slice(0, branch)}-${text.slice(branch + 1)}`;
    const parts = splitArrows(line);
    if (parts.length < 3) return;
    // split keeps the captured arrows at odd indices
    const labels = parts.filter((_, i) => i % 2 === 0).map(stepLabel);
    if (labels.some((l, i) => l === '' && !(i === 0 && branch !== undefined))) return;
    horizontal = true;
    let column = 0;
    const at: (number | undefined)[] = [];
    const notes: (string | undefined)[] = [];
    parts.forEach((part, i) => {
      if (i === 0 && branch !== undefined) {
        const from = followLine(rows, row, branch, -1, seen, place);
        at.push(from?.step);
        notes.push(from?.note);
      } else if (i % 2 === 0) at.push(place(stepLabel(part), row, column + part.search(/\S/)));
      column += part.length;
    });
    for (let i = 0; i + 1 < at.length; i++) {
      const [a, b] = [at[i], at[i + 1]];
      if (a === undefined || b === undefined || a === b) continue;
      const arrow = asciiArrows((parts[2 * i + 1] as string).trim());
      const note = arrowLabel(arrow) ?? notes[i];
      const back = arrow.startsWith('<') && !arrow.endsWith('>');
      const from = back ? b : a;
      const to = back ? a : b;
      if (links.some((l) => l.from === from && l.to === to && l.note === note)) continue;
      links.push({
        from,
        to,
        ...(note ? { note } : {}),
        direction: !back && (arrow.startsWith('<') || arrow === '↔') ? 'both' : 'forward',
      });
    }
  });
  if (horizontal) {
    // a line down from a step to an arrowhead over another (`│` … `▼`), or up to one
    rows.forEach((text, row) => {
      for (let c = 0; c < text.length; c++) {
        const ch = text[c] as string;
        const down = DOWN_HEADS.has(ch);
        if (!down && !UP_HEADS.has(ch)) continue;
        const way = down ? -1 : 1;
        if (!BARS.has(rows[row + way]?.[c] ?? '')) continue;
        if (/\S/.test(text[c - 1] ?? ' ') || /\S/.test(text[c + 1] ?? ' ')) continue;
        const from = followLine(rows, row, c, way, seen, place);
        const to = stepAt(rows, row - way, c, seen, place);
        if (!from || to === undefined || from.step === to) continue;
        links.push({
          from: from.step,
          to,
          ...(from.note ? { note: from.note } : {}),
          direction: 'forward',
        });
      }
    });
    return links.length > 0 ? { steps, links } : undefined;
  }
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
