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
  let quote: '"' | "'" | undefined;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    let i = 0;
    let block = 0;
    if (flow === 0 && quote === undefined) {
      while (line[i] === ' ') i++;
      if (i < line.length && line[i] !== '#') {
        while (indents.length > 0 && (indents[indents.length - 1] as number) >= i) indents.pop();
        indents.push(i);
        let j = i;
        while (
          (line[j] === '-' || line[j] === '?') &&
          (line[j + 1] === ' ' || j + 1 === line.length)
        ) {
          block++;
          j += 2;
          while (line[j] === ' ') j++;
        }
        i = j;
      }
    }
    for (; i < line.length; i++) {
      const ch = line[i];
      if (quote) {
        if (ch === '\\' && quote === '"') i++;
        else if (ch === quote) quote = undefined;
        continue;
      }
      if (ch === '"' || (ch === "'" && (i === 0 || /[\s[{,:]/.test(line[i - 1] ?? '')))) quote = ch;
      else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) break;
      else if (ch === '[' || ch === '{') flow++;
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      const depth = indents.length + block + flow;
      if (depth > max) {
        max = depth;
        maxLine = n + 1;
      }
    }
    const depth = indents.length + block + flow;
    if (depth > max) {
      max = depth;
      maxLine = n + 1;
    }
  }
  return { depth: max, line: maxLine };
}
