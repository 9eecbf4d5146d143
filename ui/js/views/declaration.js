// The declaration: who signs, their title, the date, and the confirmation.

import { api } from '../api.js';
import { autosaveForm } from '../form-autosave.js';
import { html, render } from '../html.js';
import { t, pick } from '../i18n.js';
import { state } from '../state.js';
import { textField, checkbox } from './fields.js';
import { stepNav } from './step-nav.js';

/** Today's date where the user is, as YYYY-MM-DD. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function declaration(main, _params, app) {
  const id = state.record.assessment.id;
  const d = structuredClone(state.record.assessment.declaration);
  render(main, html`
    <article class="step declaration-step" aria-labelledby="decl-title">
      <header class="step-head"><h1 id="decl-title">${t('step.declaration')}</h1></header>
      <section class="card">
        <p class="lead">${t('declaration.intro')}</p>
        <blockquote class="declaration-text">${pick(state.catalog.declaration_text)}</blockquote>
        ${textField('signer_name', t('declaration.name'), d.signer_name, { required: true, attrs: html`autocomplete="name"` })}
        ${textField('signer_title', t('declaration.title'), d.signer_title, { required: true, hint: t('declaration.title.hint') })}
        ${textField('date', t('declaration.date'), d.date ?? '', { type: 'date', required: true, max: 10 })}
        ${checkbox('confirmed', t('declaration.confirm'), d.confirmed)}
        <p class="note">${t('declaration.signature_note')}</p>
      </section>
      ${stepNav(id, 'declaration')}
    </article>`);
  autosaveForm(main.querySelector('.card'), {
    key: 'declaration',
    apply: (field, value) => {
      d[field] = value;
      // Signing today is the usual case: fill the date once a name is given.
      if (field === 'signer_name' && value && !d.date) {
        d.date = today();
        main.querySelector('[data-field="date"]').value = d.date;
      }
      state.record.assessment.declaration = d;
      return true;
    },
    save: () => api.saveDeclaration(id, d),
    onDone: (receipt) => app.afterSave(receipt),
  });
}
