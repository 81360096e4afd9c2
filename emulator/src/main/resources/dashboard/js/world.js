// Set up the world: the clock, fault rules (and the faults they fired), identities and their behaviours, Event Grid
// subscriptions and the recording files held. Each form is one control API request; nothing here the API cannot do.

import * as api from './api.js';
import { el, byId, clear, report, download } from './dom.js';

const FAULT_EXAMPLES = {
  'REST operation answers 503': { count: 1, match: { operation: 'CreateCall' },
    fault: { type: 'httpError', status: 503, code: 'ServiceUnavailable', retryAfterSeconds: 2 } },
  'a callback event is dropped': { count: 1, match: { eventType: 'CallConnected' }, fault: { type: 'dropEvent' } },
  'callback POST fails (then retried)': { count: 1, match: { eventType: 'ParticipantsUpdated' },
    fault: { type: 'failDelivery', status: 500 } },
  'recognize fails when it starts': { count: 1, match: { operation: 'CallMedia_Recognize' },
    fault: { type: 'failOutcome' } },
};

const BEHAVIOURS = ['answer', 'noAnswer', 'busy', 'decline', 'unreachable', 'manual'];

export class World {
  constructor() {
    this.clockMode = byId('clock-mode');
    this.clockNow = byId('clock-now');
    this.clockStatus = byId('clock-status');
    this.advanceForm = byId('clock-advance');
    this.faultStatus = byId('fault-status');
    this.identityStatus = byId('identity-status');
    this.subscriptionStatus = byId('subscription-status');
    this.recordingStatus = byId('recording-status');
    this.wire();
  }

