// The staff screen, for NEC's procurement staff: a folder of received submission PDFs (and,
// to compare with, last year's), verified and combined into one Excel workbook (one row per
// submission, what needs a look, the ratings by item, one row per answer, and the files that
// failed with the reason), with a count of the files read while it works.

import { api, onCollectProgress } from '../api.js';
import { html, render } from '../html.js';
import { t, language, formatDate } from '../i18n.js';

export async function collect(main, _params, app) {
  render(main, html`
    <section class="collect">
      <h1>${t('collect.title')}</h1>
      <p class="lead">${t('collect.intro')}</p>
      <ol class="collect-steps">
        <li class="card">
          <h2>${t('collect.step_folder')}</h2>
          <p class="field-hint">${t('collect.folder_hint')}</p>
          <p><button type="button" class="button" data-action="choose-folder">${t('collect.choose_folder')}</button></p>
          <p class="chosen" data-testid="collect-folder" hidden></p>
        </li>
        <li class="card">
          <h2>${t('collect.step_previous')}</h2>
          <p class="field-hint">${t('collect.previous_hint')}</p>
          <p><button type="button" class="button" data-action="choose-previous">${t('collect.choose_previous')}</button>
            <button type="button" class="button" data-action="clear-previous" hidden>${t('collect.no_previous')}</button></p>
          <p class="chosen" data-testid="collect-previous" hidden></p>
        </li>
        <li class="card">
          <h2>${t('collect.step_workbook')}</h2>
          <p class="field-hint">${t('collect.workbook_hint')}</p>
          <p><button type="button" class="button primary" data-action="collect" disabled>${t('collect.create')}</button></p>
          <p class="busy" data-testid="collect-busy" role="status" hidden>${t('collect.busy')}</p>
        </li>
      </ol>
      <section class="card collect-result" data-testid="collect-result" hidden></section>
      <p class="small">${t('collect.cli_note')}</p>
    </section>`);
  const chosen = main.querySelector('[data-testid="collect-folder"]');
  const previous = main.querySelector('[data-testid="collect-previous"]');
  const clear = main.querySelector('[data-action="clear-previous"]');
  const create = main.querySelector('[data-action="collect"]');
  const busy = main.querySelector('[data-testid="collect-busy"]');
  const result = main.querySelector('[data-testid="collect-result"]');

  main.querySelector('[data-action="choose-folder"]').addEventListener('click', async () => {
    const folder = await app.guard(() => api.chooseCollectFolder({ title: t('collect.folder_dialog'), filter: '' }));
    if (!folder) return;
    render(chosen, html`${t('collect.chosen')} <code class="path">${folder}</code>`);
    chosen.hidden = false;
    create.disabled = false;
    create.focus();
  });

  main.querySelector('[data-action="choose-previous"]').addEventListener('click', async () => {
    const folder = await app.guard(() => api.choosePreviousFolder({ title: t('collect.previous_dialog'), filter: '' }));
    if (!folder) return;
    render(previous, html`${t('collect.previous_chosen')} <code class="path">${folder}</code>`);
    previous.hidden = false;
    clear.hidden = false;
  });

  clear.addEventListener('click', async () => {
    await app.guard(() => api.clearPreviousFolder());
    previous.hidden = true;
    clear.hidden = true;
  });

  create.addEventListener('click', async () => {
    create.disabled = true;
    busy.hidden = false;
    render(busy, html`${t('collect.busy')}`);
    // A live count while the files are read (the shell says how far it is).
    const stop = await onCollectProgress(({ done, total }) => {
      render(busy, html`${t('collect.progress', { done, total })}`);
    });
    try {
      const report = await app.guard(() => api.collectSubmissions(language(), { title: t('collect.workbook_dialog'), filter: t('collect.filter_xlsx') }));
      create.disabled = false;
      if (!report) {
        busy.hidden = true;
        return;
      }
      // The last count stays, saying how many files were read.
      showReport(result, report, app);
    } finally {
      stop();
      create.disabled = false;
    }
  });
}

/** NEC's earlier requests the submissions answer, and a list of those still open (by supplier). */
function unansweredRequests(report) {
  if (!report.requests_answered && !report.requests_open) return '';
  return html`<h3>${t('collect.requests_title')}</h3>
    <p data-testid="collect-requests">${t('collect.requests_counts', { answered: report.requests_answered, open: report.requests_open })}</p>
    ${report.unanswered.length ? html`<ul class="collect-unanswered" data-testid="collect-unanswered">${report.unanswered.map((u) => html`
      <li><strong>${u.legal_name}</strong> ${u.supplier_code} · ${u.period} · ${u.id}${u.due ? ` · ${t('requests.due', { date: formatDate(u.due) })}` : ''}<br>${u.text}</li>`)}</ul>` : ''}`;
}

/** What was read and written; what needs a look; the files that failed, each with its reason. */
function showReport(box, report, app) {
  render(box, html`
    <h2>${t('collect.done')}</h2>
    <p class="success" role="status" data-testid="collect-counts">${t('collect.counts', {
    files: report.files, kept: report.kept, superseded: report.superseded, look: report.needs_look, failed: report.failures.length })}</p>
    ${report.needs_look ? html`<p class="field-hint" data-testid="collect-looks">${t('collect.looks_hint', { n: report.needs_look })}</p>` : ''}
    <p>${t('collect.written')} ${report.written.map((w) => html`<code class="path">${w}</code> `)}</p>
    <p><button type="button" class="button" data-action="open-workbook">${t('collect.open')}</button></p>
    ${unansweredRequests(report)}
    ${report.failures.length ? html`
      <h3>${t('collect.failures_title', { n: report.failures.length })}</h3>
      <p class="field-hint">${t('collect.failures_hint')}</p>
      <ul class="collect-failures" data-testid="collect-failures">${report.failures.map((f) => html`
        <li><code class="path">${f.file}</code><br><strong>${f.reason}</strong>
          <details class="error-details"><summary>${t('error.details')}</summary><p class="technical">${f.detail}</p></details></li>`)}</ul>` : ''}`);
  box.hidden = false;
  box.querySelector('[data-action="open-workbook"]').addEventListener('click', () => app.guard(() => api.openWorkbook()));
  // The result lies below the steps: bring it into view.
  box.scrollIntoView({ block: 'start', behavior: 'smooth' });
}
