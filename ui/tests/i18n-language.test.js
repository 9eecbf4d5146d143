// Unit tests for the first-start language and guideline translation lookup in ui/js/i18n.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as i18n from '../js/i18n.js';
import { loadLanguages } from './languages.js';

const { firstStartLanguage, setLanguage, setTranslations, gt, guidelineTranslation, language } = i18n;
await loadLanguages(i18n);

test('a first start takes the system language, then the web view one, then English', () => {
  assert.equal(firstStartLanguage('ja', 'en-US'), 'ja');
  assert.equal(firstStartLanguage(null, 'ja-JP'), 'ja');
  assert.equal(firstStartLanguage('en', 'ja-JP'), 'en');
  assert.equal(firstStartLanguage('fr', 'de-DE'), 'en');
  assert.equal(firstStartLanguage(undefined, undefined), 'en');
});

test('guideline strings are translated only in a language that has a translation', () => {
  setTranslations({ ja: { label: { ja: '参考訳', en: 'Reference' }, strings: { 'Fair Trading': '公正取引' } } });
  setLanguage('en');
  assert.equal(language(), 'en');
  assert.equal(guidelineTranslation(), null);
  assert.equal(gt('Fair Trading'), 'Fair Trading');
  setLanguage('ja');
  assert.equal(gt('Fair Trading'), '公正取引');
  assert.equal(gt('Not translated'), 'Not translated');
  assert.equal(guidelineTranslation().label.ja, '参考訳');
  setLanguage('en');
});
