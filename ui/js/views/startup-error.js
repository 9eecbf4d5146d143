// When the database cannot be opened: what happened, what to do, and where the file is.
// Nothing is written to the file in this state.

import { api } from '../api.js';
import { describeSnapshot, restoreSnapshot } from '../components/backups.js';
import { describe } from '../errors.js';
import { html, render } from '../html.js';
import { t } from '../i18n.js';

// The kinds whose advice fits a store that did not open; any other is told in general terms.
const AT_START = new Set(['not_a_database', 'foreign_database', 'corrupt_database', 'newer_database', 'no_data_folder', 'busy', 'read_only']);

export function startupError(main, error, info) {
  const d = describe(AT_START.has(error?.kind) ? error : { message: error?.message ?? String(error) }, 'store_unavailable');
  render(main, html`
    <section class="fatal" role="alert">
      <h1>${t('startup.title')}</h1>
      <p class="lead">${d.title}</p>
      <p>${d.advice}</p>
      <p>${t('startup.safe')}</p>
      ${info?.database ? html`<p>${t('startup.where')} <code class="path">${info.database}</code></p>` : ''}
      <div id="restore-offer"></div>
      <details class="error-details" open><summary>${t('error.details')}</summary><p class="technical">${d.details}</p></details>
    </section>`);
  if (DAMAGED.has(error?.kind)) offerNewestBackup(main.querySelector('#restore-offer'));
}

// The kind a snapshot can repair: the file is ours but damaged (another program's file or a
// newer version's is never replaced).
const DAMAGED = new Set(['corrupt_database']);

/** Offers the newest snapshot that opens (the list holds only those) with one button. */
async function offerNewestBackup(el) {
  const [newest] = await api.listBackups().catch(() => []);
  if (!newest || !el.isConnected) return;
  render(el, html`<div class="card restore-offer">
    <p>${t('startup.backup_found', { line: describeSnapshot(newest) })}</p>
    <button type="button" class="button primary" data-action="restore-newest">${t('startup.restore_newest')}</button>
  </div>`);
  el.querySelector('[data-action="restore-newest"]').addEventListener('click', () => restoreSnapshot(newest));
}
