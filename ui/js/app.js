// The app's actions shared by the views: navigation, resuming, saving feedback, import and
// export, and turning failures into messages.

import { api } from './api.js';
import { flushAll } from './autosave.js';
import { forgetRevisions, takeEvaluation } from './form-autosave.js';
import { alertBox } from './components/dialog.js';
import { toast } from './components/toast.js';
import { describe } from './errors.js';
import { firstStep, pathOf, validStep } from './flow.js';
import { t, language } from './i18n.js';
import { go } from './router.js';
import { state, changed } from './state.js';

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
      const opened = await api.openAssessment(id);
      forgetRevisions(id);
      state.record = opened.record;
      state.evaluation = opened.evaluation;
      await api.setSetting('last_assessment', String(id));
    }
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
    takeEvaluation(await api.evaluate(state.record.assessment.id));
    return state.evaluation;
  },

  /**
   * After a save of the open assessment (the save controller calls it): a status that went
   * back to draft is told; the receipt's evaluation (every save returns one) becomes the
   * state's, and the screens that show it follow if it changed.
   */
  afterSave(saved) {
    const a = state.record?.assessment;
    if (!a) return;
    if (saved.reverted_from) {
      toast(t('save.reverted', { status: t(`status.${saved.reverted_from}`) }), { kind: 'warning', seconds: 12 });
    }
    if (saved.status) a.status = saved.status;
    if (saved.updated_at && !saved.company) a.updated_at = saved.updated_at;
    const same = !saved.evaluation || JSON.stringify(saved.evaluation) === JSON.stringify(state.evaluation);
    takeEvaluation(saved.evaluation);
    // "Submitted" in the sidebar and the header goes with the status, even if the score did not move.
    if (saved.reverted_from && same) changed('evaluation');
  },

  async importFile() {
    await app.guard(async () => {
      const imported = await api.importAssessment({ title: t('file.import_dialog_title'), filter: t('file.filter_import') });
      if (imported == null) return;
      if (imported.kind === 'feedback') { await app.showFeedback(imported); return; }
      state.companies = await api.listCompanies();
      toast(t('file.imported'));
      await app.resume(imported.id);
    });
  },

  /** NEC's feedback just opened: its requests are now on the items of the assessment it answers. */
  async showFeedback(opened) {
    toast(t('requests.opened', { n: opened.requests, period: opened.period }), { seconds: 12 });
    await flushAll();
    state.record = null; // read again: it now holds the requests
    const record = await app.guard(() => app.load(opened.assessment_id));
    if (record) go(pathOf(opened.assessment_id, 'requests'));
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
