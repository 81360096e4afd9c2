// The sequence diagram of one call, drawn in SVG as its activity arrives: a lifeline for each application, the
// emulator and each participant; an arrow per item, in order. Every arrow is focusable (Tab, or Up/Down between
// arrows) and Enter, Space or a click selects it. Colours are attributes, not CSS, so the serialized SVG stands alone.

import { svg, clear } from './dom.js';

const TIME_COLUMN = 96;
const COLUMN = 200;
const HEADER = 46;
const ROW = 30;
const NOTE_ROOM = 240; // a note on the last lifeline runs on to its right
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const COLOURS = {
  request: '#1849a9',
  error: '#b42318',
  delivery: '#067647',
  retrying: '#b54708',
  dropped: '#667085',
  eventgrid: '#6941c6',
  media: '#0e7490',
  person: '#344054',
  state: '#475467',
  fault: '#c11574',
};

export class SequenceDiagram {
  /** @param container the element the SVG goes in; onSelect(item) when an arrow is chosen */
  constructor(container, onSelect) {
    this.container = container;
    this.onSelect = onSelect;
    this.items = [];
    this.people = [];
    this.aliases = new Map();
    this.selectedSeq = null;
    this.pending = false;
    this.title = '';
  }

  /**
   * A new call: its first items, the participants it has (so people with no arrow yet have a lifeline) and the
   * applications' own identities, drawn on their application's lifeline (rawId → "app:...").
   */
  reset(title, items, people, aliases) {
    this.title = title;
    this.items = [...items];
    this.selectedSeq = null;
    this.setPeople(people, aliases);
    this.draw();
  }

  setPeople(people, aliases) {
    this.people = people || [];
    this.aliases = aliases || new Map();
    this.schedule();
  }

  lifelineOf(id) {
    return this.aliases.get(id) || id || 'emulator';
  }

  /**
   * One more item, as it happens, in its place by seq (a request's item can arrive after what it caused); an item
   * already drawn (same seq) is replaced.
   */
  add(item) {
    const index = this.items.findIndex((existing) => existing.seq === item.seq);
    if (index >= 0) {
      this.items[index] = item;
    } else {
      let at = this.items.length;
      while (at > 0 && this.items[at - 1].seq > item.seq) {
        at -= 1;
      }
      this.items.splice(at, 0, item);
    }
    this.schedule();
  }

  schedule() {
    if (!this.pending) {
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        this.draw();
      });
    }
  }

  /** The drawn diagram as a standalone SVG document. */
  serialize() {
    const drawn = this.container.querySelector('svg');
    if (!drawn) {
      return '';
    }
    const copy = drawn.cloneNode(true);
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.querySelectorAll('[tabindex]').forEach((node) => {
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
  }

  lifelines() {
    const apps = [];
    const people = [];
    const seen = new Set(['emulator']);
    const add = (id) => {
      if (!id || seen.has(id)) {
        return;
      }
      seen.add(id);
      (id.startsWith('app') ? apps : people).push(id);
    };
    for (const item of this.items) {
      add(this.lifelineOf(item.from));
      add(this.lifelineOf(item.to));
    }
    this.people.forEach(add);
    return [...apps, 'emulator', ...people];
  }

  draw() {
    const focusedSeq = document.activeElement && this.container.contains(document.activeElement)
      ? document.activeElement.getAttribute('data-seq') : null;
    const lifelines = this.lifelines();
    const x = new Map(lifelines.map((id, index) => [id, TIME_COLUMN + COLUMN * index + COLUMN / 2]));
    const width = TIME_COLUMN + COLUMN * lifelines.length + NOTE_ROOM;
    const height = HEADER + ROW * (this.items.length + 1) + 10;
    const root = svg('svg', {
      width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'font-family': FONT, 'font-size': 12,
      'aria-label': `Sequence diagram of ${this.title}: ${this.items.length} arrows`,
    });
    root.append(svg('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
    root.append(svg('title', {}, `Call ${this.title}`));
    for (const id of lifelines) {
      root.append(lifeline(id, x.get(id), height));
    }
    this.items.forEach((item, index) => {
      root.append(this.arrow(item, index, x));
    });
    clear(this.container).append(root);
    if (focusedSeq !== null) {
      const again = root.querySelector(`[data-seq="${CSS.escape(focusedSeq)}"]`);
      if (again) {
        again.focus();
      }
    }
  }

  arrow(item, index, x) {
    const y = HEADER + ROW * (index + 1);
    const from = x.get(this.lifelineOf(item.from));
    const to = x.get(this.lifelineOf(item.to));
    const colour = colourOf(item);
    const dashed = item.kind === 'delivery' && item.outcome && item.outcome !== 'delivered'
      || item.kind === 'eventgrid' && item.outcome && item.outcome !== 'delivered';
    const text = labelOf(item);
    const selected = item.seq === this.selectedSeq;
    const group = svg('g', {
      class: `arrow kind-${item.kind}${selected ? ' selected' : ''}`,
      tabindex: 0, role: 'button', 'data-seq': item.seq, 'data-kind': item.kind,
      'aria-label': `${index + 1}. ${describe(item)}`, 'aria-pressed': selected ? 'true' : 'false',
    });
    group.append(svg('text', { x: 6, y: y + 4, fill: '#667085', 'font-size': 10 }, timeOf(item.time)));
    const weight = selected ? 3 : 1.5;
    if (from === to) {
      const path = `M ${from} ${y - 8} h 34 v 14 h -34`;
      group.append(svg('path', { d: path, fill: 'none', stroke: colour, 'stroke-width': weight,
        'stroke-dasharray': dashed ? '5 3' : null }));
      group.append(svg('polygon', { points: `${from},${y + 6} ${from + 7},${y + 2} ${from + 7},${y + 10}`, fill: colour }));
      group.append(svg('text', { x: from + 40, y: y + 3, fill: colour }, text));
      group.append(svg('rect', { x: from, y: y - 14, width: COLUMN - 10, height: ROW - 4, fill: 'transparent' }));
    } else {
      const direction = to > from ? 1 : -1;
      group.append(svg('line', { x1: from, y1: y, x2: to - direction * 8, y2: y, stroke: colour, 'stroke-width': weight,
        'stroke-dasharray': dashed ? '5 3' : null }));
      group.append(svg('polygon', {
        points: `${to},${y} ${to - direction * 9},${y - 5} ${to - direction * 9},${y + 5}`, fill: colour,
      }));
      group.append(svg('text', { x: (from + to) / 2, y: y - 5, 'text-anchor': 'middle', fill: colour }, text));
      group.append(svg('rect', {
        x: Math.min(from, to), y: y - 18, width: Math.abs(to - from), height: ROW - 6, fill: 'transparent',
      }));
    }
    if (item.outcome === 'dropped') {
      group.append(svg('text', { x: to - 4, y: y + 4, 'text-anchor': 'middle', fill: COLOURS.error, 'font-size': 14 }, '✕'));
    }
    const choose = () => this.select(item);
    group.addEventListener('click', choose);
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        choose();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const sibling = event.key === 'ArrowDown' ? group.nextElementSibling : group.previousElementSibling;
        if (sibling && sibling.classList.contains('arrow')) {
          sibling.focus();
        }
      }
    });
    return group;
  }

  select(item) {
    this.selectedSeq = item.seq;
    this.container.querySelectorAll('.arrow').forEach((node) => {
      const chosen = node.getAttribute('data-seq') === String(item.seq);
      node.classList.toggle('selected', chosen);
      node.setAttribute('aria-pressed', chosen ? 'true' : 'false');
    });
    this.onSelect(item);
  }
}

