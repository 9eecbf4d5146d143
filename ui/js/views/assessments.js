// The list of assessments: open, start (empty or from an earlier one), rename, export,
// delete with undo, import.

import { api } from '../api.js';
import { backupsDialog } from '../components/backups.js';
import { confirm, prompt } from '../components/dialog.js';
import { html, render } from '../html.js';
import { t, formatDateTime } from '../i18n.js';
import { state } from '../state.js';

function suggestedPeriod(existing) {
  const year = new Date().getFullYear();
  for (const y of [year, year + 1, year + 2]) {
    const name = t('assessments.period_suggestion', { year: y });
    if (!existing.some((a) => a.period === name)) return name;
  }
  return t('assessments.period_suggestion', { year });
}

/**
 * The assessment deleted last, offered back for a short while: in the page above the list (in
 * the language of the page, redrawn with it), not a floating notice that covers the list.
 */
let deleted = null;
const DELETED_SECONDS = 30;

function deletedNotice() {
  if (!deleted || Date.now() >= deleted.until) { deleted = null; return ''; }
  return html`<div class="inline-notice" role="status" data-testid="deleted-notice"><span>${t('assessments.deleted', { period: deleted.period })}</span>
    <button type="button" class="button small" data-action="undo-delete">${t('common.undo')}</button></div>`;
}

