// Values as Japanese input methods type them, made plain as the user types: the rules of the
// core's src/model/input.rs. Both run the same table of cases (tests/fixtures/input-cases.json:
// ui/tests/input.test.js here, the_shared_cases_hold there), so they cannot drift apart.

/** Dashes people type in phone numbers and codes (full-width, long-vowel mark, minus…). */
const DASHES = /[‐‑‒–—―−ー－ｰ]/g;

/** The largest whole number the core reads (an unsigned 64-bit integer). */
const MAX = 18446744073709551615n;

/** A code-like value in half-width form: NFKC, every dash "-", no surrounding spaces. */
export function halfWidth(value) {
  return String(value ?? '').normalize('NFKC').replace(DASHES, '-').trim();
}

/** A whole number as typed ("２０", " 20 ", "1,200"), or null when it is not one. */
export function wholeNumber(value) {
  const plain = halfWidth(value).replace(/,/g, '');
  if (!/^\d+$/.test(plain) || BigInt(plain) > MAX) return null;
  return Number(plain);
}

/**
 * A calendar date as people type it (2026-12-31, 2026/12/31, ２０２６／１２／３１, 2026年12月31日,
 * 20261231), in the core's form YYYY-MM-DD; null when empty, undefined when it is no date
 * (a month 13, a 31 February, a year of two digits). UI-only: the core receives YYYY-MM-DD.
 */
export function calendarDate(value) {
  const plain = halfWidth(value).replace(/\s+/g, '');
  if (!plain) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(plain) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(plain);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
