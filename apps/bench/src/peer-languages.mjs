// The corpus's models written in Graphviz's and D2's languages, so the layout-quality
// benchmark can ask those tools to lay out the very same graphs: @diagrama/export writes
// them; for dot, the benchmark asks for orthogonal edges like diagrama's and its fonts.
import { toDot as exportDot, toD2 } from '@diagrama/export';

/** A DOT graph of a validated diagram, with orthogonal edges like diagrama's. */
export function toDot(diagram) {
  return exportDot(diagram, {
    edgeLabel: 'xlabel',
    attributes: [
      'splines=ortho; nodesep=0.4; ranksep=0.5;',
      'node [fontname="DejaVu Sans Mono", fontsize=12];',
      'edge [fontname="DejaVu Sans Mono", fontsize=11];',
    ],
  });
}

export { toD2 };
