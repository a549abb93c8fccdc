// The admin console: a page over the JSON API, kept live by the host's event stream. Every value is written
// with textContent or as SVG attributes, never as HTML; the token lives only in this tab's sessionStorage and
// goes only in the Authorization header (the stream is read with fetch, since EventSource cannot send it).
'use strict';

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'carrier-host-token';
const PAGE = 50;
const state = {
  token: sessionStorage.getItem(TOKEN_KEY) || '',
  me: null,
  carriers: [],
  selected: new Set(),
  rowResults: new Map(),
  lastEventId: null,
  stream: null,
  streamDelay: 1000,
  events: { before: null, pages: [], lastShownId: 0 },
  found: [],
  refreshTimer: null,
  figuresTimer: null,
  clusterTimer: null,
};

class ApiError extends Error {
  constructor(body, status) {
    const e = (body && body.error) || {};
    super(e.message || ('HTTP ' + status));
    this.status = status;
    this.code = e.error;
    this.cause = e.cause;
    this.carrier = e.carrier;
  }
}

async function api(method, path, body, contentType) {
  const headers = { Authorization: 'Bearer ' + state.token };
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/json';
  }
  const response = await fetch(path, {
    method, headers, credentials: 'omit',
    body: body === undefined ? undefined : (contentType ? body : JSON.stringify(body)),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(json, response.status);
  }
  return json;
}

function canChange() {
  return state.me !== null && state.me.role !== 'viewer';
}

// ---- small DOM helpers ----

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') {
      e.className = v;
    } else if (k === 'dataset') {
      Object.assign(e.dataset, v);
    } else {
      e.setAttribute(k, v);
    }
  }
  if (text !== undefined && text !== null) {
    e.textContent = String(text);
  }
  return e;
}

function cell(row, text, className) {
  const td = el('td', className ? { class: className } : {}, text === null || text === undefined ? '' : text);
  row.appendChild(td);
  return td;
}

function button(parent, label, onClick, attrs) {
  const b = el('button', Object.assign({ type: 'button' }, attrs || {}), label);
  b.addEventListener('click', onClick);
  parent.appendChild(b);
  return b;
}

function show(kind, message, cause) {
  const banner = $('banner');
  banner.className = kind;
  banner.textContent = cause ? message + ' (' + cause + ')' : message;
  banner.hidden = false;
}

function describe(error) {
  const who = error.carrier ? error.carrier + ': ' : '';
  return who + error.message + (error.code ? ' [' + error.code + ']' : '') + (error.cause ? ' (' + error.cause + ')' : '');
}

function fail(error) {
  show('error', describe(error));
  if (error.status === 401 && state.me !== null) {
    signOut();
  }
}

function time(iso) {
  const d = new Date(iso);
  if (isNaN(d)) {
    return iso || '';
  }
  const p = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + p(d.getHours()) + ':'
    + p(d.getMinutes()) + ':' + p(d.getSeconds());
}

// ---- sparklines: inline SVG drawn here, nothing from another origin ----

const SVG = 'http://www.w3.org/2000/svg';

function sparkline(series, label) {
  const width = 64;
  const height = 22;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const base = document.createElementNS(SVG, 'line');
  base.setAttribute('class', 'base');
  base.setAttribute('x1', 0);
  base.setAttribute('x2', width);
  base.setAttribute('y1', height - 1);
  base.setAttribute('y2', height - 1);
  svg.appendChild(base);
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  for (const s of series) {
    const step = width / Math.max(1, s.values.length - 1);
    const points = s.values.map((v, i) => (i * step).toFixed(1) + ',' + (height - 2 - (v / max) * (height - 4)).toFixed(1));
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('class', 'line ' + (s.kind || ''));
    line.setAttribute('points', points.join(' '));
    svg.appendChild(line);
  }
  const title = document.createElementNS(SVG, 'title');
  title.textContent = label;
  svg.appendChild(title);
  return svg;
}

function ms(value) {
  return value >= 10 ? String(Math.round(value)) : String(value);
}

