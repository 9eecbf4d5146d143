// The declaration: who signs, their title, the date, and the confirmation.

import { CONTRACT } from '../contract.js';
import { editRecord } from '../form-autosave.js';
import { html, render } from '../html.js';
import { t, pick } from '../i18n.js';
import { state } from '../state.js';
import { textField, checkbox, readDate } from './fields.js';
import { stepNav } from './step-nav.js';

const MAX = CONTRACT.text_limits;

export function declaration(main, _params, app) {
  const id = state.record.assessment.id;
  const editor = editRecord('declaration', null, { app });
  const d = editor.record;
  render(main, html`
    <article class="step declaration-step" aria-labelledby="decl-title">
      <header class="step-head"><h1 id="decl-title">${t('step.declaration')}</h1></header>
      <section class="card">
        <p class="lead">${t('declaration.intro')}</p>
        <blockquote class="declaration-text">${pick(state.catalog.declaration_text)}</blockquote>
        ${textField('signer_name', t('declaration.name'), d.signer_name, { required: true, max: MAX['declaration.signer_name'], attrs: html`autocomplete="name"` })}
        ${textField('signer_title', t('declaration.title'), d.signer_title, { required: true, max: MAX['declaration.signer_title'], hint: t('declaration.title.hint') })}
        ${textField('date', t('declaration.date'), d.date ?? '', { type: 'date', required: true, max: 10 })}
        ${checkbox('confirmed', t('declaration.confirm'), d.confirmed)}
        <p class="note">${t('declaration.signature_note')}</p>
      </section>
      ${stepNav(id, 'declaration')}
    </article>`);
  editor.bind(main.querySelector('.card'), (field, value) => {
    d[field] = value;
    // Signing today is the usual case: fill the date once a name is given (the supplier's
    // today, as the core decides it).
    if (field === 'signer_name' && value && !d.date && state.evaluation) {
      d.date = state.evaluation.facts.today;
      const date = main.querySelector('[data-field="date"]');
      date.value = d.date;
      readDate(date, true);
    }
    return true;
  });
}
