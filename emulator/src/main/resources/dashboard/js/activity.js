// A call's activity as the diagram draws it: the control API's items {seq, time, kind, from, to, label, status,
// latencyMs, durationMs, eventType, outcome, attempt, ...} between lifelines named "emulator", "app:<host/path>" and
// participants' raw ids; the live feed adds the items that follow.

import * as api from './api.js';

/** Everything the call did so far, in order, and how many items the emulator had to drop (its bound per call). */
export async function history(serverCallId) {
  const body = await api.get(`${api.callPath(serverCallId)}/activity`);
  return { items: body.items, dropped: body.dropped || 0 };
}

/** One item in full: a request's request and response bodies, an event's body and its delivery attempts. */
export function detail(serverCallId, item) {
  return api.get(`${api.callPath(serverCallId)}/activity/${encodeURIComponent(item.seq)}`)
    .catch((error) => ({ ...item, detailUnavailable: `${error.code}: ${error.message}` }));
}