function sparkCell(row, series, label, figure) {
  const td = cell(row, '', 'spark-cell');
  td.appendChild(sparkline(series, label));
  td.appendChild(document.createTextNode(figure));
  return td;
}

// ---- carriers ----

function healthText(c) {
  if (c.failed_zip) {
    return 'zip failed';
  }
  return { ok: 'healthy', idle: 'no calls', failing: 'failing', not_configured: 'not configured', down: 'down' }[c.health] || c.health;
}

async function loadCarriers() {
  state.carriers = await api('GET', '/api/carriers');
  renderCarriers();
}

function scheduleCarriers() {
  if (state.refreshTimer) {
    return;
  }
  state.refreshTimer = setTimeout(async () => {
    state.refreshTimer = null;
    try {
      await loadCarriers();
      await loadCluster();
    } catch (e) {
      fail(e);
    }
  }, 150);
}

function renderCarriers() {
  const rows = $('carrier-rows');
  const active = document.activeElement;
  const focusedRow = active && active.closest ? active.closest('#carrier-rows tr') : null;
  const focused = focusedRow ? { id: focusedRow.dataset.carrier, tag: active.tagName, text: active.textContent, cls: active.className } : null;
  rows.replaceChildren();
  const ids = new Set(state.carriers.map((c) => c.id));
  for (const id of [...state.selected]) {
    if (!ids.has(id)) {
      state.selected.delete(id);
    }
  }
  for (const c of state.carriers) {
    rows.appendChild(carrierRow(c));
  }
  if (focused) {
    // A live redraw must not take the keyboard focus away: put it back on the same control of the same row.
    const again = [...rows.querySelectorAll('tr')].filter((tr) => tr.dataset.carrier === focused.id)
      .flatMap((tr) => [...tr.querySelectorAll('button, input')])
      .find((e) => e.tagName === focused.tag && e.textContent === focused.text && e.className === focused.cls);
    if (again) {
      again.focus();
    }
  }
  const list = $('carrier-ids');
  list.replaceChildren(...state.carriers.map((c) => el('option', { value: c.id })));
  const local = $('import-carrier');
  if (local) {
    const chosen = local.value;
    const locals = state.carriers.filter((c) => c.local && c.state === 'STARTED');
    local.replaceChildren(...(locals.length ? locals.map((c) => el('option', { value: c.id }, c.id))
      : [el('option', { value: '' }, 'no local carrier serving')]));
    if (chosen) {
      local.value = chosen;
    }
  }
  updateSelection();
}

