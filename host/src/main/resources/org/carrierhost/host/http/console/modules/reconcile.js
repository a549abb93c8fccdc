// The reconcile view (#reconcile/<carrier>): a carrier's newest kept report of what it says the account holds
// against the registry, one row per number that differs (only at the carrier: it bills for it; only here; in
// states that disagree), each with the repairs it offers. Nothing is repaired by itself: an operator runs a
// reconciliation and repairs a row with a button (release at the carrier, adopt into the registry, mark
// checked); a viewer reads the report.
import { api, canChange, fail } from './api.js';
import { $, button, cell, el, show } from './dom.js';
import { carrierView } from './router.js';
import { format } from './time.js';

const KINDS = [
  ['only_at_carrier', 'only at the carrier (billed, not held here)'],
  ['only_here', 'only here (the carrier does not list it)'],
  ['state_differs', 'states differ'],
];
const REPAIRS = {
  only_at_carrier: ['release_at_carrier', 'adopt', 'mark_checked'],
  only_here: ['adopt', 'mark_checked'],
  state_differs: ['adopt', 'release_at_carrier', 'mark_checked'],
};

function rowOf(report, kind, row) {
  const tr = el('tr', { dataset: { number: row.number, kind } });
  cell(tr, row.number, 'drift-number');
  cell(tr, kind.replace(/_/g, ' '), 'drift-kind');
  cell(tr, row.here || '—');
  cell(tr, row.at_carrier || '—');
  const done = cell(tr, row.resolution ? row.resolution.replace(/_/g, ' ') + ' by ' + row.resolved_by : 'open', 'drift-resolution');
  if (canChange() && !row.resolution) {
    const actions = cell(tr, '', 'actions');
    for (const action of REPAIRS[kind]) {
      button(actions, action.replace(/_/g, ' '), () => repair(report, row.number, action), { dataset: { action } });
    }
  } else if (canChange()) {
    done.colSpan = 2;
  }
  return tr;
}

function render(carrier, reports) {
  const report = reports[0];
  const rows = $('drift-rows');
  if (!report) {
    rows.replaceChildren();
    $('reconcile-summary').textContent = 'No reconciliation of ' + carrier + ' is kept yet.';
    return;
  }
  const drift = KINDS.map(([kind, label]) => (report[kind] || []).length + ' ' + label).join(', ');
  $('reconcile-summary').textContent = 'Report ' + report.id + ' of ' + carrier + ', ' + format(report.at) + ' by ' + report.actor
    + ': ' + report.checked + ' numbers checked; ' + drift + '.';
  rows.replaceChildren(...KINDS.flatMap(([kind]) => (report[kind] || []).map((row) => rowOf(report, kind, row))));
}

async function load(carrier) {
  const answer = await api('GET', '/api/carriers/' + encodeURIComponent(carrier) + '/reconcile');
  render(carrier, answer.reports || []);
}

async function run() {
  const carrier = $('reconcile-carrier').value.trim();
  if (!carrier) {
    return;
  }
  try {
    const report = await api('POST', '/api/carriers/' + encodeURIComponent(carrier) + '/reconcile');
    show('ok', 'reconciled ' + carrier + ': ' + report.checked + ' numbers checked');
    await load(carrier);
  } catch (e) {
    fail(e);
  }
}

async function repair(report, number, action) {
  const body = { action };
  const account = $('reconcile-account').value.trim();
  if (action === 'adopt' && account) {
    body.account_id = account;
  }
  try {
    await api('POST', '/api/carriers/' + encodeURIComponent(report.carrier) + '/reconcile/' + report.id + '/rows/'
      + encodeURIComponent(number), body);
    show('ok', number + ': ' + action.replace(/_/g, ' '));
  } catch (e) {
    fail(e);
  }
  await load(report.carrier).catch(fail);
}

/** Wires the view; returns what it does at its address: #reconcile, or #reconcile/<carrier> for that carrier's newest report. */
export function setUpReconcile() {
  const onShow = carrierView('reconcile', 'reconcile-form', 'reconcile-carrier', (carrier) => load(carrier).catch(fail));
  $('reconcile-run').addEventListener('click', run);
  return onShow;
}
