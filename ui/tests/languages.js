// The core's languages for the UI's unit tests, in the shape the shell's get_languages sends
// (lang/<code>/language.json with its words), loaded into i18n.js with the real tables.

import { readFileSync, readdirSync } from 'node:fs';

const root = new URL('../../lang/', import.meta.url);

export function languageData() {
  const codes = readdirSync(root).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  return codes.map((code) => {
    const read = (part) => JSON.parse(readFileSync(new URL(`${code}/${part}.json`, root), 'utf8'));
    return { ...read('language'), words: read('words') };
  });
}

/** Loads every language into i18n.js (as main.js does at start). */
export async function loadLanguages(i18n) {
  await i18n.setLanguages(languageData(), async (code) => (await import(`../js/strings/${code}.js`)).default);
}
