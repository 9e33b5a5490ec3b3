// Reading a drawn sequence: participants in a row along the top (boxes, or names written over
// their lifelines), a lifeline down from each, and messages drawn across the lifelines one
// below the other, each with its note over it — the round trip of a request as READMEs draw it.

import type { Rect } from './boxes.js';
import { arrowOf, E, glyphOf, N, S, W } from './glyphs.js';
import { at, type Grid } from './grid.js';

/** A participant as drawn: its label, where it is, and its lifeline's column and rows. */
export interface DrawnParticipant {
  label: string;
  /** Its box, when it has one. */
  rect?: Rect;
  /** Drawn as a person (a head over shoulders over the name). */
  figure: boolean;
  row: number;
  column: number;
  lifeline: number;
  /** The first and last rows of the lifeline. */
  top: number;
  bottom: number;
}

/** A message as drawn: its ends (participant indices), arrowheads, stroke, note and row. */
export interface DrawnMessage {
  from: number;
  to: number;
  direction: 'forward' | 'both' | 'none';
  style: 'solid' | 'dashed';
  note: string;
  row: number;
  column: number;
}

/** A drawn sequence, and the text that belonged to no message. */
export interface DrawnSequence {
  participants: DrawnParticipant[];
  messages: DrawnMessage[];
  loose: { text: string; row: number; column: number }[];
}

/** Most messages a drawing is read as a sequence with (more is not a drawing of one). */
const MAX_MESSAGES = 2000;

const VERTICAL = new Set(['|', ':', '¦', '!']);
const HORIZONTAL = new Set(['-', '=', '~', '.', '_']);

const isVertical = (ch: string): boolean => {
  if (VERTICAL.has(ch)) return true;
  const g = glyphOf(ch);
  return g !== undefined && (g.arms & (N | S)) === (N | S);
};
const isHorizontal = (ch: string): boolean => {
  if (HORIZONTAL.has(ch) || ch === '+') return true;
  const g = glyphOf(ch);
  return g !== undefined && (g.arms & (E | W)) !== 0;
};
const isDashed = (ch: string): boolean => glyphOf(ch)?.dashed === true;

/** The label inside a box: its lines of text, a person's head and shoulders left out. */
function boxLabel(grid: Grid, rect: Rect): { label: string; figure: boolean } {
  const lines: string[] = [];
  for (let r = rect.top + 1; r < rect.bottom; r++) {
    if (rect.dividers.includes(r)) continue;
    let line = '';
    for (let c = rect.left + 1; c < rect.right; c++) line += at(grid, r, c);
    const text = line.trim();
    if (text !== '') lines.push(text);
  }
  const figure = lines[0] === 'o' && lines[1] === '/|\\';
  return { label: (figure ? lines.slice(2) : lines).join('\n'), figure };
}

/**
 * The column of a lifeline starting at `row` within `[left, right]`: the vertical stroke
 * nearest the middle with another under it. Undefined when there is none.
 */
function lifelineColumn(grid: Grid, row: number, left: number, right: number): number | undefined {
  const middle = (left + right) / 2;
  const columns = Array.from({ length: right - left + 1 }, (_, i) => left + i).sort(
    (a, b) => Math.abs(a - middle) - Math.abs(b - middle) || a - b,
  );
  return columns.find(
    (c) =>
      isVertical(at(grid, row, c)) &&
      (isVertical(at(grid, row + 1, c)) || isVertical(at(grid, row + 2, c))),
  );
}

/** The last row of a lifeline: the last stroke in its column, through messages and notes. */
function lifelineEnd(grid: Grid, column: number, from: number): number {
  let last = from;
  for (let r = from; r < grid.height; r++) {
    const ch = at(grid, r, column);
    if (isVertical(ch)) last = r;
    else if (r - last > 3) break;
  }
  return last;
}

/** Participants written as names over their lifelines, on the first row with text. */
function namedParticipants(grid: Grid): DrawnParticipant[] {
  for (let r = 0; r < grid.height; r++) {
    const row = grid.rows[r] ?? [];
    const text = row.map((c) => c.ch || '').join('');
    if (text.trim() === '') continue;
    const names: { label: string; left: number; right: number }[] = [];
    const pattern = /\S+(?: \S+)*/g;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      names.push({ label: m[0], left: m.index, right: m.index + m[0].length - 1 });
    }
    const found: DrawnParticipant[] = [];
    // names are words, not the borders of boxes
    const word = (label: string) =>
      /[\p{L}\p{N}]/u.test(label) &&
      ![...label].some((ch) => glyphOf(ch) !== undefined && ch !== '.');
    if (!names.every((name) => word(name.label))) return [];
    for (const name of names) {
      const column = lifelineColumn(grid, r + 1, name.left - 2, name.right + 2);
      if (column === undefined) return [];
      found.push({
        label: name.label,
        figure: false,
        row: r,
        column: name.left,
        lifeline: column,
        top: r + 1,
        bottom: lifelineEnd(grid, column, r + 1),
      });
    }
    return found;
  }
  return [];
}

