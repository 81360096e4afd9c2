// Small DOM helpers: elements built from data, never from HTML strings (nothing the emulator sends becomes markup).

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAll(node, attributes);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function setAll(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        node.addEventListener(event, handler);
      }
    } else if (name === 'text') {
      node.textContent = value;
    } else if (name in node && typeof node[name] !== 'function' && !name.startsWith('aria') && name !== 'role') {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function byId(id) {
  return document.getElementById(id);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Shows an outcome in a status line the screen reader announces (role="status"). */
export function say(node, message, isError = false) {
  node.textContent = message;
  node.classList.toggle('error', isError);
}

/** Runs an action, reporting its success or its control API error in a status line. */
export async function report(statusNode, action, successMessage) {
  try {
    const result = await action();
    if (successMessage) {
      say(statusNode, typeof successMessage === 'function' ? successMessage(result) : successMessage);
    } else if (statusNode.classList.contains('error')) {
      say(statusNode, ''); // an earlier failure no longer holds
    }
    return result;
  } catch (error) {
    say(statusNode, error.code ? `${error.code}: ${error.message}` : String(error.message || error), true);
    return undefined;
  }
}

/** Offers text or a Blob as a file download. */
export function download(name, content, type) {
  const data = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(data);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
