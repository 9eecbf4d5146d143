// Saving without a save button. Each thing being edited has a key; changes to it are
// saved after a short pause, one save at a time per key, the latest value winning.
// A failed save stays pending and is retried; flushAll() saves everything now (before
// navigating away or closing the window).

const DELAY_MS = 300;
const queues = new Map();
const listeners = new Set();
let lastError = null;

/** 'error' when a save failed (and is still to be retried), 'saving' while one waits or runs, else 'saved'. */
export function saveStatus() {
  const busy = [...queues.values()].some((q) => q.timer || q.running);
  const failed = [...queues.values()].some((q) => q.failed);
  return failed ? 'error' : busy ? 'saving' : 'saved';
}

/** Calls `fn(status, error)` now and on every change. Returns the unsubscribe function. */
export function onSaveStatus(fn) {
  listeners.add(fn);
  fn(saveStatus(), lastError);
  return () => listeners.delete(fn);
}

function emit() {
  const status = saveStatus();
  listeners.forEach((fn) => fn(status, lastError));
}

/**
 * Schedules `save` (an async function) under `key`. `onDone` gets its result.
 * Returns at once; the save runs after a pause, or now when `immediate`.
 */
export function schedule(key, save, { immediate = false, onDone } = {}) {
  let q = queues.get(key);
  if (!q) { q = { pending: null, timer: null, running: null, failed: false }; queues.set(key, q); }
  q.pending = { save, onDone };
  clearTimeout(q.timer);
  q.timer = setTimeout(() => run(key), immediate ? 0 : DELAY_MS);
  emit();
}

async function run(key) {
  const q = queues.get(key);
  if (!q) return;
  q.timer = null;
  // One save at a time per key. Several callers may wait here for the same save; the first
  // to wake takes the pending value, the others wait for that save to finish.
  while (q.running) await q.running.catch(() => {});
  if (!q.pending) { emit(); return; }
  const { save, onDone } = q.pending;
  q.pending = null;
  q.running = (async () => {
    let result;
    try {
      result = await save();
      q.failed = false;
      if (!q.pending && [...queues.values()].every((o) => !o.failed)) lastError = null;
    } catch (e) {
      q.failed = true;
      lastError = e;
      if (!q.pending) q.pending = { save, onDone };
      throw e;
    } finally {
      q.running = null;
      emit();
    }
    // What the view does with the result is not part of the save: its failure must not
    // mark the save failed (and have it sent again forever).
    try { onDone?.(result); } catch (e) { console.error('after save', e); }
  })();
  emit();
  await q.running.catch(() => {});
}

/** Saves everything pending now. Resolves true when all is saved, false if a save failed. */
export async function flushAll() {
  // Until nothing waits or runs: a save finishing may leave a newer value pending, and a
  // failed save stays pending (tried again once per flush, then reported).
  const gaveUp = new Set();
  for (;;) {
    const todo = [...queues].filter(([key, q]) => q.running || (q.pending && !gaveUp.has(key)));
    if (!todo.length) break;
    await Promise.all(todo.map(async ([key, q]) => {
      clearTimeout(q.timer);
      q.timer = null;
      await run(key);
      if (q.failed) gaveUp.add(key);
    }));
  }
  const ok = [...queues.values()].every((q) => !q.failed && !q.pending && !q.running);
  emit();
  return ok;
}

export function hasUnsaved() {
  return [...queues.values()].some((q) => q.pending || q.running || q.failed);
}

export function lastSaveError() { return lastError; }
