// The playground page: an editor, live previews, examples, a shareable URL. What it draws and
// shares is state.ts; this file only wires the page to it.
import { CHARSET_NAMES, type CharsetName } from '@diagrama/render-ascii';
import type { ThemeName } from '@diagrama/render-svg';
import { draw, fromHash, type PlaygroundState, THEME_NAMES, toHash } from './state.js';

const examples: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../docs/examples/*.yaml', {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, text]) => [path.replace(/^.*\//, '').replace(/\.yaml$/, ''), text]),
);
const FIRST = 'docker-architecture';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const editor = $<HTMLTextAreaElement>('model');
const gutter = $<HTMLPreElement>('gutter');
const problems = $<HTMLOListElement>('problems');
const textOut = $<HTMLPreElement>('text');
const svgOut = $<HTMLDivElement>('svg');
const exampleSelect = $<HTMLSelectElement>('example');
const charsetSelect = $<HTMLSelectElement>('charset');
const themeSelect = $<HTMLSelectElement>('theme');

const fill = (select: HTMLSelectElement, values: readonly string[]) => {
  for (const value of values) select.add(new Option(value, value));
};
fill(exampleSelect, ['', ...Object.keys(examples).sort()]);
(exampleSelect.options[0] as HTMLOptionElement).text = '(choose)';
fill(charsetSelect, CHARSET_NAMES);
fill(themeSelect, THEME_NAMES);

let last = { text: '', svg: '' };

function state(): PlaygroundState {
  return {
    model: editor.value,
    charset: charsetSelect.value as CharsetName,
    theme: themeSelect.value as ThemeName,
  };
}

function show(initial: PlaygroundState): void {
  editor.value = initial.model;
  charsetSelect.value = initial.charset;
  themeSelect.value = initial.theme;
  update();
}

/** Line numbers beside the editor, the lines with a problem (or advice) marked. */
function numberLines(bad: ReadonlySet<number>, advised: ReadonlySet<number> = new Set()): void {
  const count = editor.value.split('\n').length;
  gutter.replaceChildren(
    ...Array.from({ length: count }, (_, i) => {
      const line = document.createElement('span');
      line.textContent = String(i + 1);
      if (bad.has(i + 1)) {
        line.className = 'bad';
        line.title = 'a problem on this line';
      } else if (advised.has(i + 1)) {
        line.className = 'warn';
        line.title = 'advice on this line';
      }
      return line;
    }),
  );
  gutter.scrollTop = editor.scrollTop;
}

/** Puts the caret at a line and column of the editor. */
function goTo(line: number, column: number): void {
  const lines = editor.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i] as string).length + 1;
  editor.focus();
  editor.setSelectionRange(offset + column - 1, offset + column - 1);
}

function update(): void {
  const current = state();
  const drawing = draw(current);
  const bad = new Set<number>();
  const advised = new Set<number>();
  problems.replaceChildren(
    ...drawing.problems.map((p) => {
      const item = document.createElement('li');
      item.dataset.code = p.code;
      if (p.warning) item.className = 'warning';
      if (p.line !== undefined) {
        (p.warning ? advised : bad).add(p.line);
        item.dataset.line = String(p.line);
        const link = document.createElement('a');
        link.href = '#';
        link.textContent = `line ${p.line}, column ${p.column ?? 1}`;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          goTo(p.line as number, p.column ?? 1);
        });
        item.append(link, `: ${p.message} [${p.code}]`);
      } else item.textContent = `${p.message} [${p.code}]`;
      return item;
    }),
  );
  numberLines(bad, advised);
  if (drawing.text !== undefined && drawing.svg !== undefined) {
    last = { text: drawing.text, svg: drawing.svg };
    textOut.textContent = drawing.text;
    // every label in the SVG is escaped by the renderer: the markup holds no live content
    svgOut.innerHTML = drawing.svg;
    textOut.classList.remove('stale');
    svgOut.classList.remove('stale');
  } else {
    // the last good drawing stays, faded, while the model has a problem
    textOut.classList.add('stale');
    svgOut.classList.add('stale');
  }
  history.replaceState(null, '', toHash(current));
}

let timer: ReturnType<typeof setTimeout> | undefined;
editor.addEventListener('input', () => {
  numberLines(new Set());
  clearTimeout(timer);
  timer = setTimeout(update, 120);
});
editor.addEventListener('scroll', () => {
  gutter.scrollTop = editor.scrollTop;
});
editor.addEventListener('keydown', (event) => {
  if (event.key !== 'Tab' || event.shiftKey) return;
  event.preventDefault();
  editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
  editor.dispatchEvent(new Event('input'));
});
charsetSelect.addEventListener('change', update);
themeSelect.addEventListener('change', update);
exampleSelect.addEventListener('change', () => {
  const text = examples[exampleSelect.value];
  if (text !== undefined) show({ ...state(), model: text });
});

const copy = (text: string) => navigator.clipboard.writeText(text).catch(() => undefined);
const download = (name: string, text: string, type: string) => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
$('copy-text').addEventListener('click', () => copy(last.text));
$('copy-svg').addEventListener('click', () => copy(last.svg));
$('download-text').addEventListener('click', () =>
  download('diagram.txt', last.text, 'text/plain'),
);
$('download-svg').addEventListener('click', () =>
  download('diagram.svg', last.svg, 'image/svg+xml'),
);
$('share').addEventListener('click', () => copy(location.href));

const shared = fromHash(location.hash);
if (!shared) exampleSelect.value = FIRST;
show(shared ?? { model: examples[FIRST] ?? 'nodes: []\n', charset: 'double', theme: 'light' });
