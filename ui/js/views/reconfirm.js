// The note on an answer carried over from an earlier assessment, with the button that
// confirms it unchanged (saving it clears the mark).

import { html } from '../html.js';
import { t } from '../i18n.js';

export function reconfirmBanner(show) {
  return html`<div class="reconfirm-banner" role="note" ${show ? '' : html`hidden`}>
    <p>${t('item.reconfirm')}</p>
    <button type="button" class="button small" data-action="confirm-unchanged">${t('item.reconfirm.confirm')}</button>
  </div>`;
}

/** Hides the note once the answer has been saved (if `root`, the step drawn, has one). */
export function hideReconfirm(root) {
  const banner = root.querySelector('.reconfirm-banner');
  if (banner) banner.hidden = true;
}
