/**
 * A label line of three or more dashes (`---`, `───`) is a rule: a line across the box,
 * joined to its sides, between a heading and the text under it. The layout draws it; the
 * text description reads it as a dash.
 */
export const isRule = (line: string): boolean => /^\s*(?:-{3,}|\u2500{3,})\s*$/.test(line);

/**
 * A label line that starts with a bullet (`- `, `* `, `• `, `├─`, `└─`, …) or a number
 * (`1. `, `2) `) is a list item. Two or more in a row (fields too, see `isField`) are a list, which reads as text under a
 * heading: aligned at the left like the lines under a rule, unless the model asks for another
 * alignment.
 */
export const isListItem = (line: string): boolean =>
  /^\s*(?:[-*+\u2022\u00b7\u25e6\u25aa\u2023]\s|[\u251c\u2514]\u2500|\d{1,3}[.)]\s)/.test(line);

/**
 * A line that starts with a short name and a colon (`Port: 5432`, `Logs: ELK / Loki`) is a
 * field. Two or more in a row (with list items or not) read as a list too: a hand drawing
 * sets `local port: 80` over `public port: 4201` at one left edge, not each centred.
 */
export const isField = (line: string): boolean =>
  /^\s*\p{L}[\p{L}\p{N} ._/()-]{0,23}:\s+\S/u.test(line);

/** A line indented by two spaces or a tab: the label is laid out by hand (code, a call). */
const isIndented = (line: string): boolean => /^(?: {2,}|\t)\S/.test(line);

/**
 * The indexes of the lines that belong to a list (two or more items in a row) — or every
 * line, when a label without a rule indents one of its lines after the first: its author set
 * it out by hand (`queue.enqueue(` over its indented arguments), and centring each line
 * would undo the indents.
 */
export function listLines(lines: readonly string[]): Set<number> {
  if (!lines.some(isRule) && lines.some((line, i) => i > 0 && isIndented(line))) {
    return new Set(lines.keys());
  }
  const out = new Set<number>();
  let run: number[] = [];
  const close = (): void => {
    // a field on the first line is a heading (`Step 4: Image stored`) unless two more follow
    const least = run[0] === 0 && !isListItem(lines[0] as string) ? 3 : 2;
    if (run.length >= least) for (const i of run) out.add(i);
    run = [];
  };
  lines.forEach((line, i) => {
    if (isListItem(line) || isField(line)) run.push(i);
    else close();
  });
  close();
  return out;
}