function carrierRow(c) {
  const tr = el('tr', { dataset: { carrier: c.id } });
  if (canChange()) {
    const box = el('input', { type: 'checkbox', 'aria-label': 'Select ' + c.id, class: 'select-row' });
    box.checked = state.selected.has(c.id);
    box.disabled = c.failed_zip;
    box.addEventListener('change', () => {
      if (box.checked) {
        state.selected.add(c.id);
      } else {
        state.selected.delete(c.id);
      }
      updateSelection();
    });
    cell(tr, '', 'select').appendChild(box);
  }
  const name = cell(tr, '');
  name.appendChild(el('span', { class: c.failed_zip ? 'carrier-id zip-name' : 'carrier-id' }, c.id));
  if (c.version !== null) {
    if (!c.enabled) {
      name.appendChild(el('span', { class: 'badge' }, 'disabled'));
    }
    if (c.local) {
      name.appendChild(el('span', { class: 'badge' }, 'local'));
    }
  }
  if (c.file) {
    name.title = 'file: ' + c.file;
  }
  const result = state.rowResults.get(c.id);
  if (result) {
    name.appendChild(el('span', { class: 'row-result ' + result.kind }, result.text));
  }
  const version = cell(tr, c.version);
  if (c.source) {
    // Where its zip came from, under the version rather than in a column of its own, so the row fits 1280 px.
    version.appendChild(el('div', { class: 'source', title: c.source === 'cluster'
      ? 'installed through the API, on every host sharing the database' : "this host's own drop-in directory" },
      c.source === 'cluster' ? 'cluster' : 'drop-in'));
  }
  cell(tr, c.state, 'state-' + c.state);
  const health = cell(tr, healthText(c), 'health health-' + (c.failed_zip ? 'down' : c.health));
  if (!c.configured) {
    health.title = 'every call fails until the carrier is configured';
  }
  const breaker = c.breaker || {};
  if (breaker.state) {
    health.appendChild(el('span', { class: 'breaker breaker-' + breaker.state }, 'breaker ' + breaker.state.replace('_', '-')
      + (breaker.state === 'open' && breaker.retry_in_s ? ', retry in ' + breaker.retry_in_s + ' s' : '')));
  }
  const minutes = (c.recent && c.recent.minutes) || [];
  const calls = minutes.map((m) => m.calls);
  const errors = minutes.map((m) => m.errors);
  const now = minutes.length ? minutes[minutes.length - 1] : { calls: 0, errors: 0, p50_ms: 0, p99_ms: 0 };
  const total = calls.reduce((a, b2) => a + b2, 0);
  const failed = errors.reduce((a, b2) => a + b2, 0);
  sparkCell(tr, [{ values: calls }, { values: errors, kind: 'errors' }],
    c.id + ': calls and failed calls per minute, last 15 minutes', total + ' / ' + failed);
  sparkCell(tr, [{ values: minutes.map((m) => m.p99_ms), kind: 'p99' }, { values: minutes.map((m) => m.p50_ms) }],
    c.id + ': p50 and p99 latency per minute, last 15 minutes', ms(now.p50_ms) + ' / ' + ms(now.p99_ms) + ' ms');
  const error = cell(tr, '', 'error-cell');
  const last = c.recent && c.recent.last_error;
  // Long reasons are clamped to a few lines; the whole text is in the tooltip.
  if (c.error) {
    error.appendChild(el('div', { class: 'clamp' }, c.error.message));
    if (c.error.cause) {
      error.appendChild(el('div', { class: 'cause clamp' }, c.error.cause));
    }
    error.title = c.error.message + (c.error.cause ? ': ' + c.error.cause : '');
  } else if (last && (c.recent.last_failed || !c.configured)) {
    error.appendChild(el('div', { class: 'clamp' }, last.message || last.error));
    error.appendChild(el('div', { class: 'cause' }, last.error + ' at ' + time(last.time)));
    error.title = last.message || last.error;
  }
  if (canChange()) {
    const actions = cell(tr, '', 'actions');
    if (c.failed_zip) {
      button(actions, 'retry', () => carrierAction(c.id, 'POST', '/reload', 'retried'));
    } else {
      button(actions, c.enabled ? 'disable' : 'enable', () => carrierAction(c.id, 'POST', c.enabled ? '/disable' : '/enable'));
      const reload = button(actions, 'reload', () => carrierAction(c.id, 'POST', '/reload'));
      reload.disabled = !c.enabled;
    }
    button(actions, 'remove', () => {
      if (confirm('Remove ' + c.id + '? It is unloaded and its zip is deleted from the plugins directory.')) {
        carrierAction(c.id, 'DELETE', '', 'removed');
      }
    }, { class: 'danger' });
  }
  return tr;
}

function updateSelection() {
  if (!canChange()) {
    return;
  }
  const n = state.selected.size;
  $('selected-count').textContent = n + ' selected';
  $('bulk-enable').disabled = n === 0;
  $('bulk-disable').disabled = n === 0;
  const selectable = state.carriers.filter((c) => !c.failed_zip);
  $('select-all').checked = selectable.length > 0 && selectable.every((c) => state.selected.has(c.id));
}

async function carrierAction(id, method, suffix, done) {
  try {
    const result = await api(method, '/api/carriers/' + encodeURIComponent(id) + suffix);
    const text = done || (result && result.state ? result.state : 'done');
    state.rowResults.set(id, { kind: 'ok', text });
    show('ok', id + ': ' + text);
  } catch (e) {
    state.rowResults.set(id, { kind: 'failed', text: e.message });
    fail(e);
  }
  await loadCarriers().catch(fail);
}

