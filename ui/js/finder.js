// Finding one's way through the 47 items: the sidebar's filters (unanswered, gaps, marked
// for review, to re-confirm, essential) and a search across item titles, the guideline's
// text, our advice in both languages and the user's own answers. Pure functions, no DOM.

import { CONTRACT } from './contract.js';

export const FILTERS = ['all', 'unanswered', 'gaps', 'marked', 'reconfirm', 'essential'];

const answered = (a) => !!a?.rating;

/** Whether the item `entry` ({item}) with its stored answer `a` (or undefined) passes `filter`. */
export function passes(filter, entry, a) {
  switch (filter) {
    case 'unanswered': return !answered(a);
    case 'gaps': return CONTRACT.gap_ratings.includes(a?.rating);
    case 'marked': return !!a?.marked_for_review;
    case 'reconfirm': return !!a?.to_reconfirm;
    case 'essential': return entry.item.condition === 'essential';
    default: return true;
  }
}

/** Lower case, full-width letters and digits as half-width, runs of space as one. */
export function normalize(text) {
  return String(text ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

function blocksText(blocks, tr = (s) => s) {
  const both = (s) => (tr(s) === s ? s : `${s} ${tr(s)}`);
  return (blocks ?? []).map((b) => (b.type === 'list' ? b.items.map(both).join(' ') : both(b.text))).join(' ');
}

function adviceText(advice) {
  if (!advice) return '';
  return ['en', 'ja'].map((l) => advice[l]).filter(Boolean)
    .map((a) => [a.summary, ...(a.steps ?? []), ...(a.evidence ?? [])].join(' ')).join(' ');
}

/** Where a search hit was found, most telling first. */
export const HIT_PLACES = ['id', 'title', 'answer', 'guideline', 'advice'];

/**
 * The texts of one item to search, by place; `tr` gives our translation of a guideline
 * string (the guideline's own English is searched too).
 */
export function searchable(entry, a, advice, tr = (s) => s) {
  const it = entry.item;
  const both = (s) => (s ? [s, tr(s)].filter((x, i, all) => all.indexOf(x) === i).join(' ') : '');
  return {
    id: it.id,
    title: both(it.title),
    answer: a ? [a.description, a.na_reason, a.action_plan?.what, a.action_plan?.who,
      ...(a.evidence ?? []).flatMap((e) => [e.name, e.location])].filter(Boolean).join(' ') : '',
    guideline: [both(it.section_heading), both(it.request), blocksText(it.explanation, tr)].filter(Boolean).join(' '),
    advice: adviceText(advice),
  };
}

/**
 * The items matching every word of `query` (anywhere in an item's texts), best first:
 * [{id, place}] where `place` is where the first word was found. An empty query finds nothing.
 */
export function search(query, entries, answers, advice, tr = (s) => s) {
  const words = normalize(query).trim().split(' ').filter(Boolean);
  if (!words.length) return [];
  const byId = new Map(answers.map((a) => [a.item_id, a]));
  const hits = [];
  for (const entry of entries) {
    const texts = searchable(entry, byId.get(entry.item.id), advice?.[entry.item.id], tr);
    const norm = Object.fromEntries(HIT_PLACES.map((p) => [p, normalize(texts[p])]));
    const all = HIT_PLACES.map((p) => norm[p]).join(' \u0000 ');
    if (!words.every((w) => all.includes(w))) continue;
    const place = HIT_PLACES.find((p) => norm[p].includes(words[0]));
    hits.push({ id: entry.item.id, place, rank: HIT_PLACES.indexOf(place), index: entry.index });
  }
  hits.sort((x, y) => x.rank - y.rank || x.index - y.index);
  return hits.map(({ id, place }) => ({ id, place }));
}

/** The carried-over answers still to re-confirm: {items, policies, total}. */
export function toReconfirm(record) {
  const items = (record?.answers ?? []).filter((a) => a.to_reconfirm).map((a) => a.item_id);
  const policies = (record?.part2 ?? []).filter((p) => p.to_reconfirm).map((p) => p.policy_id);
  return { items, policies, total: items.length + policies.length };
}
