// Turning an AppError into a sentence for the user, in the UI language.

import { CONTRACT } from './contract.js';
import { t } from './i18n.js';

// The kinds the core and the shell can send, from the contract (src/contract.rs).
const KNOWN = new Set(CONTRACT.error_kinds);

/** Kinds whose technical message names what to mend (the place in a file): shown, not folded away. */
const SHOWN_DETAILS = new Set(['import', 'import_damaged', 'import_not_assessment', 'invalid']);

/**
 * {title, advice, details, showDetails}: what happened, what to do, the technical message,
 * and whether it says what to mend (then it is shown, not folded under "details"). An unknown
 * kind is told as `fallback`; `error.params` fill the advice's placeholders.
 */
export function describe(error, fallback = 'internal') {
  const kind = KNOWN.has(error?.kind) ? error.kind : fallback;
  return {
    title: t(`error.${kind}.title`),
    advice: t(`error.${kind}.advice`, error?.params ?? {}),
    details: error?.message ?? String(error),
    showDetails: SHOWN_DETAILS.has(kind),
  };
}
