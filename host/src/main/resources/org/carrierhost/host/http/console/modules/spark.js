// Sparklines: inline SVG drawn here, nothing from another origin. A value of null is a minute without a
// figure (latency in a minute without calls): the line breaks there, and each minute with a figure gets a
// dot, so one busy minute between quiet ones still shows.
import { cell } from './dom.js';
import { minuteOf } from './time.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 64;
const HEIGHT = 22;
const EDGE = 2; // room for a dot at either end

function svgEl(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    e.setAttribute(k, v);
  }
  return e;
}

/** An SVG of {@code series} ({values, kind, dots}), labelled {@code label}. */
export function sparkline(series, label) {
  const svg = svgEl('svg', { class: 'spark', width: WIDTH, height: HEIGHT, viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img', 'aria-label': label });
  svg.appendChild(svgEl('line', { class: 'base', x1: 0, x2: WIDTH, y1: HEIGHT - 1, y2: HEIGHT - 1 }));
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v) => v !== null)));
  for (const s of series) {
    const step = (WIDTH - 2 * EDGE) / Math.max(1, s.values.length - 1);
    const at = (v, i) => [(EDGE + i * step).toFixed(1), (HEIGHT - 2 - (v / max) * (HEIGHT - 4)).toFixed(1)];
    let run = [];
    const flush = () => {
      if (run.length > 1) {
        svg.appendChild(svgEl('polyline', { class: 'line ' + (s.kind || ''), points: run.join(' ') }));
      }
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) {
        flush();
        return;
      }
      const [x, y] = at(v, i);
      run.push(x + ',' + y);
      if (s.dots) {
        svg.appendChild(svgEl('circle', { class: 'dot ' + (s.kind || ''), cx: x, cy: y, r: 1.6 }));
      }
    });
    flush();
  }
  const title = svgEl('title', {});
  title.textContent = label;
  svg.appendChild(title);
  return svg;
}

function ms(value) {
  return value >= 10 ? String(Math.round(value)) : String(value);
}

function sparkCell(row, series, label, figure, figureTitle) {
  const td = cell(row, '', 'spark-cell');
  td.appendChild(sparkline(series, label));
  const text = document.createElement('span');
  text.className = 'figure';
  text.textContent = figure;
  if (figureTitle) {
    text.title = figureTitle;
  }
  td.appendChild(text);
  return td;
}

/** Carrier {@code c}'s calls and errors per minute, with their totals. */
export function callsCell(row, c, minutes) {
  const calls = minutes.map((m) => m.calls);
  const errors = minutes.map((m) => m.errors);
  const total = calls.reduce((a, b) => a + b, 0);
  const failed = errors.reduce((a, b) => a + b, 0);
  return sparkCell(row, [{ values: calls }, { values: errors, kind: 'errors' }],
    c.id + ': calls and failed calls per minute, last 15 minutes', total + ' / ' + failed, 'calls / failed calls, last 15 minutes');
}

/**
 * Carrier {@code c}'s p50 and p99 for each minute that had calls, with the latest such minute's figures:
 * a quiet current minute does not read as 0 ms.
 */
export function latencyCell(row, c, minutes) {
  const busy = minutes.filter((m) => m.calls > 0);
  const latest = busy.length ? busy[busy.length - 1] : null;
  const label = c.id + ': p50 and p99 latency of each minute with calls, last 15 minutes'
    + (busy.length ? ': ' + busy.map((m) => minuteOf(m.start) + ' ' + ms(m.p50_ms) + '/' + ms(m.p99_ms) + ' ms').join(', ') : ': no calls');
  const td = sparkCell(row, [
    { values: minutes.map((m) => (m.calls > 0 ? m.p99_ms : null)), kind: 'p99', dots: true },
    { values: minutes.map((m) => (m.calls > 0 ? m.p50_ms : null)), dots: true },
  ], label, latest ? ms(latest.p50_ms) + ' / ' + ms(latest.p99_ms) + ' ms' : 'no calls',
  latest ? 'p50 / p99 in the minute from ' + minuteOf(latest.start) + ', the latest with calls' : 'no calls in the last 15 minutes');
  td.classList.add('latency');
  return td;
}
