// Unit tests of the sidebar's filters and search.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { passes, search, toReconfirm, normalize } from '../js/finder.js';
import { setCatalog, state } from '../js/state.js';
import { catalog } from './catalog.js';

setCatalog(catalog());
const answer = (item_id, rating, more = {}) => ({
  item_id, rating, na_reason: '', description: '', evidence: [], action_plan: { what: '', who: '', due: null },
  marked_for_review: false, to_reconfirm: false, ...more,
});
const entry = (id) => state.items.find((e) => e.item.id === id);

test('filters: unanswered, gaps, marked, to re-confirm, essential', () => {
  assert.ok(passes('unanswered', entry('I-1'), undefined));
  assert.ok(!passes('unanswered', entry('I-1'), answer('I-1', 'full')));
  assert.ok(passes('gaps', entry('I-1'), answer('I-1', 'partly')));
  assert.ok(!passes('gaps', entry('I-1'), answer('I-1', 'not_applicable')));
  assert.ok(!passes('gaps', entry('I-1'), answer('I-1', 'full')));
  assert.ok(passes('marked', entry('I-1'), answer('I-1', 'full', { marked_for_review: true })));
  assert.ok(passes('reconfirm', entry('I-1'), answer('I-1', 'full', { to_reconfirm: true })));
  const essential = state.items.filter((e) => passes('essential', e, undefined)).map((e) => e.item.id);
  assert.ok(essential.length > 0 && essential.every((id) => id.startsWith('VI-')), essential.join());
  assert.ok(passes('all', entry('I-1'), undefined));
});

test('search finds titles, guideline text, advice in both languages and the user\'s answers', () => {
  const answers = [answer('III-2', 'full', { description: '毎月の安全パトロールで確認' })];
  const advice = state.catalog.advice.items;
  const ids = (q) => search(q, state.items, answers, advice).map((h) => h.id);
  assert.ok(ids('child labor').length || ids('child').length, 'an English guideline word');
  assert.deepEqual(ids('安全パトロール'), ['III-2'], 'the user\'s own words');
  assert.equal(search('安全パトロール', state.items, answers, advice)[0].place, 'answer');
  const jaAdvice = Object.entries(advice).find(([, a]) => a.ja?.summary)[1].ja.summary.slice(0, 6);
  assert.ok(ids(jaAdvice).length > 0, `Japanese advice: ${jaAdvice}`);
  assert.deepEqual(ids('vi-2')[0], 'VI-2', 'an item number comes first');
  assert.deepEqual(ids('   '), []);
  assert.deepEqual(ids('zzqqxx'), []);
});

test('every word must match; full-width and case do not matter', () => {
  assert.equal(normalize('ＡＢＣ　Def'), 'abc def');
  const answers = [answer('I-1', 'full', { description: 'Policy signed by the owner' })];
  const ids = (q) => search(q, state.items, answers, {}).map((h) => h.id);
  assert.ok(ids('POLICY OWNER').includes('I-1'));
  assert.ok(!ids('policy zzqqxx').includes('I-1'));
});

test('what is left to re-confirm counts items and policies', () => {
  const left = toReconfirm({
    answers: [answer('I-1', 'full', { to_reconfirm: true }), answer('I-2', 'full')],
    part2: [{ policy_id: 'reach', to_reconfirm: true }],
  });
  assert.deepEqual(left, { items: ['I-1'], policies: ['reach'], total: 2 });
  assert.equal(toReconfirm(null).total, 0);
});
