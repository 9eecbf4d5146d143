// Values as Japanese input methods type them, made plain: the same rules as the core's
// src/model/input.rs, so what the form accepts while typing is what the core stores.

/** Dashes people type in phone numbers and codes (full-width, long-vowel mark, minus…). */
const DASHES = /[‐‑‒–—―−ー－ｰ]/g;

/** A code-like value in half-width form: NFKC, every dash "-", no surrounding spaces. */
export function halfWidth(value) {
  return String(value ?? '').normalize('NFKC').replace(DASHES, '-').trim();
}

/** A whole number as typed ("２０", " 20 ", "1,200"), or null when it is not one. */
export function wholeNumber(value) {
  const plain = halfWidth(value).replace(/,/g, '');
  return /^\d{1,9}$/.test(plain) ? Number(plain) : null;
}
