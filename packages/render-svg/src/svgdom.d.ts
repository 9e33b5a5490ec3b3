declare module 'svgdom' {
  /** A DOM window that can hold SVG, for svg.js in Node. */
  export function createSVGWindow(): { document: unknown };
}
