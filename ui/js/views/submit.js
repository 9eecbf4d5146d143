// The submission step: the readiness check, then (once the PDF lands) creating the PDF.

import { html, render } from '../html.js';
import { t } from '../i18n.js';
import { translationLabel } from '../components/guideline-title.js';
import { state } from '../state.js';
import { findingsList } from './problems.js';
import { submissionPanel } from './submission-panel.js';
import { stepNav } from './step-nav.js';

export async function submit(main, _params, app) {
  const { readiness } = await app.evaluate();
  render(main, html`
    <article class="step submit-step" aria-labelledby="submit-title">
      <header class="step-head"><h1 id="submit-title">${t('step.submit')}</h1></header>
      <section class="card readiness ${readiness.ready ? 'ready' : 'not-ready'}" data-testid="readiness" data-ready="${String(readiness.ready)}">
        <p class="lead">${readiness.ready ? t('submit.ready') : t('submit.not_ready')}</p>
        ${findingsList(readiness.findings)}
        ${readiness.findings.length ? translationLabel('page-note') : ''}
      </section>
      <section class="card pdf-slot" data-testid="pdf-slot"></section>
      ${stepNav(state.record.assessment.id, 'submit')}
    </article>`);
  submissionPanel(main.querySelector('.pdf-slot'), readiness, app);
}
