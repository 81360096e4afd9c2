// A call's activity as the diagram draws it: items {seq, time, kind, from, to, label, status, latencyMs, durationMs,
// eventType, outcome, attempt, ...} between lifelines named "emulator", "app:<host/path>" and participants' raw ids.
// The control API's /activity gives them directly; an emulator without it is read from the call's journal and
// delivery attempts, which lack the REST requests.

import * as api from './api.js';

const NO_OPERATION = 'No control API operation';

/** Everything the call did so far, oldest first, and whether it came from the activity API or the journal. */
export async function history(serverCallId) {
  const base = api.callPath(serverCallId);
  try {
    const body = await api.get(`${base}/activity`);
    return { items: itemsOf(body), complete: true };
  } catch (error) {
    if (!(error.status === 404 && String(error.message).startsWith(NO_OPERATION))) {
      throw error;
    }
  }
  const [call, deliveries] = await Promise.all([api.get(base), api.get(`${base}/deliveries`)]);
  return { items: fromJournal(call, deliveries.attempts || []), complete: false };
}

/** The full JSON of one item: the activity API's detail when it has one, else the item itself. */
export async function detail(serverCallId, item) {
  if (item.journal) {
    return item.journal;
  }
  try {
    return await api.get(`${api.callPath(serverCallId)}/activity/${encodeURIComponent(item.seq)}`);
  } catch (error) {
    return { ...item, detailUnavailable: `${error.code}: ${error.message}` };
  }
}

function itemsOf(body) {
  if (Array.isArray(body)) {
    return body;
  }
  return body.items || body.activity || [];
}

/** The lifeline of an application: its callback URL's host and path. */
export function appLifeline(url) {
  try {
    const parsed = new URL(url);
    return `app:${parsed.host}${parsed.pathname}`;
  } catch (notUrl) {
    return `app:${url}`;
  }
}

function fromJournal(call, attempts) {
  const apps = new Map();
  for (const connection of call.connections || []) {
    apps.set(connection.callConnectionId, appLifeline(connection.callbackUri));
  }
  const appOf = (connectionId) => apps.get(connectionId) || 'emulator';
  const callbackUrls = new Set((call.connections || []).map((connection) => connection.callbackUri));
  const items = [];
  for (const entry of call.journal || []) {
    const item = journalItem(entry, appOf);
    if (item) {
      items.push({ ...item, time: entry.time, journal: entry });
    }
  }
  for (const attempt of attempts) {
    const toApp = callbackUrls.has(attempt.url) || !attempt.eventType.startsWith('Microsoft.');
    items.push({
      time: attempt.time,
      kind: toApp ? 'delivery' : 'eventgrid',
      from: 'emulator',
      to: appLifeline(attempt.url),
      label: `${attempt.eventType.replace('Microsoft.Communication.', '')}${attempt.attempt > 1 ? ` #${attempt.attempt}` : ''}`,
      eventType: attempt.eventType,
      eventId: attempt.eventId,
      attempt: attempt.attempt,
      status: attempt.status,
      outcome: attempt.outcome,
      journal: attempt,
    });
  }
  items.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return items.map((item, index) => ({ ...item, seq: index + 1 }));
}

function journalItem(entry, appOf) {
  switch (entry.kind) {
    case 'event':
      return null; // drawn from the delivery attempts, which say what became of it
    case 'roster':
      return { kind: 'person', from: entry.subject, to: 'emulator', label: entry.detail };
    case 'person':
      return { kind: 'person', from: entry.subject, to: 'emulator', label: entry.detail };
    case 'input':
      return {
        kind: 'person', from: entry.subject, to: 'emulator',
        label: entry.input && entry.input.tones ? `keys ${entry.input.tones.join(' ')}` : `says "${(entry.input || {}).speech}"`,
      };
    case 'invitation':
      return { kind: 'state', from: 'emulator', to: 'emulator', label: `invitation ${entry.subject}: ${entry.detail}` };
    case 'media':
      return { kind: 'media', from: 'emulator', to: 'emulator', label: entry.detail, connectionId: entry.subject };
    case 'fault':
      return { kind: 'fault', from: 'emulator', to: 'emulator', label: `fault: ${entry.detail}` };
    case 'connection':
    case 'transition':
      return { kind: 'state', from: appOf(entry.subject), to: appOf(entry.subject), label: entry.detail };
    default:
      return { kind: 'state', from: 'emulator', to: 'emulator', label: `${entry.kind}: ${entry.detail}` };
  }
}
