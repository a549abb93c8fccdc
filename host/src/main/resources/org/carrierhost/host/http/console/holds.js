// The console's holds section, in a file of its own: the active holds with a live countdown to each one's end,
// which numbers each holds and whether the carrier itself holds them ("carrier") or only our hosts do ("soft"),
// and, for an operator, a release button. Every value is written with textContent, never as HTML; the token is the
// one the console keeps in this tab's sessionStorage, sent only in the Authorization header.
'use strict';

(() => {
  const TOKEN_KEY = 'carrier-host-token';
  const REFRESH_TICKS = 5;
  const holds = { list: [], role: null, ticks: 0, built: false };

  async function call(method, path) {
    const response = await fetch(path, { method, credentials: 'omit',
      headers: { Authorization: 'Bearer ' + (sessionStorage.getItem(TOKEN_KEY) || '') } });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((json && json.error && json.error.message) || ('HTTP ' + response.status));
    }
    return json;
  }

  function node(tag, text, attrs) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function build() {
    const app = document.getElementById('app');
    const nav = app.querySelector('nav');
    nav.appendChild(node('a', 'Holds', { href: '#holds' }));
    const section = node('section', undefined, { id: 'holds', 'aria-labelledby': 'holds-title' });
    section.appendChild(node('h2', 'Holds', { id: 'holds-title' }));
    section.appendChild(node('p', 'A carrier hold is kept by the carrier itself; a soft hold only within our hosts: the carrier does not know it.',
      { class: 'hint' }));
    const table = node('table', undefined, { id: 'hold-table' });
    const head = node('tr');
    ['Hold', 'Account', 'Numbers', 'Ends in', ''].forEach((h) => head.appendChild(node('th', h)));
    table.appendChild(node('thead')).appendChild(head);
    table.appendChild(node('tbody', undefined, { id: 'hold-rows' }));
    section.appendChild(table);
    section.appendChild(node('p', '', { id: 'hold-status', role: 'status' }));
    app.appendChild(section);
    holds.built = true;
  }

  function left(expiresAt) {
    const seconds = Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = String(seconds % 60).padStart(2, '0');
    return seconds === 0 ? 'ending' : (h > 0 ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + s;
  }

  function render() {
    const rows = document.getElementById('hold-rows');
    rows.replaceChildren(...holds.list.map((hold) => {
      const tr = node('tr', undefined, { 'data-hold': hold.id });
      tr.appendChild(node('td', hold.id));
      tr.appendChild(node('td', hold.account_id));
      tr.appendChild(node('td', hold.numbers.filter((n) => !n.done)
        .map((n) => n.number + ' · ' + n.carrier + ' · ' + n.kind).join(', ')));
      tr.appendChild(node('td', left(hold.expires_at), { class: 'countdown', 'data-expires': hold.expires_at }));
      const actions = node('td', undefined, { class: 'actions' });
      if (holds.role !== 'viewer') {
        const release = node('button', 'release', { type: 'button' });
        release.addEventListener('click', () => release_(hold.id));
        actions.appendChild(release);
      }
      tr.appendChild(actions);
      return tr;
    }));
    document.getElementById('hold-status').textContent = holds.list.length === 0 ? 'No active holds.' : '';
  }

  async function release_(id) {
    try {
      await call('DELETE', '/api/holds/' + encodeURIComponent(id));
      await refresh();
    } catch (e) {
      document.getElementById('hold-status').textContent = 'Release of ' + id + ' failed: ' + e.message;
    }
  }

  async function refresh() {
    if (holds.role === null) {
      holds.role = (await call('GET', '/api/whoami')).role;
    }
    holds.list = (await call('GET', '/api/holds')).holds;
    render();
  }

  function tick() {
    const app = document.getElementById('app');
    if (!app || app.hidden || !sessionStorage.getItem(TOKEN_KEY)) {
      holds.role = null;
      return;
    }
    if (!holds.built) {
      build();
    }
    document.querySelectorAll('#hold-rows td.countdown').forEach((td) => { td.textContent = left(td.dataset.expires); });
    if (holds.ticks++ % REFRESH_TICKS === 0) {
      refresh().catch((e) => { document.getElementById('hold-status').textContent = 'Holds: ' + e.message; });
    }
  }

  setInterval(tick, 1000);
})();