function lifeline(id, centre, height) {
  const group = svg('g', { class: 'lifeline', 'data-lifeline': id });
  const name = nameOf(id);
  group.append(svg('rect', {
    x: centre - COLUMN / 2 + 8, y: 6, width: COLUMN - 16, height: 28, rx: 4,
    fill: id === 'emulator' ? '#eef4ff' : id.startsWith('app') ? '#ecfdf3' : '#f9fafb', stroke: '#98a2b3',
  }));
  group.append(svg('text', { x: centre, y: 24, 'text-anchor': 'middle', fill: '#101828', 'font-weight': 600 },
    svg('title', {}, id), name));
  group.append(svg('line', { x1: centre, y1: 34, x2: centre, y2: height - 6, stroke: '#d0d5dd', 'stroke-dasharray': '4 4' }));
  return group;
}

/** A lifeline's short name: "Emulator", the app's callback path, a participant's raw id shortened in the middle. */
export function nameOf(id) {
  if (id === 'emulator') {
    return 'Emulator (ACS)';
  }
  const raw = id.startsWith('app:') ? `App ${id.slice(4).replace(/^[^/]*/, '')}` : id;
  return raw.length > 24 ? `${raw.slice(0, 9)}…${raw.slice(-12)}` : raw;
}

function colourOf(item) {
  switch (item.kind) {
    case 'request':
      return item.status >= 400 || item.status === 0 ? COLOURS.error : COLOURS.request;
    case 'delivery':
    case 'event':
      if (item.outcome === 'dropped') {
        return COLOURS.dropped;
      }
      return item.outcome === 'failed' ? COLOURS.error : item.outcome === 'retrying' ? COLOURS.retrying : COLOURS.delivery;
    default:
      return COLOURS[item.kind] || COLOURS.state;
  }
}

/** The arrow's text: what it is, its status and latency or outcome, its duration. */
export function labelOf(item) {
  const parts = [item.label || item.eventType || item.kind];
  if (item.kind === 'request' && item.status !== undefined && !String(item.label || '').includes(String(item.status))) {
    parts.push(String(item.status));
  }
  if (item.latencyMs !== undefined && item.latencyMs !== null) {
    parts.push(`${Math.round(item.latencyMs * 10) / 10} ms`);
  }
  if ((item.kind === 'delivery' || item.kind === 'eventgrid') && item.outcome && !parts[0].includes(item.outcome)) {
    parts.push(item.status ? `${item.outcome} ${item.status}` : item.outcome);
  }
  if (item.durationMs !== undefined && item.durationMs !== null) {
    parts.push(`${item.durationMs} ms long`);
  }
  const text = parts.join(' · ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function describe(item) {
  return `${item.kind} from ${nameOf(item.from || 'emulator')} to ${nameOf(item.to || 'emulator')}: ${labelOf(item)}`;
}

function timeOf(time) {
  if (!time) {
    return '';
  }
  const match = /T(\d\d:\d\d:\d\d(?:\.\d{1,3})?)/.exec(time);
  return match ? match[1] : String(time);
}
