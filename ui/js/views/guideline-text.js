// The guideline's own words: the English original, and in Japanese our reference translation
// beside it (labelled as ours), with the reader's choice of view remembered.

import { html } from '../html.js';
import { t, gt, guidelineTranslation, language } from '../i18n.js';
import { translationLabel } from '../components/guideline-title.js';
import { advicePanel } from './advice-panel.js';

const identity = (s) => s;

/** Paragraphs and lists of the guideline; `tr` maps each English string to what is shown. */
export function blocks(list, tr = identity) {
  return (list ?? []).map((b) => (b.type === 'list'
    ? html`<ul class="guideline-list">${b.items.map((i) => html`<li>${tr(i)}</li>`)}</ul>`
    : html`<p>${tr(b.text)}</p>`));
}

/**
 * The views of the guideline's text a reader of a translation can choose. The choice is a
 * class on the page (`html[data-gl-view]`), so switching shows or hides without re-drawing
 * anything the user is typing in; it is remembered as a setting.
 */
export const GUIDELINE_VIEWS = ['translation', 'both', 'original'];

export function setGuidelineView(v) {
  const view = GUIDELINE_VIEWS.includes(v) ? v : 'translation';
  document.documentElement.dataset.glView = view;
  // Buttons only: the page itself (html[data-gl-view]) carries the same attribute.
  document.querySelectorAll('button[data-gl-view]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.glView === view)));
  return view;
}

function currentView() { return document.documentElement.dataset.glView ?? 'translation'; }

/**
 * The quoted text: `quoted(tr)` builds it with `tr` mapping each English string. The
 * original is marked lang="en"; the translation is marked [data-tr] and has its label.
 */
export function quotedText(quoted, withSwitch = true) {
  const original = html`<div class="gl-original" lang="en">${quoted(identity)}</div>`;
  if (!guidelineTranslation()) return original;
  const view = currentView();
  const switcher = html`<div class="gl-view-switch" role="group" aria-label="${t('guideline.view')}">
    ${GUIDELINE_VIEWS.map((v) => html`<button type="button" class="button small" data-gl-view="${v}"
      aria-pressed="${v === view ? 'true' : 'false'}">${t(`guideline.view.${v}`)}</button>`)}</div>`;
  return html`${withSwitch ? switcher : ''}
    <div class="gl-body">
      <div class="gl-translation" lang="${language()}" data-tr>${translationLabel()}${quoted(gt)}</div>
      ${original}
    </div>`;
}

/**
 * The reading side of a step: the guideline's own words (`quoted(tr)`, see quotedText), our
 * remarks about them in the UI language (`notes`), and our advice beneath.
 */
export function guidelinePanel(quoted, notes, advice) {
  return html`<div class="step-read">
    <section class="guideline" aria-labelledby="gl-heading">
      <h2 id="gl-heading">${t('guideline.title')}</h2>
      <p class="source-note">${t(guidelineTranslation() ? 'guideline.source_note_translated' : 'guideline.source_note')}</p>
      ${quotedText(quoted)}
      ${notes}
    </section>
    ${advicePanel(advice, 'advice-heading')}
  </div>`;
}
