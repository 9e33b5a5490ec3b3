import type { NodeKind } from '@diagrama/core';

/**
 * A small pictogram per node kind, as SVG path data in a 16×16 box. Drawn with strokes so the
 * theme colours them; no images, no fonts.
 */
export const KIND_GLYPHS: Readonly<Record<NodeKind, string>> = {
  host: 'M2 3h12v8H2zM6 14h4M8 11v3',
  client: 'M1.5 2.5h13v11h-13zM4 6l2.5 2L4 10M8 10.5h4',
  api: 'M5 2.5C3 2.5 3.5 6 2 8c1.5 2 1 5.5 3 5.5M11 2.5c2 0 1.5 3.5 3 5.5-1.5 2-1 5.5-3 5.5M6.5 8h3',
  daemon:
    'M8 5a3 3 0 1 0 0 6a3 3 0 1 0 0-6M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
  stack: 'M8 2l6 3-6 3-6-3zM2 8l6 3 6-3M2 11l6 3 6-3',
  layer: 'M8 3l6 3-6 3-6-3zM2 10l6 3 6-3',
  box: 'M2.5 2.5h11v11h-11z',
  group: 'M2 2h3M11 2h3M2 14h3M11 14h3M2 2v3M2 11v3M14 2v3M14 11v3',
  database:
    'M3 4c0-1.1 2.2-2 5-2s5 .9 5 2-2.2 2-5 2-5-.9-5-2zM3 4v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2',
  queue: 'M1.5 4.5h13v7h-13zM5 4.5v7M8 4.5v7M11 4.5v7',
  user: 'M8 2a2.6 2.6 0 1 0 0 5.2a2.6 2.6 0 1 0 0-5.2M2.5 14.5c0-3.2 2.4-5.5 5.5-5.5s5.5 2.3 5.5 5.5',
  external:
    'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M1.5 8h13M8 1.5c-2.4 2.2-2.4 10.8 0 13M8 1.5c2.4 2.2 2.4 10.8 0 13',
};

/** A padlock, for read-only layers. */
export const LOCK_GLYPH = 'M4 7.5h8v6H4zM5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5';
