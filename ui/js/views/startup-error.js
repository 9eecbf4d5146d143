// When the database cannot be opened, or damage was found in it: what happened, what to
// do, and where the file is. Nothing is written to the file in this state; the damage
// screen offers the newest good backup and, for whoever has a copy, going on with the file.

import { api } from '../api.js';
import { describeSnapshot, newestGood, restoreSnapshot } from '../components/backups.js';
import { alertBox, confirm } from '../components/dialog.js';
import { describe } from '../errors.js';
import { html, render } from '../html.js';
import { t } from '../i18n.js';

// The kinds whose advice fits a store that did not open; any other is told in general terms.
const AT_START = new Set(['not_a_database', 'foreign_database', 'corrupt_database', 'newer_database', 'no_data_folder',
  'busy', 'read_only', 'database_in_use', 'log_set_aside']);

export function startupError(main, error, info) {
  const d = describe(AT_START.has(error?.kind) ? error : { message: error?.message ?? String(error) }, 'store_unavailable');
  const damaged = DAMAGED.has(error?.kind);
  render(main, html`
    <section class="fatal" role="alert">
      <h1>${t(damaged ? 'startup.damaged_title' : 'startup.title')}</h1>
      <p class="lead">${d.title}</p>
      <p>${d.advice}</p>
      <p>${t(damaged ? 'startup.kept' : 'startup.safe')}</p>
      ${info?.database ? html`<p>${t('startup.where')} <code class="path">${info.database}</code></p>` : ''}
      <div id="restore-offer"></div>
      ${damaged ? html`<div class="card continue-offer">
        <p>${t('startup.continue_explain')}</p>
        <button type="button" class="button" data-action="continue-after-damage">${t('startup.continue')}</button>
      </div>` : ''}
      <details class="error-details" open><summary>${t('error.details')}</summary><p class="technical">${d.details}</p></details>
    </section>`);
  if (damaged) {
    offerNewestBackup(main.querySelector('#restore-offer'));
    main.querySelector('[data-action="continue-after-damage"]').addEventListener('click', continueAfterDamage);
  }
}

// The kinds a snapshot can repair and whose mark a user with a copy may lift: the file is ours
// but damaged, or a log that is not ours was set aside (another program's file or a newer
// version's is never replaced).
const DAMAGED = new Set(['corrupt_database', 'log_set_aside']);

/** Offers the newest backup that passed its check, with one button. */
async function offerNewestBackup(el) {
  const newest = newestGood(await api.listBackups().catch(() => []));
  if (!newest || !el.isConnected) return;
  render(el, html`<div class="card restore-offer">
    <p>${t('startup.backup_found', { line: describeSnapshot(newest) })}</p>
    <button type="button" class="button primary" data-action="restore-newest">${t('startup.restore_newest')}</button>
  </div>`);
  el.querySelector('[data-action="restore-newest"]').addEventListener('click', () => restoreSnapshot(newest, { damaged: true }));
}

/** "I have a copy, continue": asked once more, then saving is possible again. */
async function continueAfterDamage() {
  const ok = await confirm(t('startup.continue_title'), t('startup.continue_body'),
    { confirmLabel: t('startup.continue'), danger: true });
  if (!ok) return;
  try {
    await api.continueAfterDamage();
    window.location.reload();
  } catch (e) {
    const d = describe(e);
    await alertBox(d.title, d.advice, d.details);
  }
}
