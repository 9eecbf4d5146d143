// Unit tests for ui/js/components/conflict.js's comparison (node --test ui/tests/): the
// differences are shown in words (ratings, dates, yes/no, answers), never as raw codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = { documentElement: { lang: 'en' } };
const i18n = await import('../js/i18n.js');
await (await import('./languages.js')).loadLanguages(i18n);
const { differences } = await import('../js/components/conflict.js');
const { state, setCatalog } = await import('../js/state.js');
setCatalog((await import('./catalog.js')).catalog());

const only = (diffs) => diffs.map(({ field, stored, typed }) => ({ field, stored, typed }));

test('only the fields that differ are shown, evidence as lines', () => {
  i18n.setLanguage('en');
  const stored = { item_id: 'I-1', rating: 'full', description: '就業規則あり', evidence: [{ name: '規則', location: '棚', date: null }], revision: 3 };
  const typed = { item_id: 'I-1', rating: 'full', description: '就業規則あり（改訂中）', evidence: [], revision: 2 };
  assert.deepEqual(only(differences(stored, typed)), [
    { field: 'description', stored: '就業規則あり', typed: '就業規則あり（改訂中）' },
    { field: 'evidence', stored: '規則, 棚', typed: '' },
  ]);
});

test('values are in words, in the language of the screen: ratings, yes/no, dates, disclosures', () => {
  i18n.setLanguage('ja');
  const stored = { item_id: 'I-1', rating: 'mostly', marked_for_review: true, action_plan: { what: '文書化', who: '総務', due: '2026-12-31' } };
  const typed = { item_id: 'I-1', rating: 'full', marked_for_review: false, action_plan: { what: '文書化', who: '総務', due: null } };
  const d = differences(stored, typed);
  assert.deepEqual(d.map((x) => x.stored), ['おおむね実施している', '実施内容：文書化\n担当者：総務\n期限：2026年12月31日', 'はい']);
  assert.deepEqual(d.map((x) => x.typed), ['十分に実施している', '実施内容：文書化\n担当者：総務', 'いいえ']);
  const bcp = { policy_id: 'business-continuity', disclosures: { bcp_status: 'written' }, cascaded: 'partly' };
  const shown = differences(bcp, { policy_id: 'business-continuity', disclosures: {}, cascaded: null });
  assert.ok(!shown.some((x) => /written|partly|true/.test(x.stored)), JSON.stringify(shown));
  assert.ok(shown.every((x) => !/[a-z_]{4,}/.test(x.label)), 'labels in words');
  i18n.setLanguage('en');
});

test('an answer deleted elsewhere differs in everything typed', () => {
  const typed = { policy_id: 'bcp', notes: 'メモ', disclosures: { bcp_plan: 'yes' }, acknowledged: true };
  assert.deepEqual(differences(null, typed).map((d) => d.field), ['acknowledged', 'disclosures', 'notes']);
  assert.ok(state.catalog, 'the catalog is loaded');
});
