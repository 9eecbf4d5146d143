// The About box: versions, where the data is, which advice content is in use (and files of the
// content folder that were not used), and opening a signed advice update.

import { api } from '../api.js';
import { describe } from '../errors.js';
import { html } from '../html.js';
import { t, formatDate } from '../i18n.js';
import { alertBox, openDialog } from './dialog.js';
import { toast } from './toast.js';

/** Where the content in use came from, in words. */
function originText(origin) {
  return origin?.kind === 'file' ? t('about.content.file', { file: origin.path }) : t('about.content.built_in');
}

/** "Advice and legal notes: version 2 of 7 December 2026, built into this version of the app." */
export function contentLine(inUse) {
  return t('about.content', { version: inUse.version, date: formatDate(inUse.date), origin: originText(inUse.origin) });
}

/**
 * Shows the About box; its button opens an advice update (the file dialog opens in Rust).
 * `reloadCatalog` is called once an update is in use, so the screens show the new advice.
 */
export async function aboutDialog(reloadCatalog) {
  const info = await api.appInfo();
  const content = info.content;
  const choice = await openDialog(html`
    <h2 class="modal-title">${t('about.title')}</h2>
    <p>${t('about.body', {
    version: info.version, catalog: info.catalog_version, guideline: info.guideline,
    edition: info.guideline_edition, database: info.database ?? '',
  })}</p>
    ${content ? html`<p class="about-content">${contentLine(content.in_use)}</p>
      ${content.refused.length ? html`<ul class="about-refused">${content.refused.map((r) => html`<li>${t('about.content.refused', {
    file: r.path, reason: t(`error.${r.kind}.title`),
  })}</li>`)}</ul>` : ''}` : ''}
    <div class="modal-actions">
      ${content ? html`<button type="button" value="content" class="button">${t('about.content.open')}</button>` : ''}
      <button type="button" value="ok" class="button primary">${t('common.ok')}</button>
    </div>`);
  if (choice !== 'content') return;
  try {
    const status = await api.openContentFile({ title: t('about.content.dialog_title'), filter: t('about.content.dialog_filter') });
    if (!status) return;
    await reloadCatalog();
    toast(t('about.content.installed', { version: status.in_use.version, date: formatDate(status.in_use.date) }));
  } catch (e) {
    const d = describe(e);
    await alertBox(d.title, d.advice, d.details);
  }
}
