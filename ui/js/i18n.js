// The string tables and the current language. Every UI text goes through t().
//
// Which languages exist, their names, colon, list separator and date format, and the words
// of ratings, statuses and cascades come from the core (lang/<code>/*.json, sent once at
// start by `setLanguages`): the screens, the PDF and the workbook say them the same way.
// This module adds each language's table of screen texts (strings/<code>.js). A third
// language is data: a folder lang/<code>/ and a table strings/<code>.js.

const TABLES = {};
/** Each language's formats and words as the core sends them, by code (English first). */
let LANGS = {};
let current = 'en';
const listeners = new Set();
/** Translations of the guideline's text by language: {ja: {label, kind, strings}} (from the catalog). */
let translations = {};

/** The keys the core's words give every table: one source for the screens and the PDF. */
function wordsTable(l) {
  const w = l.words;
  const out = { 'label.colon': l.colon, 'list.separator': l.list_separator, 'common.yes': w.yes, 'common.no': w.no,
    'status.unanswered': w.not_answered };
  for (const [name, word] of Object.entries(w.rating)) out[`rating.${name}`] = word;
  for (const [name, word] of Object.entries(w.rating_description)) out[`rating.${name}.description`] = word;
  for (const [name, word] of Object.entries(w.status)) out[`status.${name}`] = word;
  for (const [name, word] of Object.entries(w.cascade)) out[`cascade.${name}`] = word;
  for (const [name, word] of Object.entries(w.cascade_state)) out[`cascade_state.${name}`] = word;
  for (const [name, word] of Object.entries(w.request_status ?? {})) out[`requests.status.${name}`] = word;
  // The profile's field labels: the form, the submission check and the PDF name a field alike.
  for (const [name, word] of Object.entries(w.profile_field ?? {})) out[`profile.${name}`] = word;
  return out;
}

/**
 * Takes the core's languages ([{code, name, tag, colon, …, words}], English first) and
 * loads each one's table of screen texts. `load(code)` gives that table (tests pass their own).
 */
export async function setLanguages(list, load = async (code) => (await import(`./strings/${code}.js`)).default) {
  const tables = await Promise.all(list.map((l) => load(l.code)));
  LANGS = {};
  list.forEach((l, i) => { LANGS[l.code] = l; TABLES[l.code] = { ...tables[i], ...wordsTable(l) }; });
}

/** The codes of the languages the app speaks, English first. */
export function languages() { return Object.keys(LANGS); }

/** A language's name in itself ("日本語"), for the language switches. */
export function languageName(code) { return LANGS[code]?.name ?? code; }

export function language() { return current; }

export function setLanguage(lang) {
  if (!TABLES[lang] || lang === current) return;
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  listeners.forEach((fn) => fn(lang));
}

/** The language a first start uses: the system's (read by the shell), else the web view's. */
export function firstStartLanguage(systemLanguage, navigatorLanguage) {
  for (const candidate of [systemLanguage, navigatorLanguage]) {
    const primary = String(candidate ?? '').toLowerCase().split(/[-_.@]/)[0];
    const found = Object.values(LANGS).find((l) => l.system_prefixes.includes(primary));
    if (found) return found.code;
  }
  return 'en';
}

export function setTranslations(byLanguage) { translations = byLanguage ?? {}; }

/** Our translation of the guideline into the UI language, or null (English is the original). */
export function guidelineTranslation() { return translations[current] ?? null; }

/** A string of the guideline in the UI language: its translation where there is one. */
export function gt(english) {
  return guidelineTranslation()?.strings?.[english] ?? english;
}

export function onLanguageChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }

/** The text for `key` with {placeholders} filled. A missing key shows as ⟦key⟧ (tests look for it). */
export function t(key, params = {}) {
  const text = TABLES[current]?.[key] ?? TABLES.en?.[key];
  if (text === undefined) {
    console.error(`missing string: ${key}`);
    return `⟦${key}⟧`;
  }
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Items written as a list in running text: "a, b, c" / 「a、b、c」 (a Japanese list takes 、). */
export function list(items) {
  return items.join(t('list.separator'));
}

/** "Label: value" / 「ラベル：値」, with the language's colon. */
export function labelled(label, value) {
  return `${label}${t('label.colon')}${value}`;
}

/** `text` with a parenthetical: "text (aside)" / 「text（aside）」. */
export function withParen(text, aside) {
  const l = LANGS[current] ?? LANGS.en;
  return `${text}${l?.paren_open ?? ' ('}${aside}${l?.paren_close ?? ')'}`;
}

/** A number of things in running text, as the core counts them: "3" / 「3件」. */
export function count(n) {
  const l = LANGS[current] ?? LANGS.en;
  return fill(l?.count ?? '{n}', { n });
}

/** Our catalog texts come in {en, ja}: pick the current language. */
export function pick(localized) {
  if (!localized) return '';
  return localized[current] ?? localized.en;
}

/** The template `text` with each {name} filled from `values`. */
function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
}

/**
 * A calendar date (YYYY-MM-DD) as the PDF prints it, from the language's own format:
 * 2026年11月27日 / 27 November 2026. Anything else is returned as it is.
 */
export function formatDate(ymd) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd ?? '');
  const l = LANGS[current] ?? LANGS.en;
  if (!m || !l) return ymd ?? '';
  const month = Number(m[2]);
  return fill(l.date, { year: Number(m[1]), month, month_name: l.month_names[month - 1], day: Number(m[3]) });
}

/** A moment in the user's time zone, short, in the language's written form (lists, backups). */
export function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const tag = (LANGS[current] ?? LANGS.en)?.tag ?? 'en-US';
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
