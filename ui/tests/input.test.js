// Unit tests for ui/js/input.js (node --test ui/tests/): the table of cases the core runs too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { halfWidth, wholeNumber, calendarDate } from '../js/input.js';

const cases = JSON.parse(readFileSync(new URL('../../tests/fixtures/input-cases.json', import.meta.url), 'utf8'));

test('full-width input becomes half-width, as the core makes it', () => {
  assert.ok(cases.half_width.length >= 5);
  for (const [typed, plain] of cases.half_width) assert.equal(halfWidth(typed), plain, `halfWidth(${typed})`);
});

test('whole numbers as a Japanese IME types them, as the core reads them', () => {
  assert.ok(cases.whole_number.length >= 5);
  for (const [typed, n] of cases.whole_number) assert.equal(wholeNumber(typed), n, `wholeNumber(${typed})`);
});

test('a date is read as people type it, in the core\'s form, and no date is told apart from none', () => {
  for (const typed of ['2026-12-31', '2026/12/31', '２０２６／１２／３１', '2026年12月31日', ' 2026.12.31 ', '20261231', '2026ー12ー31']) {
    assert.equal(calendarDate(typed), '2026-12-31', typed);
  }
  assert.equal(calendarDate('2026-1-5'), '2026-01-05');
  assert.equal(calendarDate(''), null);
  assert.equal(calendarDate('  '), null);
  for (const wrong of ['2026-02-30', '2026-13-01', '26-12-31', '12/31/2026', '2026-12', 'tomorrow']) {
    assert.equal(calendarDate(wrong), undefined, wrong);
  }
});
