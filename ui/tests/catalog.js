// The real catalog for the UI's unit tests, in the shape the shell's get_catalog sends.

import { readFileSync } from 'node:fs';

const read = (p) => JSON.parse(readFileSync(new URL(`../../catalog/${p}`, import.meta.url), 'utf8'));

export function catalog() {
  const advice = { items: {}, policies: {} };
  for (const f of ['advice/groups-I-III.json', 'advice/groups-IV-VII-part2.json']) {
    const a = read(f);
    Object.assign(advice.items, a.items ?? {});
    Object.assign(advice.policies, a.policies ?? {});
  }
  return { guideline: read('guideline.json'), advice, disclosures: read('disclosures.json') };
}
