// One set of words (issue 23 point 3): every Japanese text the app ships uses the glossary's term
// for a concept, and is written with Japanese spacing (no half-width space between Japanese and
// Latin letters or digits, none after a full-width colon).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, root), 'utf8');
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * The glossary (docs/japanese-glossary in the review, section 4): the preferred term, the variants
 * that name the same concept and are refused, and the compounds in which a refused string is a
 * different word (a law's own name, a product's name) and stays.
 */
export const TERMS = [
  { use: '根拠資料', not: ['証拠', '根拠文書'] },
  // 一般事業主行動計画 and 人身取引対策行動計画 are the names the laws and the government use.
  { use: '改善計画', not: ['行動計画'], keep: ['一般事業主行動計画', '女性活躍推進法に基づく行動計画', '人身取引対策行動計画'] },
  { use: '貴社', not: ['あなた', '御社'] },
  { use: 'アドバイス', not: ['助言'] },
  // 未確認 alone stays: the declaration's 「未確認」 is "not confirmed", another concept.
  { use: '要再確認', not: ['再確認が必要', '未再確認'] },
  { use: '該当しない', not: ['該当なし'] },
  { use: '本アプリ作成者', not: ['本アプリの作成者', '当アプリ', '私たち'] },
  // 人身売買罪 is the name of the offence in the Penal Code (刑法第226条の2).
  { use: '人身取引', not: ['人身売買'], keep: ['人身売買罪'] },
  { use: '障害', not: ['障がい'] },
  { use: '遵守', not: ['順守'] },
  { use: 'フォルダー', not: [/フォルダ(?!ー)/] },
  { use: '保護眼鏡', not: ['保護メガネ'] },
  { use: 'すず', not: ['スズ'] },
  { use: '年次有給休暇', not: ['年次休暇'] },
  // よろず支援拠点 is the name of the public support centres.
  { use: '事業所', not: ['拠点'], keep: ['よろず支援拠点'] },
  { use: '英文表記', not: ['ローマ字表記', '英字表記'] },
  { use: '署名者', not: ['宣誓者'] },
  { use: '変更なし', not: ['変わりなし'] },
  { use: '見直し予定', not: ['見直しの印'] },
  // A Part 2 policy is agreed to (the box says 同意して遵守し), as the PDF says; 確認済み is a
  // re-confirmed answer, and the two stood side by side on the re-confirm card.
  { use: '方針への同意／同意済み', not: ['確認・同意'] },
  { use: '改善が必要な項目', not: ['課題あり'] },
  { use: '分かる', not: ['わかる', 'わから', 'わかり'] },
  { use: '〜 (U+301C)', not: ['～'] },
  // OHS only as the gloss of the Japanese term: 労働安全衛生（OHS）, 安全衛生教育（OHS教育）.
  { use: '労働安全衛生（OHS）', not: ['OHS'], keep: ['労働安全衛生（OHS）', '（OHS教育）', 'OHS:', 'OHS)'] },
  // The guideline's reference translation quotes the guideline: its "subcontractor" is 下請業者
  // and its "supplier" サプライヤー, as the review's glossary keeps them there; our own texts
  // (screens, advice, PDF) say 協力会社.
  { use: '協力会社', not: ['下請業者'], except: 'translation' },
];

/** The Japanese texts the app ships: each file with the strings in it that hold Japanese. */
function shippedTexts() {
  const texts = [];
  const add = (file, kind, strings) => texts.push({ file, kind, strings: strings.filter((s) => JAPANESE.test(s)) });
  const strings = (value, out = []) => {
    if (typeof value === 'string') out.push(value);
    // Our catalog texts come as {en, ja}: the English ones (which may name a Japanese law) are not read.
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'en') strings(v, out);
    return out;
  };
  const json = (p) => JSON.parse(read(p));
  const literals = (p) => [...read(p).matchAll(/"((?:[^"\\\n]|\\.)*)"/g)].map((m) => m[1]);

  add('ui/js/strings/ja.js', 'ui', Object.values(json2js('ui/js/strings/ja.js')));
  for (const f of readdirSync(new URL('lang/ja/', root))) add(`lang/ja/${f}`, 'ui', strings(json(`lang/ja/${f}`)));
  for (const f of readdirSync(new URL('catalog/translations/ja/', root))) {
    add(`catalog/translations/ja/${f}`, 'translation', strings(json(`catalog/translations/ja/${f}`)));
  }
  for (const f of readdirSync(new URL('catalog/advice/', root))) add(`catalog/advice/${f}`, 'advice', strings(json(`catalog/advice/${f}`)));
  add('catalog/disclosures.json', 'ui', strings(json('catalog/disclosures.json')));
  add('installer/nsis/Japanese.nsh', 'ui', literals('installer/nsis/Japanese.nsh'));
  add('src/reminders/mod.rs', 'ui', literals('src/reminders/mod.rs'));
  return texts;
}

