// The words for the core's facts about our legal notes, in English and Japanese: the sentence
// for each verdict, what is counted, the quiet check month, and the warning once a note is past
// its review day (a fact the core states with its clock; here as the core sends it).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { verdictSentence, countedText, checkedText, staleText, rangeText, monthText } from '../js/advice-law.js';
import en from '../js/strings/en.js';
import ja from '../js/strings/ja.js';
import { catalog } from './catalog.js';
import { languageData } from './languages.js';

// The list separator is the core's (lang/<code>/language.json), not a string of the tables.
const separator = Object.fromEntries(languageData().map((l) => [l.code, l.list_separator]));

/** t() over one string table, as ui/js/i18n.js fills placeholders. */
const tFor = (table) => (key, params = {}) => {
  const text = table[key];
  assert.ok(text !== undefined, `missing string ${key}`);
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
};
const dates = { '2027-09-30': ['30 September 2027', '2027年9月30日'], '2028-05-14': ['14 May 2028', '2028年5月14日'], '2027-04-01': ['1 April 2027', '2027年4月1日'] };
const words = {
  en: { t: tFor(en), lang: 'en', list: (xs) => xs.join(separator.en), formatDate: (d) => dates[d]?.[0] ?? d },
  ja: { t: tFor(ja), lang: 'ja', list: (xs) => xs.join(separator.ja), formatDate: (d) => dates[d]?.[1] ?? d },
};

/** The note of the real catalog whose Japanese text contains `needle`. */
function note(id, needle) {
  const c = catalog();
  const entry = c.advice.items[id] ?? c.advice.policies[id];
  return entry.law.find((l) => l.text.ja.includes(needle));
}

const fact = (n, verdict, extra = {}) => ({
  checked: n.as_of, review_by: n.review_by, stale: false, verdict, counted: n.threshold?.criteria ?? [], employees: 23, ...extra,
});

test('the fire rule: "may apply", with everyone in the building to count, never "does not apply"', () => {
  const fire = note('III-5', '防火管理者');
  const f = fact(fire, { kind: 'may_apply', check: ['building_occupants'] });
  assert.equal(verdictSentence(f, fire.threshold, words.en),
    'This may apply to you: check the number of people regularly in your building, other tenants, visitors and contractors included, not only your employees (it applies at 50 or more people regularly in the building).');
  assert.equal(verdictSentence(f, fire.threshold, words.ja),
    '貴社にも当てはまる可能性があります。自社の従業員だけでなく、他のテナント・来客・出入り業者を含めて建物に常時いる人数を確認してください（基準：建物に常時いる人が50人以上）。');
});

test('work rules: what is counted is said with the verdict', () => {
  const rules = note('II-5', '就業規則を作成');
  assert.equal(verdictSentence(fact(rules, { kind: 'applies' }), rules.threshold, words.en),
    'With 23 employees, this rule applies to you (it applies at 10 or more workers at one workplace (事業場), part-timers included).');
  assert.equal(verdictSentence(fact(rules, { kind: 'does_not_apply' }, { employees: 8 }), rules.threshold, words.ja),
    '従業員8人の貴社は、この規定の対象外です（基準：1つの事業場で10人以上（パート等を含む））。');
  assert.equal(verdictSentence(fact(rules, { kind: 'may_apply', check: ['workplace_workers'] }), rules.threshold, words.ja),
    '貴社にも当てはまる可能性があります。事業場ごとの従業員数を確認してください（基準：1つの事業場で10人以上（パート等を含む））。');
});

test('a rule not yet in force "will apply", with its date, in both languages', () => {
  const stress = note('III-8', '50人未満の事業場でも');
  const f = fact(stress, { kind: 'will_apply', from: null, by: '2028-05-14' });
  assert.equal(verdictSentence(f, stress.threshold, words.en),
    'Not in force yet: it will apply to you from a date still to be set, by 14 May 2028 at the latest (it applies at 49 or fewer workers at one workplace (事業場), part-timers included).');
  assert.equal(verdictSentence(f, stress.threshold, words.ja),
    'まだ施行されていません。施行日はこれから定められ、遅くとも2028年5月14日までに貴社にも適用されます（基準：1つの事業場で49人以下（パート等を含む））。');
  const ikusei = note('II-9', '育成就労制度');
  assert.equal(verdictSentence(fact(ikusei, { kind: 'not_yet_in_force', from: '2027-04-01', by: null }), null, words.ja),
    'まだ施行されていません。2027年4月1日から施行されます。');
});

