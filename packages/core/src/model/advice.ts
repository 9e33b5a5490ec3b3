import { count, type Diagnostic } from '../errors.js';
import type { Diagram } from './types.js';
import { walkNodes } from './walk.js';

/**
 * Advice on a valid model that would draw, but likely not as its author meant: warnings, never
 * errors, each with a stable code and the path it concerns. The CLI prints them on standard
 * error (`warning[…]`), and a library may show them or not.
 *
 * - `model/direction-is-arrangement`: the diagram says `direction: right` (or `down`), which
 *   arranges its top-level boxes by hand in model order, while lines join boxes that are not
 *   neighbours there, so they are routed around the others — what D2's `direction: right` and
 *   Mermaid's `flowchart LR` mean is `flow: right`. Models with layout hints (drawings
 *   reproduced by hand) are left alone.
 * - `model/steps-as-sequence`: four or more connections carry numbered notes (`1. login`,
 *   `(2) code`) and two boxes are joined by three lines or more — a conversation in steps (an
 *   OAuth login), which `direction: sequence` draws in order, one message under the other,
 *   where a flow can only loop the extra lines round the boxes.
 */
export function adviseDiagram(diagram: Diagram): Diagnostic[] {
  const out: Diagnostic[] = [];
  const arranged = diagram.direction === 'right' || diagram.direction === 'down';
  if (arranged && !hinted(diagram)) {
    // each node's top-level ancestor, by its place in the model
    const top = new Map<string, number>();
    diagram.nodes.forEach((node, i) => {
      walkNodes([node], (inner) => {
        top.set(inner.id, i);
      });
    });
    const around = diagram.connections.filter((c) => {
      if (c.from === undefined || c.to === undefined) return false;
      const [a, b] = [top.get(c.from), top.get(c.to)];
      return a !== undefined && b !== undefined && Math.abs(a - b) > 1;
    }).length;
    if (around > 0) {
      out.push({
        code: 'model/direction-is-arrangement',
        message: `\`direction: ${diagram.direction}\` sets the top-level boxes ${diagram.direction === 'right' ? 'in a row' : 'in a column'} in model order, so ${count(around, 'line')} between boxes that are not neighbours there ${around === 1 ? 'is' : 'are'} routed around the others`,
        path: ['direction'],
        expected:
          diagram.direction === 'right'
            ? "`flow: right` (and no `direction`) for a layout that follows the lines left to right, as D2's `direction: right` does"
            : 'no `direction`: without it the layout follows the lines downwards, as D2 does',
        example: `flow: ${diagram.direction}`,
      });
    }
  }
  if (diagram.direction !== 'sequence' && !hinted(diagram)) {
    const numbered = diagram.connections.filter((c) => STEP.test(c.note ?? '')).length;
    const between = new Map<string, number>();
    for (const c of diagram.connections) {
      if (!c.from || !c.to || c.from === c.to) continue;
      const key = c.from < c.to ? `${c.from}\n${c.to}` : `${c.to}\n${c.from}`;
      between.set(key, (between.get(key) ?? 0) + 1);
    }
    const most = Math.max(0, ...between.values());
    if (numbered >= 4 && most >= 3) {
      out.push({
        code: 'model/steps-as-sequence',
        message: `${count(numbered, 'connection')} carry numbered notes and two boxes are joined by ${count(most, 'line')}: a conversation in steps, drawn as a flow with the extra lines looped round the boxes`,
        path: ['connections'],
        expected:
          '`direction: sequence` to draw the steps in order, one message under the other, each box with its lifeline',
        example: 'direction: sequence',
      });
    }
  }
  return out;
}

/** A note that starts with a step number: `1. login`, `2) code`, `(3) token`, `4: consent`. */
const STEP = /^\s*(\(\d+\)|\d+[.):])\s/;

/** Whether any node or connection carries layout hints: a drawing reproduced on purpose. */
function hinted(diagram: Diagram): boolean {
  let found = diagram.connections.some((c) => c.hints !== undefined);
  walkNodes(diagram.nodes, (node) => {
    if (node.hints !== undefined) found = true;
  });
  return found;
}
