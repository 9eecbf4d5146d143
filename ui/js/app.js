// The app's actions shared by the views: navigation, resuming, saving feedback, import and
// export, and turning failures into messages.

import { api, dialogs } from './api.js';
import { flushAll } from './autosave.js';
import { alertBox } from './components/dialog.js';
import { toast } from './components/toast.js';
import { describe } from './errors.js';
import { firstStep, pathOf, validStep } from './flow.js';
import { t } from './i18n.js';
import { go } from './router.js';
import { state, changed } from './state.js';

/** A file name safe on Windows, macOS and Linux, keeping Japanese characters. */
export function safeFileName(parts, extension) {
  const name = parts
    .filter(Boolean)
    .map((p) => String(p).trim().replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s+/g, '-'))
    .join('_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return `${name || 'CSR-self-assessment'}.${extension}`;
}

let evaluateTimer = null;

export const app = {
  go,

  /** Runs `fn`; a failure is shown as a message that says what to do. */
  async guard(fn) {
    try {
      return await fn();
    } catch (e) {
      const d = describe(e);
      await alertBox(d.title, d.advice, d.details, { showDetails: d.showDetails });
      return undefined;
    }
  },

  /** Loads an assessment (if not loaded) and makes it the one reopened next time. */
  async load(id) {
    if (state.record?.assessment.id !== id) {
      state.record = await api.record(id);
      state.evaluation = null;
      await api.setSetting('last_assessment', String(id));
    }
    if (!state.evaluation) state.evaluation = await api.evaluate(id);
    return state.record;
  },

  /** Opens an assessment where the user left off. */
  async resume(id) {
    await flushAll();
    const record = await app.guard(() => app.load(id));
    if (!record) return;
    go(pathOf(id, validStep(record.assessment.position) ?? firstStep()));
  },

  closeAssessment() {
    state.record = null;
    state.evaluation = null;
    api.setSetting('last_assessment', '').catch(() => {});
  },

  /** The latest score and submission check of the open assessment. */
  async evaluate() {
    state.evaluation = await api.evaluate(state.record.assessment.id);
    return state.evaluation;
  },

  /**
   * After a save: note a status change; with `reevaluate` (a rating or a mark shown in the
   * sidebar changed), refresh the score and the sidebar shortly. Typing in a text field
   * changes neither; the review and submission screens evaluate when they open.
   */
  afterSave(receipt, { reevaluate = false } = {}) {
    const a = state.record?.assessment;
    if (!a) return;
    if (receipt.reverted_from) {
      toast(t('save.reverted', { status: t(`status.${receipt.reverted_from}`) }), { kind: 'warning', seconds: 12 });
    }
    a.status = receipt.status;
    a.updated_at = receipt.updated_at;
    if (!reevaluate) return;
    clearTimeout(evaluateTimer);
    evaluateTimer = setTimeout(async () => {
      if (!state.record) return;
      try { await app.evaluate(); changed('evaluation'); } catch { /* shown by the next save */ }
    }, 250);
  },

  async importFile() {
    const path = await dialogs.openFile(t('file.filter_json'), 'json');
    if (!path) return;
    await app.guard(async () => {
      const id = await api.importAssessment(path);
      state.companies = await api.listCompanies();
      toast(t('file.imported'));
      await app.resume(id);
    });
  },

  async exportFile(id, period, companyId) {
    const company = state.companies.find((c) => c.id === companyId);
    const name = safeFileName(['CSR-self-assessment', company?.profile.legal_name || company?.profile.name_latin, period], 'json');
    await flushAll();
    const path = await dialogs.saveFile(name, t('file.filter_json'), 'json');
    if (!path) return;
    await app.guard(async () => {
      await api.exportAssessment(id, path);
      toast(t('file.exported', { path }));
    });
  },
};
