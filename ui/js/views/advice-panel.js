// Our advice on an item or policy, labelled as ours, with where to get free help and the legal
// notes behind it in small print: each with the fact the core states for the company (applies,
// may apply and what to count, will apply from …) and, once past its review day, a warning.

import { api } from '../api.js';
import { html, render } from '../html.js';
import { t, pick, list, formatDate, language } from '../i18n.js';
import { state, onStateChange } from '../state.js';
import { verdictSentence, checkedText, staleText } from '../advice-law.js';

/** The id (item or policy) of an advice entry of the catalog. */
function entryId(entry) {
  const { items = {}, policies = {} } = state.catalog?.advice ?? {};
  return Object.keys(items).find((k) => items[k] === entry) ?? Object.keys(policies).find((k) => policies[k] === entry) ?? null;
}

/**
 * Our advice entry ({law, help, en, ja}) in the UI language. The legal notes are drawn once
 * the core has stated their facts for the open assessment's company (a moment later).
 */
export function advicePanel(entry, headingId) {
  const advice = pick(entry);
  if (!advice) return '';
  const id = entryId(entry);
  if (id && entry.law?.length) setTimeout(() => fillLaw(id), 0);
  return html`<section class="advice" aria-labelledby="${headingId}">
    <h2 id="${headingId}">${t('advice.title')}</h2>
    <p class="advice-note">${t('advice.note')}</p>
    <p class="advice-summary">${advice.summary}</p>
    <h3>${t('advice.steps')}</h3>
    <ul>${advice.steps.map((s) => html`<li>${s}</li>`)}</ul>
    <h3>${t('advice.evidence')}</h3>
    <ul class="evidence-examples">${advice.evidence.map((s) => html`<li>${s}</li>`)}</ul>
    ${helpList(entry.help ?? [])}
    ${entry.law?.length ? html`<section class="advice-law" aria-label="${t('advice.law.title')}" data-advice-id="${id}">
      <h3>${t('advice.law.title')}</h3>
      <div class="law-slot" aria-busy="true"></div>
    </section>` : ''}
  </section>`;
}

/** Where a small company gets free help on the topic. */
function helpList(help) {
  if (!help.length) return '';
  return html`<section class="advice-help">
    <h3>${t('advice.help.title')}</h3>
    <ul>${help.map((h) => html`<li><strong>${pick(h.name)}</strong>${t('label.colon')}${pick(h.what)}
      <span class="help-url">${h.url}</span></li>`)}</ul>
  </section>`;
}

/** The latest request per entry: an older answer arriving late is dropped. */
let asked = 0;

/** Asks the core for the facts of the entry's notes and draws them. */
async function fillLaw(id) {
  const section = document.querySelector(`.advice-law[data-advice-id="${CSS.escape(id)}"]`);
  if (!section) return;
  const mine = ++asked;
  let facts;
  try {
    facts = await api.adviceFacts(id, state.record?.company ?? null);
  } catch (e) {
    facts = null;
    console.error(e);
  }
  if (mine !== asked || !section.isConnected) return;
  const entry = state.catalog.advice.items[id] ?? state.catalog.advice.policies[id];
  const slot = section.querySelector('.law-slot');
  render(slot, lawNotes(entry.law, facts));
  slot.removeAttribute('aria-busy');
}

// A changed profile (headcount, sites, country) changes the facts of the notes on screen.
onStateChange((what) => {
  if (what !== 'company') return;
  const section = document.querySelector('.advice-law[data-advice-id]');
  if (section) fillLaw(section.dataset.adviceId);
});

/** The notes with their facts; without facts (the core did not answer), text and sources only. */
export function lawNotes(notes, facts) {
  const words = { t, list, formatDate, lang: language() };
  const japan = facts?.japan ?? true;
  return html`<p class="law-note">${japan ? t('advice.law.note') : html`<strong>${t('advice.law.abroad', { country: facts.country })}</strong>`}</p>
    <ul class="law-list">${notes.map((law, i) => {
    const fact = facts?.notes?.[i] ?? null;
    const sentence = fact ? verdictSentence(fact, law.threshold, words) : null;
    const stale = fact ? staleText(fact, law.urls, words) : null;
    return html`<li class="law${stale ? ' stale' : ''}">
      <p class="law-text">${pick(law.text)}</p>
      ${sentence ? html`<p class="law-threshold" data-verdict="${fact.verdict.kind}">${sentence}</p>` : ''}
      ${stale ? html`<p class="law-stale" role="note">${stale}</p>` : ''}
      <p class="law-source">${t('advice.law.source')}${t('label.colon')}${pick(law.source)} · ${checkedText(law.as_of, words)}</p>
      <p class="law-urls">${law.urls.map((u) => html`<span class="law-url">${u}</span>`)}</p>
    </li>`;
  })}</ul>`;
}
