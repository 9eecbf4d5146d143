// Links from lists (gaps, problems) back to the step concerned.

import { pathOf } from '../flow.js';
import { html } from '../html.js';
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

/**
 * Links to items, each with its id and title (a bare id means nothing to a reader); many of them
 * (more than 10) under the heading of their group, in the guideline's order.
 */
export function itemLinks(ids) {
  if (ids.length <= 10) return html`<ul class="link-list">${ids.map((i) => html`<li>${itemLink(i)}</li>`)}</ul>`;
  const groups = [];
  for (const i of ids) {
    const group = itemById(i)?.group;
    const last = groups[groups.length - 1];
    if (last && last.group === group) last.ids.push(i); else groups.push({ group, ids: [i] });
  }
  return html`<ul class="link-groups" data-testid="grouped-items">${groups.map(({ group, ids: inGroup }) => html`<li>
    <p class="link-group-name">${group ? html`${group.id} ${glText(group.title)}` : ''}</p>
    <ul class="link-list">${inGroup.map((i) => html`<li>${itemLink(i)}</li>`)}</ul></li>`)}</ul>`;
}
