// First start: what this is, the language, and the way in.

import { html, render } from '../html.js';
import { t, language, languages, languageName } from '../i18n.js';

export function welcome(main, _params, app) {
  render(main, html`
    <section class="welcome">
      <h1>${t('welcome.title')}</h1>
      <p class="lead">${t('welcome.what')}</p>
      <p class="lead">${t('welcome.where')}</p>
      <div class="welcome-language" role="group" aria-labelledby="welcome-lang">
        <h2 id="welcome-lang">${t('welcome.language')}</h2>
        ${languages().map((l) => html`<button type="button" class="button big" data-lang="${l}" lang="${l}"
          aria-pressed="${l === language() ? 'true' : 'false'}">${languageName(l)}</button>`)}
      </div>
      <div class="welcome-actions">
        <a class="button primary big" href="#/profile" data-testid="start">${t('welcome.start')}</a>
        <button type="button" class="button link" data-action="import">${t('welcome.import')}</button>
      </div>
      <p class="note">${t('welcome.steps')}</p>
    </section>`);
  main.querySelector('[data-action="import"]').addEventListener('click', () => app.importFile());
}