test('second criteria and effort duties are worded as the data says', () => {
  const toriteki = note('VII-2', '300人を超える');
  assert.equal(countedText(toriteki.threshold.criteria, toriteki.threshold.combine, words.en.t, words.en.list),
    '301 or more workers in the whole company, part-timers included, capital over ¥10,000,000, either one');
  assert.equal(countedText(toriteki.threshold.criteria, toriteki.threshold.combine, words.ja.t, words.ja.list),
    '会社全体で301人以上（パート等を含む）、資本金10,000,000円超のいずれか');
  const prtr = note('VI-2', 'PRTR');
  assert.match(countedText(prtr.threshold.criteria, prtr.threshold.combine, words.ja.t, words.ja.list), /21人以上.*1トン以上.*の両方$/);
  const josei = note('II-4', '女性管理職');
  assert.equal(verdictSentence(fact(josei, { kind: 'effort_only' }, { employees: 50 }), josei.threshold, words.en),
    'With 50 employees you are below this duty (101 or more workers in the whole company, part-timers included): for you it is a duty to make efforts.');
  assert.equal(verdictSentence(fact(josei, { kind: 'effort_only' }, { employees: 50 }), josei.threshold, words.ja),
    '従業員50人の貴社は、この義務の基準（会社全体で101人以上（パート等を含む））を下回るため、努力義務にとどまります。');
  assert.equal(rangeText({ counts: 'company_workers_weighted', min: 37.5 }, words.ja.t), '37.5人以上');
});

test('no verdict from the core, no sentence; no headcount, a request for it', () => {
  const n = note('II-2', 'パワーハラスメント');
  assert.equal(verdictSentence(fact(n, null), null, words.en), null);
  const quota = note('II-8', '2.7');
  assert.match(verdictSentence(fact(quota, { kind: 'no_headcount' }), quota.threshold, words.en), /^Enter your number of employees/);
  assert.match(verdictSentence(fact(quota, { kind: 'no_headcount' }), quota.threshold, words.ja), /^会社情報に従業員数を入力/);
});

test('the check month is quiet, and a note past its review day says where to check, in both languages', () => {
  assert.equal(checkedText('2026-12', words.en), 'checked 2026-12');
  assert.equal(checkedText('2026-09', words.ja), '2026年9月確認');
  assert.equal(monthText('2026-09', 'en'), '2026-09');
  const wage = note('II-5', '地域別最低賃金');
  assert.equal(staleText(fact(wage, null), wage.urls, words.en), null, 'current: nothing to say');
  const stale = fact(wage, null, { stale: true });
  assert.equal(staleText(stale, wage.urls, words.en),
    'Checked 2026-12; due for review on 30 September 2027, which has passed: the rule may have changed since. Check the current rule at https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/koyou_roudou/roudoukijun/minimumichiran/index.html before you rely on it.');
  assert.equal(staleText(stale, wage.urls, words.ja),
    '2026年12月に確認した内容で、見直し期限（2027年9月30日）を過ぎています。その後に法令が改正されている可能性があります。ご利用の前に、最新の内容をhttps://www.mhlw.go.jp/stf/seisakunitsuite/bunya/koyou_roudou/roudoukijun/minimumichiran/index.htmlでご確認ください。');
});

test('every measure the data counts has its words in both languages', () => {
  const c = catalog();
  const counted = new Set();
  for (const entry of [...Object.values(c.advice.items), ...Object.values(c.advice.policies)]) {
    for (const l of entry.law ?? []) for (const cr of l.threshold?.criteria ?? []) counted.add(cr.counts);
  }
  assert.ok(counted.size >= 9, [...counted].join());
  for (const m of counted) {
    for (const table of [en, ja]) {
      for (const k of [`advice.law.count.${m}`, `advice.law.check.${m}`, `advice.law.unit.${m}`]) assert.ok(table[k], k);
    }
  }
});
