// The one save controller. Every view that edits a record (an item's answer, a Part 2
// answer, the declaration, the company profile; on the item page, in the re-confirm view and
// in the submission panel alike) edits it through `editRecord`, which owns the record's whole
// save: the on-screen copy, the revision each save is based on (the last receipt's), a
// conflict with a save made elsewhere, the "is this still the open assessment?" guard, the
// re-confirm mark and the state update. A view only says how a control's value goes into the
// record (and what to redraw after a save).

import { api } from './api.js';
import { schedule } from './autosave.js';
import { resolvingConflicts } from './components/conflict.js';
import { readDate } from './views/fields.js';
import { halfWidth } from './input.js';
import { state, answerFor, part2For, putAnswer, putPart2, changed, necRequests, requestKey, putRequest } from './state.js';

/** A control whose change is complete at once (no typing to wait for). */
export function savesAtOnce(input) {
  return input.type === 'radio' || input.type === 'checkbox' || input.type === 'date';
}

/** The value of a [data-field] control: a tick box's state, a date or null, else the text. */
export function valueOf(input) {
  if (input.type === 'checkbox') return input.checked;
  if (input.type === 'date') return input.value || null;
  return input.value;
}

/** A date typed out in full: two-digit month and day, 年月日 ending in 日, or 8 digits. (An
 *  emptied field is taken on leaving it: emptied to type anew is not "no date".) */
function writtenOut(typed) {
  return /^\d{4}[-/.]\d{2}[-/.]\d{2}$|日$|^\d{8}$/.test(halfWidth(typed).replace(/\s+/g, ''));
}

/**
 * Wires `root`'s [data-field] controls: `apply(field, value, input)` puts a changed value into
 * what is edited and returns false for a field it does not save; `save(immediate)` is then
 * asked for (at once for a choice, a tick box or a date; after a pause in typing for text).
 */
export function bindFields(root, apply, save) {
  const changedField = (event) => {
    const input = event.target?.closest?.('[data-field]');
    if (!input) return;
    // A date typed as text: applied as the user types once it is written out in full (so
    // "2026/02/3", on its way to "2026/02/30", is not saved as 3 February), and on leaving the
    // field, then written in the core's form (or, if it is no date, said how to write one).
    if (input.dataset && 'date' in input.dataset) {
      const leaving = event.type === 'change';
      const value = readDate(input, leaving);
      if (value === undefined || (!leaving && !writtenOut(input.value))) return;
      if (apply(input.dataset.field, value, input) === false) return;
      save(false);
      return;
    }
    // A date field on `change` (WebKit may not send `input` for it), the rest on `input`:
    // each change is handled once.
    if (event.type !== (input.type === 'date' ? 'change' : 'input')) return;
    if (apply(input.dataset.field, valueOf(input), input) === false) return;
    save(savesAtOnce(input));
  };
  root.addEventListener('input', changedField);
  root.addEventListener('change', changedField);
}

/**
 * How each kind of record is read from the state, saved (based on `revision`), found among
 * what is stored (after a conflict), and put back. `assessment` is the open assessment's id
 * (null for a profile edited without one).
 */
export const KINDS = {
  answer: {
    read: (id) => answerFor(id),
    save: (assessment, record, _id, revision) => api.saveAnswer(assessment, { ...record, revision }),
    stored: async (assessment, id) => (await api.openAssessment(assessment)).record.answers.find((a) => a.item_id === id) ?? null,
    put: (record) => putAnswer(record),
    reconfirms: true,
  },
  part2: {
    read: (id) => part2For(id),
    save: (assessment, record, _id, revision) => api.savePart2(assessment, { ...record, revision }),
    stored: async (assessment, id) => (await api.openAssessment(assessment)).record.part2.find((a) => a.policy_id === id) ?? null,
    put: (record) => putPart2(record),
    reconfirms: true,
  },
  declaration: {
    read: () => state.record.assessment.declaration,
    save: (assessment, record, _id, revision) => api.saveDeclaration(assessment, record, revision),
    stored: async (assessment) => (await api.openAssessment(assessment)).record.assessment.declaration,
    put: (record) => { state.record.assessment.declaration = record; },
  },
  // A reply to one of NEC's requests: `id` is the request's key (state.js `requestKey`).
  request: {
    read: (id) => necRequests().find((r) => requestKey(r) === id),
    save: (assessment, record, _id, revision) => api.replyToRequest(
      assessment, record, { status: record.status, reply: record.reply, reason: record.reason }, revision,
    ),
    stored: async (assessment, id) => (await api.openAssessment(assessment)).record.nec_requests.find((r) => requestKey(r) === id) ?? null,
    put: (record) => putRequest(record),
  },
  profile: {
    // `id`: the company's (null before the first save creates it). Its revision is the
    // company's, beside the profile.
    read: (id) => state.companies.find((c) => c.id === id)?.profile ?? {},
    revision: (id) => state.companies.find((c) => c.id === id)?.revision ?? 0,
    save: (assessment, record, id, revision) => api.saveProfile(id, record, id === null ? null : revision, assessment),
    stored: async (_assessment, id) => (await api.listCompanies()).find((c) => c.id === id)?.profile ?? null,
    put: () => {},
  },
};

