import type { ModelPath } from '../errors.js';
import type { HostNode } from '../model/types.js';
import {
  type Block,
  HOST_PADDING,
  type LayoutContext,
  linesOf,
  resolveSpacing,
  tooNarrow,
  widest,
} from './block.js';
import { measureFlow } from './flow.js';

/** Measures a host: a bordered container with a title band over its children. */
export function measureHost(node: HostNode, path: ModelPath, context: LayoutContext): Block {
  const title = linesOf(node.label);
  const room = context.spread;
  const padding = resolveSpacing(
    {
      top: HOST_PADDING.top + room,
      right: HOST_PADDING.right + room,
      bottom: HOST_PADDING.bottom + room,
      left: HOST_PADDING.left + room,
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
  const needed = Math.max(content, widest(title) + 2);
  const fixed = node.hints?.width;
  if (fixed !== undefined && fixed - 2 < needed) tooNarrow(context, path, fixed, needed + 2);
  const inner = fixed !== undefined ? fixed - 2 : needed;
  const width = inner + 2;
  const band = title.length + 1;
  const natural = 1 + band + padding.top + flow.height + padding.bottom + 1;
  /** The host with `height` rows (at least its own), the extra ones under its children. */
  const sized = (height: number): Block => ({
    id: node.id,
    width,
    height,
    boxWidth: width,
    boxHeight: height,
    container: true,
    band,
    stretched: (taller) => sized(Math.max(natural, taller)),
    place(x, y, depth, sink) {
      sink.boxes.push({ id: node.id, kind: 'host', x, y, width, height, depth });
      title.forEach((line, index) => {
        if (line.width === 0) return;
        sink.texts.push({
          id: `${node.id}:title:${index}`,
          owner: node.id,
          role: 'title',
          x: x + 1 + Math.floor((inner - line.width) / 2),
          y: y + 1 + index,
          width: line.width,
          text: line.text,
          align: 'center',
        });
      });
      sink.dividers.push({ id: `${node.id}#0`, box: node.id, y: y + band });
      const slack = inner - Math.max(content, padding.left + padding.right);
      const left = x + 1 + padding.left + Math.max(0, Math.floor(slack / 2));
      flow.place(left, y + 1 + band + padding.top, depth + 1, sink);
    },
  });
  return sized(natural);
}
