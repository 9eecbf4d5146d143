// The string tables and the current language. Every UI text goes through t().

import en from './strings/en.js';
import ja from './strings/ja.js';

const TABLES = { en, ja };
let current = 'en';
const listeners = new Set();

export const LANGUAGES = ['en', 'ja'];

/** Each language's name in itself, for the language switches. */
export const LANGUAGE_NAMES = { en: 'English', ja: '日本語' };

export function language() { return current; }

export function setLanguage(lang) {
  if (!TABLES[lang] || lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  listeners.forEach((fn) => fn(lang));
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

/** Our catalog texts come in {en, ja}: pick the current language. */
export function pick(localized) {
  if (!localized) return '';
  return localized[current] ?? localized.en;
}

export function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(current === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
