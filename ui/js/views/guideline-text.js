// The guideline's own words, always in English and marked as such.

import { html } from '../html.js';
import { t } from '../i18n.js';

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

/** Our advice ({summary, steps, evidence} in the UI language), labelled as ours. */
function advicePanel(advice, headingId) {
  if (!advice) return '';
  return html`<section class="advice" aria-labelledby="${headingId}">
    <h2 id="${headingId}">${t('advice.title')}</h2>
    <p class="advice-note">${t('advice.note')}</p>
    <p class="advice-summary">${advice.summary}</p>
    <h3>${t('advice.steps')}</h3>
    <ul>${advice.steps.map((s) => html`<li>${s}</li>`)}</ul>
    <h3>${t('advice.evidence')}</h3>
    <ul class="evidence-examples">${advice.evidence.map((s) => html`<li>${s}</li>`)}</ul>
  </section>`;
}
