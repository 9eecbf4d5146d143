// The app's actions shared by the views: navigation, resuming, saving feedback, import and
// export, and turning failures into messages.

import { api } from './api.js';
import { flushAll } from './autosave.js';
import { alertBox } from './components/dialog.js';
import { toast } from './components/toast.js';
import { describe } from './errors.js';
import { firstStep, pathOf, validStep } from './flow.js';
import { t, language } from './i18n.js';
import { go } from './router.js';
import { state, changed } from './state.js';

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
    // Saving an answer returns the new score with the receipt: no second request.
    if (receipt.evaluation) {
      state.evaluation = receipt.evaluation;
      changed('evaluation');
      return;
    }
    clearTimeout(evaluateTimer);
    evaluateTimer = setTimeout(async () => {
      if (!state.record) return;
      try { await app.evaluate(); changed('evaluation'); } catch { /* shown by the next save */ }
    }, 250);
  },

  async importFile() {
    await app.guard(async () => {
      const id = await api.importAssessment({ title: t('file.import_dialog_title'), filter: t('file.filter_json') });
      if (id == null) return;
      state.companies = await api.listCompanies();
      toast(t('file.imported'));
      await app.resume(id);
    });
  },

  async exportFile(id) {
    await flushAll();
    await app.guard(async () => {
      const path = await api.exportAssessment(id, language(), { title: t('file.export_dialog_title'), filter: t('file.filter_json') });
      if (path == null) return;
      toast(t('file.exported', { path }));
    });
  },
};
