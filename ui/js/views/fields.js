// Labelled form fields, built the same way everywhere: label, control, hint, problem.

import { html } from '../html.js';
import { t, formatDate } from '../i18n.js';
import { calendarDate } from '../input.js';

let counter = 0;
const uid = (name) => `f-${name.replace(/[^\w-]/g, '_')}-${++counter}`;

function hintAndProblem(id, hint, problem) {
  return html`${hint ? html`<span class="field-hint" id="${id}-hint">${hint}</span>` : ''}
    <span class="field-problem" id="${id}-problem" ${problem ? '' : html`hidden`}>${problem ?? ''}</span>`;
}

function describedBy(id, hint) {
  return html`aria-describedby="${hint ? `${id}-hint ` : ''}${id}-problem"`;
}

/** A one-line input. `name` is what the view reads back (data-field). */
export function textField(name, label, value, { hint, type = 'text', required = false, problem, max = 300, attrs = '' } = {}) {
  if (type === 'date') return dateField(name, label, value, { hint, required, problem });
  const id = uid(name);
  return html`<div class="field ${problem ? 'has-problem' : ''}">
    <label class="field-label" for="${id}">${label}${required ? html` <span class="required">${t('field.required')}</span>` : ''}</label>
    <input id="${id}" type="${type}" data-field="${name}" value="${value ?? ''}" maxlength="${max}"
      ${describedBy(id, hint)} ${problem ? html`aria-invalid="true"` : ''} ${attrs}>
    ${hintAndProblem(id, hint, problem)}</div>`;
}

/**
 * A date typed as text (YYYY-MM-DD, or with slashes, full-width digits, 年月日), not the
 * browser's date control: WebKitGTK's cannot be typed into on Linux, and every engine shows
 * a grey sample date in an empty one that looks entered. No placeholder; the hint says the
 * form, and the date as read is shown beneath in words (2026年12月31日 / 31 December 2026).
 */
export function dateField(name, label, value, { hint, required = false, problem } = {}) {
  const id = uid(name);
  return html`<div class="field date-field ${problem ? 'has-problem' : ''}">
    <label class="field-label" for="${id}">${label}${required ? html` <span class="required">${t('field.required')}</span>` : ''}</label>
    <input id="${id}" type="text" data-field="${name}" data-date value="${value ?? ''}" maxlength="20" inputmode="numeric" autocomplete="off"
      aria-describedby="${id}-hint ${id}-shown ${id}-problem" ${problem ? html`aria-invalid="true"` : ''}>
    <span class="field-hint" id="${id}-hint">${hint ? html`${hint} ` : ''}${t('date.format_hint')}</span>
    <span class="date-shown" id="${id}-shown">${value ? formatDate(value) : ''}</span>
    <span class="field-problem" id="${id}-problem" ${problem ? '' : html`hidden`}>${problem ?? ''}</span></div>`;
}

/**
 * After a date field was typed in: the date as read, in words, beneath it; on leaving a field
 * that holds no date (`done`), the problem saying how to write one. Returns the value to save
 * (YYYY-MM-DD or null), or undefined while it is no date (nothing is saved).
 */
export function readDate(input, done) {
  const value = calendarDate(input.value);
  const shown = input.closest('.field')?.querySelector('.date-shown');
  if (shown) shown.textContent = value ? formatDate(value) : '';
  if (value === undefined) {
    if (done) { input.dataset.dateProblem = ''; setProblem(input, t('date.problem')); }
  } else {
    if ('dateProblem' in input.dataset) { delete input.dataset.dateProblem; setProblem(input, null); }
    if (done && value && input.value !== value) input.value = value;
  }
  return value;
}

export function textArea(name, label, value, { hint, required = false, problem, rows = 4, max = 50000, emphasis = false } = {}) {
  const id = uid(name);
  return html`<div class="field ${problem ? 'has-problem' : ''} ${emphasis ? 'emphasis' : ''}">
    <label class="field-label" for="${id}">${label}${required ? html` <span class="required">${t('field.required')}</span>` : ''}</label>
    <textarea id="${id}" data-field="${name}" rows="${rows}" maxlength="${max}" ${describedBy(id, hint)}
      ${problem ? html`aria-invalid="true"` : ''}>${value ?? ''}</textarea>
    ${hintAndProblem(id, hint, problem)}</div>`;
}

export function checkbox(name, label, checked, { hint } = {}) {
  const id = uid(name);
  return html`<div class="field field-check">
    <input id="${id}" type="checkbox" data-field="${name}" ${checked ? html`checked` : ''} ${hint ? html`aria-describedby="${id}-hint"` : ''}>
    <label for="${id}">${label}</label>
    ${hint ? html`<span class="field-hint" id="${id}-hint">${hint}</span>` : ''}</div>`;
}

/** options: [{value, label, description}] */
export function radioGroup(name, legend, options, selected, { problem, hint } = {}) {
  const id = uid(name);
  return html`<fieldset class="field radio-group ${problem ? 'has-problem' : ''}" ${hint ? html`aria-describedby="${id}-hint"` : ''}>
    <legend class="field-label">${legend}</legend>
    ${hint ? html`<span class="field-hint" id="${id}-hint">${hint}</span>` : ''}
    ${options.map((o, i) => html`<label class="radio-option ${o.value === selected ? 'selected' : ''}">
      <input type="radio" name="${id}" data-field="${name}" value="${o.value}" ${o.value === selected ? html`checked` : ''}>
      <span class="radio-text"><span class="radio-label">${o.label}</span>
      ${o.description ? html`<span class="radio-description">${o.description}</span>` : ''}</span></label>`)}
    ${problem ? html`<span class="field-problem">${problem}</span>` : ''}
  </fieldset>`;
}

/** Shows or hides the problem text of a field in place (without re-rendering it). */
export function setProblem(input, problem) {
  const field = input.closest('.field');
  const el = field?.querySelector('.field-problem');
  if (!el) return;
  // Unchanged: no write (a write beside a field being typed in can upset an input method).
  if (el.hidden === !problem && el.textContent === (problem ?? '')) return;
  el.textContent = problem ?? '';
  el.hidden = !problem;
  field.classList.toggle('has-problem', !!problem);
  if (problem) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
}
