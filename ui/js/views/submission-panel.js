// Submitting to NEC (or, while open points remain, a preview PDF), then opening the PDF,
// showing it in its folder, and emailing it.

import { api } from '../api.js';
import { flushAll } from '../autosave.js';
import { editRecord } from '../form-autosave.js';
import { toast } from '../components/toast.js';
import { html, render } from '../html.js';
import { t, language, languageName } from '../i18n.js';
import { describe } from '../errors.js';
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
  render(box, html`
    <div class="success" role="status" data-preview="${created.preview}"><p><strong>${t('pdf.saved')}</strong></p>
      <p class="path-line"><code class="path">${created.path}</code> <span class="file-size">${t('pdf.size', { kb: Math.ceil(created.size / 1024) })}</span></p>
      <p>${t(created.preview ? 'pdf.preview_saved_detail' : 'pdf.saved_detail')}</p></div>
    <p class="small">${t('pdf.fingerprint')} <code>${created.sha256}</code></p>
    <div class="toolbar">
      <button type="button" class="button" data-action="open-pdf">${t('pdf.open')}</button>
      <button type="button" class="button" data-action="show-pdf">${t('pdf.show')}</button>
    </div>
    ${created.preview ? html`<p class="note" data-testid="no-email">${t('pdf.preview_no_email')}</p>`
    : html`<div class="email-panel" data-testid="email-panel"></div>`}`);
  box.hidden = false;
  box.querySelector('[data-action="open-pdf"]').addEventListener('click', () => app.guard(() => api.openPdf()));
  box.querySelector('[data-action="show-pdf"]').addEventListener('click', () => app.guard(() => api.showPdfInFolder()));
  // A preview is for the supplier's own checking: no e-mail presents it to NEC.
  if (!created.preview) emailPanel(box.querySelector('.email-panel'), created, app);
  box.querySelector('[data-action="open-pdf"]').focus();
}

/** One part of the e-mail, with a button that copies it (webmail takes each in its own field). */
function copyable(label, part, { pre = false } = {}) {
  return html`<dt>${label}</dt>
    <dd>${pre ? html`<pre class="email-body" data-part="${part}"></pre>` : html`<code data-part="${part}"></code>`}
      <button type="button" class="button small" data-copy="${part}" aria-label="${t('pdf.copy_named', { what: label })}">${t('pdf.copy')}</button></dd>`;
}

/**
 * The e-mail to NEC, written by the core from the profile (its NEC contact edited here, saved
 * by the one save controller) and shown in full: the mail program opens it, and where none
 * opens every part can be copied.
 */
function emailPanel(el, created, app) {
  const id = state.record.assessment.id;
  const editor = editRecord('profile', state.record.assessment.company_id, { app, onSaved: () => { showAddressProblem(); showEmail(); } });
  const company = editor.record;
  render(el, html`
    <h3>${t('pdf.email_title')}</h3>
    <p class="field-hint">${t('pdf.email_intro')}</p>
    <div class="email-contact">
      ${textField('nec_contact_name', t('profile.nec_contact_name'), company.nec_contact_name ?? '', { hint: t('profile.nec_contact_name.hint') })}
      <p class="field-hint" data-testid="honorific-note" aria-live="polite" hidden></p>
      ${textField('nec_contact_email', t('profile.nec_contact_email'), company.nec_contact_email ?? '', { type: 'text', hint: t('pdf.email_to_hint'), attrs: html`inputmode="email" spellcheck="false"` })}
    </div>
    <dl class="email-by-hand" data-testid="email-text">
      ${copyable(t('pdf.email_to'), 'to')}
      ${copyable(t('pdf.email_subject_label'), 'subject')}
      ${copyable(t('pdf.email_attach'), 'path')}
      ${copyable(t('pdf.email_body_label'), 'body', { pre: true })}
    </dl>
    <button type="button" class="button primary" data-action="email">${t('pdf.email')}</button>
    <p class="note">${t('pdf.email_note', { file: created.file_name })}</p>
    <div class="email-sent" data-testid="email-sent" hidden></div>`);
  const to = el.querySelector('[data-field="nec_contact_email"]');
  const sent = el.querySelector('.email-sent');
  const note = el.querySelector('[data-testid="honorific-note"]');
  const parts = { to: '', subject: '', path: created.path, body: '' };
  /** Shows the core's e-mail as the profile stands now (after each save). */
  let drawing = 0;
  async function showEmail() {
    const seq = ++drawing;
    const email = await api.submissionEmail(id, language()).catch(() => null);
    if (!email || seq !== drawing) return;
    Object.assign(parts, { to: email.to, subject: email.subject, body: email.body });
    for (const [part, value] of Object.entries(parts)) el.querySelector(`[data-part="${part}"]`).textContent = value;
    note.hidden = !email.honorific_removed;
    note.textContent = email.honorific_removed ? t('pdf.email_honorific_removed', { honorific: email.honorific_removed }) : '';
    el.dataset.drawn = String(Number(el.dataset.drawn ?? 0) + 1);
  }
  showEmail();
  /** The core's verdict on the address (the submission check's own rule); null when fine. */
  const addressProblem = async () => {
    if (!to.value.trim()) return t('pdf.email_missing');
    const problems = await api.profileProblems({ ...company, nec_contact_email: to.value }).catch(() => []);
    return problems.some((f) => f.field === 'nec_contact_email') ? t('profile.problem.email') : null;
  };
  // The core's verdict on the address is shown once typing pauses (after the save), never
  // while keys still arrive.
  editor.bind(el.querySelector('.email-contact'), (field, value) => {
    if (field !== 'nec_contact_email' && field !== 'nec_contact_name') return false;
    company[field] = value;
    sent.hidden = true;
    return true;
  });
  async function showAddressProblem() {
    const value = to.value;
    const problem = value.trim() ? await addressProblem() : null;
    if (to.value === value) setProblem(to, problem);
  }
  el.querySelectorAll('[data-copy]').forEach((button) => button.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(parts[button.dataset.copy]); toast(t('pdf.email_copied')); } catch { toast(t('pdf.email_copy_failed'), { kind: 'warning' }); }
  }));
  el.querySelector('[data-action="email"]').addEventListener('click', async () => {
    const problem = await addressProblem();
    if (problem) {
      setProblem(to, problem);
      to.focus();
      return;
    }
    // The e-mail is written from the saved profile: what was typed is saved first.
    await flushAll();
    await showEmail();
    let failure = null;
    await api.openSubmissionEmail(id, language()).catch((e) => { failure = e; });
    // A mail link gives no word back whether a mail program took it: say what should have
    // happened; where it failed, say so here, with the parts above to copy.
    const d = failure && describe(failure, 'no_mail_program');
    render(sent, failure
      ? html`<p role="alert"><strong>${d.title}</strong> ${d.advice}</p>
        <details class="error-details"><summary>${t('error.details')}</summary><p class="technical">${d.details}</p></details>`
      : html`<p role="status"><strong>${t('pdf.email_sent')}</strong> ${t('pdf.email_sent_detail')}</p>`);
    sent.hidden = false;
  });
}