  wire() {
    this.advanceForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const by = byId('clock-by').value.trim();
      report(this.clockStatus, () => api.post('/admin/clock:advance', { by }), (body) => `advanced to ${body.now}`)
        .then(() => this.loadClock());
    });
    const examples = byId('fault-example');
    clear(examples).append(el('option', { value: '', text: 'choose an example…' }),
      ...Object.keys(FAULT_EXAMPLES).map((name) => el('option', { value: name, text: name })));
    examples.addEventListener('change', () => {
      if (examples.value) {
        byId('fault-json').value = JSON.stringify(FAULT_EXAMPLES[examples.value], null, 2);
      }
    });
    byId('fault-add').addEventListener('submit', (event) => {
      event.preventDefault();
      const rule = parse(byId('fault-json').value, this.faultStatus);
      if (rule) {
        report(this.faultStatus, () => api.post('/admin/faults', rule), (added) => `rule ${added.id} added`)
          .then(() => this.loadFaults());
      }
    });
    byId('fault-clear').addEventListener('click', () => report(this.faultStatus, () => api.remove('/admin/faults'),
      'every rule removed').then(() => this.loadFaults()));
    const response = byId('identity-response');
    clear(response).append(...BEHAVIOURS.map((name) => el('option', { value: name, text: name })));
    byId('identity-set').addEventListener('submit', (event) => {
      event.preventDefault();
      const rawId = byId('identity-raw-id').value.trim();
      const extra = byId('identity-extra').value.trim();
      const behaviour = extra ? parse(extra, this.identityStatus) : {};
      if (behaviour) {
        report(this.identityStatus, () => api.put(`/admin/identities/${api.segment(rawId)}`,
          { response: response.value, ...behaviour }), `${rawId} set to ${response.value}`).then(() => this.loadIdentities());
      }
    });
    byId('subscription-add').addEventListener('submit', (event) => {
      event.preventDefault();
      const body = {
        name: byId('subscription-name').value.trim(),
        endpoint: byId('subscription-endpoint').value.trim(),
        toRawIdPrefixes: list(byId('subscription-prefixes').value),
        includedEventTypes: list(byId('subscription-types').value),
      };
      report(this.subscriptionStatus, () => api.post('/admin/eventgrid/subscriptions', body),
        (made) => `${made.name} subscribed (${made.validated ? 'validated' : 'not validated'})`)
        .then(() => this.loadSubscriptions());
    });
  }

  async loadAll() {
    await Promise.all([this.loadClock(), this.loadFaults(), this.loadIdentities(), this.loadSubscriptions(),
      this.loadRecordings()]);
  }

  /** What the feed says changed: identities, subscriptions, faults, or everything (reset). */
  reload(changed) {
    const loaders = { identities: () => this.loadIdentities(), subscriptions: () => this.loadSubscriptions(),
      faults: () => this.loadFaults() };
    return (loaders[changed] || (() => this.loadAll()))();
  }

  async loadClock() {
    const clock = await report(this.clockStatus, () => api.get('/admin/clock'));
    if (clock) {
      this.showClock(clock);
    }
  }

  /** The clock's mode and time; advancing is offered only where time is virtual or manual. */
  showClock(clock) {
    if (clock.mode) {
      this.clockMode.textContent = clock.mode;
      this.advanceForm.hidden = clock.mode === 'real';
    }
    if (clock.now) {
      this.clockNow.textContent = clock.now;
    }
  }

  async loadFaults() {
    const faults = await report(this.faultStatus, () => api.get('/admin/faults'));
    if (!faults) {
      return;
    }
    clear(byId('fault-rules')).append(...(faults.rules.length ? faults.rules.map((rule) => el('li', {},
      el('code', { text: JSON.stringify(rule) }), ' ',
      el('button', { type: 'button', className: 'danger', text: 'Remove', 'aria-label': `Remove rule ${rule.id}`,
        on: { click: () => report(this.faultStatus, () => api.remove(`/admin/faults/${api.segment(rule.id)}`),
          `rule ${rule.id} removed`).then(() => this.loadFaults()) } })))
      : [el('li', { text: 'no rules' })]));
    clear(byId('fault-applied')).append(...(faults.applied.length ? faults.applied.map((fired) => el('li', {
      className: 'fired', text: `${fired.time} ${fired.fault} (rule ${fired.ruleId})`
        + `${fired.operation ? ` on ${fired.operation}` : ''}${fired.eventType ? ` on ${fired.eventType}` : ''}`
        + `${fired.serverCallId ? ` in call ${fired.serverCallId}` : ''}`,
    })) : [el('li', { text: 'none fired yet' })]));
  }

  async loadIdentities() {
    const body = await report(this.identityStatus, () => api.get('/admin/identities'));
    if (!body) {
      return;
    }
    clear(byId('identity-list')).append(...(body.identities.length ? body.identities.map((identity) => el('li', {},
      el('code', { text: identity.rawId }), ` ${identity.behaviour.response} `,
      el('button', { type: 'button', className: 'danger', text: 'Remove', 'aria-label': `Remove the behaviour of ${identity.rawId}`,
        on: { click: () => report(this.identityStatus, () => api.remove(`/admin/identities/${api.segment(identity.rawId)}`),
          `${identity.rawId} back to the default`).then(() => this.loadIdentities()) } })))
      : [el('li', { text: 'every identity answers by default' })]));
    byId('owned-numbers').textContent = (body.ownedPhoneNumbers || []).join(', ') || 'none';
  }

  async loadSubscriptions() {
    const body = await report(this.subscriptionStatus, () => api.get('/admin/eventgrid/subscriptions'));
    if (!body) {
      return;
    }
    clear(byId('subscription-list')).append(...(body.subscriptions.length ? body.subscriptions.map((subscription) => el('li', {},
      el('code', { text: `${subscription.name} → ${subscription.endpoint}` }), ' ',
      el('button', { type: 'button', className: 'danger', text: 'Remove', 'aria-label': `Remove subscription ${subscription.name}`,
        on: { click: () => report(this.subscriptionStatus, () => api.remove(`/admin/eventgrid/subscriptions/${api.segment(subscription.name)}`),
          `${subscription.name} removed`).then(() => this.loadSubscriptions()) } })))
      : [el('li', { text: 'no subscriptions' })]));
  }

  async loadRecordings() {
    const body = await report(this.recordingStatus, () => api.get('/admin/recordings'));
    if (!body) {
      return;
    }
    clear(byId('recording-list')).append(...(body.recordings.length ? body.recordings.map((recording) => el('li', {},
      `${recording.startTime} · ${recording.durationMs} ms · ${recording.format} · call ${recording.serverCallId} `,
      el('button', { type: 'button', text: 'Download', 'aria-label': `Download recording ${recording.documentId}`,
        on: { click: () => this.downloadRecording(recording) } })))
      : [el('li', { text: 'no recording files' })]));
  }

  async downloadRecording(recording) {
    const audio = await report(this.recordingStatus,
      () => api.blob(`/admin/recordings/${api.segment(recording.documentId)}/content`), 'downloaded');
    if (audio) {
      download(`${recording.documentId}.${recording.format}`, audio);
    }
  }
}

function parse(text, status) {
  try {
    return JSON.parse(text);
  } catch (error) {
    status.textContent = `Not JSON: ${error.message}`;
    status.classList.add('error');
    return null;
  }
}

function list(text) {
  return text.split(',').map((value) => value.trim()).filter((value) => value);
}
