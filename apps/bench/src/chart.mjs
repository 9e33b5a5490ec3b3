const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const FONT = 'font-family="ui-monospace,Menlo,Consolas,DejaVu Sans Mono,monospace" font-size="12"';

/** Tick values for an axis from 0 (linear) or a decade below the smallest value (log). */
function ticks(values, log) {
  const max = Math.max(...values, 1);
  if (log) {
    const lo = 10 ** Math.floor(Math.log10(Math.min(...values, max)));
    const hi = 10 ** Math.ceil(Math.log10(max));
    const out = [];
    for (let t = lo; t <= hi * 1.0001; t *= 10) out.push(t);
    if (out.length < 2) out.push(lo * 10);
    return out;
  }
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const out = [];
  for (let t = 0; t <= max + step * 0.999; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/**
 * A horizontal bar chart as a standalone SVG; `rows` are { label, value, note? }; `axis` names
 * the axis (from the unit by default). Under the
 * bars, an axis with its ticks and grid lines, named once with its unit — and, for a log
 * scale, saying so there.
 */
export function barChart({ title, unit, rows, log = false, axis }) {
  const axisName =
    axis ?? { '/s': 'per second', ms: 'milliseconds', MB: 'megabytes' }[unit.trim()] ?? unit;
  const width = 760;
  const labelWidth = 230;
  const barMax = width - labelWidth - 150;
  const top = 34;
  const rowHeight = 24;
  const axisY = top + rows.length * rowHeight + 4;
  const height = axisY + 40;
  const values = rows.filter((r) => Number.isFinite(r.value) && r.value > 0).map((r) => r.value);
  const marks = ticks(values, log);
  const lo = marks[0];
  const hi = marks[marks.length - 1];
  const scale = (v) =>
    log
      ? ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) *
        barMax
      : (v / hi) * barMax;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="20" ${FONT} font-weight="600" fill="#1f2328">${esc(title)}</text>`,
  ];
  // grid lines and ticks first, so the bars are drawn over them
  for (const t of marks) {
    const x = (labelWidth + scale(t)).toFixed(1);
    parts.push(
      `<line x1="${x}" y1="${top}" x2="${x}" y2="${axisY}" stroke="#d8dee4" stroke-width="1"/>`,
      `<line x1="${x}" y1="${axisY}" x2="${x}" y2="${axisY + 4}" stroke="#59636e" stroke-width="1"/>`,
      `<text x="${x}" y="${axisY + 16}" ${FONT} text-anchor="middle" fill="#59636e">${esc(formatTick(t))}</text>`,
    );
  }
  parts.push(
    `<line x1="${labelWidth}" y1="${axisY}" x2="${labelWidth + barMax}" y2="${axisY}" stroke="#59636e" stroke-width="1"/>`,
    `<text x="${labelWidth + barMax / 2}" y="${axisY + 34}" ${FONT} text-anchor="middle" fill="#59636e">${esc(axisName)}${log ? ' (log scale)' : ''}</text>`,
  );
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

/** A tick label: 1, 10, 100, 1k, 10k… */
function formatTick(v) {
  if (v >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (v >= 1e3) return `${Number((v / 1e3).toPrecision(3))}k`;
  return String(Number(v.toPrecision(3)));
}

/** Numbers as people read them. */
export function formatValue(v) {
  if (!Number.isFinite(v)) return 'n/a';
  if (v >= 100) return Math.round(v).toLocaleString('en-US');
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}
