const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const FONT = 'font-family="ui-monospace,Menlo,Consolas,DejaVu Sans Mono,monospace" font-size="12"';

/** A horizontal bar chart as a standalone SVG; `rows` are { label, value, note? }. */
export function barChart({ title, unit, rows, log = false }) {
  const width = 760;
  const labelWidth = 230;
  const barMax = width - labelWidth - 150;
  const top = 34;
  const rowHeight = 24;
  const height = top + rows.length * rowHeight + 12;
  const values = rows.filter((r) => Number.isFinite(r.value) && r.value > 0).map((r) => r.value);
  const max = Math.max(...values, 1);
  const scale = (v) =>
    log ? (Math.log10(v + 1) / Math.log10(max + 1)) * barMax : (v / max) * barMax;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="20" ${FONT} font-weight="600" fill="#1f2328">${esc(title)}${log ? ' (log scale)' : ''}</text>`,
  ];
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const ok = Number.isFinite(row.value) && row.value > 0;
    const barWidth = ok ? Math.max(2, scale(row.value)) : 0;
    const fill = row.label.startsWith('diagrama') ? '#1a7f37' : '#8c959f';
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 15}" ${FONT} text-anchor="end" fill="#1f2328">${esc(row.label)}</text>`,
    );
    if (ok)
      parts.push(
        `<rect x="${labelWidth}" y="${y + 4}" width="${barWidth.toFixed(1)}" height="15" rx="3" fill="${fill}"/>`,
      );
    parts.push(
      `<text x="${labelWidth + barWidth + 6}" y="${y + 15}" ${FONT} fill="#59636e">${esc(ok ? `${formatValue(row.value)} ${unit}` : (row.note ?? 'n/a'))}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Numbers as people read them. */
export function formatValue(v) {
  if (!Number.isFinite(v)) return 'n/a';
  if (v >= 100) return Math.round(v).toLocaleString('en-US');
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}
