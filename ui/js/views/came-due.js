// At start, the dates that have come since the supplier last looked (evidence valid until,
// action plans due, next year's assessment): a notice that stays until "Seen", so a date
// is not missed because the app was closed when it came.

import { api } from '../api.js';
import { html, render } from '../html.js';
import { t, language, onLanguageChange } from '../i18n.js';
import { pathOf } from '../flow.js';

/** How many dates the notice lists; the rest are counted. */
const SHOWN = 5;

let notice = null;

/** Shows the notice when dates have come (the core decides which); draws it again in a new language. */
export async function showCameDue() {
  const due = await api.cameDue(language()).catch(() => null);
  // Answered, with or without dates (what a test waits for instead of a fixed time).
  document.documentElement.dataset.cameDue = 'checked';
  notice?.remove();
  notice = null;
  if (!due || due.dates.length === 0) return;
  notice = document.createElement('section');
  notice.className = 'toast toast-warning came-due';
  notice.setAttribute('role', 'status');
  notice.setAttribute('aria-labelledby', 'came-due-title');
  notice.dataset.testid = 'came-due';
  const place = (d) => d.about ? pathOf(d.assessment_id, `${d.about_kind === 'item' ? 'item' : 'part2'}:${d.about}`) : pathOf(d.assessment_id, 'review');
  const shown = due.dates.slice(0, SHOWN);
  render(notice, html`<div>
      <h2 id="came-due-title">${t('came_due.title', { n: due.dates.length })}</h2>
      <ul>${shown.map((d) => html`<li><a href="#${place(d)}">${t('came_due.line', { date: d.date_text, what: d.summary })}</a></li>`)}</ul>
      ${due.dates.length > SHOWN ? html`<p>${t('came_due.more', { n: due.dates.length - SHOWN })}</p>` : ''}
      <p class="came-due-hint">${t('came_due.hint')}</p>
    </div>
    <button type="button" class="button small" data-action="dates-seen">${t('came_due.seen')}</button>`);
  notice.querySelector('[data-action="dates-seen"]').addEventListener('click', async () => {
    await api.markDatesSeen().catch(() => {});
    notice?.remove();
    notice = null;
  });
  document.getElementById('toast-region').prepend(notice);
}

onLanguageChange(() => { if (notice) showCameDue(); });
