// Backups: take a snapshot now, list the snapshots, restore one (after a confirmation).
// The core takes snapshots by itself too (daily, before an import or a delete); this is the
// user's window onto them.

import { api } from '../api.js';
import { describe } from '../errors.js';
import { html } from '../html.js';
import { t, formatDateTime } from '../i18n.js';
import { confirm, alertBox, openDialog } from './dialog.js';
import { toast } from './toast.js';

/** One snapshot as a line a user can judge: when, why, and what is in it. */
export function describeSnapshot(s) {
  const reason = t(`backups.reason.${s.reason.replace(/-\d+$/, '')}`);
  return t('backups.line', { date: formatDateTime(s.taken_at), reason, assessments: s.assessments, answers: s.answers });
}

/** Asks, restores snapshot `s`, and reloads the app on the restored data. */
export async function restoreSnapshot(s) {
  const ok = await confirm(t('backups.restore_title'), t('backups.restore_body', { line: describeSnapshot(s) }),
    { confirmLabel: t('backups.restore'), danger: true });
  if (!ok) return;
  try {
    await api.restoreBackup(s.name);
    window.location.reload();
  } catch (e) {
    const d = describe(e);
    await alertBox(d.title, d.advice, d.details);
  }
}

/** The dialog: "Back up now" and the list with a Restore button per snapshot. */
export async function backupsDialog() {
  const [list, info] = await Promise.all([api.listBackups(), api.appInfo()]);
  const choice = await openDialog(html`
    <h2 class="modal-title">${t('backups.title')}</h2>
    <p>${t('backups.explain')}</p>
    ${info.backups ? html`<p>${t('backups.where')} <code class="path">${info.backups}</code></p>` : ''}
    ${list.length === 0 ? html`<p>${t('backups.none')}</p>` : html`
      <ul class="backup-list">
        ${list.map((s, i) => html`<li><span>${describeSnapshot(s)}</span>
          <button type="button" class="button small" value="restore:${i}">${t('backups.restore')}</button></li>`)}
      </ul>`}
    <div class="modal-actions">
      <button type="button" value="cancel" class="button">${t('backups.close')}</button>
      <button type="button" value="now" class="button primary">${t('backups.now')}</button>
    </div>`);
  if (choice === 'now') {
    try {
      const s = await api.backUpNow();
      toast(t('backups.done', { line: describeSnapshot(s) }));
    } catch (e) {
      const d = describe(e);
      await alertBox(d.title, d.advice, d.details);
    }
  } else if (choice?.startsWith('restore:')) {
    await restoreSnapshot(list[Number(choice.slice(8))]);
  }
}
