// Start-up, routes, the window's frame (header, sidebar), keyboard, and closing safely.

import { api, onBackupProblem, onCloseRequested, onDatabaseDamaged, onFileOpened } from './api.js';
import { flushAll, hasUnsaved, lastSaveError } from './autosave.js';
import { app } from './app.js';
import { aboutDialog } from './components/about.js';
import { tellRestored } from './components/backups.js';
import { confirm } from './components/dialog.js';
import { toast } from './components/toast.js';
import { renderHeader, markCurrent } from './components/header.js';
import { renderSidebar } from './components/sidebar.js';
import { describe } from './errors.js';
import { html, render } from './html.js';
import { t, setLanguage, setLanguages, language, onLanguageChange, firstStartLanguage, setTranslations } from './i18n.js';
import { route, start, dispatch, go, currentPath } from './router.js';
import { state, setCatalog, onStateChange } from './state.js';
import { assessments } from './views/assessments.js';
import { collect } from './views/collect.js';
import { declaration } from './views/declaration.js';
import { item } from './views/item.js';
import { part2 } from './views/part2.js';
import { profile } from './views/profile.js';
import { reconfirmGroup } from './views/reconfirm-group.js';
import { requests } from './views/requests.js';
import { review } from './views/review.js';
import { startupError } from './views/startup-error.js';
import { showCameDue } from './views/came-due.js';
import { submit } from './views/submit.js';
import { welcome } from './views/welcome.js';
import { setGuidelineView } from './views/guideline-text.js';

const header = document.getElementById('app-header');
const nav = document.getElementById('app-nav');
const main = document.getElementById('main');
let current = { view: null, params: {}, step: null };

/** Which step of the flow a route is, for the sidebar and the stored position. */
function stepOf(view, params) {
  if (view === item) return `item:${params.item}`;
  if (view === part2) return `part2:${params.policy}`;
  if (view === review) return 'review';
  if (view === declaration) return 'declaration';
  if (view === submit) return 'submit';
  if (view === reconfirmGroup) return `reconfirm:${params.group}`;
  return null;
}

function areaOf(view) {
  if (view === profile) return 'profile';
  if (view === assessments) return 'assessments';
  return null;
}

/** The page's own texts: the window title, the skip link, the sidebar's name. */
function drawDocument() {
  document.title = t('app.name');
  document.querySelector('.skip-link').textContent = t('nav.skip');
  nav.setAttribute('aria-label', t('sidebar.sections'));
}

function drawFrame() {
  renderHeader(header, { hasCompany: state.companies.length > 0 });
  markCurrent(header, areaOf(current.view));
  drawDocument();
  if (state.record && current.step) {
    nav.hidden = false;
    renderSidebar(nav, current.step);
  } else {
    nav.hidden = true;
    render(nav, html``);
  }
}

let navigation = 0;
let firstShown = false;

/**
 * Draws the screen of `path` (the route as the hash gives it, without '#', e.g.
 * "/a/3/item/VI-2"). Once drawn, `main[data-path]` holds that path (tests wait for it);
 * it is removed while a navigation is under way.
 */
async function show(view, params, path) {
  // Once damage is found, only the damage screen is drawn (until the user decides there).
  if (state.startupError) return;
  const seq = ++navigation;
  delete main.dataset.path;
  // A newer navigation started meanwhile (a view or a redirect went elsewhere): it draws.
  const superseded = () => seq !== navigation || currentPath() !== path;
  await draw(view, params, path, superseded);
  if (superseded()) return;
  main.dataset.path = path;
  if (!firstShown) {
    firstShown = true;
    document.body.dataset.ready = 'true';
    // When the first screen became usable, for the start-up benchmark (src-tauri/benches/app.rs).
    document.body.dataset.readyAt = String(Date.now());
  }
}

