// One Part 2 policy: NEC's text, our advice, acknowledgement, passing it on, disclosures.

import { CONTRACT } from '../contract.js';
import { editRecord } from '../form-autosave.js';
import { html, render } from '../html.js';
import { t, gt, pick } from '../i18n.js';
import { state, policyById, isRelevant, requestsOn } from '../state.js';
import { bindRequests, requestsSection } from '../components/nec-requests.js';
import { textField, textArea, checkbox, radioGroup } from './fields.js';
import { blocks, guidelinePanel } from './guideline-text.js';
import { glTitleWithOriginal } from '../components/guideline-title.js';
import { reconfirmBanner, hideReconfirm } from './reconfirm.js';
import { stepNav } from './step-nav.js';

const CASCADE = CONTRACT.cascades; // the core's list (src/contract.rs)
const MAX = CONTRACT.text_limits;

/** The guideline's definition (label, term, text): "[Definition] Term: text" in the text's own
 *  language, so a Japanese line takes the full-width colon and the English the ASCII one. */
function definition(d, tr) {
  const line = (x, colon) => html`<span>${x(d.label)}</span> <strong>${x(d.term)}</strong>${colon}${x(d.text)}`;
  if (tr.both) return tr.both(line(gt, t('label.colon')), line((s) => s, ': '));
  return line(tr, tr === gt ? t('label.colon') : ': ');
}

function disclosureField(f, value) {
  const label = pick(f.label);
  const hint = f.hint ? pick(f.hint) : null;
  const name = `d.${f.id}`;
  switch (f.kind) {
    case 'choice':
      return radioGroup(name, label, f.options.map((o) => ({ value: o.id, label: pick(o.label) })), value ?? null, { hint });
    case 'date': return textField(name, label, value ?? '', { type: 'date', hint, max: 10 });
    case 'year': return textField(name, label, value ?? '', { hint: hint ?? t('part2.year_hint'), max: 4, attrs: html`inputmode="numeric"` });
    case 'number': return textField(name, label, value ?? '', { hint, max: MAX['part2.disclosure_value'], attrs: html`inputmode="decimal"` });
    default: return textField(name, label, value ?? '', { hint, max: MAX['part2.disclosure_text'] });
  }
}

export function part2(main, params, app) {
  const policy = policyById(params.policy);
  if (!policy) { app.notFound(); return; }
  const editor = editRecord('part2', policy.id, { app, onSaved: () => hideReconfirm(article) });
  const answer = editor.record;
  const id = state.record.assessment.id;
  const relevant = isRelevant(policy.id);
  const fields = state.catalog.disclosures.policies[policy.id] ?? [];
  const position = state.policies.indexOf(policy) + 1;

  render(main, html`
    <article class="step part2-step" aria-labelledby="policy-title">
      <header class="step-head">
        <p class="step-context">${t('step.part2')} · ${t('part2.position', { n: position, total: state.policies.length })}</p>
        <h1 id="policy-title">${glTitleWithOriginal(policy.title)}</h1>
        <div class="badges"><span class="badge ${relevant ? 'condition-essential' : 'muted'}">${t(relevant ? `part2.relevant.${policy.relevance}` : `part2.not_relevant.${policy.relevance}`)}</span></div>
      </header>
      ${reconfirmBanner(answer.to_reconfirm)}
      ${requestsSection(requestsOn(policy.id))}
      <div class="step-grid">
        ${guidelinePanel(
    (tr) => html`${blocks(policy.statement, tr)}
      <p class="request">${tr(policy.request)}</p>
      ${policy.definition ? html`<p class="definition">${definition(policy.definition, tr)}</p>` : ''}`,
    '',
    state.catalog.advice.policies[policy.id],
  )}
        <section class="answer card" aria-labelledby="answer-heading">
          <h2 id="answer-heading">${t('item.your_answer')}</h2>
          ${relevant ? '' : html`<p class="note">${t('part2.not_relevant_note')}</p>`}
          ${checkbox('acknowledged', t('part2.acknowledge'), answer.acknowledged, { hint: t('part2.acknowledge.hint') })}
          ${radioGroup('cascaded', t('part2.cascaded'), CASCADE.map((c) => ({ value: c, label: t(`cascade.${c}`) })), answer.cascaded)}
          ${fields.length ? html`<h3>${t('part2.disclosures')}</h3>` : ''}
          ${fields.map((f) => disclosureField(f, answer.disclosures[f.id]))}
          ${textArea('notes', t('part2.notes'), answer.notes, { rows: 3, max: MAX['part2.notes'] })}
        </section>
      </div>
      ${stepNav(id, `part2:${policy.id}`)}
    </article>`);
  const article = main.querySelector('article');
  editor.bind(main.querySelector('.answer'), (field, value) => {
    if (field === 'acknowledged' || field === 'cascaded' || field === 'notes') answer[field] = value;
    else if (field.startsWith('d.')) {
      const key = field.slice(2);
      if (value === '' || value === null) delete answer.disclosures[key]; else answer.disclosures[key] = value;
    } else return false;
    main.querySelectorAll('.radio-option').forEach((o) => o.classList.toggle('selected', o.querySelector('input').checked));
    return true;
  });
  main.querySelector('[data-action="confirm-unchanged"]').addEventListener('click', () => editor.save(true));
  bindRequests(article, app);
}
