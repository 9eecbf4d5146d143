// Unit tests of the threshold and country logic behind our legal notes, in both languages.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { inJapan, verdict, rangeText, thresholdSentence, asOfText } from '../js/advice-law.js';
import en from '../js/strings/en.js';
import ja from '../js/strings/ja.js';

/** t() over one string table, as ui/js/i18n.js fills placeholders. */
const tFor = (table) => (key, params = {}) => {
  const text = table[key];
  assert.ok(text !== undefined, `missing string ${key}`);
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
};
const tEn = tFor(en);
const tJa = tFor(ja);

const fiftyAtSite = { text: {}, source: {}, as_of: '2026-11', threshold: { min: 50, per: 'workplace' } };
const over300 = { text: {}, source: {}, as_of: '2026-11', threshold: { min: 301, per: 'company' } };
const tenTo49 = { min: 10, max: 49, per: 'workplace' };

test('Japan, written in any usual way or not given, means Japanese rules', () => {
  for (const c of ['', '  ', null, undefined, 'Japan', 'JAPAN', 'jp', 'JP.', '日本', '日本国', 'Nippon', 'Japan (日本)']) {
    assert.equal(inJapan(c), true, String(c));
  }
  for (const c of ['Vietnam', 'ベトナム', 'China', '中国', 'Thailand', 'United States']) {
    assert.equal(inJapan(c), false, c);
  }
});

test('a company-wide threshold is settled by the profile\'s headcount', () => {
  assert.equal(verdict(over300.threshold, 23), 'below');
  assert.equal(verdict(over300.threshold, 300), 'below');
  assert.equal(verdict(over300.threshold, 301), 'inside');
  assert.equal(verdict({ min: 37.5, per: 'company' }, 37), 'below');
  assert.equal(verdict({ min: 37.5, per: 'company' }, 38), 'inside');
  assert.equal(verdict({ min: 10, max: 49, per: 'company' }, 60), 'above');
  assert.equal(verdict(over300.threshold, null), 'unknown');
  assert.equal(verdict(over300.threshold, undefined), 'unknown');
});

test('a per-workplace threshold is certain only where the whole company settles it', () => {
  assert.equal(verdict(fiftyAtSite.threshold, 23), 'below');
  assert.equal(verdict(fiftyAtSite.threshold, 80), 'each_site');
  assert.equal(verdict(tenTo49, 8), 'below');
  assert.equal(verdict(tenTo49, 23), 'each_site');
  assert.equal(verdict({ max: 49, per: 'workplace' }, 23), 'inside');
  assert.equal(verdict({ max: 10, per: 'workplace' }, 23), 'each_site');
});

test('the sentence names the headcount and the threshold, in English and Japanese', () => {
  const profile = { country: 'Japan', employees: 23 };
  assert.equal(thresholdSentence(fiftyAtSite, profile, tEn),
    'With 23 employees you are below the threshold of this rule (50 or more workers): it does not apply to you. Counted per workplace (事業場).');
  assert.equal(thresholdSentence(fiftyAtSite, profile, tJa),
    '従業員23人の貴社は、この規定の基準（50人以上）を下回るため対象外です。人数は事業場ごとに数えます。');
  assert.equal(thresholdSentence(over300, { country: '日本', employees: 350 }, tEn),
    'With 350 employees you are within the threshold of this rule (301 or more workers): it applies to you.');
  assert.equal(thresholdSentence({ threshold: tenTo49 }, profile, tJa),
    '貴社の従業員は合計23人です。この規定は10〜49人の事業場に適用されるため、事業場ごとの人数で確認してください。');
  assert.match(thresholdSentence(over300, { country: '' }, tEn), /Enter your number of employees/);
  assert.match(thresholdSentence(over300, { country: '' }, tJa), /従業員数を入力/);
});

test('outside Japan no Japanese threshold is applied to the company', () => {
  assert.equal(thresholdSentence(fiftyAtSite, { country: 'Vietnam', employees: 80 }, tEn), null);
  assert.equal(thresholdSentence(over300, { country: 'タイ', employees: 400 }, tJa), null);
  assert.equal(thresholdSentence({ text: {}, source: {}, as_of: '2026-11' }, { country: 'Japan', employees: 5 }, tEn), null);
});

test('ranges and dates read naturally in both languages', () => {
  assert.equal(rangeText({ min: 10, max: 49 }, tEn), '10 to 49 workers');
  assert.equal(rangeText({ max: 10 }, tJa), '10人以下');
  assert.equal(asOfText('2026-11', tEn), 'as of 2026-11');
  assert.equal(asOfText('2026-11', tJa), '2026年11月時点');
});
