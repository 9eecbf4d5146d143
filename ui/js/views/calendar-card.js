// The review's card that saves the assessment's dates as a calendar file (.ics), so that a
// date coming due reminds the supplier although the app is closed.

import { api } from '../api.js';
import { flushAll } from '../autosave.js';
import { html } from '../html.js';
import { t, language } from '../i18n.js';

/** The card's HTML; `bindCalendarCard` gives its button its work once it is on the page. */
export function calendarCard() {
  return html`<section class="card" aria-labelledby="calendar-title" data-testid="calendar-card">
    <h2 id="calendar-title">${t('calendar.title')}</h2>
    <p>${t('calendar.intro')}</p>
    <button type="button" class="button" data-action="save-reminders">${t('calendar.save')}</button>
    <p class="note" data-testid="calendar-saved" role="status" hidden></p>
  </section>`;
}

/** Saves the calendar file of assessment `id` when the card's button is pressed. */
export function bindCalendarCard(root, id, app) {
  const button = root.querySelector('[data-action="save-reminders"]');
  const said = root.querySelector('[data-testid="calendar-saved"]');
  button?.addEventListener('click', async () => {
    // The file is written from what is stored: what is still being typed is saved first.
    await flushAll();
    await app.guard(async () => {
      const saved = await api.saveReminders(id, language(), { title: t('calendar.dialog_title'), filter: t('calendar.filter') });
      if (saved == null) return;
      said.textContent = saved.events > 0 ? t('calendar.saved', { n: saved.events, path: saved.path }) : t('calendar.saved_none', { path: saved.path });
      said.hidden = false;
    });
  });
}