/**
 * Reads a drawing as a sequence, when it is one: two or more participants side by side (boxes
 * on a common row, and no other box; or names over lifelines), each with a lifeline at least
 * three rows long, and at least one message between them. Undefined otherwise.
 */
export function readSequence(grid: Grid, rects: readonly Rect[]): DrawnSequence | undefined {
  return readWith(grid, boxedParticipants(grid, rects)) ?? readWith(grid, namedParticipants(grid));
}

/** Participants drawn as boxes: two or more on a common row, and no other box. */
function boxedParticipants(grid: Grid, rects: readonly Rect[]): DrawnParticipant[] {
  const participants: DrawnParticipant[] = [];
  if (rects.length < 2 || rects.some((r) => r.parent !== -1)) return [];
  const ordered = [...rects].sort((a, b) => a.left - b.left);
  if (Math.max(...ordered.map((r) => r.top)) > Math.min(...ordered.map((r) => r.bottom))) {
    return [];
  }
  for (const rect of ordered) {
    const start = rect.bottom + 1;
    const column = lifelineColumn(grid, start, rect.left + 1, rect.right - 1);
    if (column === undefined) return [];
    participants.push({
      ...boxLabel(grid, rect),
      rect,
      row: rect.top,
      column: rect.left,
      lifeline: column,
      top: start,
      bottom: lifelineEnd(grid, column, start),
    });
  }
  return participants;
}

