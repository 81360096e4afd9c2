// Be the person: a phone for a simulated participant of the selected call. Every button is one control API request
// (keys, a phrase, hold, unhold, hang up, transfer, join, answer or decline a ringing invitation); what the person
// heard plays from heard.wav, fetched with the token.

import * as api from './api.js';
import { el, clear, report, say } from './dom.js';
import { participantsOf } from './calls.js';

const KEYS = [
  ['1', 'one'], ['2', 'two'], ['3', 'three'], ['4', 'four'], ['5', 'five'], ['6', 'six'],
  ['7', 'seven'], ['8', 'eight'], ['9', 'nine'], ['*', 'asterisk'], ['0', 'zero'], ['#', 'pound'],
];

export class Phone {
  constructor(root) {
    this.root = root;
    this.call = null;
    this.audioUrl = null;
    this.build();
  }

  build() {
    this.person = el('select', { id: 'phone-person', on: { change: () => this.personChanged() } });
    this.status = el('p', { id: 'phone-status', role: 'status', className: 'status' });
    const pad = el('div', { className: 'dialpad', role: 'group', 'aria-label': 'Dial pad' },
      KEYS.map(([key, tone]) => el('button', {
        type: 'button', className: 'key', 'data-tone': tone, 'aria-label': `Press ${key}`, text: key,
        on: { click: () => this.press(key, tone) },
      })));
    this.phrase = el('input', { id: 'phone-phrase', type: 'text', placeholder: 'I would like to pay my bill' });
    this.transferKind = el('select', { id: 'phone-transfer-kind' },
      el('option', { value: 'target', text: 'to a participant (raw id)' }),
      el('option', { value: 'targetCallId', text: 'to another call (server call id)' }),
      el('option', { value: 'targetVoicemail', text: 'to voicemail (Teams user raw id)' }));
    this.transferTarget = el('input', { id: 'phone-transfer-target', type: 'text' });
    this.joiner = el('input', { id: 'phone-join-raw-id', type: 'text', placeholder: '8:acs:... or 4:+1...' });
    this.audio = el('audio', { id: 'phone-audio', controls: true });
    this.invitations = el('ul', { id: 'phone-invitations', className: 'invitations' });
    clear(this.root).append(
      el('h3', { text: 'Be the person' }),
      el('label', { htmlFor: 'phone-person', text: 'Person' }), this.person,
      pad,
      el('form', { className: 'row', on: { submit: (event) => { event.preventDefault(); this.say(); } } },
        el('label', { htmlFor: 'phone-phrase', text: 'Say' }), this.phrase,
        el('button', { type: 'submit', text: 'Say it' })),
      el('div', { className: 'row', role: 'group', 'aria-label': 'Call controls' },
        el('button', { type: 'button', id: 'phone-hold', text: 'Hold', on: { click: () => this.act(':hold', 'on hold') } }),
        el('button', { type: 'button', id: 'phone-unhold', text: 'Unhold', on: { click: () => this.act(':unhold', 'back from hold') } }),
        el('button', { type: 'button', id: 'phone-hang-up', className: 'danger', text: 'Hang up', on: { click: () => this.act(':hangUp', 'hung up') } })),
      el('form', { className: 'row', on: { submit: (event) => { event.preventDefault(); this.transfer(); } } },
        el('label', { htmlFor: 'phone-transfer-kind', text: 'Transfer' }), this.transferKind,
        el('label', { htmlFor: 'phone-transfer-target', className: 'visually-hidden', text: 'Transfer target' }), this.transferTarget,
        el('button', { type: 'submit', text: 'Transfer' })),
      el('div', { className: 'row' },
        el('button', { type: 'button', id: 'phone-heard', text: 'Hear what they heard', on: { click: () => this.hear() } }),
        this.audio),
      el('form', { className: 'row', on: { submit: (event) => { event.preventDefault(); this.join(); } } },
        el('label', { htmlFor: 'phone-join-raw-id', text: 'Someone joins' }), this.joiner,
        el('button', { type: 'submit', text: 'Join' })),
      el('h4', { text: 'Ringing invitations' }), this.invitations,
      this.status);
  }

  /** The selected call's view: who can be acted as, and which invitations ring. */
  show(call) {
    this.call = call;
    const apps = new Set((call.connections || []).map((connection) => connection.identity));
    const people = participantsOf(call).filter((rawId) => !apps.has(rawId));
    const current = this.person.value;
    clear(this.person).append(...people.map((rawId) => el('option', { value: rawId, text: rawId })));
    if (people.includes(current)) {
      this.person.value = current;
    }
    this.root.querySelectorAll('button, input, select').forEach((control) => {
      control.disabled = call.state === 'ended';
    });
    this.showInvitations(call);
  }

  showInvitations(call) {
    clear(this.invitations);
    const ringing = (call.invitations || []).filter((invitation) => String(invitation.state).toLowerCase() === 'ringing');
    if (ringing.length === 0) {
      this.invitations.append(el('li', { text: 'none' }));
      return;
    }
    for (const invitation of ringing) {
      const path = `${api.callPath(call.serverCallId)}/invitations/${api.segment(invitation.invitationId)}`;
      if (invitation.manual === false) {
        this.invitations.append(el('li', { text: `${invitation.from} → ${invitation.target} (answers by its behaviour)` }));
        continue;
      }
      this.invitations.append(el('li', {},
        `${invitation.from} → ${invitation.target} `,
        el('button', { type: 'button', className: 'answer', text: 'Answer',
          on: { click: () => report(this.status, () => api.post(`${path}:answer`), `answered ${invitation.target}`) } }),
        el('button', { type: 'button', className: 'decline danger', text: 'Decline',
          on: { click: () => report(this.status, () => api.post(`${path}:decline`), `declined for ${invitation.target}`) } })));
    }
  }

  personChanged() {
    this.audio.removeAttribute('src');
    say(this.status, '');
  }

  path(suffix) {
    return `${api.personPath(this.call.serverCallId, this.person.value)}${suffix}`;
  }

  ready() {
    if (!this.call || !this.person.value) {
      say(this.status, 'Choose a call and a person first.', true);
      return false;
    }
    return true;
  }

  press(key, tone) {
    if (this.ready()) {
      report(this.status, () => api.post(this.path(':sendDtmf'), { tones: [tone] }), `pressed ${key}`);
    }
  }

  say() {
    const phrase = this.phrase.value.trim();
    if (this.ready()) {
      report(this.status, () => api.post(this.path(':say'), { phrase }), `said "${phrase}"`);
    }
  }

  act(suffix, done) {
    if (this.ready()) {
      report(this.status, () => api.post(this.path(suffix)), `${this.person.value} ${done}`);
    }
  }

  transfer() {
    if (this.ready()) {
      const body = { [this.transferKind.value]: this.transferTarget.value.trim() };
      report(this.status, () => api.post(this.path(':transfer'), body),
        (transfer) => `transfer ${transfer.id}: ${transfer.state}`);
    }
  }

  join() {
    if (this.call) {
      const rawId = this.joiner.value.trim();
      report(this.status, () => api.post(`${api.callPath(this.call.serverCallId)}/participants:join`, { rawId }),
        `${rawId} joined`);
    }
  }

  async hear() {
    if (!this.ready()) {
      return;
    }
    const wav = await report(this.status, () => api.blob(this.path('/heard.wav')), 'what they heard, as audio');
    if (wav) {
      if (this.audioUrl) {
        URL.revokeObjectURL(this.audioUrl);
      }
      this.audioUrl = URL.createObjectURL(wav);
      this.audio.src = this.audioUrl;
    }
  }
}
