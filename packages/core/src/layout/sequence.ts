// A sequence: the children of a container with `direction: sequence` stand side by side as
// participants, each with a lifeline down from its box, and the connections between them are
// messages drawn across the lifelines one below the other in model order — the drawing of a
// request's round trip (an OAuth login, a cache miss) that hand-written notes draw as columns.

import type { ModelPath } from '../errors.js';
import { type Connection, isContainer, type Node } from '../model/types.js';
import type { SceneConnector } from '../scene/types.js';
import {
  type Block,
  connectorFor,
  type LayoutContext,
  linesOf,
  type Placed,
  pairKey,
  placeNoteLines,
  widest,
} from './block.js';
import { shapeBorderCells } from './chrome.js';

/** Blank columns between participants' boxes at least. */
const PARTICIPANT_GAP = 3;
/** Most breaks in lifelines where messages pass over them, over all lifelines. */
const MAX_BREAKS = 100_000;
/** Columns a message's line takes at least between its lifelines (with its arrowhead). */
const MESSAGE_MIN = 4;
/** Columns a message to its own participant reaches right of the lifeline. */
const LOOP_REACH = 3;

/** A message as laid out: its connection, ends and note. */
interface Message {
  connection: Connection;
  from: number;
  to: number;
  notes: ReturnType<typeof linesOf>;
}

/** The id of a participant's lifeline in the scene. */
export const lifelineId = (participant: string): string => `${participant}~lifeline`;

/**
 * Lays out a sequence: participants in model order along the top, bottoms in line; messages
 * between them in model order, each note centred over its line; a message to its own
 * participant loops out to the right and back. Lifelines are as far apart as the widest note
 * between them needs. Connections with an end outside the sequence are left to the router.
 */
export function measureSequence(
  id: string,
  items: readonly Placed[],
  context: LayoutContext,
): Block {
  const index = new Map<string, number>();
  const blocks = items.map(({ node, path }, i) => {
    refuseParticipant(node, path, context);
    index.set(node.id, i);
    return context.measure(node, path);
  });
  const order = (c: Connection): number =>
    (context.connectionPaths.get(c.id)?.[1] as number | undefined) ?? 0;
  const messages: Message[] = context.connections
    .filter((c) => index.has(c.from) && index.has(c.to) && !context.drawn.has(c.id))
    .sort((a, b) => order(a) - order(b))
    .map((connection) => ({
      connection,
      from: index.get(connection.from) as number,
      to: index.get(connection.to) as number,
      notes: linesOf(connection.note),
    }));
  for (const m of messages) {
    context.drawn.add(m.connection.id);
    context.pending.delete(pairKey(m.connection.from, m.connection.to));
  }
  const top = Math.max(0, ...blocks.map((b) => b.boxHeight));
  // lifelines leave each box's bottom border in the middle, or next to what its shape draws
  const lifeOffset = blocks.map((block, i) => {
    const taken = shapeBorderCells((items[i] as Placed).node.kind, block.boxWidth).bottom;
    const middle = Math.floor(block.boxWidth / 2);
    for (let d = 0; d < block.boxWidth; d++) {
      for (const at of [middle - d, middle + d]) {
        if (at > 0 && at < block.boxWidth - 1 && !taken.includes(at)) return at;
      }
    }
    return middle;
  });
  // lifeline columns, left to right: boxes apart, every note between its lifelines
  const lifeline: number[] = [];
  // each message bears on the lifeline of its right end (a loop on its neighbour's)
  const bearing = blocks.map((): Message[] => []);
  for (const m of messages) {
    const right = m.from === m.to ? m.from + 1 : Math.max(m.from, m.to);
    bearing[right]?.push(m);
  }
  blocks.forEach((_, i) => {
    context.check();
    let at = lifeOffset[i] as number;
    if (i > 0) {
      const before = blocks[i - 1] as Block;
      const left = (lifeline[i - 1] as number) - (lifeOffset[i - 1] as number);
      at = Math.max(at, left + before.width + PARTICIPANT_GAP + (lifeOffset[i] as number));
    }
    for (const m of bearing[i] ?? []) {
      const [a, b] = m.from < m.to ? [m.from, m.to] : [m.to, m.from];
      const need = widest(m.notes) + MESSAGE_MIN;
      if (b === i && a < i) at = Math.max(at, (lifeline[a] as number) + need);
      // a loop and its note right of the lifeline before
      if (a === b && a === i - 1) at = Math.max(at, (lifeline[a] as number) + LOOP_REACH + need);
    }
    lifeline.push(at);
  });
  // loops on the last lifeline reach right of it (loops elsewhere bear on their neighbour's)
  const lastLoop = Math.max(
    0,
    ...messages
      .filter((m) => m.from === m.to && m.from === blocks.length - 1)
      .map((m) => LOOP_REACH + 2 + widest(m.notes)),
  );
  // rows: each message's note above its line (beside a loop), a lifeline row between messages
  const rows: number[] = [];
  let row = top + 1;
  for (const m of messages) {
    if (m.from === m.to) {
      rows.push(row);
      row += Math.max(2, m.notes.length) + 1;
    } else {
      rows.push(row + m.notes.length);
      row += m.notes.length + 2;
    }
  }
  // the lifelines reach two rows past the last message (the last is joined to its stub)
  const end = row;
  const lastBlock = blocks.length - 1;
  const width = Math.max(
    0,
    ...blocks.map((b, i) => (lifeline[i] as number) - (lifeOffset[i] as number) + b.width),
    lastBlock >= 0 ? (lifeline[lastBlock] as number) + lastLoop + 1 : 0,
  );
  return {
    id,
    width,
    height: end + 1,
    boxWidth: width,
    boxHeight: end + 1,
    place(x, y, depth, sink) {
      // the messages passing over each lifeline, in order; past a bound (a model built to
      // exhaust memory) lifelines are drawn whole, and crossings show as junctions
      const passing = blocks.map((): number[] => []);
      let pieces = 0;
      messages.forEach((m, k) => {
        const [a, b] = m.from < m.to ? [m.from, m.to] : [m.to, m.from];
        if (b - a < 2 || pieces > MAX_BREAKS) return;
        pieces += b - a - 1;
        for (let p = a + 1; p < b; p++) passing[p]?.push(k);
      });
      if (pieces > MAX_BREAKS) for (const list of passing) list.length = 0;
      blocks.forEach((block, i) => {
        const left = x + (lifeline[i] as number) - (lifeOffset[i] as number);
        block.place(left, y + top - block.boxHeight, depth, sink);
        const node = (items[i] as Placed).node;
        const column = x + (lifeline[i] as number);
        // the lifeline is joined to the box, and broken where a message passes over it, so
        // the message reads as passing by, not as branching off it
        const crossings = (passing[i] ?? []).map((k) => y + (rows[k] as number));
        const stops = [y + top - 1, ...crossings, y + end];
        const piece = (n: number, from: number, to: number, join: boolean): SceneConnector => ({
          id: `${lifelineId(node.id)}${n === 0 ? '' : `:${n}`}`,
          from: node.id,
          to: node.id,
          points: [
            { x: column, y: from },
            { x: column, y: to },
          ],
          style: 'dashed',
          arrowStart: false,
          arrowEnd: false,
          join,
        });
        sink.connectors.push(piece(0, y + top - 1, y + top, true));
        for (let k = 0; k + 1 < stops.length; k++) {
          sink.connectors.push(piece(k + 1, stops[k] as number, stops[k + 1] as number, false));
        }
        sink.connectors.push(piece(stops.length, y + end - 1, y + end, true));
      });
      messages.forEach((m, k) => {
        const at = y + (rows[k] as number);
        const a = x + (lifeline[m.from] as number);
        const b = x + (lifeline[m.to] as number);
        if (m.from === m.to) {
          sink.connectors.push(
            connectorFor(m.connection, [
              { x: a, y: at },
              { x: a + LOOP_REACH, y: at },
              { x: a + LOOP_REACH, y: at + 1 },
              { x: a, y: at + 1 },
            ]),
          );
          placeNoteLines(sink, m.connection, m.notes, () => a + LOOP_REACH + 2, at, 'left');
          return;
        }
        sink.connectors.push(
          connectorFor(m.connection, [
            { x: a, y: at },
            { x: b, y: at },
          ]),
        );
        const [low, high] = a < b ? [a, b] : [b, a];
        const between = lifeline.map((l) => x + l).filter((l) => l >= low && l <= high);
        if (a > b) between.reverse();
        const [left, right] = noteSpan(between, widest(m.notes));
        placeNoteLines(
          sink,
          m.connection,
          m.notes,
          (line) => left + Math.floor((right - left - line.width) / 2),
          at - m.notes.length,
          'center',
        );
      });
    },
  };
}

