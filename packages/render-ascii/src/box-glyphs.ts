/** The weight of one arm of a line glyph: none, light, heavy or double. */
export type Weight = 0 | 1 | 2 | 3;

/** Arms in the order up, right, down, left. */
export type Arms = readonly [Weight, Weight, Weight, Weight];

/**
 * Every box-drawing glyph made of straight arms (U+2500–U+257F), as `glyph:URDL` where each
 * of up, right, down, left is `0` (none), `l` (light), `h` (heavy) or `d` (double).
 */
// biome-ignore format: a table reads best in columns
const TABLE = [
  '─:0l0l', '━:0h0h', '│:l0l0', '┃:h0h0',
  '┌:0ll0', '┍:0hl0', '┎:0lh0', '┏:0hh0', '┐:00ll', '┑:00lh', '┒:00hl', '┓:00hh',
  '└:ll00', '┕:lh00', '┖:hl00', '┗:hh00', '┘:l00l', '┙:l00h', '┚:h00l', '┛:h00h',
  '├:lll0', '┝:lhl0', '┞:hll0', '┟:llh0', '┠:hlh0', '┡:hhl0', '┢:lhh0', '┣:hhh0',
  '┤:l0ll', '┥:l0lh', '┦:h0ll', '┧:l0hl', '┨:h0hl', '┩:h0lh', '┪:l0hh', '┫:h0hh',
  '┬:0lll', '┭:0llh', '┮:0hll', '┯:0hlh', '┰:0lhl', '┱:0lhh', '┲:0hhl', '┳:0hhh',
  '┴:ll0l', '┵:ll0h', '┶:lh0l', '┷:lh0h', '┸:hl0l', '┹:hl0h', '┺:hh0l', '┻:hh0h',
  '┼:llll', '┽:lllh', '┾:lhll', '┿:lhlh', '╀:hlll', '╁:llhl', '╂:hlhl', '╃:hllh',
  '╄:hhll', '╅:llhh', '╆:lhhl', '╇:hhlh', '╈:lhhh', '╉:hlhh', '╊:hhhl', '╋:hhhh',
  '═:0d0d', '║:d0d0', '╒:0dl0', '╓:0ld0', '╔:0dd0', '╕:00ld', '╖:00dl', '╗:00dd',
  '╘:ld00', '╙:dl00', '╚:dd00', '╛:l00d', '╜:d00l', '╝:d00d', '╞:ldl0', '╟:dld0',
  '╠:ddd0', '╡:l0ld', '╢:d0dl', '╣:d0dd', '╤:0dld', '╥:0ldl', '╦:0ddd', '╧:ld0d',
  '╨:dl0l', '╩:dd0d', '╪:ldld', '╫:dldl', '╬:dddd',
  '╴:000l', '╵:l000', '╶:0l00', '╷:00l0', '╸:000h', '╹:h000', '╺:0h00', '╻:00h0',
  '╼:0h0l', '╽:l0h0', '╾:0l0h', '╿:h0l0',
];

const CODE: Readonly<Record<string, Weight>> = { '0': 0, l: 1, h: 2, d: 3 };
const LETTER = ['0', 'l', 'h', 'd'] as const;

const BY_ARMS = new Map<string, string>();
for (const entry of TABLE) {
  const [glyph, arms] = entry.split(':') as [string, string];
  if ([...arms].some((c) => CODE[c] === undefined)) throw new Error(`bad glyph entry ${entry}`);
  BY_ARMS.set(arms, glyph);
}

const keyOf = (arms: Arms): string => arms.map((w) => LETTER[w]).join('');

/**
 * The box-drawing glyph with exactly these arms, or the closest one: arms of a weight no
 * glyph combines are redrawn in `fallback`, then light. Double lines have no half-glyph, so
 * a lone double arm draws as a whole line.
 */
export function glyphForArms(arms: Arms, fallback: Weight): string {
  const exact = BY_ARMS.get(keyOf(arms));
  if (exact !== undefined) return exact;
  const [up, right, down, left] = arms;
  const weight = Math.max(up, right, down, left) as Weight;
  if (arms.filter((w) => w !== 0).length === 1) {
    const whole = up || down ? [weight, 0, weight, 0] : [0, weight, 0, weight];
    return BY_ARMS.get(keyOf(whole as unknown as Arms)) ?? ' ';
  }
  for (const weight of [fallback, 1] as const) {
    const redrawn = arms.map((w) => (w === 0 ? 0 : weight)) as unknown as Arms;
    const glyph = BY_ARMS.get(keyOf(redrawn));
    if (glyph !== undefined) return glyph;
  }
  const vertical = (up || down) && !(left || right);
  return (
    BY_ARMS.get(vertical ? keyOf([weight, 0, weight, 0]) : keyOf([0, weight, 0, weight])) ?? ' '
  );
}
