// The list of NEC's requests in the open assessment: the open ones first, each with its item
// or policy (a link to it) and its reply editor; NEC's notes above them.

import { api } from '../api.js';
import { bindRequests, requestCard } from '../components/nec-requests.js';
import { glText } from '../components/guideline-title.js';
import { pathOf } from '../flow.js';
import { html, render } from '../html.js';
import { t, formatDate } from '../i18n.js';
import { isAnswered, itemById, necRequests, policyById, state } from '../state.js';

/** The link to the item or the policy a request is about. */
function target(r) {
  const id = state.record.assessment.id;
  if (r.item) {
    const it = itemById(r.item)?.item;
    return html`<h2 class="nec-request-target"><a href="#${pathOf(id, `item:${r.item}`)}">${r.item} ${it ? glText(it.title) : ''}</a></h2>`;
  }
  const p = policyById(r.policy);
  return html`<h2 class="nec-request-target"><a href="#${pathOf(id, `part2:${r.policy}`)}">${p ? glText(p.short_title) : r.policy}</a></h2>`;
}

export async function requests(main, params, app) {
  const id = state.record.assessment.id;
  const found = await api.necFeedback(id);
  const list = necRequests();
  const open = list.filter((r) => !isAnswered(r));
  const answered = list.filter(isAnswered);
  render(main, html`
    <article class="step requests-step" aria-labelledby="requests-title" data-testid="requests-view">
      <header class="step-head">
        <h1 id="requests-title">${t('requests.title')}</h1>
        <p class="lead">${list.length ? t('requests.count', { n: list.length, open: open.length }) : t('requests.none')}</p>
      </header>
      ${found.notes.filter((n) => n.note).map((n) => html`<section class="nec-note card" data-testid="nec-note">
        <p class="nec-request-label">${t('requests.note', { date: formatDate(n.written_at.slice(0, 10)), by: n.author_organisation })}</p>
        <blockquote lang="${n.language}">${n.note}</blockquote></section>`)}
      ${open.length ? html`<h2>${t('requests.open_heading', { n: open.length })}</h2>${open.map((r) => requestCard(r, { target: target(r) }))}` : ''}
      ${answered.length ? html`<h2>${t('requests.answered_heading', { n: answered.length })}</h2>${answered.map((r) => requestCard(r, { target: target(r) }))}` : ''}
    </article>`);
  bindRequests(main, app);
}
