// The one autosaving form controller of the item, Part 2, declaration and profile views:
// it reads each [data-field] control as it changes, lets the view put the value into what
// it edits, and schedules the save (at once for a choice, a tick box or a date; after a
// pause in typing for text).

import { schedule } from './autosave.js';

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

/**
 * Wires `root`'s controls. `apply(field, value, input)` puts a changed value into what the
 * view edits and returns false when the field is not one it saves. `save()` stores it (an
 * async function); `onDone(result)` runs after each successful save. `key` names the
 * thing saved (one save at a time per key, the latest value winning).
 * Returns {save(immediate)}, for buttons that save without a field changing.
 */
export function autosaveForm(root, { key, apply, save, onDone }) {
  const form = {
    save(immediate = false) { schedule(key, save, { immediate, onDone }); },
  };
  const changed = (event) => {
    const input = event.target?.closest?.('[data-field]');
    if (!input) return;
    // A date field on `change` (WebKit may not send `input` for it), the rest on `input`:
    // each change is handled once.
    if (event.type !== (input.type === 'date' ? 'change' : 'input')) return;
    if (apply(input.dataset.field, valueOf(input), input) === false) return;
    form.save(savesAtOnce(input));
  };
  root.addEventListener('input', changed);
  root.addEventListener('change', changed);
  return form;
}
