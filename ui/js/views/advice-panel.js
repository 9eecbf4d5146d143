// Our advice on an item or policy, labelled as ours, with the legal notes behind it in small print.

import { html } from '../html.js';
import { t, pick } from '../i18n.js';
import { state } from '../state.js';
import { inJapan, thresholdSentence, asOfText } from '../advice-law.js';

/**
 * Our advice entry ({en, ja, law}) in the UI language. Headcount sentences come from the open
 * assessment's company profile; for a company outside Japan the notes are shown as examples only.
 */
export function advicePanel(entry, headingId) {
  const advice = pick(entry);
  if (!advice) return '';
  return html`<section class="advice" aria-labelledby="${headingId}">
    <h2 id="${headingId}">${t('advice.title')}</h2>
    <p class="advice-note">${t('advice.note')}</p>
    <p class="advice-summary">${advice.summary}</p>
    <h3>${t('advice.steps')}</h3>
    <ul>${advice.steps.map((s) => html`<li>${s}</li>`)}</ul>
    <h3>${t('advice.evidence')}</h3>
    <ul class="evidence-examples">${advice.evidence.map((s) => html`<li>${s}</li>`)}</ul>
    ${lawNotes(entry.law ?? [], state.record?.company ?? null)}
  </section>`;
}

function lawNotes(notes, profile) {
  if (!notes.length) return '';
  const country = String(profile?.country ?? '').trim();
  const japan = inJapan(country);
  return html`<section class="advice-law" aria-label="${t('advice.law.title')}">
    <h3>${t('advice.law.title')}</h3>
    <p class="law-note">${japan ? t('advice.law.note') : html`<strong>${t('advice.law.abroad', { country })}</strong>`}</p>
    <ul class="law-list">${notes.map((law) => {
    const sentence = japan ? thresholdSentence(law, profile, t) : null;
    return html`<li class="law">
      <p class="law-text">${pick(law.text)}</p>
      ${sentence ? html`<p class="law-threshold">${sentence}</p>` : ''}
      <p class="law-source">${t('advice.law.source')} ${pick(law.source)} · ${asOfText(law.as_of, t)}</p>
    </li>`;
  })}</ul>
  </section>`;
}
