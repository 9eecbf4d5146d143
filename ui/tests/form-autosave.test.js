// Unit tests of the one autosaving form controller, on a stand-in for the form.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { autosaveForm, valueOf, savesAtOnce } from '../js/form-autosave.js';
import { flushAll, saveStatus } from '../js/autosave.js';

/** A form with controls; `fire(type, control)` sends an event as the browser would. */
function fakeForm() {
  const handlers = {};
  return {
    addEventListener: (type, fn) => { (handlers[type] ??= []).push(fn); },
    fire: (type, control) => (handlers[type] ?? []).forEach((fn) => fn({ type, target: { closest: () => control } })),
  };
}
const control = (field, type, value, checked) => ({ type, value, checked, dataset: { field } });

test('values: tick boxes are booleans, empty dates null, text as typed', () => {
  assert.equal(valueOf(control('x', 'checkbox', 'on', true)), true);
  assert.equal(valueOf(control('x', 'date', '')), null);
  assert.equal(valueOf(control('x', 'date', '2026-03-31')), '2026-03-31');
  assert.equal(valueOf(control('x', 'text', ' a ')), ' a ');
  assert.ok(savesAtOnce(control('x', 'radio')) && !savesAtOnce(control('x', 'text')));
});

test('typing is applied and saved once after the pause; a date once on change', async () => {
  const form = fakeForm();
  const applied = [];
  const saved = [];
  const record = {};
  autosaveForm(form, {
    key: 'form-test',
    apply: (field, value) => { applied.push([field, value]); record[field] = value; return true; },
    save: async () => { saved.push({ ...record }); return 'receipt'; },
  });
  form.fire('input', control('description', 'text', 'We check ages'));
  form.fire('change', control('description', 'text', 'We check ages'));
  assert.deepEqual(applied, [['description', 'We check ages']], 'the change event of a text adds nothing');
  assert.equal(saveStatus(), 'saving');
  form.fire('input', control('due', 'date', '2026-03-31'));
  form.fire('change', control('due', 'date', '2026-03-31'));
  assert.equal(applied.length, 2, 'a date is handled once');
  await flushAll();
  assert.deepEqual(saved.at(-1), { description: 'We check ages', due: '2026-03-31' });
});

test('a field the view does not save is left alone; onDone gets the result', async () => {
  const form = fakeForm();
  let saves = 0;
  let done = null;
  const f = autosaveForm(form, {
    key: 'form-test-2',
    apply: (field) => field === 'known',
    save: async () => { saves += 1; return 'r'; },
    onDone: (r) => { done = r; },
  });
  form.fire('input', control('unknown', 'text', 'x'));
  await flushAll();
  assert.equal(saves, 0);
  f.save(true);
  await flushAll();
  assert.equal(saves, 1);
  assert.equal(done, 'r');
  form.fire('input', null); // an event from outside any field
});
