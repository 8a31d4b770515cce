// Inline SVG bar charts (no chart library): horizontal bars for categories,
// stacked columns for a time series. Each chart gets an aria-label that reads
// out the numbers, so the data is not locked in the picture.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function figure(title, chart, summary) {
  const fig = document.createElement('figure');
  fig.className = 'chart';
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', `${title}: ${summary}`);
  fig.append(caption, chart);
  return fig;
}

/** rows: [{label, value, cls?}] → horizontal bars, value printed at the end of each. */
export function horizontalBars(title, rows, { unit = '' } = {}) {
  const width = 480;
  const labelW = 150;
  const rowH = 26;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${Math.max(1, rows.length) * rowH + 4}`, class: 'hbars' });
  rows.forEach((r, i) => {
    const y = i * rowH + 2;
    const w = Math.round(((width - labelW - 50) * r.value) / max);
    chart.append(
      svg('text', { x: labelW - 6, y: y + 16, 'text-anchor': 'end', class: 'label' }, r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label),
      svg('rect', { x: labelW, y: y + 4, width: Math.max(w, r.value > 0 ? 2 : 0), height: rowH - 10, rx: 3, class: `bar ${r.cls || ''}` }),
      svg('text', { x: labelW + w + 6, y: y + 16, class: 'value' }, `${r.value}${unit}`),
    );
  });
  if (rows.length === 0) chart.append(svg('text', { x: 8, y: 18, class: 'label' }, 'Chưa có dữ liệu'));
  return figure(title, chart, rows.map((r) => `${r.label} ${r.value}${unit}`).join(', ') || 'chưa có dữ liệu');
}

/** columns: [{label, parts: [n, m, ...]}], series: [{name, cls}] → stacked columns. */
export function stackedColumns(title, columns, series) {
  const width = 480;
  const height = 200;
  const base = height - 22;
  const max = Math.max(1, ...columns.map((c) => c.parts.reduce((a, b) => a + b, 0)));
  const step = (width - 30) / Math.max(1, columns.length);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 18}`, class: 'columns' });
  chart.append(svg('text', { x: 2, y: 12, class: 'value' }, String(max)), svg('line', { x1: 26, x2: width, y1: base, y2: base, class: 'axis' }));
  columns.forEach((c, i) => {
    const x = 30 + i * step;
    let y = base;
    c.parts.forEach((n, s) => {
      const hgt = ((base - 16) * n) / max;
      y -= hgt;
      if (n > 0) chart.append(svg('rect', { x: x + 1, y, width: Math.max(2, step - 3), height: hgt, class: `bar ${series[s].cls}` }));
    });
    // Label every other day when there are many, so the dates stay readable.
    if (columns.length <= 10 || i % 2 === (columns.length - 1) % 2) {
      chart.append(svg('text', { x: x + step / 2, y: base + 14, 'text-anchor': 'middle', class: 'label small' }, c.label));
    }
  });
  const legend = svg('g', {});
  series.forEach((s, i) => legend.append(svg('rect', { x: 30 + i * 120, y: height + 4, width: 10, height: 10, class: `bar ${s.cls}` }), svg('text', { x: 44 + i * 120, y: height + 13, class: 'label small' }, s.name)));
  chart.append(legend);
  const summary = columns.map((c) => `${c.label}: ${c.parts.map((n, s) => `${series[s].name} ${n}`).join(', ')}`).join('; ');
  return figure(title, chart, summary || 'chưa có dữ liệu');
}
