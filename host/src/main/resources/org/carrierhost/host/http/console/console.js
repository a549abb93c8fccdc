// The admin console: a thin page over the JSON API. Every value is written with textContent, never as
// HTML, and the token lives only in this tab's sessionStorage.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { token: sessionStorage.getItem('carrier-host-token') || '' };

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
    method, headers,
    body: body === undefined ? undefined : (contentType ? body : JSON.stringify(body)),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(json, response.status);
  }
  return json;
}

function show(kind, message, cause) {
  const banner = $('banner');
  banner.className = kind;
  banner.textContent = cause ? message + ' (' + cause + ')' : message;
  banner.hidden = false;
}

function fail(error) {
  const who = error.carrier ? error.carrier + ': ' : '';
  show('error', who + error.message + (error.code ? ' [' + error.code + ']' : ''), error.cause);
  if (error.status === 401) {
    signOut();
  }
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) {
    td.className = className;
  }
  row.appendChild(td);
  return td;
}

function button(parent, label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  parent.appendChild(b);
  return b;
}

async function loadCarriers() {
  const carriers = await api('GET', '/api/carriers');
  const rows = $('carrier-rows');
  rows.replaceChildren();
  for (const c of carriers) {
    const tr = document.createElement('tr');
    tr.dataset.carrier = c.id;
    cell(tr, c.id);
    cell(tr, c.version);
    cell(tr, c.state, 'state-' + c.state);
    // A zip that never loaded has no flags to show.
    cell(tr, c.version === null ? '' : [c.enabled ? 'enabled' : 'disabled', c.local ? 'local' : 'remote', c.cnam ? 'cnam' : '']
      .filter(Boolean).join(', '));
    cell(tr, c.file);
    const error = cell(tr, c.error ? c.error.message : '');
    if (c.error && c.error.cause) {
      const cause = document.createElement('div');
      cause.className = 'cause';
      cause.textContent = c.error.cause;
      error.appendChild(cause);
    }
    cell(tr, c.stats.calls + ' calls, ' + c.stats.errors + ' errors, ' + c.stats.latency.mean_ms + ' ms mean');
    const actions = cell(tr, '');
    for (const action of c.enabled ? ['disable', 'reload'] : ['enable']) {
      button(actions, action, () => carrierAction(c.id, 'POST', '/' + action));
    }
    button(actions, 'remove', () => {
      if (confirm('Unload ' + c.id + ' and delete its zip from the plugins directory?')) {
        carrierAction(c.id, 'DELETE', '');
      }
    });
    rows.appendChild(tr);
  }
}

async function carrierAction(id, method, suffix) {
  try {
    const result = await api(method, '/api/carriers/' + encodeURIComponent(id) + suffix);
    show('ok', id + ': ' + (result && result.state ? result.state : 'done'));
  } catch (e) {
    fail(e);
  }
  await refresh();
}

async function search(event) {
  event.preventDefault();
  const query = new URLSearchParams({ prefix: $('prefix').value, quantity: $('quantity').value, country: $('country').value });
  if ($('only').value.trim()) {
    query.set('carriers', $('only').value.trim());
  }
  try {
    const found = await api('GET', '/api/numbers?' + query);
    const rows = $('number-rows');
    rows.replaceChildren();
    for (const n of found.numbers) {
      const tr = document.createElement('tr');
      cell(tr, n.number);
      cell(tr, n.carrier);
      cell(tr, n.state);
      cell(tr, JSON.stringify(n.data));
      button(cell(tr, ''), 'acquire', () => numberAction('acquire', n.number));
      rows.appendChild(tr);
    }
    const errors = $('search-errors');
    errors.replaceChildren();
    for (const e of found.errors) {
      const li = document.createElement('li');
      li.textContent = e.carrier + ': ' + e.message + ' [' + e.error + ']' + (e.cause ? ' (' + e.cause + ')' : '');
      errors.appendChild(li);
    }
    show('ok', found.numbers.length + ' numbers found' + (found.errors.length ? ', ' + found.errors.length + ' carriers failed' : ''));
  } catch (e) {
    fail(e);
  }
}

async function numberAction(action, number) {
  const path = '/api/numbers/' + encodeURIComponent(number);
  try {
    let record;
    if (action === 'lookup') {
      record = await api('GET', path);
    } else if (action === 'acquire') {
      const account = $('account').value.trim();
      record = await api('POST', path + '/acquire', account ? { account_id: account } : {});
    } else {
      record = await api('POST', path + '/disconnect', {});
    }
    $('record').textContent = JSON.stringify(record, null, 2);
    show('ok', record.number + ' is ' + record.state);
  } catch (e) {
    fail(e);
  }
  await refresh();
}

async function upload(event) {
  event.preventDefault();
  const file = $('zip').files[0];
  try {
    const result = await api('POST', '/api/carriers', await file.arrayBuffer(), 'application/zip');
    show('ok', 'installed ' + result.id + ' ' + result.version + ': ' + result.state);
  } catch (e) {
    fail(e);
  }
  await refresh();
}

async function loadEvents() {
  const events = await api('GET', '/api/events?limit=100');
  const rows = $('event-rows');
  rows.replaceChildren();
  for (const e of events) {
    const tr = document.createElement('tr');
    cell(tr, e.time);
    cell(tr, e.actor);
    cell(tr, e.action);
    cell(tr, e.target);
    cell(tr, e.result);
    cell(tr, e.error);
    rows.appendChild(tr);
  }
}

async function refresh() {
  try {
    await Promise.all([loadCarriers(), loadEvents()]);
  } catch (e) {
    fail(e);
  }
}

async function signIn(event) {
  if (event) {
    event.preventDefault();
    state.token = $('token').value.trim();
  }
  try {
    await loadCarriers();
  } catch (e) {
    fail(e);
    return;
  }
  sessionStorage.setItem('carrier-host-token', state.token);
  $('app').hidden = false;
  $('signout').hidden = false;
  $('token').value = '';
  $('token').parentElement.hidden = true;
  $('signin-submit').hidden = true;
  $('who').textContent = 'signed in';
  $('banner').hidden = true;
  await loadEvents();
}

function signOut() {
  state.token = '';
  sessionStorage.removeItem('carrier-host-token');
  $('app').hidden = true;
  $('signout').hidden = true;
  $('token').parentElement.hidden = false;
  $('signin-submit').hidden = false;
  $('who').textContent = '';
}

document.addEventListener('DOMContentLoaded', () => {
  $('signin').addEventListener('submit', signIn);
  $('signout').addEventListener('click', signOut);
  $('refresh-carriers').addEventListener('click', refresh);
  $('refresh-events').addEventListener('click', loadEvents);
  $('search').addEventListener('submit', search);
  $('upload').addEventListener('submit', upload);
  $('one-number').addEventListener('submit', (event) => {
    event.preventDefault();
    numberAction(event.submitter.dataset.action, $('number').value.trim());
  });
  if (state.token) {
    signIn();
  }
});