/**
 * Where a message's note goes, as `[left, right)` columns to centre it in: the first gap
 * between neighbouring lifelines of those it spans (`columns`, in order from the sender's)
 * that holds it a cell clear of both, so it reads from where the message starts; else the
 * whole span, over the lifelines between.
 */
function noteSpan(columns: readonly number[], width: number): [number, number] {
  for (let k = 0; k + 1 < columns.length; k++) {
    const [a, b] = [columns[k] as number, columns[k + 1] as number];
    const [left, right] = a < b ? [a, b] : [b, a];
    if (right - left - 3 >= width) return [left + 1, right];
  }
  const [first, last] = [columns[0] as number, columns[columns.length - 1] as number];
  return first < last ? [first + 1, last] : [last + 1, first];
}

/** A participant is a box: a container or a stack has no single lifeline to give. */
function refuseParticipant(node: Node, path: ModelPath, context: LayoutContext): void {
  if (context.openEnds?.has(node.id)) {
    const connection = context.connectionsOf.get(node.id)?.[0];
    context.diagnostics.push({
      code: 'layout/unsupported-connection',
      message:
        'a sequence draws messages between its participants: a line with an open end has no lifeline to start or end on',
      path: (connection && context.connectionPaths.get(connection.id)) ?? path,
      expected: 'both `from` and `to` on participants of the sequence',
    });
    return;
  }
  if (!isContainer(node) && node.kind !== 'stack') return;
  context.diagnostics.push({
    code: 'layout/unsupported-participant',
    message: `${node.id} is a ${node.kind === 'stack' ? 'stack' : 'container'}: the participants of a sequence are boxes, each with one lifeline`,
    path,
    expected: 'a box (client, api, daemon, database, queue, user, external or box)',
  });
}
