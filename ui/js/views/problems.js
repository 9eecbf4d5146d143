// The findings of the submission check, each with links to where to fix it.

import { pathOf } from '../flow.js';
import { html } from '../html.js';
import { t, pick, gt, list } from '../i18n.js';
import { state, policyById } from '../state.js';
import { itemLinks, policyLink } from './links.js';

/** Each profile field the check names, as a link to that very field, saying what is wrong. */
function profileFields(fields) {
  return html`<ul class="link-list">${fields.map((f) => html`<li><a href="#/profile/${f.field}" data-field-link="${f.field}">${t(`profile.${f.field}`)}</a>${t('label.colon')}${t(`problem.${f.problem}`)}</li>`)}</ul>`;
}

function disclosureLabel(policyId, fieldId) {
  const f = state.catalog.disclosures.policies[policyId]?.find((x) => x.id === fieldId);
  return f ? pick(f.label) : fieldId;
}

/** Where characters the PDF cannot print are: the field's label, linked to where it is edited. */
function unprintablePlace(u) {
  const id = state.record.assessment.id;
  switch (u.place) {
    case 'profile': return html`<a href="#/profile">${t(`profile.${u.field}`)}</a>`;
    case 'assessment': return t('assessments.period');
    case 'item': return html`<a href="#${pathOf(id, `item:${u.id}`)}">${u.id}</a> ${t(`item.${u.field}`)}`;
    case 'policy': return html`<a href="#${pathOf(id, `part2:${u.id}`)}">${policyById(u.id)?.short_title ?? u.id}</a>
      ${u.field.startsWith('disclosure.') ? disclosureLabel(u.id, u.field.slice('disclosure.'.length)) : t('part2.notes')}`;
    case 'declaration': return html`<a href="#${pathOf(id, 'declaration')}">${t(`declaration.${u.field}`)}</a>`;
    default: return u.field;
  }
}

function unprintableList(fields) {
  return html`<ul class="link-list">${fields.map((u) => html`<li>${unprintablePlace(u)}${t('label.colon')}<strong class="unprintable">${u.characters}</strong>
    <span class="small">(${[...u.characters].map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ')})</span></li>`)}</ul>`;
}

export function findingItem(f) {
  const id = state.record.assessment.id;
  switch (f.kind) {
    case 'profile':
      return html`<p>${t('problem.profile')}</p>${profileFields(f.fields)}`;
    case 'unanswered': return html`<p>${t('problem.unanswered', { n: f.items.length })}</p>${itemLinks(f.items)}`;
    case 'not_applicable_without_reason': return html`<p>${t('problem.na_without_reason')}</p>${itemLinks(f.items)}`;
    case 'essential_gap_without_plan': return html`<p>${t('problem.essential_without_plan')}</p>${itemLinks(f.items)}`;
    case 'to_reconfirm': return html`<p>${t('problem.to_reconfirm', { n: f.items.length + f.policies.length })}</p>
      ${itemLinks(f.items)}${f.policies.length ? html`<ul class="link-list">${f.policies.map((p) => html`<li>${policyLink(p)}</li>`)}</ul>` : ''}`;
    case 'policies_not_acknowledged': return html`<p>${t('problem.policies')}</p>
      <ul class="link-list">${f.policies.map((p) => html`<li>${policyLink(p)}</li>`)}</ul>`;
    case 'disclosures': return html`<p>${t('problem.disclosures', { policy: gt(policyById(f.policy)?.short_title ?? f.policy) })}
      <a href="#${pathOf(id, `part2:${f.policy}`)}">${f.fields.map((x) => disclosureLabel(f.policy, x.field) + (x.problem === 'malformed' ? ` (${t('problem.malformed')})` : '')).join('; ')}</a></p>`;
    case 'declaration': return html`<p>${t('problem.declaration')} <a href="#${pathOf(id, 'declaration')}">${list(f.missing.map((m) => t(`declaration.missing.${m}`)))}</a></p>`;
    case 'marked_for_review': return html`<p>${t('problem.marked_for_review')}</p>${itemLinks(f.items)}`;
    case 'unprintable_characters': return html`<p>${t('problem.unprintable')}</p>${unprintableList(f.fields)}`;
    case 'expired_evidence': return html`<p>${t('problem.expired_evidence')}</p>${itemLinks(f.items)}`;
    default: return html`<p>${f.kind}</p>`;
  }
}

export function findingsList(findings) {
  const blocking = findings.filter((f) => f.severity === 'blocking');
  const warnings = findings.filter((f) => f.severity === 'warning');
  return html`
    ${blocking.length ? html`<h2>${t('submit.blocking')}</h2>
      <ul class="findings">${blocking.map((f) => html`<li class="finding blocking" data-kind="${f.kind}"><span class="finding-mark" aria-hidden="true">✗</span>${findingItem(f)}</li>`)}</ul>` : ''}
    ${warnings.length ? html`<h2>${t('submit.warnings')}</h2>
      <ul class="findings">${warnings.map((f) => html`<li class="finding warning" data-kind="${f.kind}"><span class="finding-mark" aria-hidden="true">!</span>${findingItem(f)}</li>`)}</ul>` : ''}`;
}
