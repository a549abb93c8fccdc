// The carriers view: one row a carrier. The whole table is read at sign-in, on Refresh and every 15 s
// (for the per-minute figures); an event, an action or a search changes only the rows of the carriers it
// names, each read alone from /api/carriers/{id}.
import { api, canChange, fail, isAdmin } from './api.js';
import { $, button, cell, el, show } from './dom.js';
import { rolloutBlock, rolloutLive } from './rollout.js';
import { callsCell, latencyCell } from './spark.js';
import { timeEl } from './time.js';

const FIGURES_MS = 15000;
const COALESCE_MS = 150;
const ROLLOUT_MS = 2000;

export const carriers = {
  list: [],
  selected: new Set(),
  rowResults: new Map(),
};

const pending = new Set();
const latestRead = new Map(); // id -> number of its latest read, so an older answer arriving late is dropped
let pendingTimer = null;

function healthText(c) {
  if (c.failed_zip) {
    return 'zip failed';
  }
  return { ok: 'healthy', idle: 'no calls', failing: 'failing', not_configured: 'not configured', down: 'down' }[c.health] || c.health;
}

/** Reads every carrier and redraws the table. */
export async function loadCarriers() {
  carriers.list = await api('GET', '/api/carriers');
  renderCarriers();
}

/** Reads carriers {@code ids} again, soon, each alone, and redraws their rows only. */
export function refreshCarriers(ids) {
  for (const id of ids) {
    if (id) {
      pending.add(id);
    }
  }
  if (pendingTimer || pending.size === 0) {
    return;
  }
  pendingTimer = setTimeout(async () => {
    pendingTimer = null;
    const now = [...pending];
    pending.clear();
    await Promise.all(now.map((id) => refreshOne(id)));
  }, COALESCE_MS);
}

async function refreshOne(id) {
  const read = (latestRead.get(id) || 0) + 1;
  latestRead.set(id, read);
  let c;
  try {
    c = await api('GET', '/api/carriers/' + encodeURIComponent(id));
  } catch (e) {
    if (latestRead.get(id) !== read) {
      return;
    }
    if (e.status === 404) {
      drop(id);
    } else if (e.status !== undefined) {
      fail(e);
    }
    return;
  }
  if (latestRead.get(id) === read) {
    upsert(c);
  }
}

function drop(id) {
  carriers.list = carriers.list.filter((c) => c.id !== id);
  carriers.selected.delete(id);
  const tr = rowOf(id);
  if (tr) {
    tr.remove();
  }
  updateLists();
}

