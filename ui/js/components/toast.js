// Short notices at the bottom of the window, read out by screen readers.

import { html, render } from '../html.js';

let region;

/** Shows `message`; with `action` {label, run}, a button too. Disappears after a while. */
export function toast(message, { action, kind = 'info', seconds = 8 } = {}) {
  region ??= document.getElementById('toast-region');
  const el = document.createElement('div');
  el.className = `toast toast-${kind}`;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  render(el, html`<span>${message}</span>${action ? html`<button type="button" class="button small">${action.label}</button>` : ''}`);
  el.querySelector('button')?.addEventListener('click', () => { el.remove(); action.run(); });
  region.append(el);
  setTimeout(() => el.remove(), seconds * 1000);
}
