/**
 * A label line of three or more dashes (`---`, `───`) is a rule: a line across the box,
 * joined to its sides, between a heading and the text under it. The layout draws it; the
 * text description reads it as a dash.
 */
export const isRule = (line: string): boolean => /^\s*(?:-{3,}|\u2500{3,})\s*$/.test(line);
