// The window's header: where you are, the save indicator, the language switch, About.

import { toReconfirm } from '../finder.js';
import { pathOf } from '../flow.js';
import { html, render } from '../html.js';
import { t, language, languages, languageName } from '../i18n.js';
import { state, onStateChange, groupOf } from '../state.js';
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

/** Keeps the count current as answers are confirmed (each save re-evaluates). */
onStateChange((what) => {
  if (what !== 'evaluation' && what !== 'record') return;
  const slot = document.querySelector('.header-count-slot');
  if (slot) render(slot, reconfirmCount());
  const status = document.querySelector('.header-status-slot');
  if (status) render(status, submittedChip());
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