export async function assessments(main, _params, app) {
  const list = await api.listAssessments();
  const manyCompanies = new Set(list.map((a) => a.company_id)).size > 1;
  render(main, html`
    <section class="assessments">
      <h1>${t('assessments.title')}</h1>
      <div class="toolbar">
        <button type="button" class="button primary" data-action="new" aria-expanded="false" aria-controls="new-form">${t('assessments.new')}</button>
        <button type="button" class="button" data-action="import">${t('assessments.import')}</button>
        <button type="button" class="button" data-action="backups">${t('backups.open')}</button>
      </div>
      ${deletedNotice()}
      <form id="new-form" class="new-form card" hidden>
        <h2>${t('assessments.new')}</h2>
        <div class="field"><label class="field-label" for="new-period">${t('assessments.period')}</label>
          <input id="new-period" type="text" maxlength="100" value="${suggestedPeriod(list)}" aria-describedby="new-period-hint" required>
          <span class="field-hint" id="new-period-hint">${t('assessments.period.hint')}</span></div>
        <div class="field"><label class="field-label" for="new-source">${t('assessments.start_from')}</label>
          <select id="new-source">
            <option value="">${t('assessments.start_empty')}</option>
            ${list.map((a) => html`<option value="${a.id}">${t('assessments.start_from_option', { period: a.period })}</option>`)}
          </select>
          <span class="field-hint">${t('assessments.start_from.hint')}</span></div>
        <div class="form-actions">
          <button type="submit" class="button primary">${t('assessments.create')}</button>
          <button type="button" class="button" data-action="cancel-new">${t('common.cancel')}</button>
        </div>
      </form>
      ${list.length === 0 ? html`<p class="empty">${t('assessments.none')}</p>` : html`
      <table class="list-table">
        <caption class="visually-hidden">${t('assessments.title')}</caption>
        <thead><tr>
          <th scope="col">${t('assessments.period')}</th>
          ${manyCompanies ? html`<th scope="col">${t('assessments.company')}</th>` : ''}
          <th scope="col">${t('assessments.status')}</th>
          <th scope="col">${t('assessments.completeness')}</th>
          <th scope="col">${t('assessments.last_change')}</th>
          <th scope="col"><span class="visually-hidden">${t('assessments.actions')}</span></th>
        </tr></thead>
        <tbody>${list.map((a) => html`<tr data-id="${a.id}">
          <th scope="row"><a href="#/a/${a.id}" class="open-link" data-action="open">${a.period}</a>
            ${a.to_reconfirm ? html`<span class="badge reconfirm">${t('assessments.to_reconfirm', { n: a.to_reconfirm })}</span>` : ''}</th>
          ${manyCompanies ? html`<td>${a.company_name}</td>` : ''}
          <td><span class="badge status-${a.status}">${t(`status.${a.status}`)}</span></td>
          <td><meter min="0" max="100" value="${a.completeness}" aria-hidden="true"></meter> ${a.completeness}%</td>
          <td>${formatDateTime(a.updated_at)}</td>
          <td class="row-actions">
            <button type="button" class="button small" data-action="rename" aria-label="${t('assessments.rename_named', { period: a.period })}">${t('assessments.rename')}</button>
            <button type="button" class="button small" data-action="export" aria-label="${t('assessments.export_named', { period: a.period })}">${t('assessments.export')}</button>
            <button type="button" class="button small danger" data-action="delete" aria-label="${t('assessments.delete_named', { period: a.period })}">${t('assessments.delete')}</button>
          </td></tr>`)}</tbody>
      </table>`}
      <p class="staff-link small">${t('collect.link_intro')}<a href="#/collect" data-testid="collect-link">${t('collect.link')}</a></p>
    </section>`);

  const notice = main.querySelector('[data-testid="deleted-notice"]');
  if (notice) {
    const shown = deleted;
    setTimeout(() => { if (deleted === shown) deleted = null; notice.remove(); }, deleted.until - Date.now());
    notice.querySelector('[data-action="undo-delete"]').addEventListener('click', () => app.guard(async () => {
      await api.restoreAssessment(shown.id);
      deleted = null;
      app.refresh();
    }));
  }
  const form = main.querySelector('#new-form');
  const newButton = main.querySelector('[data-action="new"]');
  const showForm = (show) => {
    form.hidden = !show;
    newButton.setAttribute('aria-expanded', String(show));
    if (show) { const input = form.querySelector('#new-period'); input.focus(); input.select(); }
  };
  newButton.addEventListener('click', () => showForm(form.hidden));
  main.querySelector('[data-action="cancel-new"]').addEventListener('click', () => showForm(false));
  main.querySelector('[data-action="import"]').addEventListener('click', () => app.importFile());
  main.querySelector('[data-action="backups"]').addEventListener('click', () => backupsDialog());
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const period = form.querySelector('#new-period').value.trim();
    const source = form.querySelector('#new-source').value;
    if (!period) { form.querySelector('#new-period').focus(); return; }
    await app.guard(async () => {
      const created = await api.startAssessment(period, source ? Number(source) : null);
      state.companies = await api.listCompanies();
      await app.resume(created.id);
    });
  });

  main.querySelector('tbody')?.addEventListener('click', async (e) => {
    const button = e.target.closest('[data-action]');
    if (!button) return;
    const row = button.closest('tr');
    const id = Number(row.dataset.id);
    const summary = list.find((a) => a.id === id);
    const action = button.dataset.action;
    if (action === 'open') { e.preventDefault(); await app.resume(id); }
    if (action === 'rename') {
      const period = await prompt(t('assessments.rename_title'), t('assessments.period'), summary.period);
      if (period) {
        await app.guard(async () => {
          await api.renameAssessment(id, period);
          // The open assessment's name shows in the sidebar and the email to NEC.
          if (state.record?.assessment.id === id) state.record.assessment.period = period;
          app.refresh();
        });
      }
    }
    if (action === 'export') await app.exportFile(id);
    if (action === 'delete') {
      const ok = await confirm(t('assessments.delete_title', { period: summary.period }), t('assessments.delete_body'),
        { confirmLabel: t('assessments.delete'), danger: true });
      if (!ok) return;
      await app.guard(async () => {
        await api.deleteAssessment(id);
        if (state.record?.assessment.id === id) app.closeAssessment();
        deleted = { id, period: summary.period, until: Date.now() + DELETED_SECONDS * 1000 };
        app.refresh();
      });
    }
  });
}
