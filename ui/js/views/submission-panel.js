// Submitting to NEC (or, while open points remain, a preview PDF), then opening the PDF,
// showing it in its folder, and emailing it.

import { api } from '../api.js';
import { flushAll } from '../autosave.js';
import { editRecord } from '../form-autosave.js';
import { toast } from '../components/toast.js';
import { html, render } from '../html.js';
import { t, language, languageName } from '../i18n.js';
import { state, changed } from '../state.js';
import { textField, setProblem } from './fields.js';


export function submissionPanel(el, readiness, app) {
  const a = state.record.assessment;
  render(el, html`
    <h2>${t('pdf.title')}</h2>
    <p>${t('pdf.intro', { language: languageName(language()) })}</p>
    ${readiness.ready ? '' : html`<p class="note warn-box">${t('pdf.not_ready')}</p>`}
    ${a.status === 'submitted' ? html`<p class="note">${t('pdf.already_submitted')}</p>` : ''}
    <button type="button" class="button primary big" data-action="create-pdf" data-kind="${readiness.ready ? 'submit' : 'preview'}">${readiness.ready ? t('pdf.create') : t('pdf.create_anyway')}</button>
    <div class="pdf-result" data-testid="pdf-result" hidden></div>`);
  el.querySelector('[data-action="create-pdf"]').addEventListener('click', async () => {
    await flushAll();
    // Only a ready assessment is submitted; otherwise the PDF is a preview and the status
    // stays as it is (the Rust side checks again: the button decides nothing).
    const dialog = { title: t('pdf.dialog_title'), filter: t('pdf.filter') };
    const created = await app.guard(() => readiness.ready ? api.submit(a.id, language(), dialog) : api.previewPdf(a.id, language(), dialog));
    if (!created) return;
    a.status = created.status;
    a.submitted_at = created.submitted_at;
    changed('evaluation');
    showResult(el.querySelector('.pdf-result'), created, app);
  });
}

function showResult(box, created, app) {
  // The address is remembered in the company profile, saved by the one save controller.
  const editor = editRecord('profile', state.record.assessment.company_id, { app, onSaved: () => showAddressProblem() });
  const company = editor.record;
  render(box, html`
    <p class="success" role="status" data-preview="${created.preview}"><strong>${t('pdf.saved')}</strong> <code class="path">${created.path}</code>
      ${t(created.preview ? 'pdf.preview_saved_detail' : 'pdf.saved_detail', { kb: Math.ceil(created.size / 1024) })}</p>
    <p class="small">${t('pdf.fingerprint')} <code>${created.sha256}</code></p>
    <div class="toolbar">
      <button type="button" class="button" data-action="open-pdf">${t('pdf.open')}</button>
      <button type="button" class="button" data-action="show-pdf">${t('pdf.show')}</button>
    </div>
    <h3>${t('pdf.email_title')}</h3>
    ${textField('nec_contact_email', t('profile.nec_contact_email'), company.nec_contact_email ?? '', { type: 'text', hint: t('pdf.email_to_hint'), attrs: html`inputmode="email" spellcheck="false"` })}
    <button type="button" class="button primary" data-action="email">${t('pdf.email')}</button>
    <p class="note">${t('pdf.email_note', { file: created.file_name })}</p>
    <div class="email-sent" data-testid="email-sent" hidden></div>`);
  box.hidden = false;
  box.querySelector('[data-action="open-pdf"]').addEventListener('click', () => app.guard(() => api.openPdf()));
  box.querySelector('[data-action="show-pdf"]').addEventListener('click', () => app.guard(() => api.showPdfInFolder()));
  const to = box.querySelector('[data-field="nec_contact_email"]');
  const sent = box.querySelector('.email-sent');
  /** The core's verdict on the address (the submission check's own rule); null when fine. */
  const addressProblem = async () => {
    if (!to.value.trim()) return t('pdf.email_missing');
    const problems = await api.profileProblems({ ...company, nec_contact_email: to.value }).catch(() => []);
    return problems.some((f) => f.field === 'nec_contact_email') ? t('profile.problem.email') : null;
  };
  // The core's verdict on the address is shown once typing pauses (after the save), never
  // while keys still arrive.
  editor.bind(to.parentElement, (field, value) => {
    if (field !== 'nec_contact_email') return false;
    company.nec_contact_email = value;
    sent.hidden = true;
    return true;
  });
  async function showAddressProblem() {
    const value = to.value;
    const problem = value.trim() ? await addressProblem() : null;
    if (to.value === value) setProblem(to, problem);
  }
  box.querySelector('[data-action="email"]').addEventListener('click', async () => {
    const problem = await addressProblem();
    if (problem) {
      setProblem(to, problem);
      to.focus();
      return;
    }
    const r = state.record;
    const values = {
      period: r.assessment.period,
      company: company.legal_name || company.name_latin,
      nec_name: company.nec_contact_name || t('pdf.email_dear_default'),
      contact_name: company.contact_name,
      completeness: state.evaluation?.score.overall.completeness ?? '',
    };
    const address = to.value.trim();
    const subject = t('pdf.email_subject', values);
    const body = t('pdf.email_body', values);
    const opened = await app.guard(() => api.composeEmail(address, subject, body).then(() => true).catch((e) => {
      // Without a mail program, the advice names the address to write to.
      e.params = { to: address };
      throw e;
    }));
    // A mail link gives no word back whether a mail program took it: say what should have
    // happened, and give everything needed to write the e-mail by hand if nothing did.
    render(sent, html`<p role="status"><strong>${opened ? t('pdf.email_sent') : t('pdf.email_by_hand')}</strong>
      ${opened ? t('pdf.email_sent_detail') : ''}</p>
      <dl class="email-by-hand">
        <dt>${t('pdf.email_to')}</dt><dd><code>${address}</code></dd>
        <dt>${t('pdf.email_subject_label')}</dt><dd><code>${subject}</code></dd>
        <dt>${t('pdf.email_attach')}</dt><dd><code>${created.path}</code></dd>
      </dl>
      <button type="button" class="button small" data-action="copy-email">${t('pdf.email_copy')}</button>`);
    sent.hidden = false;
    sent.querySelector('[data-action="copy-email"]').addEventListener('click', async () => {
      const text = `${address}\n${subject}\n\n${body}`;
      try { await navigator.clipboard.writeText(text); toast(t('pdf.email_copied')); } catch { toast(t('pdf.email_copy_failed'), { kind: 'warning' }); }
    });
  });
  box.querySelector('[data-action="open-pdf"]').focus();
}
