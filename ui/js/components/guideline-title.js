// Titles quoted from the guideline (items, groups, policies) in the UI language. A translated
// title is ours, never NEC's: it is marked [data-tr] and every screen that shows one shows the
// translation's label too (tests check both).

import { html } from '../html.js';
import { gt, guidelineTranslation, language } from '../i18n.js';

/** A guideline string inline: our translation (marked) in Japanese, the original in English. */
export function glText(english) {
  const text = gt(english);
  if (text === english) return html`<span lang="en">${english}</span>`;
  return html`<span lang="${language()}" data-tr>${text}</span>`;
}

/** A heading's title: the translation with the English original beneath, or the original alone. */
export function glTitleWithOriginal(english) {
  const text = gt(english);
  if (text === english) return html`<span lang="en">${english}</span>`;
  return html`<span lang="${language()}" data-tr>${text}</span><span class="original-title" lang="en">${english}</span>`;
}

/** The label that goes with translated guideline text (nothing in English). */
export function translationLabel(extraClass = '') {
  const tr = guidelineTranslation();
  if (!tr) return '';
  return html`<p class="tr-label ${extraClass}">${tr.label[language()] ?? tr.label.en}</p>`;
}
