// The holds view: the active holds with a live countdown to each one's end, which numbers each holds and
// whether the carrier itself holds them ("carrier") or only our hosts do ("soft"), and, for an operator, a
// release button. Read every 5 s while it is shown; the countdowns run down each second in between.
import { api, canChange, fail } from './api.js';
import { $, button, cell, el, show } from './dom.js';
import { format } from './time.js';

const TICK_MS = 1000;
const REFRESH_TICKS = 5;
let timer = null;
let ticks = 0;

/** The time left until {@code expiresAt} as "1:59" or "1:02:03", or "ending" once it is due. */
function left(expiresAt) {
  const seconds = Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000));
  if (seconds === 0 || isNaN(seconds)) {
    return 'ending';
  }
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return (h > 0 ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + s;
}

function holdRow(hold) {
  const tr = el('tr', { dataset: { hold: hold.id } });
  cell(tr, hold.id, 'hold-id');
  cell(tr, hold.account_id);
  cell(tr, (hold.numbers || []).filter((n) => !n.done).map((n) => n.number + ' · ' + n.carrier + ' · ' + n.kind).join(', '));
  const ends = cell(tr, left(hold.expires_at), 'countdown');
  ends.dataset.expires = hold.expires_at;
  ends.title = 'ends ' + format(hold.expires_at);
  if (canChange()) {
    button(cell(tr, '', 'actions'), 'release', () => release(hold.id), { class: 'danger' });
  }
  return tr;
}

async function loadHolds() {
  const answer = await api('GET', '/api/holds');
  const active = (answer.holds || []).filter((h) => h.state === 'active');
  $('hold-rows').replaceChildren(...active.map(holdRow));
  $('hold-status').textContent = active.length === 0 ? 'No active holds.' : '';
}

async function release(id) {
  try {
    await api('DELETE', '/api/holds/' + encodeURIComponent(id));
    show('ok', 'hold ' + id + ' released');
  } catch (e) {
    fail(e);
  }
  await loadHolds().catch(fail);
}

function countDown() {
  for (const td of document.querySelectorAll('#hold-rows td.countdown')) {
    td.textContent = left(td.dataset.expires);
  }
}

/** Reads the holds now and every 5 s while the view is shown and the tab is visible; counts down each second. */
export function startHolds() {
  if (timer) {
    return;
  }
  ticks = 0;
  loadHolds().catch(fail);
  const tick = () => {
    countDown();
    if (document.visibilityState !== 'hidden' && ++ticks % REFRESH_TICKS === 0) {
      loadHolds().catch(() => {
        // the stream's offline marker already says when the host is unreachable
      });
    }
  };
  timer = setInterval(tick, TICK_MS);
}

export function stopHolds() {
  clearInterval(timer);
  timer = null;
}
