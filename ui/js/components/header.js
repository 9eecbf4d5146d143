// The window's header: where you are, the save indicator, the language switch, About.

import { html, render } from '../html.js';
import { t, language, LANGUAGES, LANGUAGE_NAMES } from '../i18n.js';
import './save-status.js';

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
    <save-status></save-status>
    <div class="lang-switch" role="group" aria-label="${t('nav.language')}">
      ${LANGUAGES.map((l) => html`<button type="button" class="button small lang-button" data-lang="${l}" lang="${l}"
        aria-pressed="${l === language() ? 'true' : 'false'}">${LANGUAGE_NAMES[l]}</button>`)}
    </div>
    <button type="button" class="button small" data-action="about">${t('nav.about')}</button>`);
}

/** Marks the top-nav link of the current area. */
export function markCurrent(el, area) {
  el.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === area) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}