async function bulk(action) {
  const ids = [...state.selected];
  const outcomes = await Promise.all(ids.map(async (id) => {
    try {
      const result = await api('POST', '/api/carriers/' + encodeURIComponent(id) + '/' + action);
      state.rowResults.set(id, { kind: 'ok', text: action + 'd: ' + result.state });
      return true;
    } catch (e) {
      state.rowResults.set(id, { kind: 'failed', text: action + ' failed: ' + e.message });
      return false;
    }
  }));
  const ok = outcomes.filter(Boolean).length;
  show(ok === ids.length ? 'ok' : 'error', action + ': ' + ok + ' of ' + ids.length + ' carriers done; see each row');
  await loadCarriers().catch(fail);
}

// ---- upload: file picker or drag and drop, with progress ----

function uploadZip(file) {
  const progress = $('upload-progress');
  const result = $('upload-result');
  progress.hidden = false;
  progress.value = 0;
  result.textContent = 'uploading ' + file.name + '…';
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/carriers');
    xhr.setRequestHeader('Authorization', 'Bearer ' + state.token);
    xhr.setRequestHeader('Content-Type', 'application/zip');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded / e.total) * 100);
      }
    });
    xhr.addEventListener('load', async () => {
      progress.value = 100;
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        result.className = 'row-result ok';
        result.textContent = body.id + ' ' + body.version + ' is serving (' + body.state + ')';
        state.rowResults.set(body.id, { kind: 'ok', text: 'installed ' + body.version });
      } else {
        const e = new ApiError(body, xhr.status);
        result.className = 'row-result failed';
        result.textContent = 'refused: ' + describe(e);
      }
      progress.hidden = true;
      await loadCarriers().catch(fail);
      resolve();
    });
    xhr.addEventListener('error', () => {
      result.className = 'row-result failed';
      result.textContent = 'upload failed: the host did not answer';
      progress.hidden = true;
      resolve();
    });
    xhr.send(file);
  });
}

function setUpDrop() {
  let depth = 0;
  const zone = $('dropzone');
  const wantsFiles = (e) => canChange() && e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (wantsFiles(e) && !e.target.closest('#import')) {
      depth++;
      zone.hidden = false;
    }
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) {
      zone.hidden = true;
    }
  });
  document.addEventListener('dragover', (e) => {
    if (wantsFiles(e)) {
      e.preventDefault();
    }
  });
  document.addEventListener('drop', (e) => {
    depth = 0;
    zone.hidden = true;
    if (!canChange() || !e.dataTransfer || e.dataTransfer.files.length === 0) {
      return;
    }
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (e.target.closest && e.target.closest('#import')) {
      file.text().then((text) => { $('import-text').value = text; });
    } else {
      uploadZip(file);
    }
  });
}

// ---- numbers ----

function readableData(data) {
  const dl = el('dl', { class: 'fields-list' });
  if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      const pair = el('div');
      pair.appendChild(el('dt', {}, k.replace(/_/g, ' ') + ':'));
      pair.appendChild(document.createTextNode(' '));
      pair.appendChild(el('dd', {}, v !== null && typeof v === 'object' ? JSON.stringify(v) : v));
      dl.appendChild(pair);
    }
  }
  return dl;
}

const HELD = ['in_service', 'reserved', 'port_in'];

async function search(event) {
  event.preventDefault();
  const query = new URLSearchParams({ prefix: $('prefix').value, quantity: $('quantity').value, country: $('country').value });
  if ($('only').value.trim()) {
    query.set('carriers', $('only').value.trim());
  }
  try {
    const found = await api('GET', '/api/numbers?' + query);
    state.found = found.numbers;
    renderNumbers();
    const errors = $('search-errors');
    errors.replaceChildren();
    for (const e of found.errors) {
      errors.appendChild(el('li', {}, e.carrier + ': ' + e.message + ' [' + e.error + ']' + (e.cause ? ' (' + e.cause + ')' : '')));
    }
    show('ok', found.numbers.length + ' numbers found' + (found.errors.length ? ', ' + found.errors.length + ' carriers failed' : ''));
    scheduleCarriers();
  } catch (e) {
    fail(e);
  }
}

