// The one module that talks to the Tauri shell. Everything else calls these functions.
// Failures arrive as AppError {kind, message}; the UI turns kinds into sentences.

const tauri = () => window.__TAURI__;

export class AppError extends Error {
  constructor(kind, message, params = {}) {
    super(message);
    this.kind = kind;
    this.params = params;
  }
}

/** An error as the shell sends it: its message, with SQLite's own words (`detail`) after it for
 *  support, and the facts its sentence names (`params`: a period, a company). */
function appError(e) {
  return new AppError(e.kind, e.detail ? `${e.message}\n\n${e.detail}` : e.message, e.params ?? {});
}

async function call(command, args = {}) {
  try {
    return await tauri().core.invoke(command, args);
  } catch (e) {
    if (e && typeof e === 'object' && 'kind' in e) throw appError(e);
    throw new AppError('internal', String(e));
  }
}

export const api = {
  startupStatus: () => call('startup_status'),
  appInfo: () => call('app_info'),
  systemLanguage: () => call('system_language'),
  catalog: () => call('get_catalog'),
  languages: () => call('get_languages'),
  getSetting: (key) => call('get_setting', { key }),
  setSetting: (key, value) => call('set_setting', { key, value }),
  listCompanies: () => call('list_companies'),
  // `id` null: the first start's new company. `revision`: the company's revision the profile
  // was read at (a stale one is refused with kind "conflict"). Returns {company, ...receipt,
  // evaluation} (the evaluation of `open`, the open assessment, if any).
  saveProfile: (id, profile, revision, open) => call('save_profile', { id, profile, revision, open }),
  listAssessments: () => call('list_assessments'),
  // Empty (for the company on file, or a new empty profile) or carried forward from `from`.
  startAssessment: (period, from = null) => call('start_assessment', { period, from }),
  renameAssessment: (id, period) => call('rename_assessment', { id, period }),
  deleteAssessment: (id) => call('delete_assessment', { id }),
  restoreAssessment: (id) => call('restore_assessment', { id }),
  // {record, evaluation}: the record with an answer for every item and policy.
  openAssessment: (id) => call('open_assessment', { id }),
  setPosition: (id, position) => call('set_position', { id, position }),
  // `revision`: the stored revision the answer was read at (0: none stored); a save based on
  // an older one is refused with kind "conflict" instead of overwriting a newer save.
  saveAnswer: (id, answer) => call('save_answer', { id, answer, revision: answer.revision ?? 0 }),
  savePart2: (id, answer) => call('save_part2', { id, answer, revision: answer.revision ?? 0 }),
  saveDeclaration: (id, declaration, revision = null) => call('save_declaration', { id, declaration, revision }),
  evaluate: (id) => call('evaluate', { id }),
  // The file dialogs open in the app's Rust side: the page names no path. Each resolves to
  // null when the user cancels the dialog; `dialog` is its {title, filter} text.
  exportAssessment: (id, lang, dialog) => call('export_assessment', { id, lang, dialog }),
  // An assessment file becomes a new assessment ({kind: 'assessment', id}); NEC's feedback
  // file is kept on the submission it answers ({kind: 'feedback', assessment_id, requests, ...}).
  importAssessment: (dialog) => call('import_assessment', { dialog }),
  // Resolves to {path, events} (the calendar file written and its number of dates).
  saveReminders: (id, lang, dialog) => call('save_reminders', { id, lang, dialog }),
  // {seen_through, today, dates: [{assessment_id, period, date, date_text, summary, about}]}.
  cameDue: (lang) => call('came_due', { lang }),
  markDatesSeen: () => call('mark_dates_seen'),
  // NEC's requests an assessment shows, NEC's notes, and how many are open ({requests, notes, open}).
  necFeedback: (id) => call('nec_feedback', { id }),
  // The reply to NEC's request `request` {submission_sha256, id} ({status, reply, reason});
  // based on `revision` (a stale one is refused with kind "conflict").
  replyToRequest: (id, request, reply, revision) => call('reply_to_request', {
    id, sha256: request.submission_sha256, request: request.id, reply, revision,
  }),
  // NEC's feedback file the app was started with (a double click), opened now: as
  // importAssessment's result, or null.
  openedAtStart: () => call('opened_at_start'),
  submit: (id, lang, dialog) => call('submit', { id, lang, dialog }),
  previewPdf: (id, lang, dialog) => call('preview_pdf', { id, lang, dialog }),
  openPdf: () => call('open_pdf'),
  showPdfInFolder: () => call('show_pdf_in_folder'),
  // The core's e-mail to NEC for a submitted assessment ({to, subject, body, honorific_removed}),
  // and the same opened in the mail program.
  submissionEmail: (id, lang) => call('submission_email', { id, lang }),
  openSubmissionEmail: (id, lang) => call('open_submission_email', { id, lang }),
  profileProblems: (profile) => call('profile_problems', { profile }),
  confirmUnchanged: (id, items, policies) => call('confirm_unchanged', { id, items, policies }),
  backUpNow: () => call('back_up_now'),
  listBackups: () => call('list_backups'),
  restoreBackup: (name) => call('restore_backup', { name }),
  // "I have a copy, continue" on the damage screen: saving is possible again.
  continueAfterDamage: () => call('continue_after_damage'),
  // The staff screen: the folder and the workbook are chosen in dialogs opened in Rust.
  chooseCollectFolder: (dialog) => call('choose_collect_folder', { dialog }),
  collectSubmissions: (lang, dialog) => call('collect_submissions', { lang, dialog }),
  openWorkbook: () => call('open_workbook'),
  // Our advice: the facts of an entry's legal notes for the company (decided in the core),
  // and opening a signed advice update (the dialog opens in Rust; null when cancelled).
  adviceFacts: (id, profile) => call('advice_facts', { id, profile }),
  openContentFile: (dialog) => call('open_content_file', { dialog }),
  choosePreviousFolder: (dialog) => call('choose_previous_folder', { dialog }),
  clearPreviousFolder: () => call('clear_previous_folder'),
};

/** Calls `handler({done, total})` as the staff screen's files are read; resolves to a function that stops it. */
export function onCollectProgress(handler) {
  return tauri().event.listen('collect-progress', (e) => handler(e.payload ?? { done: 0, total: 0 }));
}

/**
 * Calls `handler(imported, error)` when a file double-clicked while the app runs was opened
 * (NEC's feedback, handed on by the single-instance guard): what was done, or the AppError.
 */
export function onFileOpened(handler) {
  tauri().event.listen('file-opened', (e) => {
    const p = e.payload ?? {};
    if (p.error) handler(null, appError(p.error)); else handler(p.imported, null);
  });
}

/** Calls `handler(reason)` when an automatic backup failed (the change itself was saved). */
export function onBackupProblem(handler) {
  tauri().event.listen('backup-problem', (e) => handler(String(e.payload ?? '')));
}

/** Calls `handler(error)` as soon as damage of the database is found (the background check, a read, a backup). */
export function onDatabaseDamaged(handler) {
  tauri().event.listen('database-damaged', (e) => handler(e.payload?.kind ? appError(e.payload) : new AppError('corrupt_database', '')));
}

/**
 * Calls `handler` when the user closes the window; the window closes once it resolves true.
 * The handler flushes unsaved changes first, so closing never loses what was typed.
 */
export function onCloseRequested(handler) {
  const win = tauri().window.getCurrentWindow();
  win.onCloseRequested(async (event) => {
    event.preventDefault();
    if (await handler()) await win.destroy();
  });
}
