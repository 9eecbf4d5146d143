// NEC's requests as the supplier sees them: each in NEC's own words (labelled as NEC's text,
// marked with the language NEC wrote in), when NEC asked and who, its due date, and the reply
// (done; not possible, because …; or not answered yet), saved through the save controller.

import { CONTRACT } from '../contract.js';
import { editRecord } from '../form-autosave.js';
import { html } from '../html.js';
import { t, formatDate } from '../i18n.js';
import { changed, isAnswered, requestKey } from '../state.js';
import { radioGroup, textArea, setProblem } from '../views/fields.js';

const MAX = CONTRACT.text_limits;

/** The lines above NEC's text: "NEC asked, on 15 January 2027", who, and the due date. */
function asked(r) {
  return html`<p class="nec-request-asked">${t('requests.asked', { date: formatDate(r.asked_at.slice(0, 10)) })}</p>
    <p class="nec-request-from">${t('requests.from', { by: r.asked_by })}</p>
    ${r.due ? html`<p class="nec-request-due" data-testid="nec-request-due">${t('requests.due', { date: formatDate(r.due) })}</p>` : ''}`;
}

/** One request with its reply editor; `target` (a link to its item) where the list shows it. */
export function requestCard(r, { target = '' } = {}) {
  return html`<section class="nec-request card ${isAnswered(r) ? 'answered' : 'open'}" data-request="${requestKey(r)}"
    data-testid="nec-request" data-request-id="${r.id}">
    ${target}
    ${asked(r)}
    <p class="nec-request-label">${t('requests.nec_text')}</p>
    <blockquote class="nec-request-text" lang="${r.language}" data-testid="nec-request-text">${r.text}</blockquote>
    ${radioGroup('status', t('requests.status'), CONTRACT.request_statuses.map((s) => ({ value: s, label: t(`requests.status.${s}`) })), r.status)}
    ${textArea('reply', t('requests.reply'), r.reply, { rows: 3, max: MAX['request.reply'], hint: t('requests.reply.hint') })}
    <div class="reason-slot" ${r.status === 'not_possible' ? '' : html`hidden`}>
      ${textArea('reason', t('requests.reason'), r.reason, { rows: 2, max: MAX['request.reason'], required: true })}
    </div>
  </section>`;
}

/**
 * Wires the reply editors of the cards under `root`. "Not possible" is saved once its
 * reason is written (the core refuses it without one); until then the field says so.
 */
export function bindRequests(root, app) {
  root.querySelectorAll('[data-request]').forEach((card) => {
    const editor = editRecord('request', card.dataset.request, {
      app,
      onSaved: () => {
        card.classList.toggle('answered', isAnswered(editor.record));
        card.classList.toggle('open', !isAnswered(editor.record));
        changed('requests');
      },
    });
    const r = editor.record;
    const reason = card.querySelector('[data-field="reason"]');
    editor.bind(card, (field, value) => {
      if (field !== 'status' && field !== 'reply' && field !== 'reason') return false;
      r[field] = value;
      card.querySelector('.reason-slot').hidden = r.status !== 'not_possible';
      card.querySelectorAll('.radio-option').forEach((o) => o.classList.toggle('selected', o.querySelector('input').checked));
      const missing = r.status === 'not_possible' && !r.reason.trim();
      setProblem(reason, missing ? t('requests.reason.missing') : null);
      return !missing;
    });
  });
}

/** The section of an item's or a policy's page with NEC's requests on it ('' when none). */
export function requestsSection(requests) {
  if (!requests.length) return '';
  return html`<section class="nec-requests" aria-labelledby="nec-requests-heading" data-testid="nec-requests">
    <h2 id="nec-requests-heading">${t('requests.on_this', { n: requests.length })}</h2>
    ${requests.map((r) => requestCard(r))}
  </section>`;
}
