import type { ModelPath } from '../errors.js';
import type { HostNode } from '../model/types.js';
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
  /** The host with `height` rows (at least its own), the extra ones under its children. */
  const sized = (boxHeight: number): Block => ({
    id: node.id,
    width: Math.max(width, captionWidth),
    height: boxHeight + geometry.below,
    boxWidth: width,
    boxHeight,
    container: true,
    band,
    contentTop: ring + band + padding.top,
    stretched: (taller) => sized(Math.max(natural, taller - geometry.below)),
    place(x, y, depth, sink) {
      const height = boxHeight;
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
      const left = x + ring + padding.left + Math.max(0, Math.floor(slack / 2));
      flow.place(left, y + ring + band + padding.top, depth + 1, sink);
    },
  });
  return sized(natural);
}
