// Rendering a scene as box-drawing text
export type { TextOptions } from './scene-to-text.js';
export { sceneToText } from './scene-to-text.js';

// Charsets
export type { Charset, CharsetName, Dash } from './charsets.js';
export { CHARSET_NAMES, CHARSETS, isCharsetName } from './charsets.js';

// Glyphs for the arms of a cell
export type { Arms, Weight } from './box-glyphs.js';
export { glyphForArms } from './box-glyphs.js';
