// The admin console: a page over the JSON API, kept live by the host's event stream, in views with their
// own addresses. Each module under modules/ is one view or one shared part; this one starts them.
import { api, fail, onUnauthorized } from './modules/api.js';
import { auditEvent, loadEvents, setUpAudit } from './modules/audit.js';
import { loadCarriers, refreshCarriers, setUpCarriers } from './modules/carriers.js';
import { startCluster, stopCluster } from './modules/cluster.js';
import { $ } from './modules/dom.js';
import { startHolds, stopHolds } from './modules/holds.js';
import { setUpImport } from './modules/import.js';
import { setUpNumbers, showNumbers } from './modules/numbers.js';
import { setUpReconcile } from './modules/reconcile.js';
import { followAddress, view } from './modules/router.js';
import { setUpSignIn, signOut } from './modules/session.js';
import { setUpSettings } from './modules/settings.js';
import { follow } from './modules/stream.js';
import { setUpZoneSwitch } from './modules/time.js';
import { setUpUpload } from './modules/upload.js';

async function start() {
  onUnauthorized(signOut);
  setUpCarriers();
  setUpUpload();
  setUpNumbers();
  setUpImport();
  setUpAudit();
  const showReconcile = setUpReconcile();
  const showSettings = setUpSettings();
  view('carriers');
  view('numbers', showNumbers);
  view('holds', startHolds, stopHolds);
  view('reconcile', showReconcile);
  view('settings', showSettings);
  view('import');
  view('audit');
  view('cluster', startCluster, stopCluster);
  followAddress();
  let newestId = 0;
  try {
    // The stream resumes after the newest entry seen now, so nothing between these reads and it is missed.
    const newest = await api('GET', '/api/events?limit=1');
    newestId = newest.length ? newest[0].id : 0;
    await Promise.all([loadCarriers(), loadEvents()]);
  } catch (e) {
    fail(e);
  }
  follow(newestId, {
    // An entry changes the audit log and, when it names a carrier, that carrier's row alone.
    onEvent: (e) => {
      auditEvent(e);
      if (e.carrier) {
        refreshCarriers([e.carrier]);
      }
    },
    onResume: () => loadCarriers().catch(fail),
    onRefused: signOut,
  });
}

// A note of what was just done belongs to the view it was done in; an error stays until the next one.
document.addEventListener('viewchange', () => {
  if ($('banner').className === 'ok') {
    $('banner').hidden = true;
  }
});
setUpZoneSwitch();
setUpSignIn(start);
