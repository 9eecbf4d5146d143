// One action item: what the guideline asks, our advice, and the answer (saved as typed).

import { CONTRACT } from '../contract.js';
import { editRecord } from '../form-autosave.js';
import { html, render } from '../html.js';
import { t, gt, formatDate } from '../i18n.js';
import { glText, glTitleWithOriginal } from '../components/guideline-title.js';
import { state, itemById, isExpired, onStateChange, requestsOn } from '../state.js';
import { bindRequests, requestsSection } from '../components/nec-requests.js';
import { textField, textArea, checkbox, radioGroup, setProblem } from './fields.js';
import { blocks, guidelinePanel, quotedText } from './guideline-text.js';
import { itemChangeNote } from './changes-note.js';
import { reconfirmBanner, hideReconfirm } from './reconfirm.js';
import { stepNav } from './step-nav.js';

// The ratings, which of them are gaps, and the fields' limits: the core's (src/contract.rs).
const RATINGS = CONTRACT.ratings;
const GAPS = CONTRACT.gap_ratings;
const MAX = CONTRACT.text_limits;

/** The action plan shows for a gap, or while it still holds something (so nothing typed is hidden). */
export function showsPlan(answer) {
  const plan = answer.action_plan;
  return GAPS.includes(answer.rating) || !!(plan.what || plan.who || plan.due);
}

function subjectName(clause) {
  return gt(state.catalog.guideline.iso26000_core_subjects.find((s) => s.clause === clause)?.name ?? '');
}

/** The note under an evidence entry past its valid-until date (the core's fact), or null. */
function expiredNote(itemId, i, e) {
  return isExpired(itemId, i) ? t('item.evidence.expired', { date: formatDate(e.valid_until) }) : null;
}

function evidenceRows(itemId, evidence) {
  if (!evidence.length) return html`<p class="empty small">${t('item.evidence.none')}</p>`;
  return html`<ol class="evidence-rows">${evidence.map((e, i) => html`<li class="evidence-row" data-index="${i}">
    ${textField(`evidence.${i}.name`, t('item.evidence.name'), e.name, { hint: i === 0 ? t('item.evidence.name.hint') : null, max: MAX['evidence.name'] })}
    ${textField(`evidence.${i}.location`, t('item.evidence.location'), e.location, { max: MAX['evidence.location'] })}
    ${textField(`evidence.${i}.date`, t('item.evidence.date'), e.date ?? '', { type: 'date', max: 10 })}
    ${textField(`evidence.${i}.valid_until`, t('item.evidence.valid_until'), e.valid_until ?? '', {
    type: 'date', max: 10, hint: i === 0 ? t('item.evidence.valid_until.hint') : null, problem: expiredNote(itemId, i, e) })}
    ${checkbox(`evidence.${i}.not_attached`, t('item.evidence.not_attached'), e.not_attached)}
    ${checkbox(`evidence.${i}.confidential`, t('item.evidence.confidential'), e.confidential, { hint: i === 0 ? t('item.evidence.confidential.hint') : null })}
    <button type="button" class="button small danger" data-action="remove-evidence" data-index="${i}"
      aria-label="${t('item.evidence.remove_named', { n: i + 1 })}">${t('item.evidence.remove')}</button>
  </li>`)}</ol>`;
}

/** Group VI's condition as the guideline words it; in the translation, our wording of it. */
function conditionStatement(it, tr) {
  if (tr.both) return tr.both(conditionStatement(it, gt), conditionStatement(it, (x) => x));
  if (tr === gt) return t(`guideline.condition.${it.condition}`, { id: it.id });
  return it.condition === 'essential' ? 'Essential Condition' : `${it.id} is Recommended Condition`;
}

/**
 * Keeps what the evaluation says of the item shown current (the note on what changed since
 * last year, expired evidence): an evaluation that arrives after the screen was drawn (each
 * save returns one) redraws them. One listener for the module, pointed at the item shown, so
 * leaving items behind leaves no listener (and no detached screen) behind.
 */
let shownItem = null;
onStateChange((what) => {
  if (what !== 'evaluation' || !shownItem?.article.isConnected) return;
  const { article, itemId, answer } = shownItem;
  render(article.querySelector('.change-note-slot'), itemChangeNote(itemId));
  showExpiry(article, itemId, answer);
});

/** The expired badge and each evidence entry's note, as the latest evaluation says. */
function showExpiry(article, itemId, answer) {
  const badge = article.querySelector('[data-testid="expired-badge"]');
  badge.hidden = !answer.evidence.some((_, i) => isExpired(itemId, i));
  answer.evidence.forEach((e, i) => {
    const input = article.querySelector(`[data-field="evidence.${i}.valid_until"]`);
    if (input) setProblem(input, expiredNote(itemId, i, e));
  });
}

