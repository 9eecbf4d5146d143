// Unit tests of the string tables and the language switch.

import { test } from 'node:test';
import assert from 'node:assert/strict';

// setLanguage marks the page's language; a bare stand-in for the page is enough here.
globalThis.document = { documentElement: { lang: 'en' } };
const i18n = await import('../js/i18n.js');
const { t, pick, list, setLanguage, language, onLanguageChange, formatDate, formatDateTime, languages, languageName } = i18n;
await (await import('./languages.js')).loadLanguages(i18n);
const en = (await import('../js/strings/en.js')).default;
const ja = (await import('../js/strings/ja.js')).default;

test('placeholders are filled, unknown ones left, missing keys shown as ⟦key⟧', () => {
  setLanguage('en');
  assert.equal(t('finder.count', { n: 3 }), '3 items');
  assert.equal(t('finder.count'), '{n} items');
  const errors = console.error;
  console.error = () => {};
  assert.equal(t('no.such.key'), '⟦no.such.key⟧');
  console.error = errors;
});

test('switching to Japanese changes every text, the page language, and tells listeners', () => {
  const heard = [];
  const off = onLanguageChange((l) => heard.push(l));
  setLanguage('ja');
  assert.equal(language(), 'ja');
  assert.equal(document.documentElement.lang, 'ja');
  assert.equal(t('finder.count', { n: 3 }), '3件');
  assert.deepEqual(heard, ['ja']);
  setLanguage('ja');
  assert.deepEqual(heard, ['ja'], 'no change, no call');
  setLanguage('xx');
  assert.equal(language(), 'ja', 'an unknown language is ignored');
  off();
  setLanguage('en');
});

test('a list in running text takes the language\'s separator: ", " in English, 、 in Japanese', () => {
  setLanguage('en');
  assert.equal(list(['Name', 'Title', 'Date']), 'Name, Title, Date');
  setLanguage('ja');
  assert.equal(list(['署名者の氏名', '署名者の役職', '日付']), '署名者の氏名、署名者の役職、日付');
  assert.equal(list(['日付']), '日付');
  setLanguage('en');
});

test('pick chooses the current language of our own texts, English as fallback', () => {
  setLanguage('ja');
  assert.equal(pick({ en: 'Hello', ja: 'こんにちは' }), 'こんにちは');
  assert.equal(pick({ en: 'Hello' }), 'Hello');
  assert.equal(pick(null), '');
  setLanguage('en');
});

test('both tables have the same keys, and Japanese texts are Japanese', () => {
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
  assert.deepEqual(languages(), ['en', 'ja'], 'the core\'s languages, English first');
  assert.equal(languageName('ja'), '日本語');
  for (const key of Object.keys(ja).filter((k) => k.startsWith('finder.') || k.startsWith('reconfirm.'))) {
    assert.match(ja[key], /[\u3040-\u30ff\u4e00-\u9fff]/, `${key} is in Japanese`);
  }
});

test('the words of ratings, statuses and cascades are the core\'s, in either language', () => {
  setLanguage('ja');
  assert.equal(t('rating.not_applicable'), '該当しない');
  assert.equal(t('status.submitted'), '提出済み');
  assert.equal(t('label.colon'), '：');
  setLanguage('en');
  assert.equal(t('rating.full'), 'Fully in place');
  assert.ok(!('rating.full' in en) && !('label.colon' in ja), 'not in the screen tables: one source');
});

test('a calendar date is written the language\'s way, as the PDF writes it', () => {
  setLanguage('ja');
  assert.equal(formatDate('2025-03-31'), '2025年3月31日');
  setLanguage('en');
  assert.equal(formatDate('2025-03-01'), '1 March 2025');
  assert.equal(formatDate('soon'), 'soon');
});

test('dates are formatted in the current language; bad input is returned as is', () => {
  setLanguage('ja');
  assert.match(formatDateTime('2026-04-01T09:30:00Z'), /2026/);
  assert.equal(formatDateTime('not a date'), 'not a date');
  assert.equal(formatDateTime(null), '');
  setLanguage('en');
});
