// The summary: completeness, score per group as a chart, gaps (essential first), items
// marked for review, items to re-confirm, NEC's requests not answered yet, not-applicable
// items with reasons.

import { barChart } from '../components/chart.js';
import { html, render } from '../html.js';
import { t, gt } from '../i18n.js';
import { translationLabel } from '../components/guideline-title.js';
import { state, necRequests, isAnswered } from '../state.js';
import { pathOf } from '../flow.js';
import { bindCalendarCard, calendarCard } from './calendar-card.js';
import { changesSection } from './changes-note.js';
import { itemLink, itemLinks } from './links.js';
import { stepNav } from './step-nav.js';

const pct = (v) => (v === null || v === undefined ? t('review.no_score') : `${v}%`);

export async function review(main, _params, app) {
  const { score, readiness } = await app.evaluate();
  const o = score.overall;
  const groups = state.catalog.guideline.groups;
  const rows = score.groups.map((g) => ({
    label: `${g.group_id} ${gt(groups.find((x) => x.id === g.group_id).title)}`,
    score: g.tally.score,
  }));
  // The essential conditions still to do (the ones the card is there to point at) and the
  // items with expired evidence: the core's facts.
  const essentialOpen = score.essential_open;
  const expired = readiness.findings.find((f) => f.kind === 'expired_evidence')?.items ?? [];
  // NEC's requests not answered yet: the next submission carries the replies.
  const openRequests = necRequests().filter((r) => !isAnswered(r));
  render(main, html`
    <article class="step review-step" aria-labelledby="review-title">
      <header class="step-head"><h1 id="review-title">${t('step.review')}</h1></header>
      <section class="summary-cards">
        <div class="card stat"><span class="stat-value" data-testid="completeness">${o.completeness}%</span>
          <span class="stat-label">${t('review.completeness')}</span>
          <span class="stat-detail">${t('review.completeness_detail', { answered: o.answered, applicable: o.applicable, na: o.not_applicable })}</span></div>
        <div class="card stat"><span class="stat-value" data-testid="overall-score">${pct(o.score)}</span>
          <span class="stat-label">${t('review.overall')}</span>
          <span class="stat-detail">${t('review.points', { points: o.points, max: o.max_points })}</span></div>
        <div class="card stat"><span class="stat-value">${t('review.essential_value', { full: score.essential.full, total: score.essential.items })}</span>
          <span class="stat-label">${t('review.essential')}</span>
          <span class="stat-detail" data-testid="essential-open">${essentialOpen.length
    ? html`${t('review.essential_open')} ${essentialOpen.map((id, i) => html`${i ? t('list.separator') : ''}<a href="#${pathOf(state.record.assessment.id, `item:${id}`)}">${id}</a>`)}`
    : t('review.essential_all')}</span></div>
      </section>
      ${changesSection()}
      <section class="card" aria-labelledby="chart-title">
        <h2 id="chart-title">${t('review.by_group')}</h2>
        ${barChart(rows, { title: t('review.by_group') })}
        <table class="list-table compact" data-testid="group-scores">
          <caption class="visually-hidden">${t('review.by_group')}</caption>
          <thead><tr><th scope="col">${t('review.group')}</th><th scope="col">${t('review.score')}</th><th scope="col">${t('review.answered')}</th><th scope="col">${t('review.na')}</th></tr></thead>
          <tbody>${score.groups.map((g, i) => html`<tr data-group="${g.group_id}"><th scope="row">${rows[i].label}</th>
            <td class="num">${pct(g.tally.score)}</td><td class="num">${g.tally.answered}/${g.tally.applicable}</td><td class="num">${g.tally.not_applicable}</td></tr>`)}</tbody>
        </table>
        <details class="method"><summary>${t('review.method')}</summary><p>${t('review.method_text')}</p></details>
      </section>
      <section class="card" aria-labelledby="gaps-title">
        <h2 id="gaps-title">${t('review.gaps', { n: score.gaps.length })}</h2>
        ${score.gaps.length ? html`<table class="list-table" data-testid="gaps">
          <thead><tr><th scope="col">${t('review.item')}</th><th scope="col">${t('review.rating')}</th><th scope="col">${t('review.plan')}</th></tr></thead>
          <tbody>${score.gaps.map((g) => html`<tr><td>${itemLink(g.item_id)} ${g.essential ? html`<span class="badge condition-essential">${t('item.condition.essential')}</span>` : ''}</td>
            <td>${t(`rating.${g.rating}`)}</td><td>${g.has_action_plan ? t('review.plan_yes') : html`<span class="${g.essential ? 'warn' : ''}">${t('review.plan_no')}</span>`}</td></tr>`)}</tbody>
        </table>` : html`<p class="empty">${t('review.no_gaps')}</p>`}
      </section>
      ${openRequests.length ? html`<section class="card" data-testid="review-requests"><h2>${t('review.requests_open', { n: openRequests.length })}</h2>
        <p><a href="#${pathOf(state.record.assessment.id, 'requests')}">${t('review.requests_link')}</a></p></section>` : ''}
      ${score.unanswered.length ? html`<section class="card"><h2>${t('review.unanswered', { n: score.unanswered.length })}</h2>${itemLinks(score.unanswered)}</section>` : ''}
      ${expired.length ? html`<section class="card" data-testid="expired-evidence"><h2>${t('review.expired_evidence', { n: expired.length })}</h2>${itemLinks(expired)}</section>` : ''}
      ${score.marked_for_review.length ? html`<section class="card"><h2>${t('review.marked', { n: score.marked_for_review.length })}</h2>${itemLinks(score.marked_for_review)}</section>` : ''}
      ${score.to_reconfirm.length ? html`<section class="card"><h2>${t('review.reconfirm', { n: score.to_reconfirm.length })}</h2>${itemLinks(score.to_reconfirm)}</section>` : ''}
      ${score.not_applicable.length ? html`<section class="card"><h2>${t('review.not_applicable', { n: score.not_applicable.length })}</h2>
        <ul class="link-list">${score.not_applicable.map((n) => html`<li>${itemLink(n.item_id)} — ${n.reason || html`<span class="warn">${t('review.no_reason')}</span>`}</li>`)}</ul></section>` : ''}
      ${calendarCard()}
      ${translationLabel('page-note')}
      ${stepNav(state.record.assessment.id, 'review')}
    </article>`);
  bindCalendarCard(main, state.record.assessment.id, app);
}
