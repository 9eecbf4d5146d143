// Backups: take a snapshot now, list the snapshots, restore one (after a confirmation).
// The core takes snapshots by itself too (daily, before an import or a delete); this is the
// user's window onto them.

import { api } from '../api.js';
import { describe } from '../errors.js';
import { html } from '../html.js';
import { t, formatDateTime, language } from '../i18n.js';
import { confirm, alertBox, openDialog } from './dialog.js';
import { toast } from './toast.js';

/** One snapshot as a line a user can judge: when, why, and what is in it (or that it is damaged). */
export function describeSnapshot(s) {
  const reason = t(`backups.reason.${s.reason.replace(/-\d+$/, '')}`);
  if (s.damaged) return t('backups.line_damaged', { date: formatDateTime(s.taken_at), reason });
  return t('backups.line', { date: formatDateTime(s.taken_at), reason, assessments: s.assessments, answers: s.answers });
}

/** The newest snapshot that passed its check (a damaged one is never offered). */
export function newestGood(list) {
  return list.find((s) => !s.damaged) ?? null;
}

let restoring = false;

const RESTORED = 'csr.restored';

/**
 * After a restore (the window starts again on the restored data): says what was brought back,
 * as the core found it: when the backup was taken and why, and each assessment now in the
 * app with its answers, so the user sees it is the one they meant.
 */
export async function tellRestored() {
  const saved = sessionStorage.getItem(RESTORED);
  if (!saved) return;
  sessionStorage.removeItem(RESTORED);
  const r = JSON.parse(saved);
  const reason = t(`backups.reason.${r.reason.replace(/-\d+$/, '')}`);
  await openDialog(html`
    <h2 class="modal-title">${t('backups.restored_title')}</h2>
    <p>${t('backups.restored_body', { date: formatDateTime(r.taken_at), reason })}</p>
    ${r.assessments.length ? html`<ul class="restored-list" data-testid="restored-list">${r.assessments.map((a) => html`<li>${t('backups.restored_line',
    { period: a.period, company: a.company, answers: a.answers })}</li>`)}</ul>` : html`<p data-testid="restored-list">${t('backups.restored_none')}</p>`}
    <p>${t('backups.restored_undo')}</p>
    <div class="modal-actions"><button type="button" value="ok" class="button primary">${t('common.ok')}</button></div>`);
}

/**
 * Asks, restores snapshot `s`, and reloads the app on the restored data. `damaged`: the
 * database is damaged, so it is kept aside as it is rather than backed up first (the
 * confirmation says so). A second click while one restore runs does nothing.
 */
export async function restoreSnapshot(s, { damaged = false } = {}) {
  if (restoring) return;
  const body = t(damaged ? 'backups.restore_body_damaged' : 'backups.restore_body', { line: describeSnapshot(s) });
  const ok = await confirm(t('backups.restore_title'), body, { confirmLabel: t('backups.restore'), danger: true });
  if (!ok || restoring) return;
  restoring = true;
  try {
    const restored = await api.restoreBackup(s.name);
    // The language is the person's choice, not part of the data: the restored file keeps the
    // one on screen (it may hold another, or none).
    await api.setSetting('language', language()).catch(() => {});
    // Told once the app has started again on the restored data (see tellRestored).
    sessionStorage.setItem(RESTORED, JSON.stringify(restored));
    window.location.reload();
  } catch (e) {
    restoring = false;
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
        ${list.map((s, i) => html`<li class="${s.damaged ? 'damaged' : ''}"><span>${describeSnapshot(s)}</span>
          ${s.damaged ? '' : html`<button type="button" class="button small" value="restore:${i}">${t('backups.restore')}</button>`}</li>`)}
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
