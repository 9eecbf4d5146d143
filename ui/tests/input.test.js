// Unit tests for ui/js/input.js (node --test ui/tests/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { halfWidth, wholeNumber } from '../js/input.js';

test('full-width input becomes half-width', () => {
  assert.equal(halfWidth('０３ー１２３４ー５６７８'), '03-1234-5678');
  assert.equal(halfWidth('ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ'), 'hanako@example.jp');
  assert.equal(halfWidth('　ＮＥＣ−１２３　'), 'NEC-123');
  assert.equal(halfWidth('(03) 1234 5678 ext. 12'), '(03) 1234 5678 ext. 12');
});

test('whole numbers as a Japanese IME types them', () => {
  assert.equal(wholeNumber('２０'), 20);
  assert.equal(wholeNumber(' 20 '), 20);
  assert.equal(wholeNumber('１，２００'), 1200);
  assert.equal(wholeNumber('twenty'), null);
  assert.equal(wholeNumber(''), null);
  assert.equal(wholeNumber('-3'), null);
  assert.equal(wholeNumber('2.5'), null);
});
