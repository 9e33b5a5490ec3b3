import type { Diagram, Node } from '@diagrama/core';

/** Whitespace as a reader sees it: runs of spaces and line breaks are one space. */
const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * What a drawing shows of a model: every drawn box (its label, and the container it sits in)
 * and every line (its ends, arrowheads, style and note). Invisible groups are not drawn, so
 * their children count as their parent's; a title the drawing leaves out is not compared.
 */
export function shown(diagram: Diagram): { boxes: string[]; lines: string[] } {
  const label = new Map<string, string>();
  const boxes: string[] = [];
  const walk = (nodes: readonly Node[], parent: string) => {
    for (const n of nodes) {
      const hidden = n.kind === 'group' && (n.border ?? 'none') === 'none';
      const untitled = 'titleAt' in n && n.titleAt === 'none';
      const text = hidden || untitled ? '' : words(n.label ?? '');
      label.set(n.id, text);
      if (hidden) {
        walk(n.children, parent);
        continue;
      }
      boxes.push(`${parent}/${n.kind === 'stack' ? '[stack]' : text}`);
      if ('children' in n) walk(n.children, text);
    }
  };
  walk(diagram.nodes, '');
  const lines = diagram.connections.map((c0) => {
    const c =
      c0.direction === 'backward' ? { ...c0, from: c0.to, to: c0.from, direction: 'forward' } : c0;
    const note = c.note ? ` «${words(c.note)}»` : '';
    return `${label.get(c.from) ?? '∅'} ${c.direction} ${label.get(c.to) ?? '∅'} ${c.style}${note}`;
  });
  return { boxes: boxes.sort(), lines: lines.sort() };
}

/** One fact a drawing states, by what it is about. */
export type FactKind = 'box' | 'nesting' | 'connection' | 'note';

/**
 * The facts a drawing states, one string each: every box with its label, every box inside
 * another, every connection with its ends, direction and style, and every note on a line.
 */
export function facts(diagram: Diagram): { kind: FactKind; fact: string }[] {
  const out: { kind: FactKind; fact: string }[] = [];
  const { boxes, lines } = shown(diagram);
  for (const box of boxes) {
    const slash = box.indexOf('/');
    out.push({ kind: 'box', fact: box.slice(slash + 1) });
    if (slash > 0) out.push({ kind: 'nesting', fact: box });
  }
  // a stack's layers are boxes in it, bottom up
  const layers = (nodes: readonly Node[]) => {
    for (const n of nodes) {
      if (n.kind === 'stack')
        n.layers.forEach((layer, i) => {
          out.push({ kind: 'box', fact: words(layer.label) });
          out.push({ kind: 'nesting', fact: `[stack]/${i}:${words(layer.label)}` });
        });
      if ('children' in n) layers(n.children);
    }
  };
  layers(diagram.nodes);
  for (const line of lines) {
    const at = line.indexOf(' «');
    out.push({ kind: 'connection', fact: at < 0 ? line : line.slice(0, at) });
    if (at >= 0) out.push({ kind: 'note', fact: line });
  }
  return out;
}

/** Of the facts `expected` states, those `got` states too (each counted as often as stated). */
export function recovered(
  expected: readonly { kind: FactKind; fact: string }[],
  got: readonly { kind: FactKind; fact: string }[],
): { kind: FactKind; fact: string; found: boolean }[] {
  const left = new Map<string, number>();
  for (const g of got) left.set(`${g.kind}:${g.fact}`, (left.get(`${g.kind}:${g.fact}`) ?? 0) + 1);
  return expected.map((e) => {
    const key = `${e.kind}:${e.fact}`;
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    return { ...e, found: n > 0 };
  });
}