export function item(main, params, app) {
  const entry = itemById(params.item);
  if (!entry) { app.notFound(); return; }
  const { item: it, group, index } = entry;
  const editor = editRecord('answer', it.id, { app, onSaved: () => hideReconfirm(article) });
  const answer = editor.record;
  const essential = it.condition === 'essential';
  const id = state.record.assessment.id;

  render(main, html`
    <article class="step item-step" aria-labelledby="item-title">
      <header class="step-head">
        <p class="step-context">${group.id} ${glText(group.title)} · ${t('item.position', { n: index + 1, total: state.items.length })}</p>
        <h1 id="item-title"><span class="item-id">${it.id}</span> ${glTitleWithOriginal(it.title)}</h1>
        <div class="badges">
          ${it.condition ? html`<span class="badge condition-${it.condition}">${t(`item.condition.${it.condition}`)}</span>` : ''}
          <span class="badge condition-essential" data-testid="expired-badge" ${answer.evidence.some((_, i) => isExpired(it.id, i)) ? '' : html`hidden`}>${t('item.evidence.expired_badge')}</span>
          <span class="badge iso">${t('item.iso26000')}${t('label.colon')}${it.iso26000.map((c) => `${c} ${subjectName(c)}`).join(' / ')}</span>
        </div>
      </header>
      ${reconfirmBanner(answer.to_reconfirm)}
      <div class="change-note-slot">${itemChangeNote(it.id)}</div>
      ${requestsSection(requestsOn(it.id))}
      <div class="step-grid">
        ${guidelinePanel(
    (tr) => html`${it.section_heading ? html`<p class="section-heading">${t('guideline.section_heading')}${t('label.colon')}<strong>${tr(it.section_heading)}</strong></p>` : ''}
      ${it.condition ? html`<p class="condition-statement">${conditionStatement(it, tr)}</p>` : ''}
      ${it.request ? html`<p class="request">${tr(it.request)}</p>` : ''}
      ${blocks(it.explanation, tr)}`,
    html`${it.has_section === false ? html`<p class="no-section">${t('guideline.no_section')}</p>` : ''}
      ${it.has_section !== false && !it.request && !(it.explanation ?? []).length ? html`<p class="no-section">${t('guideline.condition_only')}</p>` : ''}
      ${group.intro?.length ? html`<details class="group-intro"><summary>${t('guideline.group_intro', { group: group.id })}</summary>${quotedText((tr) => blocks(group.intro, tr), false)}</details>` : ''}`,
    state.catalog.advice.items[it.id],
  )}
        <section class="answer card" aria-labelledby="answer-heading">
          <h2 id="answer-heading">${t('item.your_answer')}</h2>
          ${radioGroup('rating', t('item.rating'), RATINGS.map((r) => ({ value: r, label: t(`rating.${r}`), description: t(`rating.${r}.description`) })), answer.rating)}
          <div class="na-slot" ${answer.rating === 'not_applicable' ? '' : html`hidden`}>
            ${textArea('na_reason', t('item.na_reason'), answer.na_reason, { required: true, rows: 2, max: MAX.na_reason, hint: t('item.na_reason.hint'), emphasis: true })}
          </div>
          ${textArea('description', t('item.description'), answer.description, { rows: 5, max: MAX.description, hint: t('item.description.hint') })}
          <fieldset class="evidence field">
            <legend class="field-label">${t('item.evidence')}</legend>
            <span class="field-hint">${t('item.evidence.hint')}</span>
            <div class="evidence-slot">${evidenceRows(it.id, answer.evidence)}</div>
            <button type="button" class="button small" data-action="add-evidence">${t('item.evidence.add')}</button>
          </fieldset>
          <fieldset class="plan field ${essential ? 'essential' : ''}" ${showsPlan(answer) ? '' : html`hidden`}>
            <legend class="field-label">${t('item.plan')}${essential ? html` <span class="required">${t('item.plan.required')}</span>` : ''}</legend>
            <span class="field-hint">${t(essential ? 'item.plan.hint_essential' : 'item.plan.hint')}</span>
            ${textArea('plan.what', t('item.plan.what'), answer.action_plan.what, { rows: 2, max: MAX['plan.what'] })}
            ${textField('plan.who', t('item.plan.who'), answer.action_plan.who, { max: MAX['plan.who'] })}
            ${textField('plan.due', t('item.plan.due'), answer.action_plan.due ?? '', { type: 'date', max: 10 })}
          </fieldset>
          ${checkbox('marked_for_review', t('item.review'), answer.marked_for_review, { hint: t('item.review.hint') })}
        </section>
      </div>
      ${stepNav(id, `item:${it.id}`)}
    </article>`);
  const article = main.querySelector('article');
  shownItem = { article, itemId: it.id, answer };

  const updateVisibility = () => {
    main.querySelector('.na-slot').hidden = answer.rating !== 'not_applicable';
    main.querySelector('fieldset.plan').hidden = !showsPlan(answer);
    main.querySelectorAll('.radio-option').forEach((o) => o.classList.toggle('selected', o.querySelector('input').checked));
  };

  editor.bind(main.querySelector('.answer'), (field, value) => {
    const [head, n, key] = field.split('.');
    if (field === 'rating' || field === 'na_reason' || field === 'description' || field === 'marked_for_review') answer[field] = value;
    else if (head === 'plan') answer.action_plan[n] = value;
    else if (head === 'evidence') answer.evidence[Number(n)][key] = value;
    else return false;
    updateVisibility();
    return true;
  });

  const redrawEvidence = (focusIndex) => {
    render(main.querySelector('.evidence-slot'), evidenceRows(it.id, answer.evidence));
    if (focusIndex !== undefined) main.querySelector(`.evidence-row[data-index="${focusIndex}"] input`)?.focus();
    else main.querySelector('[data-action="add-evidence"]').focus();
  };
  main.querySelector('[data-action="add-evidence"]').addEventListener('click', () => {
    answer.evidence.push({ name: '', location: '', date: null, valid_until: null, not_attached: false, confidential: false });
    redrawEvidence(answer.evidence.length - 1);
  });
  main.querySelector('.evidence').addEventListener('click', (e) => {
    const button = e.target.closest('[data-action="remove-evidence"]');
    if (!button) return;
    answer.evidence.splice(Number(button.dataset.index), 1);
    redrawEvidence();
    editor.save(true);
  });
  main.querySelector('[data-action="confirm-unchanged"]').addEventListener('click', () => editor.save(true));
  bindRequests(article, app);
}
