// Small DOM helpers. Every value goes in with textContent or as an attribute, never as HTML.

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') {
      e.className = v;
    } else if (k === 'dataset') {
      Object.assign(e.dataset, v);
    } else {
      e.setAttribute(k, v);
    }
  }
  if (text !== undefined && text !== null) {
    e.textContent = String(text);
  }
  return e;
}

export function cell(row, text, className) {
  const td = el('td', className ? { class: className } : {}, text === null || text === undefined ? '' : text);
  row.appendChild(td);
  return td;
}

export function button(parent, label, onClick, attrs) {
  const b = el('button', Object.assign({ type: 'button' }, attrs || {}), label);
  b.addEventListener('click', onClick);
  parent.appendChild(b);
  return b;
}

/** Shows {@code message} in the banner under the header; kind is 'ok' or 'error'. */
export function show(kind, message) {
  const banner = $('banner');
  banner.className = kind;
  banner.textContent = message;
  banner.hidden = false;
}
