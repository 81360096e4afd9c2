// The dashboard: wires the views to the control API and the live feed. Views: Calls (the list, the selected call's
// sequence diagram, its phone) and World (clock, faults, identities, subscriptions, recordings).

import * as api from './api.js';
import { byId, report, say } from './dom.js';
import { Feed } from './feed.js';
import { CallList } from './calls.js';
import { SequenceDiagram } from './diagram.js';
import * as activity from './activity.js';
import { Phone } from './phone.js';
import { World } from './world.js';
import { exportJson, exportMermaid, exportSvg } from './export.js';

const feedStatus = byId('feed-status');
const callStatus = byId('call-status');
let selected = null;

const diagram = new SequenceDiagram(byId('diagram'), async (item) => {
  byId('arrow-json').textContent = 'loading…';
  const full = await activity.detail(selected, item);
  byId('arrow-json').textContent = JSON.stringify(full, null, 2);
  byId('arrow-heading').focus();
});
const phone = new Phone(byId('phone'));
const world = new World();
const calls = new CallList({
  list: byId('call-list'), idFilter: byId('filter-id'), identityFilter: byId('filter-identity'),
  stateFilter: byId('filter-state'), count: byId('call-count'), onSelect: (id) => showCall(id),
});

/** Items of the selected call the feed brought while its history was loading: drawn once it is. */
let arrivedWhileLoading = [];

async function showCall(serverCallId) {
  selected = serverCallId;
  arrivedWhileLoading = [];
  byId('call-detail').hidden = false;
  byId('call-title').textContent = `Call ${serverCallId}`;
  byId('arrow-json').textContent = 'Choose an arrow (click, or Tab to it and press Enter) to see its JSON.';
  const [view, history] = await Promise.all([
    report(callStatus, () => api.get(api.callPath(serverCallId))),
    report(callStatus, () => activity.history(serverCallId)),
  ]);
  if (selected !== serverCallId || !view || !history) {
    return;
  }
  calls.upsert(view);
  say(callStatus, history.dropped ? `The emulator kept the latest items only: ${history.dropped} earlier ones dropped.` : '');
  diagram.reset(serverCallId, history.items, peopleOf(view), appsOf(view));
  arrivedWhileLoading.forEach((item) => diagram.add(item));
  arrivedWhileLoading = null;
  phone.show(view);
}

function peopleOf(view) {
  const apps = new Set((view.connections || []).map((connection) => connection.identity));
  return (view.participants || []).map((participant) => participant.rawId).filter((rawId) => !apps.has(rawId));
}

/** Each application's own identity → its application's lifeline, named as the activity names it. */
function appsOf(view) {
  return new Map((view.connections || []).map((connection) => [connection.identity, appLifeline(connection.callbackUri)]));
}

function appLifeline(callbackUri) {
  try {
    const url = new URL(callbackUri);
    return `app:${url.host}${url.pathname}`;
  } catch (unreadable) {
    return `app:${callbackUri}`;
  }
}

/** A view of the selected call changed: its phone and lifelines follow. */
async function refreshSelected() {
  if (!selected) {
    return;
  }
  const view = await api.get(api.callPath(selected)).catch(() => null);
  if (view && view.serverCallId === selected) {
    calls.upsert(view);
    diagram.setPeople(peopleOf(view), appsOf(view));
    phone.show(view);
  }
}

let refreshTimer = null;

function refreshSoon() {
  if (!refreshTimer) {
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      refreshSelected();
    }, 150);
  }
}

const feed = new Feed({
  open: () => {
    calls.load().catch(() => {});
    if (selected) {
      showCall(selected);
    }
  },
  call: (summary) => {
    calls.upsert(summary);
    if (summary.serverCallId === selected) {
      refreshSelected();
    }
  },
  activity: (item) => {
    if (item.serverCallId !== selected) {
      return;
    }
    if (arrivedWhileLoading) {
      arrivedWhileLoading.push(item);
    } else {
      diagram.add(item);
    }
    if (item.kind === 'state' || item.kind === 'person') {
      refreshSoon(); // who is in the call, on hold, or ringing may have changed: the phone follows
    }
  },
  fault: () => {
    if (!byId('world-view').hidden) {
      world.loadFaults();
    }
  },
  clock: (clock) => world.showClock(clock),
  world: (change) => {
    if (!byId('world-view').hidden) {
      world.reload(change.changed);
    }
  },
  status: (state, detail) => {
    feedStatus.dataset.state = state;
    feedStatus.textContent = detail;
  },
});

function showView(name) {
  for (const view of ['calls', 'world']) {
    byId(`${view}-view`).hidden = view !== name;
    byId(`tab-${view}`).setAttribute('aria-current', view === name ? 'page' : 'false');
  }
  if (name === 'world') {
    world.loadAll();
  }
}

function askForToken() {
  const dialog = byId('token-dialog');
  if (!dialog.open) {
    byId('token-input').value = api.token();
    dialog.showModal();
  }
}

byId('token-form').addEventListener('submit', () => {
  api.setToken(byId('token-input').value.trim());
  feed.restart();
  calls.load().catch(() => {});
  world.loadClock();
});
api.onUnauthorized(askForToken);
byId('token-button').addEventListener('click', askForToken);
byId('tab-calls').addEventListener('click', () => showView('calls'));
byId('tab-world').addEventListener('click', () => showView('world'));
byId('export-json').addEventListener('click', () => selected && exportJson(callStatus, selected));
byId('export-svg').addEventListener('click', () => selected && exportSvg(callStatus, selected, diagram));
byId('export-mermaid').addEventListener('click', () => selected && exportMermaid(callStatus, selected));
byId('inbound-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = { from: byId('inbound-from').value.trim(), to: byId('inbound-to').value.trim() };
  const name = byId('inbound-name').value.trim();
  if (name) {
    body.callerDisplayName = name;
  }
  const placed = await report(byId('inbound-status'), () => api.post('/admin/calls:inbound', body),
    (answer) => `call ${answer.serverCallId} placed`);
  if (placed) {
    await calls.load().catch(() => {});
    calls.select(placed.serverCallId);
  }
});

document.documentElement.dataset.ready = 'true';
calls.load().catch(() => {});
world.loadClock();
feed.start();