function renderNumbers() {
  const rows = $('number-rows');
  rows.replaceChildren();
  for (const n of state.found) {
    const held = HELD.includes(n.state);
    const tr = el('tr', { class: 'number-row' + (held ? ' held' : ''), dataset: { number: n.number } });
    button(cell(tr, ''), n.number, () => openNumber(n.number), { class: 'link', title: 'Open ' + n.number });
    cell(tr, n.carrier);
    cell(tr, n.state + (held ? ' (held)' : ''), 'number-state');
    cell(tr, '').appendChild(readableData(n.data));
    if (canChange()) {
      const actions = cell(tr, '', 'actions');
      if (held) {
        button(actions, 'disconnect', () => numberAction('disconnect', n.number));
      } else {
        button(actions, 'acquire', () => numberAction('acquire', n.number));
      }
    }
    rows.appendChild(tr);
  }
}

async function numberAction(action, number) {
  const path = '/api/numbers/' + encodeURIComponent(number);
  try {
    let record;
    if (action === 'acquire') {
      const account = $('account').value.trim();
      record = await api('POST', path + '/acquire', account ? { account_id: account } : {});
    } else {
      record = await api('POST', path + '/disconnect', {});
    }
    const row = state.found.find((n) => n.number === record.number);
    if (row) {
      row.state = record.state;
      row.carrier = record.carrier;
      row.data = record.data;
      renderNumbers();
    }
    show('ok', record.number + ' is ' + record.state);
    if (!$('number-page').hidden && $('number-title').textContent === record.number) {
      await openNumber(record.number);
    }
  } catch (e) {
    fail(e);
  }
}

async function openNumber(number) {
  let record;
  try {
    record = await api('GET', '/api/numbers/' + encodeURIComponent(number));
  } catch (e) {
    fail(e);
    return;
  }
  $('number-page').hidden = false;
  $('number-title').textContent = record.number;
  const dl = $('number-record');
  dl.replaceChildren();
  for (const [k, v] of [['state', record.state], ['carrier', record.carrier], ['account', record.account_id || '—']]) {
    dl.appendChild(el('dt', {}, k));
    dl.appendChild(el('dd', {}, v));
  }
  dl.appendChild(el('dt', {}, 'carrier data'));
  dl.appendChild(el('dd')).appendChild(readableData(record.data));
  const actions = $('number-actions');
  actions.replaceChildren();
  if (canChange()) {
    if (HELD.includes(record.state)) {
      button(actions, 'disconnect', () => numberAction('disconnect', record.number));
    } else {
      button(actions, 'acquire', () => numberAction('acquire', record.number));
    }
  }
  const history = $('number-history');
  history.replaceChildren();
  for (const h of record.history || []) {
    const li = el('li');
    li.appendChild(el('span', { class: 'time' }, time(h.time)));
    li.appendChild(document.createTextNode(' ' + (h.from ? h.from + ' → ' : '') + h.to + ' via ' + h.carrier + ', by ' + h.actor));
    history.appendChild(li);
  }
  if (!record.history || record.history.length === 0) {
    history.appendChild(el('li', {}, 'no changes recorded'));
  }
  $('number-page').scrollIntoView({ block: 'nearest' });
}

// ---- import ----

function numbersIn(text) {
  // A list (commas, semicolons, tabs, spaces or lines) or a CSV, whose first field is the number: a line
  // without a digit (blank, or the CSV's header) is left out; a line with words after its first field is a
  // CSV row.
  const out = [];
  for (const line of text.split(/\r?\n/)) {
    if (!/\d/.test(line)) {
      continue;
    }
    const fields = line.split(/[,;\t]/).map((f) => f.trim().replace(/^"|"$/g, '')).filter(Boolean);
    const csv = fields.slice(1).some((f) => /[A-Za-z]/.test(f));
    for (const f of csv ? fields.slice(0, 1) : fields.flatMap((f) => f.split(/\s+/))) {
      if (f) {
        out.push(f);
      }
    }
  }
  return out;
}

