// The numbers view: a search across carriers with acquire and disconnect in each row (and activate for a
// ported-in number), and one number's page (its own address, #numbers/<number>) with its record, the moves its
// state allows (from the one table at /api/states) and its history.
import { api, canChange, fail } from './api.js';
import { carriers, refreshCarriers } from './carriers.js';
import { $, button, cell, el, show } from './dom.js';
import { timeEl } from './time.js';

const HELD = ['in_service', 'reserved', 'port_in'];
let found = [];
let moves = null;

/** The moves out of {@code state}, each with the request that makes it and the carrier call it makes. */
async function showMoves(state) {
  if (moves === null) {
    moves = (await api('GET', '/api/states')).transitions;
  }
  const list = $('number-moves');
  const out = moves.filter((m) => m.from === state);
  list.replaceChildren(...out.map((m) => el('li', {}, state + ' → ' + m.to + ' by ' + m.by + ' (carrier call: ' + m.call
    + (m.carriers === 'any' ? '' : '; ' + m.carriers + ' carriers') + (m.aging === 'any' ? '' : '; aging ' + m.aging) + ')')));
  if (out.length === 0) {
    list.appendChild(el('li', {}, 'no move out of ' + state));
  }
}

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

/** The filters of the search vocabulary given in the form (a field left empty is no filter). */
const FILTERS = ['area_code', 'starts_with', 'contains', 'ends_with', 'locality', 'region', 'postal_code', 'rate_center', 'type'];

/**
 * The search's query: the prefix (optional), quantity, country and carriers, and each filter given. Encoded with
 * encodeURIComponent, since the host reads a + as a plus (numbers and prefixes use it), not as a space.
 */
function searchQuery() {
  const given = { quantity: $('quantity').value, country: $('country').value, prefix: $('prefix').value, carriers: $('only').value };
  for (const name of FILTERS) {
    given[name] = $(name).value;
  }
  given.features = [...document.querySelectorAll('#features input:checked')].map((box) => box.value).join(',');
  given.exact = $('exact').checked ? '' : 'false';
  return Object.entries(given).filter(([, value]) => value.trim())
    .map(([name, value]) => name + '=' + encodeURIComponent(value.trim())).join('&');
}

/** For each carrier asked, what it applied, approximated, ignored and dropped; and the carriers skipped, with why. */
function renderReport(answer) {
  const rows = $('search-carrier-rows');
  rows.replaceChildren();
  const list = (names) => (names.length ? names.join(', ') : '—');
  for (const [id, r] of Object.entries(answer.carriers || {})) {
    const tr = el('tr', { dataset: { carrier: id } });
    cell(tr, id);
    cell(tr, list(r.applied), 'applied');
    cell(tr, list(r.approximated), 'approximated');
    cell(tr, list(r.ignored), 'ignored');
    cell(tr, r.dropped, 'dropped');
    cell(tr, r.capped_at === undefined ? '—' : r.capped_at, 'capped');
    rows.appendChild(tr);
  }
  $('search-carriers').hidden = rows.children.length === 0;
  const skipped = $('search-skipped');
  skipped.replaceChildren(...(answer.skipped || []).map((s) => el('li', { dataset: { carrier: s.carrier } },
    s.carrier + ' skipped: ' + s.reason)));
}

async function search(event) {
  event.preventDefault();
  const query = searchQuery();
  const only = $('only').value.trim();
  try {
    const answer = await api('GET', '/api/numbers?' + query);
    found = answer.numbers;
    renderNumbers();
    renderReport(answer);
    const errors = $('search-errors');
    errors.replaceChildren();
    for (const e of answer.errors) {
      errors.appendChild(el('li', {}, e.carrier + ': ' + e.message + ' [' + e.error + ']' + (e.cause ? ' (' + e.cause + ')' : '')));
    }
    show('ok', answer.numbers.length + ' numbers found' + (answer.errors.length ? ', ' + answer.errors.length + ' carriers failed' : '')
      + (answer.skipped && answer.skipped.length ? ', ' + answer.skipped.length + ' carriers skipped' : ''));
    // The carriers asked have new figures (and perhaps a new health); only their rows are read again.
    refreshCarriers(only ? only.split(',').map((id) => id.trim())
      : carriers.list.filter((c) => c.enabled && !c.failed_zip).map((c) => c.id));
  } catch (e) {
    fail(e);
  }
}

function renderNumbers() {
  const rows = $('number-rows');
  rows.replaceChildren();
  for (const n of found) {
    const held = HELD.includes(n.state);
    const tr = el('tr', { class: 'number-row' + (held ? ' held' : ''), dataset: { number: n.number } });
    button(cell(tr, ''), n.number, () => { location.hash = '#numbers/' + n.number; }, { class: 'link', title: 'Open ' + n.number });
    cell(tr, n.carrier);
    cell(tr, n.state + (held ? ' (held)' : ''), 'number-state');
    cell(tr, '').appendChild(readableData(n.data));
    if (canChange()) {
      actionsFor(cell(tr, '', 'actions'), n);
    }
    rows.appendChild(tr);
  }
}

/** The buttons of {@code n}: activate (a ported-in number, into service with no carrier order), disconnect or acquire. */
function actionsFor(parent, n) {
  if (n.state === 'port_in') {
    button(parent, 'activate', () => numberAction('activate', n.number), { title: 'In service, with no order at the carrier' });
  }
  if (HELD.includes(n.state)) {
    button(parent, 'disconnect', () => numberAction('disconnect', n.number));
  } else {
    button(parent, 'acquire', () => numberAction('acquire', n.number));
  }
}

async function numberAction(action, number) {
  const path = '/api/numbers/' + encodeURIComponent(number);
  try {
    let record;
    if (action === 'acquire' || action === 'activate') {
      const account = $('account').value.trim();
      record = await api('POST', path + '/' + action, account ? { account_id: account } : {});
    } else {
      record = await api('POST', path + '/disconnect', {});
    }
    const row = found.find((n) => n.number === record.number);
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

/** Shows {@code number}'s page: its record, what may be done to it, and its history. */
export async function openNumber(number) {
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
    actionsFor(actions, record);
  }
  showMoves(record.state).catch(fail);
  const history = $('number-history');
  history.replaceChildren();
  for (const h of record.history || []) {
    const li = el('li');
    li.appendChild(timeEl(h.time, 'time'));
    li.appendChild(document.createTextNode(' ' + (h.from ? h.from + ' → ' : '') + h.to + ' via ' + h.carrier + ', by ' + h.actor));
    history.appendChild(li);
  }
  if (!record.history || record.history.length === 0) {
    history.appendChild(el('li', {}, 'no changes recorded'));
  }
  $('number-page').scrollIntoView({ block: 'nearest' });
}

/** The view at its address: #numbers, or #numbers/<number> for one number's page. */
export function showNumbers(number) {
  if (number) {
    $('number').value = number;
    openNumber(number);
  }
}

export function setUpNumbers() {
  $('search').addEventListener('submit', search);
  $('one-number').addEventListener('submit', (event) => {
    event.preventDefault();
    const number = $('number').value.trim();
    if (location.hash === '#numbers/' + number) {
      openNumber(number);
    } else {
      location.hash = '#numbers/' + number;
    }
  });
}
