// The guided flow of an assessment: the 47 items, the Part 2 policies, then review,
// declaration and submission. Positions are stored as "item:II-3", "part2:reach", "review", …
// (and "reconfirm:II" for the re-confirm view of a group).

import { state } from './state.js';

export function steps() {
  return [
    ...state.items.map((e) => `item:${e.item.id}`),
    ...state.policies.map((p) => `part2:${p.id}`),
    'review',
    'declaration',
    'submit',
  ];
}

/** The route of a step of assessment `id`. */
export function pathOf(id, step) {
  const [kind, key] = step.split(':');
  if (kind === 'item') return `/a/${id}/item/${key}`;
  if (kind === 'part2') return `/a/${id}/part2/${key}`;
  if (kind === 'reconfirm') return `/a/${id}/reconfirm/${key}`;
  return `/a/${id}/${kind}`;
}

export function neighbour(step, delta) {
  const all = steps();
  const i = all.indexOf(step);
  if (i < 0) return null;
  return all[i + delta] ?? null;
}

export function firstStep() { return steps()[0]; }

/** The groups a carried-over assessment is re-confirmed by: I … VII, then Part 2. */
export function reconfirmGroups() {
  return [...new Set(state.items.map((e) => e.group.id)), 'part2'];
}

/** A stored position, if it is still a step of the flow (or a group's re-confirm view). */
export function validStep(position) {
  if (!position) return null;
  if (steps().includes(position)) return position;
  const [kind, key] = position.split(':');
  return kind === 'reconfirm' && reconfirmGroups().includes(key) ? position : null;
}
