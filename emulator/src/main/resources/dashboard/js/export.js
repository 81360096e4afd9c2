// A call for a bug report: its whole record as JSON (the control API's export), the drawn diagram as SVG, and the
// diagram as Mermaid text (the control API's rendering).

import * as api from './api.js';
import { download, report } from './dom.js';

/** A file name from a server call id: its last characters (its first are the same for every call), made safe. */
export function fileName(serverCallId, extension) {
  return `call-${serverCallId.replace(/[^A-Za-z0-9_-]/g, '_').slice(-48)}.${extension}`;
}

export function exportJson(status, serverCallId) {
  return report(status, async () => {
    const body = await api.get(`${api.callPath(serverCallId)}/export`);
    download(fileName(serverCallId, 'json'), JSON.stringify(body, null, 2), 'application/json');
  }, 'call exported as JSON');
}

export function exportSvg(status, serverCallId, diagram) {
  return report(status, async () => {
    download(fileName(serverCallId, 'svg'), diagram.serialize(), 'image/svg+xml');
  }, 'diagram exported as SVG');
}

export function exportMermaid(status, serverCallId) {
  return report(status, async () => {
    const text = await api.get(`${api.callPath(serverCallId)}/diagram.mmd`);
    download(fileName(serverCallId, 'mmd'), typeof text === 'string' ? text : JSON.stringify(text), 'text/plain');
  }, 'diagram exported as Mermaid');
}
