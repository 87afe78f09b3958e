// The operators' dashboard: renders every snapshot of /api/v1/live. No libraries, nothing fetched
// from elsewhere. Money arrives as exact decimal strings and is formatted with BigInt arithmetic;
// floating point is used only to size bars.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const OUTCOMES = ['EXEMPT', 'STANDARD_CONTRACT', 'SECURITY_ASSESSMENT', 'BLOCKED'];
const RECENT_MINUTES = 30;

const $ = (id) => document.getElementById(id);

function scaled(decimal) {
  let text = String(decimal);
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  const [units, fraction = ''] = text.split('.');
  const value = BigInt(units + (fraction + '0000').slice(0, 4));
  return negative ? -value : value;
}

function groupThousands(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1234567.8912" -> "1,234,567.89" (half up on the third decimal). */
function formatCny(decimal) {
  const value = scaled(decimal);
  const negative = value < 0n;
  const cents = ((negative ? -value : value) + 50n) / 100n;
  const fraction = (cents % 100n).toString().padStart(2, '0');
  return (negative ? '-' : '') + groupThousands((cents / 100n).toString()) + '.' + fraction;
}

/** Large amounts shortened for the summary cards: "12.34 M", "5.67 B". */
function formatCnyShort(decimal) {
  const value = scaled(decimal);
  const absolute = value < 0n ? -value : value;
  const steps = [[10n ** 16n, 'T'], [10n ** 13n, 'B'], [10n ** 10n, 'M']];
  for (const [unit, suffix] of steps) {
    if (absolute >= unit) {
      const hundredths = (absolute * 100n + unit / 2n) / unit;
      const text = groupThousands((hundredths / 100n).toString()) + '.' + (hundredths % 100n).toString().padStart(2, '0');
      return (value < 0n ? '-' : '') + text + ' ' + suffix;
    }
  }
  return formatCny(decimal);
}

function formatCount(count) {
  return Number(count).toLocaleString('en-US');
}

function percent(part, whole) {
  const total = scaled(whole);
  if (total === 0n) return '–';
  const tenths = (scaled(part) * 1000n + total / 2n) / total;
  return (tenths / 10n).toString() + '.' + (tenths % 10n).toString() + ' %';
}

function setText(id, text, title) {
  const element = $(id);
  element.textContent = text;
  if (title) element.title = title;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function fillTable(id, rows, columns, emptyText) {
  const body = $(id).querySelector('tbody');
  body.replaceChildren();
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = cell(emptyText, 'empty');
    td.colSpan = columns;
    tr.appendChild(td);
    body.appendChild(tr);
    return;
  }
  for (const cells of rows) {
    const tr = document.createElement('tr');
    cells.forEach((c) => tr.appendChild(c));
    body.appendChild(tr);
  }
}

function countRows(groups) {
  return Object.entries(groups || {})
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([group, listed]) => [cell(group), cell(formatCount(listed), 'num')]);
}

function svgElement(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function prepareChart(svg) {
  const width = Math.max(svg.clientWidth, 300);
  const height = Math.max(svg.clientHeight, 160);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.replaceChildren();
  return { width, height };
}

function drawNoData(svg, size, text) {
  svg.appendChild(svgElement('text', { x: size.width / 2, y: size.height / 2, 'text-anchor': 'middle' }, text));
}

function drawCategories(categories) {
  const svg = $('chart-categories');
  const size = prepareChart(svg);
  if (categories.length === 0) return drawNoData(svg, size, 'No trades yet');
  const rows = [...categories].sort((a, b) => {
    const difference = scaled(b.volumeCny) - scaled(a.volumeCny);
    return difference > 0n ? 1 : difference < 0n ? -1 : a.category.localeCompare(b.category);
  });
  const labelWidth = 150;
  const valueWidth = 120;
  const rowHeight = Math.min(34, (size.height - 8) / rows.length);
  const barArea = size.width - labelWidth - valueWidth;
  const max = Math.max(...rows.map((row) => Number(row.volumeCny)), 1);
  rows.forEach((row, index) => {
    const y = 4 + index * rowHeight;
    const barHeight = Math.max(rowHeight - 8, 4);
    const total = (Number(row.volumeCny) / max) * barArea;
    const cross = (Number(row.crossBorderVolumeCny) / max) * barArea;
    const middle = y + barHeight / 2;
    svg.appendChild(svgElement('text', { x: labelWidth - 8, y: middle, 'text-anchor': 'end', 'dominant-baseline': 'middle',
      class: 'label' }, row.category));
    const bar = svgElement('rect', { x: labelWidth, y, width: Math.max(total, 1), height: barHeight, class: 'bar-total' });
    bar.appendChild(svgElement('title', {}, `${row.category}: ${formatCny(row.volumeCny)} CNY in ${formatCount(row.trades)} trades`));
    svg.appendChild(bar);
    if (cross > 0) {
      svg.appendChild(svgElement('rect', { x: labelWidth, y, width: cross, height: barHeight, class: 'bar-cross' }));
    }
    svg.appendChild(svgElement('text', { x: labelWidth + Math.max(total, 1) + 6, y: middle, 'dominant-baseline': 'middle' },
      formatCnyShort(row.volumeCny)));
  });
}

function drawMinutes(windows) {
  const svg = $('chart-minutes');
  const size = prepareChart(svg);
  const windowMs = windows.length > 0 ? Date.parse(windows[0].windowEnd) - Date.parse(windows[0].windowStart) : 60000;
  const latest = Math.floor(Date.now() / windowMs) * windowMs;
  const count = Math.max(1, Math.round(RECENT_MINUTES * 60000 / windowMs));
  const byStart = new Map(windows.map((w) => [Date.parse(w.windowStart), w]));
  const slots = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = latest - i * windowMs;
    slots.push({ start, trades: byStart.has(start) ? byStart.get(start).trades : 0 });
  }
  const left = 44;
  const bottom = 22;
  const plotHeight = size.height - bottom - 8;
  const max = Math.max(...slots.map((s) => s.trades), 1);
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  for (let tick = 0; tick <= top; tick += step) {
    const y = 8 + plotHeight - (tick / top) * plotHeight;
    svg.appendChild(svgElement('line', { x1: left, x2: size.width, y1: y, y2: y, class: 'axis' }));
    svg.appendChild(svgElement('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, formatCount(tick)));
  }
  const slotWidth = (size.width - left) / slots.length;
  slots.forEach((slot, index) => {
    const height = (slot.trades / top) * plotHeight;
    const x = left + index * slotWidth;
    const bar = svgElement('rect', { x: x + 1, y: 8 + plotHeight - height, width: Math.max(slotWidth - 2, 1), height,
      class: 'bar-minute' });
    bar.appendChild(svgElement('title', {}, `${clock(slot.start)}: ${formatCount(slot.trades)} trades`));
    svg.appendChild(bar);
    const last = index === slots.length - 1;
    if (index % 5 === 0 || last) {
      // The last label ends at the right edge instead of overflowing it.
      svg.appendChild(svgElement('text', { x: last ? size.width : x + slotWidth / 2, y: size.height - 6,
        'text-anchor': last ? 'end' : 'middle' }, clock(slot.start)));
    }
  });
}

function niceStep(max) {
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * magnitude >= rough) return Math.max(factor * magnitude, 1);
  }
  return 10 * magnitude;
}

