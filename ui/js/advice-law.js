// The words for the facts the core states about our legal notes (src/catalog/applicability.rs):
// what each note means for the company, what is counted, and whether it is due for review.
// Pure rendering: every conclusion is the core's; nothing here compares a number.

/** A number as people write it: 10,000,001 / 10,000,001. */
function number(n) {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(n);
}

/** A criterion's range in words: "50 or more workers" / 「50人以上」. */
export function rangeText(criterion, t) {
  const unit = t(`advice.law.unit.${criterion.counts}`);
  const { min = null, max = null } = criterion;
  if (min !== null && max !== null) return t('advice.law.range.both', { min: number(min), max: number(max), unit });
  if (min !== null) return t('advice.law.range.min', { min: number(min), unit });
  return t('advice.law.range.max', { max: number(max), unit });
}

/** One criterion with what it counts: "50 or more workers at one workplace (事業場), part-timers included". */
export function criterionText(criterion, t) {
  // Capital is a "more than" figure: the data holds the first yen above it.
  if (criterion.counts === 'capital_yen') return t('advice.law.count.capital_yen', { over: number((criterion.min ?? 1) - 1) });
  return t(`advice.law.count.${criterion.counts}`, { range: rangeText(criterion, t) });
}

/** What the threshold counts, all criteria: joined by "or" / "and" as the data combines them. */
export function countedText(criteria, combine, t, list) {
  const parts = criteria.map((c) => criterionText(c, t));
  if (parts.length < 2) return parts[0] ?? '';
  return t(combine === 'all' ? 'advice.law.all_of' : 'advice.law.any_of', { list: list(parts) });
}

/** "1 April 2027" / 「2027年4月1日」: `formatDate` of the UI language. */
function dateOf(verdict, formatDate) {
  return formatDate(verdict.from ?? verdict.by ?? '');
}

/**
 * The sentence for a note's verdict ({kind, …} from the core), or null when the core draws
 * none. `threshold` is the note's (for what is counted), `employees` the profile's figure.
 */
export function verdictSentence(fact, threshold, { t, list, formatDate }) {
  const v = fact.verdict;
  if (!v) return null;
  const counted = countedText(fact.counted, threshold?.combine, t, list);
  const check = (v.check ?? []).map((c) => t(`advice.law.check.${c}`));
  const params = { n: fact.employees, counted, check: list(check), date: dateOf(v, formatDate) };
  const when = v.from ? 'from' : 'by';
  switch (v.kind) {
    case 'applies': return t('advice.law.verdict.applies', params);
    case 'does_not_apply': return t('advice.law.verdict.does_not_apply', params);
    case 'effort_only': return t('advice.law.verdict.effort_only', params);
    case 'may_apply': return t('advice.law.verdict.may_apply', params);
    case 'will_apply': return t(`advice.law.verdict.will_apply.${when}`, params);
    case 'may_apply_later': return t(`advice.law.verdict.may_apply_later.${when}`, params);
    case 'not_yet_in_force': return t(`advice.law.verdict.not_yet_in_force.${when}`, params);
    case 'no_headcount': return t('advice.law.verdict.no_headcount', params);
    default: return null;
  }
}

/** A month "YYYY-MM" as written in the language: 2026-12 / 2026年12月. */
export function monthText(ym, lang) {
  const [year, m] = String(ym).split('-');
  return lang === 'ja' ? `${year}年${Number(m)}月` : `${year}-${m}`;
}

/** "checked 2026-12" / 「2026年12月確認」: the quiet date under each note. */
export function checkedText(month, { t, lang }) {
  return t('advice.law.checked', { month: monthText(month, lang) });
}

/**
 * The warning on a note past its review day, naming where to check it (its first public
 * address), or null while it is current.
 */
export function staleText(fact, urls, { t, lang, formatDate }) {
  if (!fact.stale) return null;
  return t('advice.law.stale', { month: monthText(fact.checked, lang), date: formatDate(fact.review_by), url: urls?.[0] ?? '' });
}