function upsert(c) {
  // A zip that failed to load is listed under its file name; once that file serves as a carrier, its
  // failure is gone (the host keeps one record a file).
  const fileName = c.file ? c.file.split(/[\\/]/).pop() : null;
  for (const stale of carriers.list.filter((x) => x.failed_zip && x.id !== c.id && fileName && x.id === fileName)) {
    drop(stale.id);
  }
  const at = carriers.list.findIndex((x) => x.id === c.id);
  if (at >= 0) {
    carriers.list[at] = c;
  } else {
    carriers.list.push(c);
    carriers.list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const tr = carrierRow(c);
  const old = rowOf(c.id);
  if (old) {
    keepingFocus(() => old.replaceWith(tr));
  } else {
    const next = carriers.list[carriers.list.indexOf(c) + 1];
    $('carrier-rows').insertBefore(tr, next ? rowOf(next.id) : null);
  }
  updateLists();
}

function rowOf(id) {
  return [...$('carrier-rows').children].find((tr) => tr.dataset.carrier === id) || null;
}

/** Runs {@code redraw}, then puts the keyboard focus back on the same control of the same row. */
function keepingFocus(redraw) {
  const active = document.activeElement;
  const focusedRow = active && active.closest ? active.closest('#carrier-rows tr') : null;
  const focused = focusedRow ? { id: focusedRow.dataset.carrier, tag: active.tagName, text: active.textContent, cls: active.className } : null;
  redraw();
  if (focused) {
    const row = rowOf(focused.id);
    const again = row && [...row.querySelectorAll('button, input')]
      .find((e) => e.tagName === focused.tag && e.textContent === focused.text && e.className === focused.cls);
    if (again) {
      again.focus();
    }
  }
}

export function renderCarriers() {
  const ids = new Set(carriers.list.map((c) => c.id));
  for (const id of [...carriers.selected]) {
    if (!ids.has(id)) {
      carriers.selected.delete(id);
    }
  }
  keepingFocus(() => $('carrier-rows').replaceChildren(...carriers.list.map(carrierRow)));
  updateLists();
}

/** The lists other views take carriers from, and the selection's controls. */
function updateLists() {
  $('carrier-ids').replaceChildren(...carriers.list.map((c) => el('option', { value: c.id })));
  const local = $('import-carrier');
  if (local) {
    const chosen = local.value;
    const locals = carriers.list.filter((c) => c.local && c.state === 'STARTED');
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
    box.checked = carriers.selected.has(c.id);
    box.disabled = c.failed_zip;
    box.addEventListener('change', () => {
      if (box.checked) {
        carriers.selected.add(c.id);
      } else {
        carriers.selected.delete(c.id);
      }
      updateSelection();
    });
    cell(tr, '', 'select').appendChild(box);
  }
  const name = cell(tr, '');
  if (c.failed_zip) {
    name.appendChild(el('span', { class: 'carrier-id zip-name' }, c.id));
  } else {
    // Its page: the settings form, and its instances.
    const link = el('a', { href: '#settings/' + encodeURIComponent(c.id), title: 'settings of ' + c.id });
    link.appendChild(el('span', { class: 'carrier-id' }, c.id));
    name.appendChild(link);
  }
  if (c.plugin && c.plugin !== c.id) {
    name.appendChild(el('span', { class: 'badge instance', title: 'an instance of the plugin ' + c.plugin }, 'of ' + c.plugin));
  }
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
  const result = carriers.rowResults.get(c.id);
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
  const state = cell(tr, c.state, 'state-' + c.state);
  if (c.process) {
    // An isolated carrier: its own process, under its state, so the row keeps its width.
    const p = c.process;
    state.appendChild(el('div', { class: 'process', title: 'runs in a process of its own (carrier.' + c.id
      + '.isolation=process)' + (p.last_end ? '; last ended unasked: ' + p.last_end : '') },
      (p.pid > 0 ? 'pid ' + p.pid : 'restarting') + (p.rss_kib > 0 ? ' · ' + Math.round(p.rss_kib / 1024) + ' MB' : '')
      + (p.restarts > 0 ? ' · ' + p.restarts + (p.restarts === 1 ? ' restart' : ' restarts') : '')));
  }
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
  callsCell(tr, c, minutes);
  latencyCell(tr, c, minutes);
  errorCell(tr, c);
  if (canChange()) {
    actionsCell(tr, c);
  }
  return tr;
}

function errorCell(tr, c) {
  const error = cell(tr, '', 'error-cell');
  const last = c.recent && c.recent.last_error;
  // Long reasons are clamped to a few lines; the whole text is in the tooltip.
  if (c.error) {
    error.appendChild(el('div', { class: 'clamp' }, c.error.message));
    if (c.error.cause) {
      error.appendChild(el('div', { class: 'cause clamp' }, c.error.cause));
    }
    error.title = c.error.message + (c.error.cause ? ': ' + c.error.cause : '');
  } else if (c.missing && c.missing.length) {
    // Issue 25: a required setting it declares is unset, known from start-up.
    const text = 'not configured: missing ' + c.missing.map(k => 'carrier.' + c.id + '.' + k).join(', ');
    error.appendChild(el('div', { class: 'clamp' }, text));
    error.title = text;
  } else if (last && (c.recent.last_failed || !c.configured)) {
    error.appendChild(el('div', { class: 'clamp' }, last.message || last.error));
    const cause = el('div', { class: 'cause' }, last.error + ' at ');
    cause.appendChild(timeEl(last.time));
    error.appendChild(cause);
    error.title = last.message || last.error;
  }
  if (c.rollout) {
    error.appendChild(rolloutBlock(c, (id, text, ok) => {
      carriers.rowResults.set(id, { kind: ok ? 'ok' : 'failed', text });
      refreshCarriers([id]);
    }));
  }
}

function actionsCell(tr, c) {
  const actions = cell(tr, '', 'actions');
  if (c.failed_zip) {
    button(actions, 'retry', () => carrierAction(c.id, 'POST', '/reload', 'retried'));
  } else {
    button(actions, c.enabled ? 'disable' : 'enable', () => carrierAction(c.id, 'POST', c.enabled ? '/disable' : '/enable'));
    const reload = button(actions, 'reload', () => carrierAction(c.id, 'POST', '/reload'));
    reload.disabled = !c.enabled;
    if (isAdmin()) {
      const test = button(actions, 'self-test', () => selfTest(c.id));
      test.disabled = c.state !== 'STARTED' && c.state !== 'PROBING';
      test.title = 'run the self-test of the version that serves; it searches, never acquires';
    }
  }
  button(actions, 'remove', () => {
    const instance = c.plugin && c.plugin !== c.id;
    if (confirm(instance ? 'Remove the instance ' + c.id + '? It is unloaded and its stored settings dropped; ' + c.plugin + ' keeps its zip.'
      : 'Remove ' + c.id + '? It is unloaded; a drop-in\'s zip is moved to the data directory\'s removed/ folder, where it can be got back.')) {
      carrierAction(c.id, 'DELETE', '', 'removed');
    }
  }, { class: 'danger' });
}

function updateSelection() {
  if (!canChange() || !$('selected-count')) {
    return;
  }
  const n = carriers.selected.size;
  $('selected-count').textContent = n + ' selected';
  $('bulk-enable').disabled = n === 0;
  $('bulk-disable').disabled = n === 0;
  const selectable = carriers.list.filter((c) => !c.failed_zip);
  $('select-all').checked = selectable.length > 0 && selectable.every((c) => carriers.selected.has(c.id));
}

async function carrierAction(id, method, suffix, done) {
  try {
    const result = await api(method, '/api/carriers/' + encodeURIComponent(id) + suffix);
    const text = (done || (result && result.state ? result.state : 'done')) + (result && result.kept_at ? '; its zip is kept at ' + result.kept_at : '');
    carriers.rowResults.set(id, { kind: 'ok', text });
    show('ok', id + ': ' + text);
  } catch (e) {
    carriers.rowResults.set(id, { kind: 'failed', text: e.message });
    fail(e);
  }
  refreshCarriers([id]);
}

/** Runs carrier {@code id}'s self-test and shows its verdict, with the checks that did not pass, in its row. */
async function selfTest(id) {
  try {
    const result = await api('POST', '/api/carriers/' + encodeURIComponent(id) + '/selftest');
    const notPassed = result.checks.filter((c) => c.outcome !== 'passed')
      .map((c) => c.name + ': ' + c.outcome.replace('_', ' ') + (c.message ? ' (' + c.message + ')' : ''));
    const text = 'self-test ' + result.outcome.replace('_', ' ') + ' (' + result.version + ')'
      + (notPassed.length ? ': ' + notPassed.join('; ') : '');
    const ok = result.outcome === 'passed' || result.outcome === 'not_implemented';
    carriers.rowResults.set(id, { kind: ok ? 'ok' : 'failed', text });
    show(ok ? 'ok' : 'error', id + ': ' + text);
  } catch (e) {
    carriers.rowResults.set(id, { kind: 'failed', text: 'self-test: ' + e.message });
    fail(e);
  }
  refreshCarriers([id]);
}

async function bulk(action) {
  const ids = [...carriers.selected];
  const outcomes = await Promise.all(ids.map(async (id) => {
    try {
      const result = await api('POST', '/api/carriers/' + encodeURIComponent(id) + '/' + action);
      carriers.rowResults.set(id, { kind: 'ok', text: action + 'd: ' + result.state });
      return true;
    } catch (e) {
      carriers.rowResults.set(id, { kind: 'failed', text: action + ' failed: ' + e.message });
      return false;
    }
  }));
  const ok = outcomes.filter(Boolean).length;
  show(ok === ids.length ? 'ok' : 'error', action + ': ' + ok + ' of ' + ids.length + ' carriers done; see each row');
  refreshCarriers(ids);
}

/** Wires the view's controls, and reads every carrier every 15 s for the per-minute figures. */
export function setUpCarriers() {
  $('refresh-carriers').addEventListener('click', () => loadCarriers().catch(fail));
  if (canChange()) {
    $('bulk-enable').addEventListener('click', () => bulk('enable'));
    $('bulk-disable').addEventListener('click', () => bulk('disable'));
    $('select-all').addEventListener('change', (e) => {
      for (const c of carriers.list) {
        if (!c.failed_zip) {
          if (e.target.checked) {
            carriers.selected.add(c.id);
          } else {
            carriers.selected.delete(c.id);
          }
        }
      }
      renderCarriers();
    });
  }
  // The latency figures name their minute in the chosen zone.
  document.addEventListener('zonechange', renderCarriers);
  setInterval(() => {
    if (document.visibilityState !== 'hidden') {
      loadCarriers().catch(() => {
        // the stream's offline marker already says when the host is unreachable
      });
    }
  }, FIGURES_MS);
  // A running rollout's figures change with each window it judges: its rows are read again more often.
  setInterval(() => {
    if (document.visibilityState !== 'hidden') {
      refreshCarriers(carriers.list.filter(rolloutLive).map((c) => c.id));
    }
  }, ROLLOUT_MS);
}