function clock(millis) {
  const time = new Date(millis);
  return String(time.getHours()).padStart(2, '0') + ':' + String(time.getMinutes()).padStart(2, '0');
}

function drawCompliance(compliance) {
  const byOutcome = compliance.byOutcome || {};
  const most = Math.max(...OUTCOMES.map((o) => (byOutcome[o] ? byOutcome[o].trades : 0)), 1);
  fillTable('compliance', OUTCOMES.map((outcome) => {
    const figures = byOutcome[outcome] || { trades: 0, volumeCny: '0' };
    const barCell = document.createElement('td');
    const bar = document.createElement('div');
    bar.className = 'bar outcome-' + outcome;
    bar.style.width = (figures.trades / most) * 100 + '%';
    barCell.appendChild(bar);
    return [cell(outcome.replace(/_/g, ' ')), cell(formatCount(figures.trades), 'num'),
      cell(formatCny(figures.volumeCny), 'num'), barCell];
  }), 4, '');
}

function render(snapshot) {
  const summary = snapshot.summary;
  setText('kpi-listed', formatCount(summary.listedProducts));
  setText('kpi-trades', formatCount(summary.trades));
  setText('kpi-volume', formatCnyShort(summary.volumeCny), formatCny(summary.volumeCny) + ' CNY');
  setText('kpi-xb-trades', formatCount(summary.crossBorderTrades));
  setText('kpi-xb-volume', formatCnyShort(summary.crossBorderVolumeCny), formatCny(summary.crossBorderVolumeCny) + ' CNY');
  setText('kpi-xb-share', percent(summary.crossBorderVolumeCny, summary.volumeCny));
  setText('kpi-dead', formatCount(summary.deadLetters));

  drawCategories(snapshot.categories);
  drawMinutes(snapshot.recentWindows);
  fillTable('top-products', snapshot.topProducts.map((product, index) => [
    cell(String(index + 1)), cell(product.productId, 'id'), cell(formatCount(product.trades), 'num'),
    cell(formatCny(product.volumeCny), 'num')]), 4, 'No trades yet');
  drawCompliance(snapshot.compliance);

  const counts = snapshot.productCounts;
  setText('counts-total', '(' + formatCount(counts.total) + ' in total)');
  fillTable('counts-category', countRows(counts.byCategory), 2, 'None listed');
  fillTable('counts-mode', countRows(counts.byDeliveryMode), 2, 'None listed');
  fillTable('counts-classification', countRows(counts.byClassification), 2, 'None listed');

  const jurisdictions = [...snapshot.jurisdictions].sort((a, b) => b.trades - a.trades || a.jurisdiction.localeCompare(b.jurisdiction));
  fillTable('jurisdictions', jurisdictions.map((j) => [cell(j.jurisdiction + (j.jurisdiction === 'CN' ? ' (domestic)' : '')),
    cell(formatCount(j.trades), 'num'), cell(formatCny(j.volumeCny), 'num')]), 3, 'No trades yet');
  fillTable('dead-letters', countRows(snapshot.deadLettersByReason), 2, 'None');
}

function setConnection(state, text) {
  const pill = $('connection');
  pill.className = 'pill pill-' + state;
  pill.textContent = text;
}

function showProblem(text) {
  const problem = $('problem');
  problem.hidden = !text;
  problem.textContent = text || '';
}

function connect() {
  const source = new EventSource('api/v1/live');
  let last = null;
  source.addEventListener('snapshot', (event) => {
    last = JSON.parse(event.data);
    render(last);
    setConnection('live', 'live');
    showProblem('');
    setText('updated', 'updated ' + new Date().toLocaleTimeString());
  });
  source.addEventListener('unavailable', (event) => {
    setConnection('wait', 'waiting for data');
    showProblem('Aggregates not available yet: ' + JSON.parse(event.data).error);
  });
  source.onerror = () => setConnection('down', 'reconnecting…');
  window.addEventListener('resize', () => { if (last) render(last); });
}

connect();