/** The string table of a `export default {…}` module, read as JSON (the tables are JSON-shaped). */
function json2js(p) {
  const text = read(p).replace(/^[^{]*/, '').replace(/;\s*$/, '');
  return JSON.parse(text);
}

/** Where `text` uses a refused variant of a term: the variant and the words around it. */
export function offTerms(text, kind, terms = TERMS) {
  const found = [];
  for (const term of terms) {
    if (term.except === kind) continue;
    let rest = text;
    for (const k of term.keep ?? []) rest = rest.split(k).join('□');
    for (const variant of term.not) {
      const re = variant instanceof RegExp ? new RegExp(variant.source, 'g') : new RegExp(variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
      for (const m of rest.matchAll(re)) {
        found.push(`${m[0]} (use ${term.use}) in “…${rest.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12)}…”`);
      }
    }
  }
  return found;
}

/** Half-width spaces that Japanese typography leaves out: between Japanese and Latin or digits (or
 *  a placeholder), and after a full-width colon or bracket. */
export function offSpacing(text) {
  const found = [];
  const rules = [
    /[\u3040-\u30ff\u3400-\u9fff\u3001\u3002\uff09\u300d] (?=[A-Za-z0-9{])/g,
    /[A-Za-z0-9}] (?=[\u3040-\u30ff\u3400-\u9fff\u3001\u3002\uff08\u300c])/g,
    /[\uff1a\uff08\u300c] /g,
  ];
  for (const re of rules) {
    for (const m of text.matchAll(re)) {
      // A clause number before its name stays apart: 「6.3 人権」.
      if (/\d+\.\d+$/.test(text.slice(0, m.index + 1))) continue;
      found.push(`“…${text.slice(Math.max(0, m.index - 10), m.index + 12)}…”`);
    }
  }
  return found;
}

/** A Japanese sentence, not an English one naming a Japanese law or a command line to type. */
function isJapaneseText(s) {
  const japanese = (s.match(/[\u3040-\u30ff\u3400-\u9fff]/g) ?? []).length;
  const latin = (s.match(/[A-Za-z]/g) ?? []).length;
  return japanese >= latin && !s.includes('csr-assess ');
}

test('the glossary finds a refused variant and lets a law name through', () => {
  assert.deepEqual(offTerms('一般事業主行動計画を作ります。', 'advice'), []);
  assert.equal(offTerms('行動計画を作ります。', 'advice').length, 1);
  assert.equal(offTerms('フォルダを開く', 'ui').length, 1);
  assert.deepEqual(offTerms('フォルダーを開く', 'ui'), []);
  assert.equal(offTerms('下請業者', 'ui').length, 1);
  assert.deepEqual(offTerms('下請業者', 'translation'), []);
  assert.equal(offSpacing('残り {n} 件').length, 2);
  assert.equal(offSpacing('出典： 労働').length, 1);
  assert.deepEqual(offSpacing('ISO 26000：6.3 人権'), []);
});

test('every Japanese text the app ships uses the glossary term for each concept', () => {
  const faults = [];
  for (const { file, kind, strings } of shippedTexts()) {
    for (const s of strings) for (const f of offTerms(s, kind)) faults.push(`${file}: ${f}`);
  }
  assert.deepEqual(faults, []);
});

// Spacing is checked on our own texts; the reference translation keeps "ISO 26000" and the
// guideline's numbering, and its strings are checked too.
test('no half-width space between Japanese and Latin letters or digits, none after a full-width colon', () => {
  const faults = [];
  for (const { file, strings } of shippedTexts()) {
    if (file.endsWith('.rs') || file.endsWith('.nsh')) continue;
    for (const s of strings.filter(isJapaneseText)) for (const f of offSpacing(s)) faults.push(`${file}: ${f}`);
  }
  assert.deepEqual(faults, []);
});