async function draw(view, params, path, superseded) {
  await flushAll();
  if (!view) { go('/'); return; }
  // "/" only decides where to go: drawing a frame first would cost a paint before the screen.
  if (view === home) { await home(); return; }
  if (params.id) {
    const id = Number(params.id);
    const loaded = await app.guard(() => app.load(id));
    if (!loaded) { go('/assessments'); return; }
    if (view === resumeView) { await app.resume(id); return; }
  }
  if (superseded()) return;
  const step = params.id ? stepOf(view, params) : null;
  current = { view, params, step, path };
  if (step && state.record) {
    state.record.assessment.position = step;
    api.setPosition(state.record.assessment.id, step).catch(() => {});
  }
  drawFrame();
  try {
    await view(main, params, app);
  } catch (e) {
    // One screen that cannot draw must not lock anyone out: the header (language, About)
    // is drawn already, and the list of assessments is one click away.
    console.error(e);
    const d = describe(e);
    render(main, html`<section class="fatal" role="alert"><h1>${d.title}</h1><p>${d.advice}</p>
      ${view !== assessments ? html`<p><a class="button primary" href="#/assessments">${t('screen.failed_list')}</a></p>` : ''}
      <details class="error-details"><summary>${t('error.details')}</summary><p class="technical">${d.details}</p></details></section>`);
  }
  // Damage found while this screen was being drawn (a read the screen or the start made):
  // the damage screen stays, whatever screen finished drawing after it.
  if (state.startupError) { drawStartupError(); return; }
  if (superseded()) return;
  window.scrollTo(0, 0);
  main.querySelector('h1')?.setAttribute('tabindex', '-1');
  main.querySelector('h1')?.focus({ preventScroll: true });
}

/** "/" decides: first start, the assessment last worked on, or the list. */
async function home() {
  if (state.companies.length === 0) { go('/welcome'); return; }
  const last = Number(await api.getSetting('last_assessment').catch(() => null));
  if (last) {
    // Loaded once here; resuming then finds it loaded.
    const ok = await app.load(last).then(() => true, () => false);
    if (ok) { await app.resume(last); return; }
  }
  go('/assessments');
}

function resumeView() {}

app.notFound = () => go('/assessments');
app.refresh = () => dispatch();

route('/', home);
route('/welcome', welcome);
route('/profile', profile);
route('/profile/:field', profile);
route('/assessments', assessments);
route('/collect', collect);
route('/a/:id', resumeView);
route('/a/:id/item/:item', item);
route('/a/:id/part2/:policy', part2);
route('/a/:id/review', review);
route('/a/:id/declaration', declaration);
route('/a/:id/submit', submit);
route('/a/:id/reconfirm/:group', reconfirmGroup);
route('/a/:id/requests', requests);

async function switchLanguage(lang) {
  if (lang === language()) return;
  setLanguage(lang);
  if (!state.startupError) await api.setSetting('language', lang).catch(() => {});
}

