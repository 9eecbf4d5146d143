// A save refused because the answer changed elsewhere (another window, the command line):
// shows the stored answer beside what the user typed, and lets them keep either. Nothing
// is lost: until they choose, what they typed stays on screen.

import { html } from '../html.js';
import { t } from '../i18n.js';
import { dispatch } from '../router.js';
import { state } from '../state.js';
import { openDialog } from './dialog.js';

/** The fields of an answer (item or Part 2) that differ between `stored` and `typed`, as text. */
export function differences(stored, typed) {
  const text = (v) => {
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) return v.map((e) => [e.name, e.location, e.date].filter(Boolean).join(' / ')).join('\n');
    if (typeof v === 'object') return Object.entries(v).filter(([, x]) => x !== null && x !== '').map(([k, x]) => `${k}: ${x}`).join('\n');
    return String(v);
  };
  const fields = ['rating', 'na_reason', 'description', 'evidence', 'action_plan', 'marked_for_review',
    'acknowledged', 'cascaded', 'disclosures', 'notes'];
  return fields
    .filter((f) => f in (stored ?? {}) || f in (typed ?? {}))
    .map((f) => ({ field: f, stored: text(stored?.[f]), typed: text(typed?.[f]) }))
    .filter((d) => d.stored !== d.typed);
}

/**
 * Wraps a save so that a conflict is put to the user. `load()` reads the stored answer
 * (or null). Keeping what was typed saves it again on the stored revision; taking the
 * stored one calls `useStored(stored)` and counts as saved.
 */
export function resolvingConflicts(save, { typed, load, useStored }) {
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
            <tr><th scope="row">${t(`conflict.field.${d.field}`)}</th><td class="pre">${d.stored}</td><td class="pre">${d.typed}</td></tr>`)}
          </tbody>
        </table>
        <div class="modal-actions">
          <button type="button" value="stored" class="button">${t('conflict.use_stored')}</button>
          <button type="button" value="typed" class="button primary">${t('conflict.keep_typed')}</button>
        </div>`);
      if (choice === 'stored') return useStored(stored);
      if (choice !== 'typed') throw e; // closed without choosing: stays unsaved, asked again
      typed().revision = stored?.revision ?? 0;
      return save();
    }
  };
}

/**
 * Makes the on-screen answer the stored one (keeping its id field) and redraws the screen
 * once the save has been counted; returns what a save would have returned.
 */
export function takeStored(answer, stored) {
  const idField = 'item_id' in answer ? 'item_id' : 'policy_id';
  Object.assign(answer, structuredClone(stored), { [idField]: answer[idField] });
  setTimeout(dispatch);
  const a = state.record?.assessment;
  return { updated_at: stored.updated_at ?? a?.updated_at, status: a?.status, reverted_from: null, revision: stored.revision ?? 0 };
}