async function importNumbers(event) {
  event.preventDefault();
  const numbers = numbersIn($('import-text').value);
  if (numbers.length === 0) {
    show('error', 'nothing to import: paste numbers or drop a list or CSV');
    return;
  }
  try {
    const report = await api('POST', '/api/numbers/import', { carrier: $('import-carrier').value, numbers });
    $('import-summary').textContent = report.carrier + ': ' + report.added + ' added, ' + report.present + ' present, '
      + report.invalid + ' invalid';
    const rows = $('import-rows');
    rows.replaceChildren();
    for (const r of report.results) {
      const tr = el('tr', { class: r.result === 'invalid' ? 'result-failed' : '' });
      cell(tr, r.input);
      cell(tr, r.number);
      cell(tr, r.result, 'result');
      cell(tr, r.result === 'invalid' ? r.reason : r.state);
      rows.appendChild(tr);
    }
    $('import-report').hidden = false;
  } catch (e) {
    fail(e);
  }
}

// ---- audit log: filtered on the server, paged by id, live ----

function eventFilters() {
  const q = new URLSearchParams({ limit: String(PAGE) });
  for (const [key, id] of [['carrier', 'filter-carrier'], ['action', 'filter-action'], ['actor', 'filter-actor']]) {
    const v = $(id).value.trim();
    if (v) {
      q.set(key, v);
    }
  }
  const since = $('filter-since').value;
  if (since) {
    q.set('since', new Date(since).toISOString());
  }
  return q;
}

function matchesFilters(e) {
  const q = eventFilters();
  return (!q.get('carrier') || q.get('carrier') === e.carrier) && (!q.get('action') || q.get('action') === e.action)
    && (!q.get('actor') || q.get('actor') === e.actor) && (!q.get('since') || new Date(e.time) >= new Date(q.get('since')));
}

function eventRow(e, fresh) {
  const tr = el('tr', { class: (e.result === 'failed' ? 'result-failed' : '') + (fresh ? ' fresh' : ''), dataset: { id: e.id } });
  cell(tr, '', 'time').appendChild(el('span', { title: e.time }, time(e.time)));
  cell(tr, e.actor);
  cell(tr, e.action);
  cell(tr, e.target);
  cell(tr, e.result, 'result');
  cell(tr, e.error);
  return tr;
}

async function loadEvents(before) {
  const q = eventFilters();
  if (before) {
    q.set('before', String(before));
  }
  const events = await api('GET', '/api/events?' + q);
  const rows = $('event-rows');
  rows.replaceChildren(...events.map((e) => eventRow(e, false)));
  state.events.before = before || null;
  state.events.oldestId = events.length ? events[events.length - 1].id : null;
  $('events-older').disabled = events.length < PAGE;
  $('events-newest').disabled = !before;
  $('events-page').textContent = events.length === 0 ? 'no events match' : (before ? 'older events' : 'newest events, live');
}

function liveEvent(e) {
  state.lastEventId = e.id;
  if (!state.events.before && matchesFilters(e) && !document.querySelector('#event-rows tr[data-id="' + e.id + '"]')) {
    const rows = $('event-rows');
    rows.insertBefore(eventRow(e, true), rows.firstChild);
    while (rows.children.length > PAGE) {
      rows.removeChild(rows.lastChild);
    }
  }
  scheduleCarriers();
}

// ---- the live stream: fetch with the token header, reconnects by itself ----

function setLive(up) {
  const live = $('live');
  live.hidden = false;
  live.textContent = up ? 'live' : 'offline';
  live.className = 'live' + (up ? '' : ' down');
  $('offline').hidden = up;
}

