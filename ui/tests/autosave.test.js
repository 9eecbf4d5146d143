// Unit tests of the save queue: pauses, one save at a time, the latest value winning, and
// the failure path (error state, retry, closing with unsaved changes).

import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

import { schedule, flushAll, saveStatus, onSaveStatus, hasUnsaved, lastSaveError } from '../js/autosave.js';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

beforeEach(async () => { await flushAll(); });

test('a change is saved after a pause, once, with the latest value', async () => {
  const saved = [];
  let value = 'a';
  const save = async () => { saved.push(value); return value; };
  schedule('t1', save);
  value = 'ab';
  schedule('t1', save);
  assert.equal(saveStatus(), 'saving');
  await tick(350);
  assert.deepEqual(saved, ['ab']);
  assert.equal(saveStatus(), 'saved');
  assert.equal(hasUnsaved(), false);
});

test('immediate saves run at once; onDone gets the result', async () => {
  let done = null;
  schedule('t2', async () => 42, { immediate: true, onDone: (r) => { done = r; } });
  await tick(5);
  assert.equal(done, 42);
});

test('one save at a time per key: a change during a save is saved after it', async () => {
  const log = [];
  let release;
  const slow = () => new Promise((r) => { log.push('start 1'); release = () => { log.push('end 1'); r(); }; });
  schedule('t3', slow, { immediate: true });
  await tick(5);
  schedule('t3', async () => { log.push('save 2'); }, { immediate: true });
  await tick(5);
  assert.deepEqual(log, ['start 1'], 'the second waits');
  release();
  await flushAll();
  assert.deepEqual(log, ['start 1', 'end 1', 'save 2']);
});

test('a failed save shows the error state, stays pending, and a retry saves it', async () => {
  const statuses = [];
  const off = onSaveStatus((s) => statuses.push(s));
  let fail = true;
  let saves = 0;
  const error = Object.assign(new Error('disk full'), { kind: 'disk_full' });
  schedule('t4', async () => { saves += 1; if (fail) throw error; return 'ok'; }, { immediate: true });
  await tick(5);
  assert.equal(saveStatus(), 'error');
  assert.equal(lastSaveError(), error);
  assert.equal(hasUnsaved(), true, 'what failed is still unsaved');
  assert.ok(statuses.includes('error'));
  // The retry (the header's button, or closing the window) tries once more and reports.
  assert.equal(await flushAll(), false, 'still failing: flushAll says so');
  assert.equal(saveStatus(), 'error');
  fail = false;
  assert.equal(await flushAll(), true, 'the retry saves it');
  assert.equal(saveStatus(), 'saved');
  assert.equal(lastSaveError(), null);
  assert.equal(hasUnsaved(), false);
  assert.equal(saves, 3);
  off();
});

test('closing with unsaved changes: flushAll saves what waits for its pause', async () => {
  const saved = [];
  schedule('t5', async () => { saved.push('typed'); });
  assert.equal(hasUnsaved(), true);
  assert.equal(await flushAll(), true);
  assert.deepEqual(saved, ['typed'], 'saved before the pause ended');
});

test('closing while a save keeps failing reports false, and nothing is lost', async () => {
  let calls = 0;
  schedule('t6', async () => { calls += 1; throw new Error('busy'); }, { immediate: true });
  await tick(5);
  assert.equal(await flushAll(), false);
  assert.equal(hasUnsaved(), true, 'the value is still pending for the next try');
  assert.equal(calls, 2, 'tried once more on close, not forever');
  // Clean up: let it succeed.
  schedule('t6', async () => {}, { immediate: true });
  assert.equal(await flushAll(), true);
});

test("a failing onDone does not mark the save failed", async () => {
  const errors = console.error;
  console.error = () => {};
  schedule('t7', async () => 1, { immediate: true, onDone: () => { throw new Error('view gone'); } });
  await tick(5);
  console.error = errors;
  assert.equal(saveStatus(), 'saved');
});
