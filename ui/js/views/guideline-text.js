// The guideline's own words, always in English and marked as such.

import { html } from '../html.js';
import { t } from '../i18n.js';

export function blocks(list) {
  return (list ?? []).map((b) => (b.type === 'list'
    ? html`<ul class="guideline-list">${b.items.map((i) => html`<li>${i}</li>`)}</ul>`
    : html`<p>${b.text}</p>`));
}

/** The heading of the guideline panel, with "English original" in other languages. */
export function guidelineHeading(id, key) {
  return html`<h2 id="${id}">${t(key)}</h2><p class="source-note">${t('guideline.source_note')}</p>`;
}

/** Our advice ({summary, steps, evidence} in the UI language), labelled as ours. */
export function advicePanel(advice, headingId) {
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
