// Unit tests for ui/js/input.js (node --test ui/tests/): the table of cases the core runs too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { halfWidth, wholeNumber } from '../js/input.js';

const cases = JSON.parse(readFileSync(new URL('../../tests/fixtures/input-cases.json', import.meta.url), 'utf8'));

test('full-width input becomes half-width, as the core makes it', () => {
  assert.ok(cases.half_width.length >= 5);
  for (const [typed, plain] of cases.half_width) assert.equal(halfWidth(typed), plain, `halfWidth(${typed})`);
});

test('whole numbers as a Japanese IME types them, as the core reads them', () => {
  assert.ok(cases.whole_number.length >= 5);
  for (const [typed, n] of cases.whole_number) assert.equal(wholeNumber(typed), n, `wholeNumber(${typed})`);
});
