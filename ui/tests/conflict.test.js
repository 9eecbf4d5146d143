// Unit tests for ui/js/components/conflict.js's comparison (node --test ui/tests/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { differences } from '../js/components/conflict.js';

test('only the fields that differ are shown, evidence as lines', () => {
  const stored = { item_id: 'I-1', rating: 'full', description: '就業規則あり', evidence: [{ name: '規則', location: '棚', date: null }], revision: 3 };
  const typed = { item_id: 'I-1', rating: 'full', description: '就業規則あり（改訂中）', evidence: [], revision: 2 };
  assert.deepEqual(differences(stored, typed), [
    { field: 'description', stored: '就業規則あり', typed: '就業規則あり（改訂中）' },
    { field: 'evidence', stored: '規則 / 棚', typed: '' },
  ]);
});

test('an answer deleted elsewhere differs in everything typed', () => {
  const typed = { policy_id: 'bcp', notes: 'メモ', disclosures: { bcp_plan: 'yes' }, acknowledged: true };
  assert.deepEqual(differences(null, typed).map((d) => d.field), ['acknowledged', 'disclosures', 'notes']);
});
