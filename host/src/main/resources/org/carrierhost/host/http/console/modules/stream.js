// The live stream: read with fetch, since EventSource cannot send the token header; it reconnects by
// itself, resuming after the last entry seen.
import { session } from './api.js';
import { $ } from './dom.js';

const live = { lastEventId: null, controller: null, delay: 1000, onEvent: () => {}, onResume: () => {}, onRefused: () => {} };

function setLive(up) {
  const badge = $('live');
  badge.hidden = false;
  badge.textContent = up ? 'live' : 'offline';
  badge.className = 'live' + (up ? '' : ' down');
  $('offline').hidden = up;
}

/**
 * Follows the stream from after entry {@code after}: each entry goes to {@code onEvent}; {@code onResume}
 * is called when a dropped connection is back (entries may have been missed); {@code onRefused} when the
 * host no longer takes the token.
 */
export function follow(after, handlers) {
  live.lastEventId = after;
  Object.assign(live, handlers);
  connect();
}

export function stopFollowing() {
  if (live.controller) {
    live.controller.abort();
    live.controller = null;
  }
}

async function connect() {
  if (!session.token) {
    return;
  }
  const controller = new AbortController();
  live.controller = controller;
  const headers = { Authorization: 'Bearer ' + session.token, Accept: 'text/event-stream' };
  if (live.lastEventId !== null) {
    headers['Last-Event-ID'] = String(live.lastEventId);
  }
  let resumed = false;
  try {
    const response = await fetch('/api/events/stream', { headers, signal: controller.signal, credentials: 'omit', cache: 'no-store' });
    if (response.status === 401) {
      live.onRefused();
      return;
    }
    if (!response.ok || !response.body) {
      throw new Error('HTTP ' + response.status);
    }
    resumed = $('live').textContent === 'offline';
    setLive(true);
    live.delay = 1000;
    if (resumed) {
      live.onResume();
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        frame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (e) {
    if (controller.signal.aborted) {
      return;
    }
  }
  if (live.controller !== controller || controller.signal.aborted) {
    return;
  }
  setLive(false);
  setTimeout(connect, live.delay);
  live.delay = Math.min(10000, live.delay * 2);
}

function frame(text) {
  let data = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('data:')) {
      data += line.slice(5).trim();
    }
  }
  if (!data) {
    return;
  }
  let event;
  try {
    event = JSON.parse(data);
  } catch (e) {
    return; // not an event frame
  }
  live.lastEventId = event.id;
  live.onEvent(event);
}
