// Turning an AppError into a sentence for the user, in the UI language.

import { t } from './i18n.js';

const KNOWN = new Set([
  'not_a_database', 'foreign_database', 'corrupt_database', 'newer_database', 'disk_full', 'busy',
  'read_only', 'storage', 'io', 'not_found', 'invalid', 'import', 'newer_format', 'pdf',
  'store_unavailable', 'bad_path', 'opener',
]);

/** {title, advice, details}: what happened, what to do, and the technical message. */
export function describe(error) {
  const kind = KNOWN.has(error?.kind) ? error.kind : 'internal';
  return {
    title: t(`error.${kind}.title`),
    advice: t(`error.${kind}.advice`),
    details: error?.message ?? String(error),
  };
}
