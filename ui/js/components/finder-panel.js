// The sidebar's filter and search box and their results: which items are unanswered,
// gaps, marked for review, to re-confirm or essential, and where a word occurs. "/" or
// Ctrl+F puts the cursor in the search box.

import { FILTERS, passes, search } from '../finder.js';
import { pathOf } from '../flow.js';
import { html, render } from '../html.js';
import { t, gt } from '../i18n.js';
import { glText } from './guideline-title.js';
import { state, answerFor } from '../state.js';

/** Kept across re-draws of the sidebar (it is drawn anew on every step). */
const view = { filter: 'all', query: '' };

/** Whether the sidebar shows results instead of the groups. */
export function finding() { return view.filter !== 'all' || view.query.trim() !== ''; }

/** The filter and the search box. */
export function finderControls() {
  return html`<div class="finder" role="search">
    <label class="visually-hidden" for="finder-query">${t('finder.search_label')}</label>
    <input id="finder-query" type="search" class="finder-query" data-finder="query" value="${view.query}"
      placeholder="${t('finder.search_placeholder')}" aria-describedby="finder-keys" autocomplete="off" maxlength="100">
    <span id="finder-keys" class="visually-hidden">${t('finder.keys')}</span>
    <label class="finder-filter-label" for="finder-filter">${t('finder.show')}</label>
    <select id="finder-filter" class="finder-filter" data-finder="filter">
      ${FILTERS.map((f) => html`<option value="${f}" ${f === view.filter ? html`selected` : ''}>${t(`finder.filter.${f}`)}</option>`)}
    </select>
  </div>`;
}

function resultLink(id, currentItem, place) {
  const entry = state.items.find((e) => e.item.id === id);
  const a = answerFor(id);
  const rating = a.rating ? t(`rating.${a.rating}`) : t('status.unanswered');
  return html`<li><a href="#${pathOf(state.record.assessment.id, `item:${id}`)}" ${id === currentItem ? html`aria-current="step"` : ''}>
    <span class="item-id">${id}</span> <span class="item-title">${glText(entry.item.title)}</span></a>
    <span class="finder-meta">${rating}${a.to_reconfirm ? ` · ${t('status.to_reconfirm')}` : ''}${place ? ` · ${t(`finder.place.${place}`)}` : ''}</span></li>`;
}

/** The results of the current filter and search, with their count. */
export function finderResults(currentItem) {
  const answers = state.record.answers;
  let ids = state.items.filter((e) => passes(view.filter, e, answers.find((a) => a.item_id === e.item.id))).map((e) => e.item.id);
  let places = {};
  if (view.query.trim()) {
    const hits = search(view.query, state.items, answers, state.catalog.advice.items, gt);
    places = Object.fromEntries(hits.map((h) => [h.id, h.place]));
    const allowed = new Set(ids);
    ids = hits.map((h) => h.id).filter((id) => allowed.has(id));
  }
  return html`<p class="finder-count" role="status" data-testid="finder-count">${t('finder.count', { n: ids.length })}</p>
    ${ids.length ? html`<ol class="items finder-results" data-testid="finder-results">${ids.map((id) => resultLink(id, currentItem, places[id]))}</ol>`
    : html`<p class="empty small">${t('finder.none')}</p>`}
    <button type="button" class="button small link" data-finder="clear">${t('finder.clear')}</button>`;
}

/**
 * Wires the finder's controls inside `el`, the sidebar's content (drawn anew on every step,
 * so its listeners go with it); `redraw()` draws the groups or the results anew.
 */
export function wireFinder(el, redraw) {
  const query = el.querySelector('[data-finder="query"]');
  query.addEventListener('input', () => { view.query = query.value; redraw(); });
  query.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && query.value) { e.preventDefault(); e.stopPropagation(); view.query = ''; query.value = ''; redraw(); }
  });
  el.querySelector('[data-finder="filter"]').addEventListener('change', (e) => { view.filter = e.target.value; redraw(); });
  el.addEventListener('click', (e) => {
    if (!e.target.closest('[data-finder="clear"]')) return;
    view.filter = 'all';
    view.query = '';
    query.value = '';
    el.querySelector('[data-finder="filter"]').value = 'all';
    redraw();
    query.focus();
  });
}

/** Draws the results (or the groups) into `slot`. */
export function drawFound(slot, groupsHtml, currentItem) {
  render(slot, finding() ? finderResults(currentItem) : groupsHtml);
}

// "/" (outside a text field) or Ctrl+F: to the search box, unfolding a folded sidebar.
if (typeof document !== 'undefined') {
  document.addEventListener('keydown', (e) => {
    const inField = e.target.closest?.('input, textarea, select, [contenteditable], dialog');
    const slash = e.key === '/' && !inField && !e.ctrlKey && !e.metaKey && !e.altKey;
    const ctrlF = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f';
    if (!slash && !ctrlF) return;
    const box = document.querySelector('[data-finder="query"]');
    if (!box) return;
    e.preventDefault();
    const sidebar = box.closest('.sidebar');
    if (sidebar && !sidebar.classList.contains('expanded')) {
      sidebar.classList.add('expanded');
      sidebar.querySelector('.sidebar-toggle')?.setAttribute('aria-expanded', 'true');
    }
    box.focus();
    box.select();
  });
}
