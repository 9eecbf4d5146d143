// Unit tests of the flow's steps and routes.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { steps, pathOf, neighbour, firstStep, validStep, reconfirmGroups } from '../js/flow.js';
import { setCatalog } from '../js/state.js';
import { catalog } from './catalog.js';

setCatalog(catalog());

test('the flow is 47 items, the Part 2 policies, then review, declaration, submit', () => {
  const all = steps();
  assert.equal(all.filter((s) => s.startsWith('item:')).length, 47);
  assert.equal(all.filter((s) => s.startsWith('part2:')).length, 6);
  assert.deepEqual(all.slice(-3), ['review', 'declaration', 'submit']);
  assert.equal(firstStep(), 'item:I-1');
});

test('routes of steps', () => {
  assert.equal(pathOf(3, 'item:II-3'), '/a/3/item/II-3');
  assert.equal(pathOf(3, 'part2:reach'), '/a/3/part2/reach');
  assert.equal(pathOf(3, 'review'), '/a/3/review');
  assert.equal(pathOf(3, 'reconfirm:VI'), '/a/3/reconfirm/VI');
});

test('neighbours cross from items to Part 2 and stop at the ends', () => {
  const all = steps();
  const lastItem = all.filter((s) => s.startsWith('item:')).at(-1);
  assert.ok(neighbour(lastItem, 1).startsWith('part2:'));
  assert.equal(neighbour('item:I-1', -1), null);
  assert.equal(neighbour('submit', 1), null);
  assert.equal(neighbour('nonsense', 1), null);
});

test('a stored position is used only while it is a step', () => {
  assert.equal(validStep('item:II-3'), 'item:II-3');
  assert.equal(validStep('item:IX-1'), null);
  assert.equal(validStep('reconfirm:III'), 'reconfirm:III');
  assert.equal(validStep('reconfirm:IX'), null);
  assert.equal(validStep(null), null);
  assert.deepEqual(reconfirmGroups(), ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'part2']);
});
