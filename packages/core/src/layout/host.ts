import type { ModelPath } from '../errors.js';
import type { HostNode } from '../model/types.js';
import { walkNodes } from '../model/walk.js';
import { type Block, type LayoutContext, linesOf, resolveSpacing, tooNarrow } from './block.js';
import { borderField, borderless, containerPadding, titleGeometry, titleTexts } from './chrome.js';
import { measureFlow } from './flow.js';

/**
 * Measures a host or a group: a container, bordered (unless a group without one), with its
 * title in a band, in the top border, under it or nowhere, around its children.
 */
export function measureHost(node: HostNode, path: ModelPath, context: LayoutContext): Block {
  const title = linesOf(node.label);
  const noBorder = borderless(node);
  // a container drawn without a border has no ring of border cells
  const ring = noBorder ? 0 : 1;
  const geometry = titleGeometry(node.titleAt, title, noBorder);
  const room = context.spread;
  const base = containerPadding(node);
  const padding = resolveSpacing(
    {
      top: base.top + room,
      right: base.right + room,
      bottom: base.bottom + room,
      left: base.left + room,
    },
    node.hints?.padding,
  );
  const flow = measureFlow(
    node.id,
    node.children.map((child, index) => ({ node: child, path: [...path, 'children', index] })),
    context,
    node.direction,
    node.columns,
  );
  const content = Math.max(
    padding.left + flow.boxWidth + padding.right,
    flow.width > flow.boxWidth ? padding.left + flow.width + 1 : 0,
  );
  const needed = Math.max(content, geometry.inner);
  const fixed = node.hints?.width;
  if (fixed !== undefined && fixed - 2 * ring < needed) {
    tooNarrow(context, path, fixed, needed + 2 * ring);
  }
  const inner = fixed !== undefined ? fixed - 2 * ring : needed;
  const width = inner + 2 * ring;
  const band = geometry.band;
  const natural = ring + band + padding.top + flow.height + padding.bottom + ring;
  const captionWidth = geometry.below > 0 ? title.reduce((m, l) => Math.max(m, l.width), 0) : 0;
  let crossing: boolean | undefined;
  const isCrossed = () => {
    crossing ??= crossed(node, context);
    return crossing;
  };
  /**
   * The host with `height` rows (at least its own), the extra ones under its children, and
   * `wide` columns (at least its own), what it holds staying on its middle column.
   */
  const sized = (boxHeight: number, wide = width): Block => ({
    id: node.id,
    width: Math.max(wide, captionWidth),
    height: boxHeight + geometry.below,
    boxWidth: wide,
    boxHeight,
    container: true,
    band,
    contentTop: ring + band + padding.top,
    stretched: (taller) => sized(Math.max(natural, taller - geometry.below), wide),
    // a border drawn at a width the model fixed stays at it, and one a line crosses to reach
    // what it holds keeps its own (the line was planned for it)
    ...(noBorder || fixed !== undefined || isCrossed()
      ? {}
      : { widened: (wider: number) => sized(boxHeight, Math.max(width, wider)) }),
    place(x, y, depth, sink) {
      const height = boxHeight;
      const width = wide;
      sink.boxes.push({
        id: node.id,
        kind: node.kind,
        x,
        y,
        width,
        height,
        depth,
        ...borderField(node),
      });
      sink.texts.push(
        ...titleTexts(
          node.id,
          title,
          geometry,
          { x, y, width, height },
          node.hints?.labelAlign,
          node.hints?.labelOffset ?? 0,
        ),
      );
      if (geometry.rule) sink.dividers.push({ id: `${node.id}#0`, box: node.id, y: y + band });
      const slack = inner - Math.max(content, padding.left + padding.right);
      const middle = Math.floor(wide / 2) - Math.floor(inner / 2 + ring);
      const left = x + middle + ring + padding.left + Math.max(0, Math.floor(slack / 2));
      flow.place(left, y + ring + band + padding.top, depth + 1, sink);
    },
  });
  return sized(natural);
}

/** Whether a line joins something inside a container to something outside it. */
function crossed(node: HostNode, context: LayoutContext): boolean {
  const inside = new Set<string>();
  walkNodes(node.children, (child) => {
    inside.add(child.id);
  });
  for (const id of inside)
    for (const c of context.connectionsOf.get(id) ?? [])
      if (!inside.has(c.from) || !inside.has(c.to)) return true;
  return false;
}
