// The string tables and the current language. Every UI text goes through t().

import en from './strings/en.js';
import ja from './strings/ja.js';

const TABLES = { en, ja };
let current = 'en';
const listeners = new Set();
/** Translations of the guideline's text by language: {ja: {label, kind, strings}} (from the catalog). */
let translations = {};

export const LANGUAGES = ['en', 'ja'];

/** Each language's name in itself, for the language switches. */
export const LANGUAGE_NAMES = { en: 'English', ja: '日本語' };

export function language() { return current; }

export function setLanguage(lang) {
  if (!TABLES[lang] || lang === current) return;
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  listeners.forEach((fn) => fn(lang));
}

/** The language a first start uses: the system's (read by the shell), else the web view's. */
export function firstStartLanguage(systemLanguage, navigatorLanguage) {
  for (const candidate of [systemLanguage, navigatorLanguage]) {
    const code = String(candidate ?? '').toLowerCase().slice(0, 2);
    if (TABLES[code]) return code;
  }
  return 'en';
}

export function setTranslations(byLanguage) { translations = byLanguage ?? {}; }

/** Our translation of the guideline into the UI language, or null (English is the original). */
export function guidelineTranslation() { return translations[current] ?? null; }

/** A string of the guideline in the UI language: its translation where there is one. */
export function gt(english) {
  return guidelineTranslation()?.strings?.[english] ?? english;
}

export function onLanguageChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }

/** The text for `key` with {placeholders} filled. A missing key shows as ⟦key⟧ (tests look for it). */
export function t(key, params = {}) {
  const text = TABLES[current][key] ?? TABLES.en[key];
  if (text === undefined) {
    console.error(`missing string: ${key}`);
    return `⟦${key}⟧`;
  }
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Items written as a list in running text: "a, b, c" / 「a、b、c」 (a Japanese list takes 、). */
export function list(items) {
  return items.join(t('list.separator'));
}

/** Our catalog texts come in {en, ja}: pick the current language. */
export function pick(localized) {
  if (!localized) return '';
  return localized[current] ?? localized.en;
}

/** A calendar date (YYYY-MM-DD) as people write it: 2026年11月27日 / 27 Nov 2026. */
export function formatDate(ymd) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd ?? '');
  if (!m) return ymd ?? '';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(current === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

export function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(current === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
