// The guideline's own words, always in English and marked as such.

import { html } from '../html.js';
import { t } from '../i18n.js';
import { advicePanel } from './advice-panel.js';

export function blocks(list) {
  return (list ?? []).map((b) => (b.type === 'list'
    ? html`<ul class="guideline-list">${b.items.map((i) => html`<li>${i}</li>`)}</ul>`
    : html`<p>${b.text}</p>`));
}

/**
 * The reading side of a step: the guideline's own words (`quoted`, marked as English), our
 * remarks about them in the UI language (`notes`), and our advice beneath.
 */
export function guidelinePanel(quoted, notes, advice) {
  return html`<div class="step-read">
    <section class="guideline" aria-labelledby="gl-heading">
      <h2 id="gl-heading">${t('guideline.title')}</h2>
      <p class="source-note">${t('guideline.source_note')}</p>
      <div lang="en">${quoted}</div>
      ${notes}
    </section>
    ${advicePanel(advice, 'advice-heading')}
  </div>`;
}
