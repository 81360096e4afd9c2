// The live feed: the control API's Server-Sent Events at /admin/feed, read with fetch() so the request can carry the
// Authorization header (EventSource cannot). Each SSE event name (call, activity, fault, clock, world) goes to the
// handler of that name; "open" fires on every (re)connection so views can reload what they missed.

import * as api from './api.js';

const FEED_PATH = '/admin/feed';

export class Feed {
  /**
   * @param handlers {open, call, activity, fault, clock, world, status(state, detail)}
   */
  constructor(handlers) {
    this.handlers = handlers;
    this.stopped = false;
    this.controller = null;
    this.wake = null;
  }

  start() {
    this.run();
  }

  stop() {
    this.stopped = true;
    if (this.controller) {
      this.controller.abort();
    }
  }

  /** Reconnects at once, e.g. after a token change. */
  restart() {
    this.backoff = 0;
    if (this.controller) {
      this.controller.abort();
    }
    if (this.wake) {
      this.wake();
    }
  }

  /** Waits before reconnecting; restart() cuts the wait short. */
  pause(ms) {
    return new Promise((resolve) => {
      this.wake = resolve;
      setTimeout(resolve, ms);
    });
  }

  async run() {
    this.backoff = 500;
    while (!this.stopped) {
      this.controller = new AbortController();
      try {
        this.status('connecting', 'connecting to the live feed');
        const response = await api.open(FEED_PATH, this.controller.signal);
        this.status('live', 'live');
        this.backoff = 500;
        this.handle('open', {});
        await this.read(response.body);
        this.status('reconnecting', 'the feed ended; reconnecting');
      } catch (error) {
        if (error.status === 401) {
          this.status('locked', 'the control API needs the admin token');
        } else if (error.name !== 'AbortError') {
          this.status('reconnecting', `feed interrupted (${error.message}); reconnecting`);
        }
      }
      await this.pause(this.backoff);
      this.backoff = Math.min(Math.max(this.backoff * 2, 500), 8000);
    }
  }

  async read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value.replace(/\r\n?/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        this.dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  }

  /** One SSE block: "event:" names it, "data:" lines carry JSON, lines starting ':' are comments (heartbeats). */
  dispatch(block) {
    let event = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) {
        value = value.slice(1);
      }
      if (field === 'event') {
        event = value;
      } else if (field === 'data') {
        data.push(value);
      }
    }
    if (data.length === 0) {
      return;
    }
    let payload;
    try {
      payload = JSON.parse(data.join('\n'));
    } catch (notJson) {
      return;
    }
    this.handle(event, payload);
  }

  handle(event, payload) {
    const handler = this.handlers[event];
    if (handler) {
      handler(payload);
    }
  }

  status(state, detail) {
    if (this.handlers.status) {
      this.handlers.status(state, detail);
    }
  }
}