/** The sequence the participants' lifelines carry, when they carry one. */
function readWith(grid: Grid, participants: DrawnParticipant[]): DrawnSequence | undefined {
  if (participants.length < 2 || participants.some((p) => p.bottom - p.top < 2)) return undefined;
  const lifelines = participants.map((p) => p.lifeline);
  const indexAt = (c: number): number | undefined => {
    const i = lifelines.findIndex((l) => Math.abs(l - c) <= 1);
    return i === -1 ? undefined : i;
  };
  const used = new Set<string>();
  const use = (r: number, c: number): void => {
    used.add(`${r},${c}`);
  };
  for (const p of participants) for (let r = p.top; r <= p.bottom; r++) use(r, p.lifeline);
  const messages: DrawnMessage[] = [];
  const first = Math.min(...participants.map((p) => p.top));
  const last = Math.max(...participants.map((p) => p.bottom));
  let budget = 4 * grid.width * grid.height;
  for (let r = first; r <= last; r++) {
    for (const [i, start] of lifelines.entries()) {
      // a line leaving this lifeline to the right (a message to a participant on the right,
      // from one, or a loop back to itself), unless a message found already passes here
      const next = at(grid, r, start + 1);
      if (used.has(`${r},${start + 1}`)) continue;
      if (!isHorizontal(next) && arrowOf(next) !== W) continue;
      let dashed = false;
      let west = false;
      let east = false;
      let end: number | undefined;
      let loop: number | undefined;
      let inline = '';
      for (let c = start + 1; c < grid.width; c++) {
        // hostile input (rows of dashes between hundreds of bars) gets a bounded look
        if (--budget < 0) return undefined;
        const ch = at(grid, r, c);
        if (isDashed(ch)) dashed = true;
        if (arrowOf(ch) === E) {
          east = true;
          continue;
        }
        if (arrowOf(ch) === W) {
          west = true;
          continue;
        }
        const there = indexAt(c);
        const other = there !== undefined && there !== i;
        const beyond = at(grid, r, c + 1);
        const goesOn = isHorizontal(beyond) || arrowOf(beyond) === E;
        if (other && (isVertical(ch) || ch === '+')) {
          // a lifeline: the message ends here unless the line goes on past it
          if (!east && goesOn) continue;
          end = there;
          break;
        }
        const g = glyphOf(ch);
        const turns = g !== undefined && (g.arms & S) !== 0 && (g.arms & W) !== 0;
        const below = glyphOf(at(grid, r + 1, c));
        if (turns && !goesOn && below !== undefined && (below.arms & N) !== 0) {
          loop = c;
          break;
        }
        if (isHorizontal(ch)) continue;
        // `- - - ->`: a dashed line typed with spaces between its dashes
        if (ch === ' ' && isHorizontal(at(grid, r, c - 1)) && goesOn) {
          dashed = true;
          continue;
        }
        // `──── HTTP ───▶`: a note written into the line, which goes on after it
        if (ch === ' ' && isHorizontal(at(grid, r, c - 1)) && !goesOn) {
          const text = (x: string) => x !== '' && !isHorizontal(x) && arrowOf(x) === undefined;
          let k = c + 1;
          while (k < grid.width && (text(at(grid, r, k)) || at(grid, r, k) === ' ')) {
            if (indexAt(k) !== undefined && isVertical(at(grid, r, k))) break;
            k++;
          }
          const resumes = isHorizontal(at(grid, r, k)) || arrowOf(at(grid, r, k)) !== undefined;
          if (resumes && at(grid, r, k - 1) === ' ' && k - c > 2) {
            inline = [...Array(k - c).keys()]
              .map((d) => at(grid, r, c + d))
              .join('')
              .trim();
            c = k - 1;
            continue;
          }
        }
        // a hand drawing's line may stop a cell short of the lifeline it reaches
        if (other && (east || west)) end = there;
        break;
      }
      if (end !== undefined) {
        for (let x = start + 1; x < (lifelines[end] as number); x++) use(r, x);
        const [from, to] = west && !east ? [end, i] : [i, end];
        messages.push({
          from,
          to,
          direction: west && east ? 'both' : west || east ? 'forward' : 'none',
          style: dashed ? 'dashed' : 'solid',
          note: inline,
          row: r,
          column: start,
        });
        continue;
      }
      if (loop !== undefined) {
        // down the corner's column, then back west to the lifeline with an arrowhead
        let down = r + 1;
        while (
          down <= last &&
          isVertical(at(grid, down, loop)) &&
          !isHorizontal(at(grid, down, loop - 1))
        ) {
          down++;
        }
        let back = loop - 1;
        let head = false;
        while (
          back > start &&
          (isHorizontal(at(grid, down, back)) || arrowOf(at(grid, down, back)) === W)
        ) {
          if (arrowOf(at(grid, down, back)) === W) head = true;
          back--;
        }
        if (back !== start) continue;
        for (let x = start + 1; x <= loop; x++) use(r, x);
        for (let y = r; y <= down; y++) use(y, loop);
        for (let x = start + 1; x <= loop; x++) use(down, x);
        messages.push({
          from: i,
          to: i,
          direction: head ? 'forward' : 'none',
          style: dashed ? 'dashed' : 'solid',
          note: '',
          row: r,
          column: start,
        });
      }
    }
  }
  if (messages.length === 0 || messages.length > MAX_MESSAGES) return undefined;
  messages.sort((a, b) => a.row - b.row || a.column - b.column);
  // the text left: runs of words one space apart
  const runs: { row: number; start: number; end: number; text: string; taken?: true }[] = [];
  for (let r = first; r <= last + 1 && r < grid.height; r++) {
    let run: (typeof runs)[number] | undefined;
    let gap = 0;
    const width = grid.rows[r]?.length ?? 0;
    for (let c = 0; c <= width; c++) {
      const ch = c < width ? at(grid, r, c) : ' ';
      const line =
        used.has(`${r},${c}`) &&
        (isVertical(ch) ||
          isHorizontal(ch) ||
          arrowOf(ch) !== undefined ||
          ch === '' ||
          ch === ' ');
      if (ch === ' ' || line) {
        gap = line ? 2 : gap + 1;
        if (run && gap >= 2) {
          runs.push(run);
          run = undefined;
        }
        continue;
      }
      if (ch === '') continue;
      if (run && gap === 1) run.text += ' ';
      if (!run) run = { row: r, start: c, end: c, text: '' };
      run.text += ch;
      run.end = c;
      gap = 0;
    }
  }
  // each message's note: the text over it (and on its row) since the message before, between
  // its lifelines; a loop's, right of the loop on its rows
  const runsOn = new Map<number, typeof runs>();
  for (const run of runs) {
    const list = runsOn.get(run.row);
    if (list) list.push(run);
    else runsOn.set(run.row, [run]);
  }
  messages.forEach((m, k) => {
    const above = k === 0 ? first : (messages[k - 1] as DrawnMessage).row + 1;
    const below = m.from === m.to ? m.row + 1 : m.row - 1;
    const [a, b] = [lifelines[m.from] as number, lifelines[m.to] as number];
    const [lo, hi] = m.from === m.to ? [a + 1, grid.width] : [Math.min(a, b), Math.max(a, b)];
    const lines: typeof runs = [];
    for (let row = above; row <= below; row++) {
      for (const run of runsOn.get(row) ?? []) {
        if (!run.taken && run.start > lo - 2 && run.end < hi + 2) lines.push(run);
      }
    }
    for (const run of lines) run.taken = true;
    // the note written into the line is the message's already
    if (m.note !== '' && m.from !== m.to) {
      for (const run of runsOn.get(m.row) ?? [])
        if (run.start > lo && run.end < hi) run.taken = true;
    }
    m.note = [...lines.map((run) => run.text), ...(m.note ? [m.note] : [])].join('\n');
  });
  return {
    participants,
    messages,
    loose: runs
      .filter((run) => !run.taken)
      .map((run) => ({ text: run.text, row: run.row, column: run.start })),
  };
}
