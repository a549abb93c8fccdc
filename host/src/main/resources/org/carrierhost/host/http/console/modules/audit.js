// The audit log: filtered on the host, paged by id, live; each entry names the node it happened on.
import { api, fail } from './api.js';
import { $, cell, el } from './dom.js';
import { fromInput, timeEl } from './time.js';

const PAGE = 50;
const paging = { before: null, oldestId: null };

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
    q.set('since', fromInput(since).toISOString());
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
  cell(tr, '', 'time').appendChild(timeEl(e.time));
  cell(tr, e.node || '—', 'node');
  cell(tr, e.actor);
  cell(tr, e.action);
  cell(tr, e.target);
  cell(tr, e.result, 'result');
  cell(tr, e.error);
  return tr;
}

export async function loadEvents(before) {
  const q = eventFilters();
  if (before) {
    q.set('before', String(before));
  }
  const events = await api('GET', '/api/events?' + q);
  $('event-rows').replaceChildren(...events.map((e) => eventRow(e, false)));
  paging.before = before || null;
  paging.oldestId = events.length ? events[events.length - 1].id : null;
  $('events-older').disabled = events.length < PAGE;
  $('events-newest').disabled = !before;
  $('events-page').textContent = events.length === 0 ? 'no events match' : (before ? 'older events' : 'newest events, live');
}

/** An entry from the stream: shown first when the newest page is shown and it matches the filters. */
export function auditEvent(e) {
  if (!paging.before && matchesFilters(e) && !document.querySelector('#event-rows tr[data-id="' + e.id + '"]')) {
    const rows = $('event-rows');
    rows.insertBefore(eventRow(e, true), rows.firstChild);
    while (rows.children.length > PAGE) {
      rows.removeChild(rows.lastChild);
    }
  }
}

export function setUpAudit() {
  $('event-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    loadEvents().catch(fail);
  });
  $('filter-clear').addEventListener('click', () => {
    ['filter-carrier', 'filter-action', 'filter-actor', 'filter-since'].forEach((id) => { $(id).value = ''; });
    loadEvents().catch(fail);
  });
  $('events-older').addEventListener('click', () => loadEvents(paging.oldestId).catch(fail));
  $('events-newest').addEventListener('click', () => loadEvents().catch(fail));
}
