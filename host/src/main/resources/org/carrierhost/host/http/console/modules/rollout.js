// A carrier's canary rollout (carrier.<id>.rollout=canary), in its row: both versions, the canary's share and step,
// where it stands and why, and both versions' figures in the last window judged, side by side. An operator may
// pause, resume, promote or abort a running one (POST /api/carriers/{id}/rollout).
import { api, canChange, fail } from './api.js';
import { button, el, show } from './dom.js';

const STATUS = { running: 'running', paused: 'paused', promoted: 'promoted', rolled_back: 'rolled back' };

/** Whether {@code c}'s rollout still runs (paused included): its figures change with each window. */
export function rolloutLive(c) {
  return !!c.rollout && (c.rollout.status === 'running' || c.rollout.status === 'paused');
}

/** The rollout of carrier {@code c} as a block for its row; {@code done(id, text, ok)} is told each action's answer. */
export function rolloutBlock(c, done) {
  const r = c.rollout;
  const block = el('div', { class: 'rollout rollout-' + r.status, dataset: { rollout: c.id } });
  block.appendChild(el('div', { class: 'rollout-head' }, 'canary ' + r.canary + ' beside ' + r.stable + ': '
    + STATUS[r.status] + ', ' + r.weight + '% · step ' + r.step + ' of ' + r.steps
    + (r.acquires ? ' · acquires too' : ' · searches only')));
  if (r.reason) {
    block.appendChild(el('div', { class: 'rollout-reason clamp', title: r.reason }, r.reason));
  }
  block.appendChild(figuresTable(r));
  if (canChange() && rolloutLive(c)) {
    const actions = el('div', { class: 'rollout-actions' });
    if (r.status === 'running') {
      button(actions, 'pause', () => act(c.id, 'pause', done), { title: 'keep the canary\'s share; stop judging windows' });
    } else {
      button(actions, 'resume', () => act(c.id, 'resume', done), { title: 'judge its windows again' });
    }
    button(actions, 'promote', () => {
      if (confirm('Promote ' + c.id + ' ' + r.canary + '? It takes every call now, and ' + r.stable + ' is unloaded.')) {
        act(c.id, 'promote', done);
      }
    }, { title: 'make the canary the one version now' });
    button(actions, 'abort', () => act(c.id, 'abort', done), { class: 'danger', title: 'roll back: every call to ' + r.stable });
    block.appendChild(actions);
  }
  return block;
}

/** Both versions' figures in the last window judged: one row a figure, one column a version. */
function figuresTable(r) {
  const table = el('table', { class: 'rollout-figures' });
  const head = el('tr');
  for (const text of ['last window', r.stable, r.canary + ' (canary)']) {
    head.appendChild(el('th', {}, text));
  }
  table.appendChild(head);
  const rows = [
    ['calls', (f) => f.calls],
    ['errors', (f) => f.errors],
    ['timeouts', (f) => f.timeouts],
    ['p99', (f) => (f.calls ? f.p99_ms + ' ms' : '–')],
    ['yield', (f) => (f.asked ? Math.round((100 * f.returned) / f.asked) + '%' : '–')],
  ];
  for (const [name, of] of rows) {
    const tr = el('tr', { dataset: { figure: name } });
    tr.appendChild(el('th', {}, name));
    tr.appendChild(el('td', { class: 'stable' }, of(r.window.stable)));
    tr.appendChild(el('td', { class: 'canary' }, of(r.window.canary)));
    table.appendChild(tr);
  }
  return table;
}

async function act(id, action, done) {
  try {
    const r = await api('POST', '/api/carriers/' + encodeURIComponent(id) + '/rollout', { action });
    const text = 'rollout ' + action + ': ' + STATUS[r.status] + (r.reason ? ' (' + r.reason + ')' : '');
    show('ok', id + ': ' + text);
    done(id, text, true);
  } catch (e) {
    fail(e);
    done(id, 'rollout ' + action + ': ' + e.message, false);
  }
}
