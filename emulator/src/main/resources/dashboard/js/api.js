// The control API client: every byte of data the dashboard shows comes through here, with the admin token (when the
// emulator has one) as "Authorization: Bearer", kept in this tab's sessionStorage only.

const TOKEN_KEY = 'acs-emulator.adminToken';

/** A control API error, in its wire format {"error":{"code","message"}}. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let unauthorized = () => {};

/** Called when the control API refuses the token (401), e.g. to ask for it again. */
export function onUnauthorized(listener) {
  unauthorized = listener;
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** A raw id as one path segment: 8:acs:... and 4:+1... are percent-encoded. */
export function segment(rawId) {
  return encodeURIComponent(rawId);
}

export function callPath(serverCallId) {
  return `/admin/calls/${segment(serverCallId)}`;
}

export function personPath(serverCallId, rawId) {
  return `${callPath(serverCallId)}/participants/${segment(rawId)}`;
}

function headers(extra) {
  const all = { ...extra };
  const current = token();
  if (current) {
    all.Authorization = `Bearer ${current}`;
  }
  return all;
}

async function failure(response) {
  let code = `Http${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  try {
    const body = await response.json();
    if (body && body.error) {
      code = body.error.code;
      message = body.error.message;
    }
  } catch (notJson) {
    // The status line says enough.
  }
  if (response.status === 401) {
    unauthorized();
  }
  return new ApiError(response.status, code, message);
}

/** One control API call; resolves to the parsed JSON (or text), null for 204, rejects with an ApiError. */
export async function request(method, path, body) {
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    throw await failure(response);
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body === undefined ? {} : body);
export const put = (path, body) => request('PUT', path, body);
export const remove = (path) => request('DELETE', path);

/** A binary answer (audio, a recording) as a Blob, fetched with the token. */
export async function blob(path) {
  const response = await fetch(path, { headers: headers({}) });
  if (!response.ok) {
    throw await failure(response);
  }
  return response.blob();
}

/** The raw response of a long-lived request (the Server-Sent Events feed), with the token. */
export async function open(path, signal) {
  const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), signal, cache: 'no-store' });
  if (!response.ok) {
    throw await failure(response);
  }
  return response;
}
