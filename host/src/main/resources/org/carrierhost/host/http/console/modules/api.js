// The session and the JSON API: the token lives only in this tab's sessionStorage and goes only in the
// Authorization header.
import { show } from './dom.js';

const TOKEN_KEY = 'carrier-host-token';

export const session = {
  token: sessionStorage.getItem(TOKEN_KEY) || '',
  me: null,
};

let unauthorized = () => {};

/** What to do when the host refuses the token of a signed-in session (it was changed or removed). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

export function keepToken(token) {
  session.token = token;
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
  session.token = '';
  session.me = null;
  sessionStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(body, status) {
    const e = (body && body.error) || {};
    super(e.message || ('HTTP ' + status));
    this.status = status;
    this.code = e.error;
    this.cause = e.cause;
    this.carrier = e.carrier;
  }
}

export async function api(method, path, body, contentType) {
  const headers = { Authorization: 'Bearer ' + session.token };
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/json';
  }
  const response = await fetch(path, {
    method, headers, credentials: 'omit',
    body: body === undefined ? undefined : (contentType ? body : JSON.stringify(body)),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(json, response.status);
  }
  return json;
}

export function canChange() {
  return session.me !== null && session.me.role !== 'viewer';
}

/** Whether the signed-in token is the admin token, which alone may run a self-test. */
export function isAdmin() {
  return session.me !== null && session.me.role === 'admin';
}

export function describe(error) {
  const who = error.carrier ? error.carrier + ': ' : '';
  return who + error.message + (error.code ? ' [' + error.code + ']' : '') + (error.cause ? ' (' + error.cause + ')' : '');
}

export function fail(error) {
  show('error', describe(error));
  if (error.status === 401 && session.me !== null) {
    unauthorized();
  }
}
