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
