// Saving without a save button. Each thing being edited has a key; changes to it are
// saved after a short pause, one save at a time per key, the latest value winning.
// A failed save stays pending and is retried; flushAll() saves everything now (before
// navigating away or closing the window).

const DELAY_MS = 300;
const queues = new Map();
const listeners = new Set();
let lastError = null;

export function onSaveStatus(fn) { listeners.add(fn); return () => listeners.delete(fn); }

function emit() {
  const busy = [...queues.values()].some((q) => q.timer || q.running);
  const failed = [...queues.values()].some((q) => q.failed);
  const status = failed ? 'error' : busy ? 'saving' : 'saved';
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
  if (q.running) { await q.running.catch(() => {}); }
  if (!q.pending) { emit(); return; }
  const { save, onDone } = q.pending;
  q.pending = null;
  q.running = (async () => {
    try {
      const result = await save();
      q.failed = false;
      if (!q.pending && [...queues.values()].every((o) => !o.failed)) lastError = null;
      onDone?.(result);
    } catch (e) {
      q.failed = true;
      lastError = e;
      if (!q.pending) q.pending = { save, onDone };
      throw e;
    } finally {
      q.running = null;
      emit();
    }
  })();
  emit();
  await q.running.catch(() => {});
}

/** Saves everything pending now. Resolves true when all is saved, false if a save failed. */
export async function flushAll() {
  for (const [key, q] of queues) {
    clearTimeout(q.timer);
    q.timer = null;
    if (q.pending || q.running) await run(key);
  }
  const ok = [...queues.values()].every((q) => !q.failed && !q.pending);
  emit();
  return ok;
}

export function hasUnsaved() {
  return [...queues.values()].some((q) => q.pending || q.running || q.failed);
}

export function lastSaveError() { return lastError; }
