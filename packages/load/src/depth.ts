/**
 * An upper estimate of how deeply YAML or JSON text nests, found in one pass without parsing:
 * flow brackets (`[`, `{`) outside quotes and comments, plus block indentation levels and
 * `- ` / `? ` indicators at the start of a line. Used to refuse pathological input before a
 * parser (or a later recursive walk) has to survive it.
 */
export function nestingDepth(text: string): { depth: number; line: number } {
  let max = 0;
  let maxLine = 1;
  let flow = 0;
  const indents: number[] = [];
  // the quote character's code while inside quotes, else 0
  let quote = 0;
  const length = text.length;
  let n = 0;
  for (let start = 0; start <= length; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    let i = start;
    let block = 0;
    if (flow === 0 && quote === 0) {
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      if (i < end && text.charCodeAt(i) !== HASH) {
        const indent = i - start;
        while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent)
          indents.pop();
        indents.push(indent);
        let j = i;
        while (
          (text.charCodeAt(j) === DASH || text.charCodeAt(j) === QUESTION) &&
          j < end &&
          (j + 1 === end || text.charCodeAt(j + 1) === SPACE)
        ) {
          block++;
          j += 2;
          while (j < end && text.charCodeAt(j) === SPACE) j++;
        }
        i = j;
      }
    }
    let depth = indents.length + block + flow;
    if (depth > max) {
      max = depth;
      maxLine = n + 1;
    }
    for (; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (quote !== 0) {
        if (ch === BACKSLASH && quote === DOUBLE) i++;
        else if (ch === quote) quote = 0;
        continue;
      }
      if (ch === DOUBLE || (ch === SINGLE && (i === start || opensQuote(text.charCodeAt(i - 1)))))
        quote = ch;
      else if (ch === HASH && (i === start || isSpace(text.charCodeAt(i - 1)))) break;
      else if (ch === OPEN_BRACKET || ch === OPEN_BRACE) {
        flow++;
        depth = indents.length + block + flow;
        if (depth > max) {
          max = depth;
          maxLine = n + 1;
        }
      } else if ((ch === CLOSE_BRACKET || ch === CLOSE_BRACE) && flow > 0) flow--;
    }
    start = end + 1;
  }
  return { depth: max, line: maxLine };
}

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const QUESTION = 0x3f;
const BACKSLASH = 0x5c;
const DOUBLE = 0x22;
const SINGLE = 0x27;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/** `\s` of a regular expression, for the characters before a quote or a comment. */
const isSpace = (ch: number): boolean =>
  ch === 0x20 ||
  (ch >= 0x09 && ch <= 0x0d) ||
  ch === 0xa0 ||
  ch === 0x1680 ||
  (ch >= 0x2000 && ch <= 0x200a) ||
  ch === 0x2028 ||
  ch === 0x2029 ||
  ch === 0x202f ||
  ch === 0x205f ||
  ch === 0x3000 ||
  ch === 0xfeff;
/** Whether a `'` after this character opens a quoted scalar: after a space, `[`, `{`, `,` or `:`. */
const opensQuote = (ch: number): boolean =>
  isSpace(ch) || ch === OPEN_BRACKET || ch === OPEN_BRACE || ch === 0x2c || ch === 0x3a;
