// Short notices at the bottom of the window, read out by screen readers.

import { html, render } from '../html.js';
import { t } from '../i18n.js';

let region;

/**
 * Shows `message`; with `action` {label, run}, a button too. Disappears after `seconds`;
 * with `seconds: null` it stays, with a button to dismiss it, until used or dismissed (so
 * an offer like "Undo" waits for whoever reaches it by keyboard or screen reader).
 */
export function toast(message, { action, kind = 'info', seconds = 8 } = {}) {
  region ??= document.getElementById('toast-region');
  const el = document.createElement('div');
  el.className = `toast toast-${kind}`;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  const stays = seconds === null;
  render(el, html`<span>${message}</span>${action ? html`<button type="button" class="button small" data-action="toast-action">${action.label}</button>` : ''}${stays ? html`<button type="button" class="button small toast-dismiss" data-action="toast-dismiss">${t('toast.dismiss')}</button>` : ''}`);
  el.querySelector('[data-action="toast-action"]')?.addEventListener('click', () => { el.remove(); action.run(); });
  el.querySelector('[data-action="toast-dismiss"]')?.addEventListener('click', () => el.remove());
  region.append(el);
  if (!stays) setTimeout(() => el.remove(), seconds * 1000);
}
