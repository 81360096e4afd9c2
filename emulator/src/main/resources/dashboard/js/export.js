// A call for a bug report: its whole record as JSON (the control API's export), the drawn diagram as SVG, and the
// diagram as Mermaid text (the control API's rendering).

import * as api from './api.js';
import { download, report } from './dom.js';

export function exportJson(status, serverCallId) {
  return report(status, async () => {
    const body = await api.get(`${api.callPath(serverCallId)}/export`);
    download(`call-${serverCallId}.json`, JSON.stringify(body, null, 2), 'application/json');
  }, 'call exported as JSON');
}

export function exportSvg(status, serverCallId, diagram) {
  return report(status, async () => {
    download(`call-${serverCallId}.svg`, diagram.serialize(), 'image/svg+xml');
  }, 'diagram exported as SVG');
}

export function exportMermaid(status, serverCallId) {
  return report(status, async () => {
    const text = await api.get(`${api.callPath(serverCallId)}/diagram.mmd`);
    download(`call-${serverCallId}.mmd`, typeof text === 'string' ? text : JSON.stringify(text), 'text/plain');
  }, 'diagram exported as Mermaid');
}
