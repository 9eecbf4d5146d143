// A save refused because the record changed elsewhere (another window, the command line):
// shows the stored version beside what the user typed, in words (ratings, dates and answers
// as the screens say them, never raw codes), and lets them keep either. Nothing is lost:
// until they choose, what they typed stays on screen.

import { html } from '../html.js';
import { t, formatDate, pick, labelled, list } from '../i18n.js';
import { state } from '../state.js';
import { openDialog } from './dialog.js';

/** The fields compared, by kind of record, in the order shown; each with its label's key. */
const FIELDS = [
  ['rating', 'conflict.field.rating'], ['na_reason', 'conflict.field.na_reason'], ['description', 'conflict.field.description'],
  ['evidence', 'conflict.field.evidence'], ['action_plan', 'conflict.field.action_plan'],
  ['marked_for_review', 'conflict.field.marked_for_review'], ['acknowledged', 'conflict.field.acknowledged'],
  ['cascaded', 'conflict.field.cascaded'], ['disclosures', 'conflict.field.disclosures'], ['notes', 'conflict.field.notes'],
  ['signer_name', 'declaration.name'], ['signer_title', 'declaration.title'], ['date', 'declaration.date'],
  ['confirmed', 'declaration.confirm_short'],
];

/** What a value says, as the screens say it. */
function words(field, value, record) {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (field === 'rating') return t(`rating.${value}`);
  if (field === 'cascaded') return t(`cascade.${value}`);
  if (field === 'date') return formatDate(value);
  if (field === 'evidence') {
    return value.map((e) => list([e.name, e.location, formatDate(e.date ?? ''), e.valid_until ? labelled(t('item.evidence.valid_until'), formatDate(e.valid_until)) : '']
      .filter(Boolean))).join('\n');
  }
  if (field === 'action_plan') {
    return [value.what && labelled(t('item.plan.what'), value.what), value.who && labelled(t('item.plan.who'), value.who),
      value.due && labelled(t('item.plan.due'), formatDate(value.due))].filter(Boolean).join('\n');
  }
  if (field === 'disclosures') {
    const questions = state.catalog?.disclosures.policies[record?.policy_id] ?? [];
    return Object.entries(value).filter(([, x]) => x !== null && x !== '').map(([id, x]) => {
      const q = questions.find((f) => f.id === id);
      const answer = q?.options?.find((o) => o.id === x);
      return labelled(q ? pick(q.label) : id, answer ? pick(answer.label) : q?.kind === 'date' ? formatDate(x) : x);
    }).join('\n');
  }
  return String(value);
}

/** The fields that differ between `stored` and `typed`, in words: [{field, label, stored, typed}]. */
export function differences(stored, typed) {
  const record = typed ?? stored;
  return FIELDS
    .filter(([f]) => f in (stored ?? {}) || f in (typed ?? {}))
    .map(([f, label]) => ({ field: f, label: t(label), stored: words(f, stored?.[f], record), typed: words(f, typed?.[f], record) }))
    .filter((d) => d.stored !== d.typed);
}

/**
 * Wraps a save so that a conflict is put to the user. `load()` reads the stored record (or
 * null). Keeping what was typed bases the save on the stored revision (`rebase(stored)`) and
 * saves again; taking the stored one calls `useStored(stored)`, whose result stands for the save.
 */
export function resolvingConflicts(save, { typed, load, rebase, useStored }) {
  return async () => {
    try {
      return await save();
    } catch (e) {
      if (e?.kind !== 'conflict') throw e;
      const stored = await load();
      const choice = await openDialog(html`
        <h2 class="modal-title">${t('error.conflict.title')}</h2>
        <p>${t('conflict.explain')}</p>
        <table class="conflict">
          <thead><tr><th scope="col"></th><th scope="col">${t('conflict.stored')}</th><th scope="col">${t('conflict.typed')}</th></tr></thead>
          <tbody>${differences(stored, typed()).map((d) => html`
            <tr><th scope="row">${d.label}</th><td class="pre">${d.stored}</td><td class="pre">${d.typed}</td></tr>`)}
          </tbody>
        </table>
        <div class="modal-actions">
          <button type="button" value="stored" class="button">${t('conflict.use_stored')}</button>
          <button type="button" value="typed" class="button primary">${t('conflict.keep_typed')}</button>
        </div>`);
      if (choice === 'stored') return useStored(stored);
      if (choice !== 'typed') throw e; // closed without choosing: stays unsaved, asked again
      rebase(stored);
      return save();
    }
  };
}
