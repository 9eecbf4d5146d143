// The one module that talks to the Tauri shell. Everything else calls these functions.
// Failures arrive as AppError {kind, message}; the UI turns kinds into sentences.

const tauri = () => window.__TAURI__;

export class AppError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

async function call(command, args = {}) {
  try {
    return await tauri().core.invoke(command, args);
  } catch (e) {
    if (e && typeof e === 'object' && 'kind' in e) throw new AppError(e.kind, e.message);
    throw new AppError('internal', String(e));
  }
}

export const api = {
  startupStatus: () => call('startup_status'),
  appInfo: () => call('app_info'),
  systemLanguage: () => call('system_language'),
  catalog: () => call('get_catalog'),
  getSetting: (key) => call('get_setting', { key }),
  setSetting: (key, value) => call('set_setting', { key, value }),
  listCompanies: () => call('list_companies'),
  createCompany: (profile) => call('create_company', { profile }),
  saveCompany: (id, profile) => call('save_company', { id, profile }),
  listAssessments: () => call('list_assessments'),
  createAssessment: (companyId, period) => call('create_assessment', { companyId, period }),
  createAssessmentFrom: (sourceId, period) => call('create_assessment_from', { sourceId, period }),
  renameAssessment: (id, period) => call('rename_assessment', { id, period }),
  deleteAssessment: (id) => call('delete_assessment', { id }),
  restoreAssessment: (id) => call('restore_assessment', { id }),
  record: (id) => call('get_record', { id }),
  setPosition: (id, position) => call('set_position', { id, position }),
  setStatus: (id, status) => call('set_status', { id, status }),
  // `revision`: the stored revision the answer was read at (0: none stored); a save based on
  // an older one is refused with kind "conflict" instead of overwriting a newer save.
  saveAnswer: (id, answer) => call('save_answer', { id, answer, revision: answer.revision ?? 0 }),
  savePart2: (id, answer) => call('save_part2', { id, answer, revision: answer.revision ?? 0 }),
  saveDeclaration: (id, declaration) => call('save_declaration', { id, declaration }),
  evaluate: (id) => call('evaluate', { id }),
  // The file dialogs open in the app's Rust side: the page names no path. Each resolves to
  // null when the user cancels the dialog; `dialog` is its {title, filter} text.
  exportAssessment: (id, dialog) => call('export_assessment', { id, dialog }),
  importAssessment: (dialog) => call('import_assessment', { dialog }),
  submit: (id, lang, dialog) => call('submit', { id, lang, dialog }),
  previewPdf: (id, lang, dialog) => call('preview_pdf', { id, lang, dialog }),
  openPdf: () => call('open_pdf'),
  showPdfInFolder: () => call('show_pdf_in_folder'),
  composeEmail: (to, subject, body) => call('compose_email', { to, subject, body }),
  profileProblems: (profile) => call('profile_problems', { profile }),
  confirmUnchanged: (id, items, policies) => call('confirm_unchanged', { id, items, policies }),
  backUpNow: () => call('back_up_now'),
  listBackups: () => call('list_backups'),
  restoreBackup: (name) => call('restore_backup', { name }),
  // The staff screen: the folder and the workbook are chosen in dialogs opened in Rust.
  chooseCollectFolder: (dialog) => call('choose_collect_folder', { dialog }),
  collectSubmissions: (lang, dialog) => call('collect_submissions', { lang, dialog }),
  openWorkbook: () => call('open_workbook'),
  choosePreviousFolder: (dialog) => call('choose_previous_folder', { dialog }),
  clearPreviousFolder: () => call('clear_previous_folder'),
};

/** Calls `handler({done, total})` as the staff screen's files are read; resolves to a function that stops it. */
export function onCollectProgress(handler) {
  return tauri().event.listen('collect-progress', (e) => handler(e.payload ?? { done: 0, total: 0 }));
}

/** Calls `handler(reason)` when an automatic backup failed (the change itself was saved). */
export function onBackupProblem(handler) {
  tauri().event.listen('backup-problem', (e) => handler(String(e.payload ?? '')));
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
