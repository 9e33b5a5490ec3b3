/**
 * Things side by side in rows: sets whose spans (`start` to `end`, both included) overlap one
 * through another, kept only when every one of them shares a place with all the others — a
 * staircase, each overlapping the next alone, is no row. Sets of one are left out. Used for
 * containers in a row, by their scene rows and by their ranks.
 */
export function sharedRows<T>(
  items: readonly T[],
  start: (item: T) => number,
  end: (item: T) => number,
): T[][] {
  const sorted = [...items].sort((a, b) => start(a) - start(b));
  const runs: T[][] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    if (start(item) <= last) (runs.at(-1) as T[]).push(item);
    else runs.push([item]);
    last = Math.max(last, end(item));
  }
  return runs.filter(
    (run) => run.length > 1 && Math.max(...run.map(start)) <= Math.min(...run.map(end)),
  );
}
