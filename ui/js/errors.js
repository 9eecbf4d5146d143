// Turning an AppError into a sentence for the user, in the UI language.

import { t } from './i18n.js';

const KNOWN = new Set([
  'not_a_database', 'foreign_database', 'corrupt_database', 'newer_database', 'disk_full', 'busy',
  'read_only', 'storage', 'io', 'not_found', 'invalid', 'import', 'newer_format', 'pdf',
  'store_unavailable', 'opener', 'not_ready', 'no_data_folder', 'font', 'pdf_missing', 'no_mail_program',
]);

/**
 * {title, advice, details}: what happened, what to do, and the technical message. An unknown
 * kind is told as `fallback`; `error.params` fill the advice's placeholders.
 */
export function describe(error, fallback = 'internal') {
  const kind = KNOWN.has(error?.kind) ? error.kind : fallback;
  return {
    title: t(`error.${kind}.title`),
    advice: t(`error.${kind}.advice`, error?.params ?? {}),
    details: error?.message ?? String(error),
  };
}
