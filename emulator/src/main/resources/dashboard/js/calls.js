// The list of live and recently ended calls, filtered by id, identity and state. It is fed by the live feed's "call"
// events (or a reload of /admin/calls) and says which call is selected.

import * as api from './api.js';
import { el, clear } from './dom.js';

export class CallList {
  constructor({ list, idFilter, identityFilter, stateFilter, count, onSelect }) {
    this.list = list;
    this.idFilter = idFilter;
    this.identityFilter = identityFilter;
    this.stateFilter = stateFilter;
    this.count = count;
    this.onSelect = onSelect;
    this.calls = new Map();
    this.selected = null;
    for (const input of [idFilter, identityFilter, stateFilter]) {
      input.addEventListener('input', () => this.render());
    }
  }

  /** Every call the emulator holds, from the control API. */
  async load() {
    const body = await api.get('/admin/calls');
    const seen = new Set();
    for (const call of body.calls) {
      seen.add(call.serverCallId);
      this.upsert(call);
    }
    for (const id of [...this.calls.keys()]) {
      if (!seen.has(id)) {
        this.calls.delete(id);
      }
    }
    this.render();
  }

  /** A call's view or the feed's summary of it; a summary without participants is completed from the API. */
  upsert(call) {
    const known = this.calls.get(call.serverCallId) || {};
    const incoming = { ...call };
    let stale = false;
    if (!Array.isArray(incoming.participants)) {
      // The feed's summary counts participants and names connections without identities: keep the view's lists.
      incoming.participantCount = incoming.participants;
      delete incoming.participants;
      stale = !Array.isArray(known.participants) || known.participants.length !== incoming.participantCount
        || known.state !== incoming.state;
      if (Array.isArray(known.connections)) {
        delete incoming.connections;
      }
    }
    const merged = { ...known, ...incoming };
    this.calls.set(call.serverCallId, merged);
    if (stale && !known.fetching) {
      merged.fetching = true;
      api.get(api.callPath(call.serverCallId)).then((view) => {
        this.calls.set(call.serverCallId, { ...this.calls.get(call.serverCallId), ...view, fetching: false });
        this.render();
      }, () => {
        merged.fetching = false;
      });
    }
    this.render();
    return merged;
  }

  get(serverCallId) {
    return this.calls.get(serverCallId);
  }

  select(serverCallId) {
    this.selected = serverCallId;
    this.render();
    this.onSelect(serverCallId);
  }

  matches(call) {
    const id = this.idFilter.value.trim().toLowerCase();
    const identity = this.identityFilter.value.trim().toLowerCase();
    const state = this.stateFilter.value;
    const ids = [call.serverCallId, call.correlationId,
      ...(call.connections || []).map((connection) => connection.callConnectionId)];
    const identities = [...participantsOf(call), ...(call.connections || []).map((connection) => connection.identity)];
    return (!id || ids.some((value) => value && value.toLowerCase().includes(id)))
      && (!identity || identities.some((value) => value && value.toLowerCase().includes(identity)))
      && (!state || stateOf(call) === state);
  }

  render() {
    const calls = [...this.calls.values()].filter((call) => this.matches(call));
    calls.sort((a, b) => (stateOf(a) === stateOf(b) ? 0 : stateOf(a) === 'active' ? -1 : 1));
    clear(this.list);
    for (const call of calls) {
      const selected = call.serverCallId === this.selected;
      const people = participantsOf(call);
      this.list.append(el('li', {},
        el('button', {
          type: 'button', className: `call${selected ? ' selected' : ''}`, 'aria-pressed': selected ? 'true' : 'false',
          'data-call': call.serverCallId, on: { click: () => this.select(call.serverCallId) },
        },
        el('span', { className: `state state-${stateOf(call)}`, text: stateOf(call) }),
        el('span', { className: 'call-id', text: call.serverCallId }),
        el('span', { className: 'call-people', text: people.length ? people.join(', ') : `${call.participantCount ?? 0} participants` }))));
    }
    this.count.textContent = `${calls.length} of ${this.calls.size} calls`;
  }
}

export function stateOf(call) {
  return call.ended || call.state === 'ended' ? 'ended' : 'active';
}

export function participantsOf(call) {
  return Array.isArray(call.participants)
    ? call.participants.map((participant) => (typeof participant === 'string' ? participant : participant.rawId))
    : [];
}
