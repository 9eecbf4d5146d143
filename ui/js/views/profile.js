// The company profile: every field saved as typed; what a submission needs is shown next
// to the field.

import { api } from '../api.js';
import { CONTRACT } from '../contract.js';
import { editRecord } from '../form-autosave.js';
import { html, render } from '../html.js';
import { t } from '../i18n.js';
import { wholeNumber } from '../input.js';
import { state, changed } from '../state.js';
import { textField, textArea, checkbox, setProblem } from './fields.js';

// The fields, their limits and which are required or stored in half-width form: the core's.
const FIELDS = Object.fromEntries(CONTRACT.profile_fields.map((f) => [f.name, f]));
const REQUIRED = CONTRACT.profile_fields.filter((f) => f.required).map((f) => f.name);
const HALF_WIDTH = CONTRACT.profile_fields.filter((f) => f.half_width).map((f) => f.name);
/** The most characters a field takes. */
const max = (field) => FIELDS[field]?.max_chars ?? undefined;

/** Whether the employee count is a whole number the core accepts (or empty). */
export function employeesProblem(value) {
  if (String(value ?? '').trim() === '') return null;
  const n = wholeNumber(value); // "２０" and "1,200" as a Japanese input method types them
  return n !== null && n <= CONTRACT.max_employees ? null : 'profile.problem.employees';
}

/**
 * The message beside each field, from the core's check (`problems`, as the submission
 * check reports them): a missing required field only once `touched` (the user has been
 * there), a malformed e-mail or phone number always.
 */
export function fieldMessages(problems, touched) {
  const out = {};
  for (const f of problems) {
    if (f.problem === 'missing' && !touched(f.field)) continue;
    out[f.field] = f.problem === 'missing' ? 'profile.problem.required'
      : f.field.endsWith('email') ? 'profile.problem.email' : 'profile.problem.phone';
  }
  return out;
}

/** The company being edited: the open assessment's, else the first. */
function currentCompany() {
  const id = state.record?.assessment.company_id;
  return state.companies.find((c) => c.id === id) ?? state.companies[0] ?? null;
}

