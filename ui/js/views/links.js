// Links from lists (gaps, problems) back to the step concerned.

import { pathOf } from '../flow.js';
import { html } from '../html.js';
import { gt } from '../i18n.js';
import { glText } from '../components/guideline-title.js';
import { state, itemById, policyById } from '../state.js';

export function itemLink(itemId) {
  const entry = itemById(itemId);
  return html`<a href="#${pathOf(state.record.assessment.id, `item:${itemId}`)}"><span class="item-id">${itemId}</span> ${glText(entry?.item.title ?? '')}</a>`;
}

export function policyLink(policyId) {
  const p = policyById(policyId);
  return html`<a href="#${pathOf(state.record.assessment.id, `part2:${policyId}`)}">${p ? glText(p.short_title) : policyId}</a>`;
}

/** Links to items: with titles when few, as a compact row of ids when many. */
export function itemLinks(ids) {
  if (ids.length > 10) {
    const id = state.record.assessment.id;
    return html`<ul class="link-list compact-ids">${ids.map((i) => html`<li><a href="#${pathOf(id, `item:${i}`)}" title="${gt(itemById(i)?.item.title ?? '')}">${i}</a></li>`)}</ul>`;
  }
  return html`<ul class="link-list">${ids.map((i) => html`<li>${itemLink(i)}</li>`)}</ul>`;
}
