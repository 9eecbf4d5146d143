// Modal dialogs on the native <dialog> element: focus is trapped and Escape cancels.

import { html, render } from '../html.js';
import { t } from '../i18n.js';

function open(content, { onOpen } = {}) {
  const dialog = document.createElement('dialog');
  dialog.className = 'modal';
  render(dialog, content);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => { resolve(dialog.returnValue); dialog.remove(); });
    dialog.addEventListener('click', (e) => {
      const button = e.target.closest('button[value]');
      if (button) { e.preventDefault(); dialog.close(button.value); }
    });
    dialog.showModal();
    onOpen?.(dialog);
  });
}

/** Asks a yes/no question; resolves true for yes. */
export async function confirm(title, body, { confirmLabel, danger = false } = {}) {
  const value = await open(html`
    <h2 class="modal-title">${title}</h2>
    <p>${body}</p>
    <div class="modal-actions">
      <button type="button" value="cancel" class="button">${t('common.cancel')}</button>
      <button type="button" value="ok" class="button ${danger ? 'danger' : 'primary'}">${confirmLabel ?? t('common.ok')}</button>
    </div>`);
  return value === 'ok';
}

/** Asks for a line of text; resolves the text, or null when cancelled. */
export async function prompt(title, label, initial = '') {
  let input;
  const value = await open(html`
    <form method="dialog" class="modal-form">
      <h2 class="modal-title">${title}</h2>
      <label class="field"><span class="field-label">${label}</span>
        <input type="text" name="value" value="${initial}" required maxlength="100"></label>
      <div class="modal-actions">
        <button type="button" value="cancel" class="button">${t('common.cancel')}</button>
        <button type="submit" value="ok" class="button primary">${t('common.save')}</button>
      </div>
    </form>`, {
    onOpen: (d) => {
      input = d.querySelector('input');
      input.select();
      d.querySelector('form').addEventListener('submit', (e) => { e.preventDefault(); if (input.value.trim()) d.close('ok'); });
    },
  });
  return value === 'ok' ? input.value.trim() : null;
}

/** Shows a message with an OK button; `details` (the technical message) folded away unless `showDetails`. */
export async function alertBox(title, body, details, { showDetails = false } = {}) {
  await open(html`
    <h2 class="modal-title">${title}</h2>
    <p>${body}</p>
    ${details && showDetails ? html`<p class="error-reason"><strong>${t('error.reason')}</strong> <span class="technical" lang="en">${details}</span></p>` : ''}
    ${details && !showDetails ? html`<details class="error-details"><summary>${t('error.details')}</summary><p class="technical">${details}</p></details>` : ''}
    <div class="modal-actions"><button type="button" value="ok" class="button primary">${t('common.ok')}</button></div>`);
}

/** The bare dialog for components with their own buttons: resolves the pressed button's value. */
export { open as openDialog };
