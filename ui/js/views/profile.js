// The company profile: every field saved as typed; what a submission needs is shown next
// to the field.

import { api } from '../api.js';
import { schedule } from '../autosave.js';
import { html, render } from '../html.js';
import { t } from '../i18n.js';
import { halfWidth, wholeNumber } from '../input.js';
import { state, changed } from '../state.js';
import { textField, textArea, checkbox, setProblem, valueOf } from './fields.js';

const REQUIRED = ['legal_name', 'address', 'country', 'representative', 'contact_name', 'contact_email', 'contact_phone'];
const EMPTY = {
  legal_name: '', name_latin: '', address: '', country: '', representative: '', contact_name: '', contact_email: '',
  contact_phone: '', supplier_code: '', nec_contact_name: '', nec_contact_email: '', employees: null, products: '', sites: '', does_construction: false,
  handles_chemicals: false, supplies_goods: false,
};

// The same rules as the core's submission check (model/profile.rs), to show them as you type.
// Both check the value as it will be stored (half-width), so ０３ー… and ｈａｎａｋｏ＠… pass. E-mail
// fields are plain text fields: an e-mail input may rewrite a full-width domain as punycode.
export const looksLikeEmail = (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(halfWidth(s)) && !halfWidth(s).endsWith('.');
const looksLikePhone = (s) => (halfWidth(s).match(/[0-9]/g) ?? []).length >= 5 && /^[0-9 +\-().（）/a-zA-Z]+$/.test(halfWidth(s));
/** Fields the core stores in half-width form: the form shows the stored value once saved. */
const HALF_WIDTH_FIELDS = ['contact_email', 'nec_contact_email', 'contact_phone', 'supplier_code'];

function problemOf(field, value, { touched }) {
  const v = typeof value === 'string' ? value.trim() : value;
  if (REQUIRED.includes(field) && !v) return touched ? t('profile.problem.required') : null;
  if ((field === 'contact_email' || field === 'nec_contact_email') && v && !looksLikeEmail(v)) return t('profile.problem.email');
  if (field === 'contact_phone' && v && !looksLikePhone(v)) return t('profile.problem.phone');
  if (field === 'employees' && v !== '' && v !== null && wholeNumber(v) === null) return t('profile.problem.employees');
  return null;
}

/** The company being edited: the open assessment's, else the first. */
function currentCompany() {
  const id = state.record?.assessment.company_id;
  return state.companies.find((c) => c.id === id) ?? state.companies[0] ?? null;
}

export function profile(main, _params, app) {
  const company = currentCompany();
  const p = { ...EMPTY, ...(company?.profile ?? {}) };
  let companyId = company?.id ?? null;
  const touched = !!company;
  const problem = (f) => problemOf(f, p[f] ?? '', { touched });
  const backTo = !!state.record;
  // An impossible employee count stays on screen, marked, and the last good one is saved.
  let savedEmployees = p.employees;

  render(main, html`
    <section class="profile">
      <h1>${t('profile.title')}</h1>
      <p class="lead">${t('profile.intro')}</p>
      <form class="form" autocomplete="on" novalidate>
        <h2>${t('profile.section.company')}</h2>
        ${textField('legal_name', t('profile.legal_name'), p.legal_name, { required: true, hint: t('profile.legal_name.hint'), problem: problem('legal_name'), attrs: html`autocomplete="organization"` })}
        ${textField('name_latin', t('profile.name_latin'), p.name_latin, { hint: t('profile.name_latin.hint') })}
        ${textField('supplier_code', t('profile.supplier_code'), p.supplier_code, { hint: t('profile.supplier_code.hint') })}
        ${textArea('address', t('profile.address'), p.address, { required: true, rows: 2, max: 4000, problem: problem('address') })}
        ${textField('country', t('profile.country'), p.country, { required: true, problem: problem('country'), attrs: html`autocomplete="country-name"` })}
        ${textField('representative', t('profile.representative'), p.representative, { required: true, hint: t('profile.representative.hint'), problem: problem('representative') })}
        ${textField('employees', t('profile.employees'), p.employees ?? '', { type: 'text', hint: t('profile.employees.hint'), max: 8, problem: problem('employees'), attrs: html`inputmode="numeric"` })}
        ${textArea('products', t('profile.products'), p.products, { rows: 2, max: 4000 })}
        ${textArea('sites', t('profile.sites'), p.sites, { rows: 3, max: 4000, hint: t('profile.sites.hint') })}
        <h2>${t('profile.section.contact')}</h2>
        ${textField('contact_name', t('profile.contact_name'), p.contact_name, { required: true, problem: problem('contact_name'), attrs: html`autocomplete="name"` })}
        ${textField('contact_email', t('profile.contact_email'), p.contact_email, { type: 'text', required: true, problem: problem('contact_email'), attrs: html`autocomplete="email" inputmode="email" spellcheck="false"` })}
        ${textField('contact_phone', t('profile.contact_phone'), p.contact_phone, { type: 'tel', required: true, problem: problem('contact_phone'), attrs: html`autocomplete="tel"` })}
        <h2>${t('profile.section.nec')}</h2>
        <p class="field-hint">${t('profile.nec.intro')}</p>
        ${textField('nec_contact_name', t('profile.nec_contact_name'), p.nec_contact_name)}
        ${textField('nec_contact_email', t('profile.nec_contact_email'), p.nec_contact_email, { type: 'text', problem: problem('nec_contact_email'), attrs: html`inputmode="email" spellcheck="false"` })}
        <h2>${t('profile.section.work')}</h2>
        <p class="field-hint">${t('profile.work.intro')}</p>
        ${checkbox('supplies_goods', t('profile.supplies_goods'), p.supplies_goods, { hint: t('profile.supplies_goods.hint') })}
        ${checkbox('handles_chemicals', t('profile.handles_chemicals'), p.handles_chemicals, { hint: t('profile.handles_chemicals.hint') })}
        ${checkbox('does_construction', t('profile.does_construction'), p.does_construction, { hint: t('profile.does_construction.hint') })}
      </form>
      <div class="page-actions">
        ${backTo ? html`<button type="button" class="button primary" data-action="back">${t('profile.back_to_assessment')}</button>`
    : html`<button type="button" class="button primary" data-action="continue">${t('profile.continue')}</button>`}
      </div>
    </section>`);

  async function save() {
    if (!problemOf('employees', p.employees ?? '', { touched: true })) {
      savedEmployees = p.employees === '' || p.employees === null ? null : wholeNumber(p.employees);
    }
    const profileToSave = { ...p, employees: savedEmployees };
    // Saves under one key run one at a time, so the company is created once; a failed
    // attempt is simply tried again.
    if (companyId === null) {
      const created = await api.createCompany(profileToSave);
      companyId = created.id;
      state.companies.push(created);
      return created;
    }
    return api.saveCompany(companyId, profileToSave);
  }

  const form = main.querySelector('form');
  // What was stored in half-width form replaces what was typed, once the user has left the
  // field (never under the cursor), so they see what NEC will receive.
  const showStored = (stored) => {
    for (const f of [...HALF_WIDTH_FIELDS, 'employees']) {
      const input = form.querySelector(`[data-field="${f}"]`);
      const value = f === 'employees' ? (stored.employees ?? '') : stored[f];
      if (!input || input === document.activeElement || problemOf(f, p[f] ?? '', { touched: false })) continue;
      if (String(input.value) !== String(value)) { input.value = value; p[f] = value; }
    }
  };
  const onChange = (e) => {
    const input = e.target.closest('[data-field]');
    if (!input) return;
    const field = input.dataset.field;
    p[field] = valueOf(input);
    setProblem(input, problemOf(field, p[field], { touched: e.type === 'change' || !!p[field] }));
    schedule('profile', save, {
      immediate: input.type === 'checkbox',
      onDone: (saved) => {
        const i = state.companies.findIndex((c) => c.id === saved.id);
        if (i >= 0) state.companies[i] = saved;
        if (state.record && state.record.assessment.company_id === saved.id) state.record.company = saved.profile;
        showStored(saved.profile);
        changed('company');
      },
    });
  };
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);
  main.querySelector('[data-action="continue"]')?.addEventListener('click', () => app.go('/assessments'));
  main.querySelector('[data-action="back"]')?.addEventListener('click', () => app.resume(state.record.assessment.id));
}
