/** The bundled code of `text.ts` or `svg.ts`, minified when asked. */
export function bundleForBrowser(
  entry: 'text' | 'svg',
  options?: { minify?: boolean },
): Promise<string>;
