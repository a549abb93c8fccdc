// The cluster view, where the host serves it: polled every 2 s while it is shown, since another node's
// heartbeat is no event here.
import { api, canChange, fail, session } from './api.js';
import { $, button, cell, el, show } from './dom.js';
import { format } from './time.js';

const POLL_MS = 2000;
let timer = null;

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
function consensus(nodes) {
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
    if (c.refused) {
      // This node's own trust policy refused the zip another host installed: say why.
      li.appendChild(el('span', { class: 'refused-note', title: c.refused }, ' refused: ' + c.refused));
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
  const cluster = await api('GET', '/api/cluster');
  const nodes = cluster.nodes || [];
  const agreed = consensus(nodes);
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
    beat.title = format(n.heartbeat);
    cell(tr, '', 'node-status').appendChild(el('span', { class: 'node-' + status }, status));
    cell(tr, '', 'carriers-cell').appendChild(carriers.list);
    if (canChange()) {
      const actions = cell(tr, '', 'actions');
      if (!n.up) {
        button(actions, 'forget', () => forget(n.node), { class: 'danger' });
      }
    }
    rows.appendChild(tr);
  }
}

/** Removes down node {@code node} from the view now, rather than after cluster.forget_after_ms. */
async function forget(node) {
  if (!confirm('Forget node ' + node + '? It is down; it is listed again if it starts again.')) {
    return;
  }
  try {
    await api('DELETE', '/api/cluster/nodes/' + encodeURIComponent(node));
    show('ok', 'node ' + node + ' forgotten');
  } catch (e) {
    fail(e);
  }
  await loadCluster().catch(fail);
}

/** Whether this host serves the cluster view. */
function hasCluster() {
  return session.me !== null && session.me.cluster === true;
}

/** Reads the cluster now and every 2 s while the view is shown and the tab is visible. */
export function startCluster() {
  if (timer || !hasCluster()) {
    return;
  }
  const poll = () => {
    if (document.visibilityState !== 'hidden') {
      loadCluster().catch(() => {
        // the stream's offline marker already says when the host is unreachable
      });
    }
  };
  poll();
  timer = setInterval(poll, POLL_MS);
}

export function stopCluster() {
  clearInterval(timer);
  timer = null;
}
