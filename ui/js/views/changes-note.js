// What changed in an answer since last year's assessment (the one this was carried
// forward from): a note on the item, and the review's list.

import { html } from '../html.js';
import { t, list, withParen, count } from '../i18n.js';
import { state } from '../state.js';
import { itemLink } from './links.js';

/** The facts of one item's change, in words: "Rating up: Mostly → Fully in place", … */
export function changeFacts(c) {
  const facts = [];
  const rating = (r) => (r ? t(`rating.${r}`) : t('status.unanswered'));
  if (c.rating_move) facts.push(t(`changes.rating_${c.rating_move}`, { from: rating(c.rating_before), to: rating(c.rating_now) }));
  if (c.text_changed) facts.push(t('changes.text_changed'));
  if (c.evidence_added.length) facts.push(t('changes.evidence_added', { names: list(c.evidence_added) }));
  if (c.evidence_removed.length) facts.push(t('changes.evidence_removed', { names: list(c.evidence_removed) }));
  return facts;
}

function title(changes) {
  return t(changes.since_submitted_at ? 'changes.title_submitted' : 'changes.title', { period: changes.since_period });
}

/** The note on an item's screen, or nothing when it is unchanged or was not carried forward. */
export function itemChangeNote(itemId) {
  const changes = state.evaluation?.changes;
  const c = changes?.items.find((x) => x.item_id === itemId);
  if (!c) return '';
  return html`<p class="change-note" data-testid="change-note"><strong>${title(changes)}${t('label.colon')}</strong>${changeFacts(c).join(' · ')}</p>`;
}

/** The review's section listing every changed item. */
export function changesSection() {
  const changes = state.evaluation?.changes;
  if (!changes) return '';
  return html`<section class="card" aria-labelledby="changes-title" data-testid="changes">
    <h2 id="changes-title">${withParen(title(changes), count(changes.items.length))}</h2>
    ${changes.items.length ? html`<ul class="link-list">${changes.items.map((c) => html`<li>${itemLink(c.item_id)} — ${changeFacts(c).join(' · ')}</li>`)}</ul>`
    : html`<p class="empty">${t('changes.none')}</p>`}
    <p class="small">${t('changes.pdf_note')}</p>
  </section>`;
}
