// Times: every time is shown with its zone, in the browser's zone or in UTC as the operator chooses (kept
// in localStorage, a preference rather than a secret). Times are <time datetime> elements, so a switch
// rewrites them where they stand; views that draw times elsewhere listen for 'zonechange'.
import { $, el } from './dom.js';

const ZONE_KEY = 'carrier-host-zone';
const LOCAL = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local';
let utc = localStorage.getItem(ZONE_KEY) === 'UTC';

function zone() {
  return utc ? 'UTC' : undefined;
}

function parts(date, options) {
  const f = new Intl.DateTimeFormat('en-US', Object.assign({ timeZone: zone(), hourCycle: 'h23', timeZoneName: 'short' }, options));
  const out = {};
  for (const p of f.formatToParts(date)) {
    out[p.type] = p.value;
  }
  return out;
}

/** {@code iso} as "2026-12-04 16:58:06 UTC", in the chosen zone. */
export function format(iso) {
  const d = new Date(iso);
  if (isNaN(d)) {
    return iso || '';
  }
  const p = parts(d, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute + ':' + p.second + ' ' + p.timeZoneName;
}

/** {@code iso}'s minute as "16:58 UTC", in the chosen zone. */
export function minuteOf(iso) {
  const d = new Date(iso);
  if (isNaN(d)) {
    return iso || '';
  }
  const p = parts(d, { hour: '2-digit', minute: '2-digit' });
  return p.hour + ':' + p.minute + ' ' + p.timeZoneName;
}

/** A <time> element showing {@code iso} in the chosen zone. */
export function timeEl(iso, className) {
  const t = el('time', { datetime: iso || '', title: iso || '' }, format(iso));
  if (className) {
    t.className = className;
  }
  return t;
}

/** The instant a datetime-local input's {@code value} names, read in the chosen zone. */
export function fromInput(value) {
  return utc ? new Date(value + 'Z') : new Date(value);
}

/** Names the chosen zone beside the inputs read in it. */
function nameZone() {
  const label = $('since-zone');
  if (label) {
    label.textContent = utc ? 'UTC' : LOCAL;
  }
}

function retime() {
  nameZone();
  for (const t of document.querySelectorAll('time[datetime]')) {
    t.textContent = format(t.getAttribute('datetime'));
  }
  document.dispatchEvent(new CustomEvent('zonechange'));
}

/** Fills the zone switch and follows it. */
export function setUpZoneSwitch() {
  const select = $('time-zone');
  select.replaceChildren(el('option', { value: 'local' }, LOCAL === 'UTC' ? 'UTC (this browser)' : LOCAL), el('option', { value: 'UTC' }, 'UTC'));
  select.value = utc ? 'UTC' : 'local';
  nameZone();
  select.addEventListener('change', () => {
    utc = select.value === 'UTC';
    if (utc) {
      localStorage.setItem(ZONE_KEY, 'UTC');
    } else {
      localStorage.removeItem(ZONE_KEY);
    }
    retime();
  });
}