/** The revision of each record as of its last receipt, by save key: every editor of a record
 * (even one opened while another's save was under way) bases its next save on it. */
const revisions = new Map();

/** Forgets the revisions of assessment `id` (its record was read anew). */
export function forgetRevisions(id) {
  for (const key of [...revisions.keys()]) if (key.split(':')[1] === String(id)) revisions.delete(key);
}

function keyOf(kind, assessment, id) {
  return `${kind}:${assessment ?? ''}:${id ?? ''}`;
}

/**
 * Edits the record `kind` `id` of the open assessment. Returns {record, save(immediate),
 * bind(root, apply)}: `record` is the copy the view changes; `bind` wires a form's controls;
 * `save` schedules a save (a button that saves without a field changing). `onSaved(saved)`
 * runs after each save the view must follow (the record's new state is already in place).
 */
export function editRecord(kind, id, { app, onSaved } = {}) {
  const k = KINDS[kind];
  const assessment = state.record?.assessment.id ?? null;
  let record = structuredClone(k.read(id));
  // A profile is created by its first save; later saves name it. Its saves queue under one
  // key whatever its id (so a save typed while the first one creates it cannot create another).
  let recordId = id;
  const key = () => keyOf(kind, kind === 'profile' ? null : assessment, recordId);
  const queue = kind === 'profile' ? 'profile' : key();
  if (!revisions.has(key())) revisions.set(key(), k.revision?.(id) ?? record.revision ?? 0);

  const attempt = resolvingConflicts(
    () => k.save(assessment, record, recordId, revisions.get(key()) ?? 0),
    {
      typed: () => record,
      load: () => k.stored(assessment, recordId),
      rebase: (stored) => revisions.set(key(), stored?.revision ?? 0),
      useStored: (stored) => {
        const idField = { answer: 'item_id', part2: 'policy_id' }[kind];
        record = Object.assign(record, structuredClone(stored ?? {}), idField ? { [idField]: id } : {});
        revisions.set(key(), stored?.revision ?? 0);
        k.put(record);
        return null; // nothing was saved: the stored one stands
      },
    },
  );

  const afterSave = (saved) => {
    if (saved === null) { app?.refresh?.(); return; } // the stored record was taken: redraw it
    // A profile's save answers with the company; the others with a receipt.
    if (kind === 'profile') {
      const company = saved.company;
      recordId = company.id;
      revisions.set(key(), company.revision ?? 0);
      const i = state.companies.findIndex((c) => c.id === company.id);
      if (i >= 0) state.companies[i] = company; else state.companies.push(company);
      if (state.record && state.record.assessment.company_id === company.id) state.record.company = company.profile;
    } else {
      revisions.set(key(), saved.revision ?? 0);
      // The save may finish after the user moved on, even to another assessment.
      if (state.record?.assessment.id !== assessment) return;
      record.revision = saved.revision ?? 0;
      if (k.reconfirms) record.to_reconfirm = false; // saving confirms a carried-over answer
      if ('updated_at' in record) record.updated_at = saved.updated_at;
      k.put(record);
      app?.afterSave?.(saved);
    }
    if (kind === 'profile' && saved.evaluation && state.record?.assessment.id === assessment) app?.afterSave?.(saved);
    onSaved?.(saved);
  };

  const editor = {
    get record() { return record; },
    save(immediate = false) {
      k.put(record);
      schedule(queue, attempt, { immediate, onDone: afterSave });
    },
    bind(root, apply) {
      bindFields(root, (field, value, input) => {
        if (apply(field, value, input) === false) return false;
        k.put(record); // the state holds what is typed (the sidebar and search see it at once)
        return true;
      }, (immediate) => editor.save(immediate));
      return editor;
    },
  };
  return editor;
}

/** Tells the state that the open assessment's evaluation changed, if it did. */
export function takeEvaluation(evaluation) {
  if (!evaluation || JSON.stringify(evaluation) === JSON.stringify(state.evaluation)) return;
  state.evaluation = evaluation;
  changed('evaluation');
}
