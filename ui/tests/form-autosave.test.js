// Unit tests of the one save controller (ui/js/form-autosave.js), on stand-ins for the form
// and for the shell: every save of a record is based on the revision the last one returned,
// whichever view made it, and the state follows each receipt.

import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = { documentElement: { lang: 'en' } };
const calls = [];
let revision = 0;
// The shell's save_answer, as the core answers it: a stale revision is refused ("conflict").
globalThis.window = {
  __TAURI__: {
    core: {
      invoke: async (command, args) => {
        calls.push({ command, args: structuredClone(args) });
        if (command === 'save_answer') {
          if (args.revision !== revision) throw { kind: 'conflict', message: 'changed elsewhere' };
          revision += 1;
          return { updated_at: `t${revision}`, status: 'draft', reverted_from: null, revision, evaluation: { n: revision } };
        }
        throw new Error(`unexpected ${command}`);
      },
    },
  },
};

const { editRecord, bindFields, valueOf, savesAtOnce } = await import('../js/form-autosave.js');
const { flushAll, saveStatus } = await import('../js/autosave.js');
const { state } = await import('../js/state.js');

/** A form with controls; `fire(type, control)` sends an event as the browser would. */
function fakeForm() {
  const handlers = {};
  return {
    addEventListener: (type, fn) => { (handlers[type] ??= []).push(fn); },
    fire: (type, control) => (handlers[type] ?? []).forEach((fn) => fn({ type, target: { closest: () => control } })),
  };
}
const control = (field, type, value, checked) => ({ type, value, checked, dataset: { field } });
const emptyAnswer = (id) => ({ item_id: id, rating: null, na_reason: '', description: '', evidence: [],
  action_plan: { what: '', who: '', due: null }, marked_for_review: false, to_reconfirm: true, updated_at: null, revision: 0 });

function openAssessment() {
  revision = 0;
  calls.length = 0;
  state.record = { assessment: { id: 7, status: 'draft' }, answers: [emptyAnswer('II-3')], part2: [] };
  state.evaluation = null;
}
const app = { saved: [], afterSave(s) { this.saved.push(s); } };

test('values: tick boxes are booleans, empty dates null, text as typed', () => {
  assert.equal(valueOf(control('x', 'checkbox', 'on', true)), true);
  assert.equal(valueOf(control('x', 'date', '')), null);
  assert.equal(valueOf(control('x', 'date', '2026-03-31')), '2026-03-31');
  assert.equal(valueOf(control('x', 'text', ' a ')), ' a ');
  assert.ok(savesAtOnce(control('x', 'radio')) && !savesAtOnce(control('x', 'text')));
});

test('typing is applied once per change; a date on change only; unknown fields are left alone', () => {
  const form = fakeForm();
  const applied = [];
  let saves = 0;
  bindFields(form, (field, value) => { if (field === 'unknown') return false; applied.push([field, value]); return true; }, () => { saves += 1; });
  form.fire('input', control('description', 'text', 'We check ages'));
  form.fire('change', control('description', 'text', 'We check ages'));
  form.fire('input', control('due', 'date', '2026-03-31'));
  form.fire('change', control('due', 'date', '2026-03-31'));
  form.fire('input', control('unknown', 'text', 'x'));
  form.fire('input', null);
  assert.deepEqual(applied, [['description', 'We check ages'], ['due', '2026-03-31']]);
  assert.equal(saves, 2);
});

test('a date typed as text is saved in the core\'s form once it reads as a date, and never as half a date', () => {
  const form = fakeForm();
  const applied = [];
  let saves = 0;
  bindFields(form, (field, value) => { applied.push([field, value]); return true; }, () => { saves += 1; });
  const typed = (value) => ({ type: 'text', value, dataset: { field: 'due', date: '' }, closest: () => null, setAttribute() {}, removeAttribute() {} });
  form.fire('input', typed('2026/3'));
  form.fire('input', typed('2026/03/3')); // on its way to the 31st: not the 3rd
  form.fire('input', typed('２０２６／０３／３１'));
  const leaving = typed('２０２６／３／３１');
  form.fire('change', leaving);
  form.fire('input', typed('')); // emptied to type anew: nothing yet
  form.fire('change', typed('')); // left empty: no date
  assert.deepEqual(applied, [['due', '2026-03-31'], ['due', '2026-03-31'], ['due', null]]);
  assert.equal(saves, 3);
  assert.equal(leaving.value, '2026-03-31', 'written in the core\'s form on leaving the field');
});

test('a second save carries the revision the first returned, even from another editor of the record', async () => {
  openAssessment();
  const form = fakeForm();
  const first = editRecord('answer', 'II-3', { app }).bind(form, (field, value) => { first.record[field] = value; });
  first.record.rating = 'full';
  first.save(true);
  await flushAll();
  assert.equal(saveStatus(), 'saved');
  // As the re-confirm view does: a new editor of the same answer, opened after the first save.
  const second = editRecord('answer', 'II-3', { app });
  second.record.description = 'Ages checked at hiring';
  second.save();
  await flushAll();
  const saves = calls.filter((c) => c.command === 'save_answer');
  assert.deepEqual(saves.map((c) => c.args.revision), [0, 1], 'the second save is based on the first');
  assert.equal(saves[1].args.answer.rating, 'full', 'and keeps what the first saved');
  assert.equal(saveStatus(), 'saved', 'no conflict');
  const inState = state.record.answers.find((a) => a.item_id === 'II-3');
  assert.equal(inState.revision, 2);
  assert.equal(inState.to_reconfirm, false, 'saving confirms a carried-over answer');
  assert.deepEqual(app.saved.at(-1).evaluation, { n: 2 }, 'each receipt\'s evaluation reaches the app');
});

test('a save that finishes after another assessment was opened leaves that one alone', async () => {
  openAssessment();
  const editor = editRecord('answer', 'II-3', { app });
  editor.record.description = 'typed';
  editor.save(true);
  const other = { assessment: { id: 8 }, answers: [emptyAnswer('II-3')], part2: [] };
  state.record = other;
  await flushAll();
  assert.equal(other.answers[0].description, '', 'the other assessment is untouched');
  assert.equal(calls.filter((c) => c.command === 'save_answer')[0].args.id, 7, 'saved to its own assessment');
});