export async function profile(main, params, app) {
  const company = currentCompany();
  const editor = editRecord('profile', company?.id ?? null, {
    app,
    onSaved: (saved) => {
      showStored(saved.company.profile);
      // The core's verdict once typing pauses (the save waits for that pause): a message
      // written beside a field while keys still arrive can lose what an input method types.
      showProblems();
      changed('company');
    },
  });
  // `p` is what is saved; the employee count's field may show an impossible value typed
  // (marked), while `p` keeps the last good one.
  const p = editor.record;
  let employeesTyped = p.employees ?? '';
  // A field the user has been in (or every field, for a profile saved before) shows
  // "needed" once empty; a first-time visitor is not greeted by a page of warnings.
  const touchedFields = new Set(company ? REQUIRED : []);
  const touched = (f) => touchedFields.has(f);
  let messages = fieldMessages(await app.guard(() => api.profileProblems(p)) ?? [], touched);
  const problem = (f) => (f === 'employees' ? (employeesProblem(employeesTyped) && t('profile.problem.employees'))
    : messages[f] ? t(messages[f]) : null);
  const backTo = !!state.record;
  const v = (f) => p[f] ?? '';

  render(main, html`
    <section class="profile">
      <h1>${t('profile.title')}</h1>
      <p class="lead">${t('profile.intro')}</p>
      <form class="form" autocomplete="on" novalidate>
        <h2>${t('profile.section.company')}</h2>
        ${textField('legal_name', t('profile.legal_name'), v('legal_name'), { max: max('legal_name'), required: true, hint: t('profile.legal_name.hint'), problem: problem('legal_name'), attrs: html`autocomplete="organization"` })}
        ${textField('name_latin', t('profile.name_latin'), v('name_latin'), { max: max('name_latin'), hint: t('profile.name_latin.hint') })}
        ${textField('supplier_code', t('profile.supplier_code'), v('supplier_code'), { max: max('supplier_code'), hint: t('profile.supplier_code.hint') })}
        ${textArea('address', t('profile.address'), v('address'), { max: max('address'), required: true, rows: 2, problem: problem('address') })}
        ${textField('country', t('profile.country'), v('country'), { max: max('country'), required: true, problem: problem('country'), attrs: html`autocomplete="country-name"` })}
        ${textField('representative', t('profile.representative'), v('representative'), { max: max('representative'), required: true, hint: t('profile.representative.hint'), problem: problem('representative') })}
        ${textField('employees', t('profile.employees'), employeesTyped, { type: 'text', hint: t('profile.employees.hint'), max: 8, problem: problem('employees'), attrs: html`inputmode="numeric"` })}
        ${textArea('products', t('profile.products'), v('products'), { max: max('products'), rows: 2 })}
        ${textArea('sites', t('profile.sites'), v('sites'), { max: max('sites'), rows: 3, hint: t('profile.sites.hint') })}
        <h2>${t('profile.section.contact')}</h2>
        ${textField('contact_name', t('profile.contact_name'), v('contact_name'), { max: max('contact_name'), required: true, problem: problem('contact_name'), attrs: html`autocomplete="name"` })}
        ${textField('contact_email', t('profile.contact_email'), v('contact_email'), { max: max('contact_email'), type: 'text', required: true, problem: problem('contact_email'), attrs: html`autocomplete="email" inputmode="email" spellcheck="false"` })}
        ${textField('contact_phone', t('profile.contact_phone'), v('contact_phone'), { max: max('contact_phone'), type: 'tel', required: true, problem: problem('contact_phone'), attrs: html`autocomplete="tel"` })}
        <h2>${t('profile.section.nec')}</h2>
        <p class="field-hint">${t('profile.nec.intro')}</p>
        ${textField('nec_contact_name', t('profile.nec_contact_name'), v('nec_contact_name'), { max: max('nec_contact_name') })}
        ${textField('nec_contact_email', t('profile.nec_contact_email'), v('nec_contact_email'), { max: max('nec_contact_email'), type: 'text', problem: problem('nec_contact_email'), attrs: html`inputmode="email" spellcheck="false"` })}
        <h2>${t('profile.section.work')}</h2>
        <p class="field-hint">${t('profile.work.intro')}</p>
        ${checkbox('supplies_goods', t('profile.supplies_goods'), !!p.supplies_goods, { hint: t('profile.supplies_goods.hint') })}
        ${checkbox('handles_chemicals', t('profile.handles_chemicals'), !!p.handles_chemicals, { hint: t('profile.handles_chemicals.hint') })}
        ${checkbox('does_construction', t('profile.does_construction'), !!p.does_construction, { hint: t('profile.does_construction.hint') })}
      </form>
      <div class="page-actions">
        ${backTo ? html`<button type="button" class="button primary" data-action="back">${t('profile.back_to_assessment')}</button>`
    : html`<button type="button" class="button primary" data-action="continue">${t('profile.continue')}</button>`}
      </div>
    </section>`);

  const form = main.querySelector('form');
  // What was stored in half-width form replaces what was typed, once the user has left the
  // field (never under the cursor), so they see what NEC will receive.
  const showStored = (stored) => {
    for (const f of HALF_WIDTH) {
      const input = form.querySelector(`[data-field="${f}"]`);
      const value = stored[f] ?? '';
      if (!input || input === document.activeElement || problem(f)) continue;
      if (String(input.value) !== String(value)) {
        input.value = value;
        if (f === 'employees') employeesTyped = value; else p[f] = value;
      }
    }
  };
  /** Shows the core's verdict beside every text field (after each pause in typing). */
  let checking = 0;
  const showProblems = async () => {
    const seq = ++checking;
    const problems = await api.profileProblems(p).catch(() => null);
    if (!problems || seq !== checking) return;
    const before = messages;
    messages = fieldMessages(problems, touched);
    // Only where the verdict changed: the field being typed in is left alone otherwise.
    form.querySelectorAll('[data-field]').forEach((input) => {
      const f = input.dataset.field;
      if (input.type !== 'checkbox' && before[f] !== messages[f]) setProblem(input, problem(f));
    });
    // How many verdicts have been shown (tests wait for the one after their typing).
    form.dataset.checks = String(Number(form.dataset.checks ?? 0) + 1);
  };
  editor.bind(form, (field, value) => {
    touchedFields.add(field);
    if (field === 'employees') {
      // "２０" and "1,200" as an input method types them; an impossible count stays on
      // screen, marked, and the last good one is saved.
      employeesTyped = value;
      if (!employeesProblem(value)) p.employees = String(value).trim() === '' ? null : wholeNumber(value);
      setProblem(form.querySelector('[data-field="employees"]'), problem('employees'));
    } else {
      p[field] = value;
    }
    return true;
  });
  // Leaving a required field empty marks it, as typing in it and clearing it does.
  form.addEventListener('focusout', (e) => {
    const f = e.target.dataset?.field;
    if (f && REQUIRED.includes(f) && !touched(f)) { touchedFields.add(f); showProblems(); }
  });
  main.querySelector('[data-action="continue"]')?.addEventListener('click', () => app.go('/assessments'));
  main.querySelector('[data-action="back"]')?.addEventListener('click', () => app.resume(state.record.assessment.id));
  // A link from the submission check names the field: go straight to it.
  const target = params.field && form.querySelector(`[data-field="${CSS.escape(params.field)}"]`);
  if (target) {
    requestAnimationFrame(() => { target.scrollIntoView({ block: 'center' }); target.focus(); });
  }
}
