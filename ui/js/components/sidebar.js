// The sidebar of an open assessment: groups with progress, the current group's items,
// Part 2, review, declaration, submission. Every entry is a link.

import { pathOf } from '../flow.js';
import { html, render } from '../html.js';
import { t } from '../i18n.js';
import { glText, translationLabel } from './guideline-title.js';
import { state, answerFor, part2For, isRelevant, groupOf } from '../state.js';
import { toReconfirm } from '../finder.js';
import { finderControls, wireFinder, drawFound } from './finder-panel.js';

function itemMark(itemId) {
  const a = answerFor(itemId);
  if (a.to_reconfirm) return { cls: 'reconfirm', label: t('status.to_reconfirm') };
  if (!a.rating) return { cls: 'open', label: t('status.unanswered') };
  if (a.rating === 'not_applicable') return { cls: 'na', label: t('rating.not_applicable') };
  if (a.rating === 'full') return { cls: 'done', label: t('rating.full') };
  return { cls: 'gap', label: t(`rating.${a.rating}`) };
}

function mark(m, flagged) {
  return html`<span class="mark mark-${m.cls}" aria-hidden="true"></span><span class="visually-hidden">${m.label}${flagged ? `, ${t('status.marked_for_review')}` : ''}</span>${flagged ? html`<span class="flag" aria-hidden="true">⚑</span>` : ''}`;
}

/** A selector for the focused control, to find its new copy after a re-draw. */
function focusSelector(el) {
  if (el.classList.contains('sidebar-toggle')) return '.sidebar-toggle';
  if (el.dataset.finder) return `[data-finder="${el.dataset.finder}"]`;
  const href = el.getAttribute('href');
  return href ? `a[href="${CSS.escape(href)}"]` : null;
}

export function renderSidebar(el, step) {
  // The sidebar is re-drawn when the progress changes: the keyboard focus stays where it was.
  const focused = el.contains(document.activeElement) ? focusSelector(document.activeElement) : null;
  const { record, evaluation } = state;
  const id = record.assessment.id;
  const currentItem = step.startsWith('item:') ? step.slice(5) : null;
  const currentGroup = currentItem ? groupOf(currentItem) : null;
  const groups = state.catalog.guideline.groups.map((g) => {
    const tally = evaluation?.score.groups.find((x) => x.group_id === g.id)?.tally;
    const answered = tally ? tally.answered + tally.not_applicable : 0;
    const open = g.id === currentGroup;
    return html`<li class="group ${open ? 'open' : ''}">
      <a href="#${pathOf(id, `item:${g.items[0].id}`)}" class="group-link">
        <span class="group-id">${g.id}</span>
        <span class="group-title">${glText(g.title)}</span>
        <span class="group-count" aria-label="${t('sidebar.answered_of', { n: answered, total: g.items.length })}">${answered}/${g.items.length}</span>
        <meter min="0" max="${g.items.length}" value="${answered}" aria-hidden="true"></meter>
      </a>
      ${open ? html`<ol class="items">${g.items.map((item) => html`<li>
        <a href="#${pathOf(id, `item:${item.id}`)}" ${item.id === currentItem ? html`aria-current="step"` : ''}>
          ${mark(itemMark(item.id), answerFor(item.id).marked_for_review)}
          <span class="item-id">${item.id}</span> <span class="item-title">${glText(item.title)}</span></a></li>`)}</ol>` : ''}
    </li>`;
  });
  const policies = state.policies.map((p) => {
    const a = part2For(p.id);
    const m = a.to_reconfirm ? { cls: 'reconfirm', label: t('status.to_reconfirm') }
      : a.acknowledged ? { cls: 'done', label: t('part2.acknowledged') }
        : isRelevant(p.id) ? { cls: 'open', label: t('status.unanswered') } : { cls: 'na', label: t('part2.not_relevant_short') };
    return html`<li><a href="#${pathOf(id, `part2:${p.id}`)}" ${step === `part2:${p.id}` ? html`aria-current="step"` : ''}>
      ${mark(m, false)}<span class="item-title">${glText(p.short_title)}</span></a></li>`;
  });
  const tail = ['review', 'declaration', 'submit'].map((s) => html`<li class="group">
    <a href="#${pathOf(id, s)}" class="group-link" ${step === s ? html`aria-current="step"` : ''}>
      <span class="group-title">${t(`step.${s}`)}</span></a></li>`);
  const overall = evaluation?.score.overall;
  const groupsHtml = html`<ol class="groups">${groups}
        <li class="group ${step.startsWith('part2:') ? 'open' : ''}">
          <a href="#${pathOf(id, `part2:${state.policies[0].id}`)}" class="group-link">
            <span class="group-title">${t('step.part2')}</span></a>
          ${step.startsWith('part2:') ? html`<ol class="items">${policies}</ol>` : ''}
        </li>
        ${tail}
      </ol>`;
  const left = toReconfirm(record);
  const firstGroup = left.items.length ? groupOf(left.items[0]) : 'part2';
  render(el, html`
    <button type="button" class="sidebar-toggle button small" aria-expanded="${el.classList.contains('expanded') ? 'true' : 'false'}" aria-controls="sidebar-content">${t('sidebar.sections')}</button>
    <div id="sidebar-content" class="sidebar-content">
      <div class="sidebar-head">
        <div class="sidebar-period">${record.assessment.period}</div>
        <div class="sidebar-company">${record.company.legal_name || record.company.name_latin}</div>
        ${overall ? html`<div class="sidebar-progress">${t('sidebar.complete', { pct: overall.completeness })}
          <meter min="0" max="100" value="${overall.completeness}" aria-hidden="true"></meter></div>` : ''}
        ${left.total ? html`<a class="button small reconfirm-link" href="#${pathOf(id, `reconfirm:${firstGroup}`)}">${t('reconfirm.sidebar_link', { n: left.total })}</a>` : ''}
      </div>
      ${finderControls()}
      <div class="finder-slot"></div>
      ${translationLabel()}
    </div>`);
  const slot = el.querySelector('.finder-slot');
  drawFound(slot, groupsHtml, currentItem);
  // The content, drawn anew with each step, not `el`: the nav element stays, and a listener
  // put on it at every step kept every earlier sidebar alive with it.
  wireFinder(el.querySelector('.sidebar-content'), () => drawFound(slot, groupsHtml, currentItem));
  el.querySelector('.sidebar-toggle').addEventListener('click', (e) => {
    const open = e.currentTarget.getAttribute('aria-expanded') !== 'true';
    e.currentTarget.setAttribute('aria-expanded', String(open));
    el.classList.toggle('expanded', open);
  });
  if (focused) el.querySelector(focused)?.focus({ preventScroll: true });
}
