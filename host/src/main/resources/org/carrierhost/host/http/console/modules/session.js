// Signing in and out, and the header that says who is signed in. The sign-in page says where the token is;
// a token the host does not take gets a plain sentence, not the API's message.
import { api, forgetToken, keepToken, session } from './api.js';
import { $, el } from './dom.js';

function showSignIn(message) {
  $('signin-page').hidden = false;
  $('app').hidden = true;
  const error = $('signin-error');
  error.hidden = !message;
  error.textContent = message || '';
  // A password box shows nothing of what was typed: it is emptied for a fresh try.
  $('token').value = '';
  $('token').focus();
}

function signInFailure(e) {
  if (e.status === 401) {
    return 'This host does not accept that token. Check that it was copied whole, with nothing around it, '
      + 'from the file or variable named below.';
  }
  if (e.status === undefined) {
    return 'The host did not answer. Check that it is running, then try again.';
  }
  return 'The host refused the sign-in: ' + e.message;
}

function applyRole() {
  const change = session.me.role !== 'viewer';
  document.querySelectorAll('[data-needs=operator]').forEach((e) => { e.hidden = !change; });
  if (!change) {
    // A viewer gets no control that would change anything: not hidden, not there.
    document.querySelectorAll('#upload, #import, .toolbar, th.select, #views a[data-view=import]').forEach((e) => e.remove());
  }
  if (session.me.cluster) {
    $('cluster-link').hidden = false;
  }
}

function showWho() {
  // The token's name and its role, each labelled: "token watcher · role viewer".
  $('who').replaceChildren(el('span', { class: 'label' }, 'token '), el('span', { class: 'name' }, session.me.name),
    document.createTextNode(' · '), el('span', { class: 'label' }, 'role '),
    el('span', { class: 'role', title: 'what this token may do' }, session.me.role));
}

/**
 * Signs in with the token in the box, or with the one this tab kept; then calls {@code started}. Shows the
 * sign-in page when there is no token or the host does not take it.
 */
export function setUpSignIn(started) {
  const attempt = async (token) => {
    keepToken(token);
    try {
      session.me = await api('GET', '/api/whoami');
    } catch (e) {
      if (e.status === 401) {
        forgetToken();
      } // else the host may be back on the next try: the tab keeps the token
      showSignIn(signInFailure(e));
      return;
    }
    applyRole();
    showWho();
    $('token').value = '';
    $('signin-page').hidden = true;
    $('session').hidden = false;
    $('views').hidden = false;
    $('app').hidden = false;
    started();
  };
  $('signin').addEventListener('submit', (event) => {
    event.preventDefault();
    attempt($('token').value.trim());
  });
  $('signout').addEventListener('click', signOut);
  if (session.token) {
    attempt(session.token);
  } else {
    showSignIn(null);
  }
}

export function signOut() {
  forgetToken();
  // Reload to a clean page, so no control of the last role stays behind.
  location.reload();
}
