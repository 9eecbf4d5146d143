// Which of our legal notes concern a company, from its profile: the country decides whether the
// Japanese rules are the ones that apply, the number of employees which side of a threshold it is on.

/** Ways people write Japan in the profile's free-text country field (compared lower-cased). */
const JAPAN_NAMES = new Set(['japan', 'jp', 'jpn', 'nippon', 'nihon', '日本', '日本国', 'にほん', 'にっぽん']);

/** Whether Japanese law applies: the country is Japan, or not given yet (most suppliers are in Japan). */
export function inJapan(country) {
  const c = String(country ?? '').trim().toLowerCase().replace(/[\s.]+/g, ' ').trim();
  return c === '' || JAPAN_NAMES.has(c) || /\bjapan\b/.test(c) || c.includes('日本');
}

/**
 * Where a headcount lies against a threshold {min?, max?, per}:
 * 'inside' (the rule applies), 'below' or 'above' (it does not), 'unknown' (no headcount),
 * or 'each_site' (the rule counts per workplace and the company's total cannot settle it).
 */
export function verdict(threshold, employees) {
  if (!threshold) return null;
  if (employees === null || employees === undefined || !Number.isFinite(Number(employees))) return 'unknown';
  const n = Number(employees);
  const { min = null, max = null } = threshold;
  if (min !== null && n < min) return 'below';
  if (threshold.per === 'workplace') {
    // No site has more people than the whole company, but a site may have fewer than `min`.
    return max !== null && n <= max && min === null ? 'inside' : 'each_site';
  }
  if (max !== null && n > max) return 'above';
  return 'inside';
}

/** The threshold in words, e.g. "50 or more workers" / "50人以上". */
export function rangeText(threshold, t) {
  const { min = null, max = null } = threshold;
  if (min !== null && max !== null) return t('advice.law.range.both', { min, max });
  if (min !== null) return t('advice.law.range.min', { min });
  return t('advice.law.range.max', { max });
}

/**
 * The sentence under a legal note that tells the company which side of its threshold it is on,
 * or null when the note has no threshold or Japanese law does not apply to the company.
 */
export function thresholdSentence(law, profile, t) {
  if (!law.threshold || !inJapan(profile?.country)) return null;
  const v = verdict(law.threshold, profile?.employees);
  const range = rangeText(law.threshold, t);
  const per = law.threshold.per === 'workplace' ? t('advice.law.per_workplace') : '';
  const params = { n: profile?.employees, range };
  switch (v) {
    case 'inside': return `${t('advice.law.inside', params)}${per}`;
    case 'below': return `${t('advice.law.below', params)}${per}`;
    case 'above': return `${t('advice.law.above', params)}${per}`;
    case 'each_site': return t('advice.law.each_site', params);
    default: return t('advice.law.unknown', params);
  }
}

/** "as of" in the language of `t`: 2026-11 → "as of 2026-11" / "2026年11月時点". */
export function asOfText(asOf, t) {
  const [year, month] = String(asOf).split('-');
  return t('advice.law.as_of', { year, month });
}
