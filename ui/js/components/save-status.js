// The quiet "Saved" indicator in the header; on a failure it says what to do and offers
// to try again.

import { onSaveStatus, flushAll } from '../autosave.js';
import { describe } from '../errors.js';
import { html, render } from '../html.js';
import { t, onLanguageChange } from '../i18n.js';

class SaveStatus extends HTMLElement {
  connectedCallback() {
    // Subscribing reports the current status at once: a header drawn anew after a failed
    // save must not say "Saved". Only a failure is announced (saving at every pause in
    // typing would be read out again and again).
    this.unsubscribe = [
      onSaveStatus((status, error) => {
        if (status === this.status && error === this.error) return;
        this.status = status;
        this.error = error;
        this.update();
      }),
      onLanguageChange(() => this.update()),
    ];
    this.addEventListener('click', (e) => { if (e.target.closest('button')) flushAll(); });
  }

  disconnectedCallback() { this.unsubscribe.forEach((u) => u()); }

  update() {
    this.dataset.status = this.status;
    if (this.status === 'error') {
      const d = describe(this.error);
      render(this, html`<span class="save-error" role="alert"><strong>${t('save.failed')}</strong> ${d.title} ${d.advice}</span>
        <button type="button" class="button small">${t('save.retry')}</button>`);
    } else {
      render(this, html`<span>${t(this.status === 'saving' ? 'save.saving' : 'save.saved')}</span>`);
    }
  }
}

customElements.define('save-status', SaveStatus);
