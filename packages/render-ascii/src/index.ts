// Rendering

export type { Arms, Weight } from './box-glyphs.js';
export { glyphForArms } from './box-glyphs.js';

// Charsets
export type { Charset, CharsetName, Dash } from './charsets.js';
export { CHARSET_NAMES, CHARSETS, isCharsetName } from './charsets.js';
export type { TextOptions } from './scene-to-text.js';
export { sceneToText } from './scene-to-text.js';
