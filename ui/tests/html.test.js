// Unit tests of the escaping html tag.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { html, escape, SafeHtml } from '../js/html.js';

test('interpolated text is escaped', () => {
  const out = html`<p title="${'"x" & <y>'}">${"<script>alert('1')</script>"}</p>`;
  assert.equal(String(out), '<p title="&quot;x&quot; &amp; &lt;y&gt;">&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;</p>');
});

test('nested html is kept, arrays are joined, empty values vanish', () => {
  const items = ['a', '<b>'].map((s) => html`<li>${s}</li>`);
  assert.equal(String(html`<ul>${items}</ul>`), '<ul><li>a</li><li>&lt;b&gt;</li></ul>');
  assert.equal(String(html`${null}${undefined}${false}${0}`), '0');
  assert.ok(html`x` instanceof SafeHtml);
});

test('escape handles Japanese text and non-strings', () => {
  assert.equal(escape('株式会社 <さくら>'), '株式会社 &lt;さくら&gt;');
  assert.equal(escape(12), '12');
  assert.equal(escape(null), '');
});