async function connect() {
  if (!state.token) {
    return;
  }
  const controller = new AbortController();
  state.stream = controller;
  const headers = { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' };
  if (state.lastEventId !== null) {
    headers['Last-Event-ID'] = String(state.lastEventId);
  }
  try {
    const response = await fetch('/api/events/stream', { headers, signal: controller.signal, credentials: 'omit', cache: 'no-store' });
    if (response.status === 401) {
      signOut();
      return;
    }
    if (!response.ok || !response.body) {
      throw new Error('HTTP ' + response.status);
    }
    setLive(true);
    state.streamDelay = 1000;
    if (state.lastEventId !== null) {
      scheduleCarriers();
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        frame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (e) {
    if (controller.signal.aborted) {
      return;
    }
  }
  if (state.stream !== controller || controller.signal.aborted) {
    return;
  }
  setLive(false);
  setTimeout(connect, state.streamDelay);
  state.streamDelay = Math.min(10000, state.streamDelay * 2);
}

function frame(text) {
  let data = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('data:')) {
      data += line.slice(5).trim();
    }
  }
  if (data) {
    try {
      liveEvent(JSON.parse(data));
    } catch (e) {
      // not an event frame
    }
  }
}

// ---- the cluster view, where the host serves it: polled, since another node's heartbeat is no event here ----

const CLUSTER_POLL_MS = 2000;

function ago(iso) {
  const then = Date.parse(iso);
  if (isNaN(then)) {
    return iso || '';
  }
  const s = Math.max(0, Date.now() - then) / 1000;
  if (s < 60) {
    return s.toFixed(1) + ' s ago';
  }
  return s < 3600 ? Math.round(s / 60) + ' min ago' : Math.round(s / 3600) + ' h ago';
}

// For each carrier, what most up nodes serve: its version and state. A node whose carrier differs from
// that, or that lacks it, lags; where no value has a majority (two nodes that differ), each differing node
// is marked, since none can be said to be right.
function clusterConsensus(nodes) {
  const counts = new Map();
  for (const n of nodes.filter((node) => node.up)) {
    for (const c of n.carriers || []) {
      const key = (c.version || '') + '|' + c.state;
      const byKey = counts.get(c.id) || new Map();
      byKey.set(key, (byKey.get(key) || 0) + 1);
      counts.set(c.id, byKey);
    }
  }
  const agreed = new Map();
  for (const [id, byKey] of counts) {
    const ranked = [...byKey.entries()].sort((x, y) => y[1] - x[1]);
    agreed.set(id, ranked.length > 1 && ranked[0][1] === ranked[1][1] ? null : ranked[0][0]);
  }
  return agreed;
}

function nodeCarriers(n, agreed) {
  const list = el('ul', { class: 'node-carriers' });
  const mine = new Set();
  let lags = false;
  for (const c of n.carriers || []) {
    mine.add(c.id);
    const differs = n.up && agreed.get(c.id) !== (c.version || '') + '|' + c.state;
    lags = lags || differs;
    const li = el('li', { class: 'node-carrier' + (differs ? ' lags' : ''), dataset: { carrier: c.id } });
    li.appendChild(el('span', { class: 'carrier-id' }, c.id));
    li.appendChild(document.createTextNode(' ' + (c.version || '—') + ' '));
    li.appendChild(el('span', { class: 'state-' + c.state }, c.state));
    if (differs) {
      li.appendChild(el('span', { class: 'lag-note' }, ' differs'));
    }
    list.appendChild(li);
  }
  if (n.up) {
    for (const id of agreed.keys()) {
      if (!mine.has(id)) {
        lags = true;
        const li = el('li', { class: 'node-carrier lags', dataset: { carrier: id } });
        li.appendChild(el('span', { class: 'carrier-id' }, id));
        li.appendChild(el('span', { class: 'lag-note' }, ' missing'));
        list.appendChild(li);
      }
    }
  }
  return { list, lags };
}

async function loadCluster() {
  if (!state.me || !state.me.cluster) {
    return;
  }
  const cluster = await api('GET', '/api/cluster');
  const nodes = cluster.nodes || [];
  $('cluster').hidden = false;
  $('cluster-link').hidden = false;
  const agreed = clusterConsensus(nodes);
  const rows = $('node-rows');
  rows.replaceChildren();
  for (const n of nodes) {
    const carriers = nodeCarriers(n, agreed);
    const status = !n.up ? 'down' : carriers.lags ? 'lagging' : 'up';
    const tr = el('tr', { class: 'node ' + status, dataset: { node: n.node } });
    const id = cell(tr, n.node, 'node-id');
    if (n.node === cluster.node) {
      id.appendChild(el('span', { class: 'this-node' }, ' (this host)'));
    }
    cell(tr, n.address, 'address');
    cell(tr, n.version);
    const beat = cell(tr, ago(n.heartbeat), 'time heartbeat');
    beat.title = time(n.heartbeat);
    cell(tr, '', 'node-status').appendChild(el('span', { class: 'node-' + status }, status));
    cell(tr, '', 'carriers-cell').appendChild(carriers.list);
    rows.appendChild(tr);
  }
}

function pollCluster() {
  if (state.clusterTimer || !state.me || !state.me.cluster) {
    return;
  }
  state.clusterTimer = setInterval(() => {
    if (document.visibilityState !== 'hidden') {
      loadCluster().catch(() => {
        // the stream's offline marker already says when the host is unreachable
      });
    }
  }, CLUSTER_POLL_MS);
}

// ---- sign in and out ----

function applyRole() {
  const change = canChange();
  document.querySelectorAll('[data-needs=operator]').forEach((e) => { e.hidden = !change; });
  if (!change) {
    // A viewer gets no control that would change anything: not hidden, not there.
    document.querySelectorAll('#upload, #import, .toolbar, th.select').forEach((e) => e.remove());
  }
}

async function signIn(event) {
  if (event) {
    event.preventDefault();
    state.token = $('token').value.trim();
  }
  try {
    state.me = await api('GET', '/api/whoami');
  } catch (e) {
    state.me = null;
    fail(e);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, state.token);
  applyRole();
  $('token').value = '';
  $('signin-fields').hidden = true;
  $('signout').hidden = false;
  const who = $('who');
  who.replaceChildren(document.createTextNode(state.me.name + ' '), el('span', { class: 'role', title: 'role' }, state.me.role));
  $('banner').hidden = true;
  $('app').hidden = false;
  try {
    // The stream resumes after the newest event seen now, so nothing between these reads and it is missed.
    const newest = await api('GET', '/api/events?limit=1');
    state.lastEventId = newest.length ? newest[0].id : 0;
    await Promise.all([loadCarriers(), loadEvents()]);
    await loadCluster();
  } catch (e) {
    fail(e);
  }
  connect();
  state.figuresTimer = setInterval(scheduleCarriers, 15000);
  pollCluster();
}

function signOut() {
  state.token = '';
  state.me = null;
  sessionStorage.removeItem(TOKEN_KEY);
  if (state.stream) {
    state.stream.abort();
    state.stream = null;
  }
  clearInterval(state.figuresTimer);
  clearInterval(state.clusterTimer);
  $('app').hidden = true;
  // Reload to a clean page, so no control of the last role stays behind.
  location.reload();
}

document.addEventListener('DOMContentLoaded', () => {
  $('signin').addEventListener('submit', signIn);
  $('signout').addEventListener('click', signOut);
  $('refresh-carriers').addEventListener('click', () => loadCarriers().catch(fail));
  $('search').addEventListener('submit', search);
  $('upload').addEventListener('submit', (event) => {
    event.preventDefault();
    if ($('zip').files[0]) {
      uploadZip($('zip').files[0]);
    }
  });
  $('one-number').addEventListener('submit', (event) => {
    event.preventDefault();
    openNumber($('number').value.trim());
  });
  $('import-form').addEventListener('submit', importNumbers);
  $('event-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    loadEvents().catch(fail);
  });
  $('filter-clear').addEventListener('click', () => {
    ['filter-carrier', 'filter-action', 'filter-actor', 'filter-since'].forEach((id) => { $(id).value = ''; });
    loadEvents().catch(fail);
  });
  $('events-older').addEventListener('click', () => loadEvents(state.events.oldestId).catch(fail));
  $('events-newest').addEventListener('click', () => loadEvents().catch(fail));
  $('bulk-enable').addEventListener('click', () => bulk('enable'));
  $('bulk-disable').addEventListener('click', () => bulk('disable'));
  $('select-all').addEventListener('change', (e) => {
    for (const c of state.carriers) {
      if (!c.failed_zip) {
        if (e.target.checked) {
          state.selected.add(c.id);
        } else {
          state.selected.delete(c.id);
        }
      }
    }
    renderCarriers();
  });
  setUpDrop();
  if (state.token) {
    signIn();
  }
});
