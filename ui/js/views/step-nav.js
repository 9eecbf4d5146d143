// Previous / next at the foot of every step of the flow.

import { neighbour, pathOf } from '../flow.js';
import { html } from '../html.js';
import { t } from '../i18n.js';

export function stepNav(id, step) {
  const prev = neighbour(step, -1);
  const next = neighbour(step, 1);
  return html`<nav class="step-nav" aria-label="${t('flow.nav')}">
    ${prev ? html`<a class="button" href="#${pathOf(id, prev)}" data-step-link="prev" rel="prev">← ${t('flow.previous')}</a>` : html`<span></span>`}
    <span class="keys-hint">${t('flow.keys')}</span>
    ${next ? html`<a class="button primary" href="#${pathOf(id, next)}" data-step-link="next" rel="next">${t('flow.next')} →</a>` : html`<span></span>`}
  </nav>`;
}