function wireFrame() {
  document.addEventListener('click', async (e) => {
    const langButton = e.target.closest('[data-lang]');
    if (langButton) { await switchLanguage(langButton.dataset.lang); return; }
    // A button: the page itself carries data-gl-view (html[data-gl-view]), and matching it
    // swallowed every other click here, the About button's among them.
    const viewButton = e.target.closest('button[data-gl-view]');
    if (viewButton) {
      const view = setGuidelineView(viewButton.dataset.glView);
      await api.setSetting('guideline_view', view).catch(() => {});
      return;
    }
    if (e.target.closest('[data-action="about"]')) await about();
  });
  // Arrow keys move through the flow when no field has the focus; Ctrl+Enter anywhere.
  document.addEventListener('keydown', (e) => {
    const inField = e.target.closest('input, textarea, select, [contenteditable], dialog');
    let which = null;
    if (!inField && !e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      which = e.key === 'ArrowRight' ? 'next' : 'prev';
    } else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      which = e.shiftKey ? 'prev' : 'next';
    }
    const link = which && document.querySelector(`[data-step-link="${which}"]`);
    if (link) { e.preventDefault(); link.click(); }
  });
  onLanguageChange(() => { if (state.startupError) drawStartupError(); else { drawFrame(); dispatch(); } });
  onStateChange((what) => { if (what === 'evaluation' || what === 'company') { if (state.record && current.step) renderSidebar(nav, current.step); } });
  // A change was saved but the day's automatic backup could not be made: say so, and what
  // to do, until the user closes the message.
  onBackupProblem((reason) => toast(t('backups.failed', { reason }), { kind: 'warning', seconds: null }));
  // Damage found while the app runs (the background check, a read, a backup): the damage
  // screen at once, as after a restart.
  onDatabaseDamaged((error) => { state.startupError = error; drawStartupError(); });
  // NEC's feedback file double-clicked while the app runs: its requests, or why not.
  onFileOpened((imported, error) => {
    if (error) app.guard(() => { throw error; });
    else if (imported?.kind === 'feedback') app.showFeedback(imported);
  });
  // Closing the window saves what is pending first; if that fails, the user decides.
  onCloseRequested(async () => {
    if (await flushAll()) return true;
    const d = describe(lastSaveError());
    return confirm(t('close.unsaved_title'), `${d.title} ${d.advice} ${t('close.unsaved_body')}`,
      { confirmLabel: t('close.discard'), danger: true });
  });
  window.addEventListener('beforeunload', (e) => { if (hasUnsaved()) { flushAll(); e.preventDefault(); } });
}

async function about() {
  // An installed advice update: the catalog is read again and the screen drawn with it.
  await aboutDialog(async () => { setCatalog(await api.catalog()); dispatch(); });
}

function drawStartupError() {
  drawDocument();
  renderHeader(header, { hasCompany: false });
  nav.hidden = true;
  startupError(main, state.startupError, state.info);
}

async function boot() {
  wireFrame();
  // The languages first (their words and formats come from the core): every screen, the
  // start-up error's too, speaks through them.
  const [langs, startupError] = await Promise.all([api.languages(), api.startupStatus()]);
  await setLanguages(langs);
  state.startupError = startupError;
  if (state.startupError) {
    // The stored language is in the database that did not open: speak the system's.
    setLanguage(firstStartLanguage(await api.systemLanguage().catch(() => null), navigator.language));
    state.info = await api.appInfo();
    drawStartupError();
    return;
  }
  // Independent start-up reads, at once rather than one after another.
  const [lang, glView, systemLanguage, catalog, companies] = await Promise.all([
    api.getSetting('language').catch(() => null), api.getSetting('guideline_view').catch(() => null),
    api.systemLanguage().catch(() => null), api.catalog(), api.listCompanies(),
  ]);
  setCatalog(catalog);
  setTranslations(catalog.translations);
  setGuidelineView(glView);
  state.companies = companies;
  // A first start speaks the system's language (read by the shell from the OS, so it is the
  // same under WebView2, WKWebView and WebKitGTK); later starts the one the user chose.
  // Before start() the router draws nothing, so this cannot draw a screen too early (a
  // stored 日本語 once locked users out that way).
  setLanguage(lang || firstStartLanguage(systemLanguage, navigator.language));
  start(show);
  // Started by a double click on NEC's feedback file: open it, and show its requests first.
  const handed = await app.guard(() => api.openedAtStart());
  if (handed?.kind === 'feedback') await app.showFeedback(handed); else dispatch();
  // What came due while the app was closed, above whatever screen the start shows.
  if (companies.length) showCameDue();
  tellRestored();
}

boot().catch(async (e) => {
  // Even a failed start keeps the header, so the language switch and About still work.
  console.error(e);
  const d = describe(e);
  try { renderHeader(header, { hasCompany: false }); } catch { /* the message below still shows */ }
  render(main, html`<section class="fatal" role="alert"><h1>${d.title}</h1><p>${d.advice}</p><p class="technical">${d.details}</p></section>`);
});
