// The window's header: where you are, the save indicator, the language switch, About.

import { toReconfirm } from '../finder.js';
import { pathOf } from '../flow.js';
import { html, render } from '../html.js';
import { t, language, languages, languageName } from '../i18n.js';
import { state, onStateChange, groupOf, necRequests, isAnswered } from '../state.js';
import './save-status.js';

/**
 * What is left to re-confirm of the open assessment, as a link to the next group to do;
 * shown on the assessment's own screens (the list shows it per assessment).
 */
function reconfirmCount() {
  if (!location.hash.startsWith('#/a/')) return '';
  const left = toReconfirm(state.record);
  if (!left.total) return '';
  const group = left.items.length ? groupOf(left.items[0]) : 'part2';
  return html`<a class="header-count" data-testid="header-reconfirm" href="#${pathOf(state.record.assessment.id, `reconfirm:${group}`)}">${t('reconfirm.header_left', { n: left.total })}</a>`;
}

/** "Submitted" on the open assessment's screens once it is submitted (a later change makes it
 *  a draft again, and the chip goes). */
function submittedChip() {
  if (!location.hash.startsWith('#/a/') || state.record?.assessment.status !== 'submitted') return '';
  return html`<span class="badge status-submitted header-status" data-testid="header-status">${t('status.submitted')}</span>`;
}

/** NEC's requests not answered yet in the open assessment, as a link to their list. */
function requestsCount() {
  if (!location.hash.startsWith('#/a/')) return '';
  const open = necRequests().filter((r) => !isAnswered(r)).length;
  if (!open) return '';
  return html`<a class="header-count" data-testid="header-requests" href="#${pathOf(state.record.assessment.id, 'requests')}">${t('requests.header_open', { n: open })}</a>`;
}

/** Keeps the counts current as answers are confirmed (each save re-evaluates) and requests answered. */
onStateChange((what) => {
  const slot = document.querySelector('.header-count-slot');
  if (slot && (what === 'evaluation' || what === 'record')) render(slot, reconfirmCount());
  const status = document.querySelector('.header-status-slot');
  if (status && (what === 'evaluation' || what === 'record')) render(status, submittedChip());
  const requests = document.querySelector('.header-requests-slot');
  if (requests && (what === 'evaluation' || what === 'record' || what === 'requests')) render(requests, requestsCount());
});

export function renderHeader(el, { hasCompany }) {
  render(el, html`
    <div class="brand">
      <span class="brand-name">${t('app.name')}</span>
      <span class="brand-sub">${t('app.subtitle')}</span>
    </div>
    ${hasCompany ? html`<nav class="top-nav" aria-label="${t('nav.main')}">
      <a href="#/assessments" data-nav="assessments">${t('nav.assessments')}</a>
      <a href="#/profile" data-nav="profile">${t('nav.profile')}</a>
    </nav>` : ''}
    <span class="header-count-slot">${state.record ? reconfirmCount() : ''}</span>
    <span class="header-status-slot">${submittedChip()}</span>
    <span class="header-requests-slot">${state.record ? requestsCount() : ''}</span>
    <save-status></save-status>
    <div class="lang-switch" role="group" aria-label="${t('nav.language')}">
      ${languages().map((l) => html`<button type="button" class="button small lang-button" data-lang="${l}" lang="${l}"
        aria-pressed="${l === language() ? 'true' : 'false'}">${languageName(l)}</button>`)}
    </div>
    <button type="button" class="button small" data-action="about">${t('nav.about')}</button>`);
}

/** Marks the top-nav link of the current area. */
export function markCurrent(el, area) {
  el.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === area) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}
