// The second year: one group's carried-over answers on one screen, each with its rating
// and text, confirmed "still true" for the whole group at once or item by item, or edited
// right here (an edit is saved as typed and confirms the answer too).

import { api } from '../api.js';
import { CONTRACT } from '../contract.js';
import { editRecord } from '../form-autosave.js';
import { toReconfirm } from '../finder.js';
import { pathOf, reconfirmGroups } from '../flow.js';
import { html, render } from '../html.js';
import { t, gt, list, formatDate, labelled } from '../i18n.js';
import { state, answerFor, part2For, putAnswer, putPart2, groupOf, isRelevant } from '../state.js';
import { radioGroup, textArea } from './fields.js';
import { glText, translationLabel } from '../components/guideline-title.js';

function groupTitle(groupId) {
  if (groupId === 'part2') return t('step.part2');
  const g = state.catalog.guideline.groups.find((x) => x.id === groupId);
  // Plain text (it goes into a sentence); a translated title is labelled at the screen's foot.
  return `${g.id} ${gt(g.title)}`;
}

/** Per group, how many answers are still to re-confirm. */
function leftByGroup() {
  const left = toReconfirm(state.record);
  const counts = Object.fromEntries(reconfirmGroups().map((g) => [g, 0]));
  left.items.forEach((id) => { counts[groupOf(id)] += 1; });
  counts.part2 = left.policies.length;
  return { counts, total: left.total };
}

function itemRow(it) {
  const a = answerFor(it.id);
  const pending = a.to_reconfirm;
  return html`<li class="reconfirm-row card ${pending ? 'pending' : 'confirmed'}" data-item="${it.id}">
    <div class="reconfirm-row-head">
      <a href="#${pathOf(state.record.assessment.id, `item:${it.id}`)}"><span class="item-id">${it.id}</span> ${glText(it.title)}</a>
      <span class="badge ${a.rating === 'full' ? 'status-submitted' : a.rating ? 'status-draft' : ''}">${a.rating ? t(`rating.${a.rating}`) : t('status.unanswered')}</span>
      ${pending ? html`<span class="badge reconfirm">${t('status.to_reconfirm')}</span>` : html`<span class="badge status-submitted">${t('reconfirm.confirmed')}</span>`}
    </div>
    <div class="reconfirm-text">${a.description ? html`<p class="answer-text">${a.description}</p>` : html`<p class="empty small">${t('reconfirm.no_description')}</p>`}
      ${a.rating === 'not_applicable' && a.na_reason ? html`<p class="small">${t('item.na_reason')}${t('label.colon')}${a.na_reason}</p>` : ''}
      ${a.evidence.length ? html`<p class="small">${t('item.evidence')}${t('label.colon')}${list(a.evidence.map((e) => e.name).filter(Boolean))}</p>` : ''}
      ${a.action_plan.what ? html`<p class="small">${t('item.plan')}${t('label.colon')}${a.action_plan.due ? t('reconfirm.plan_due', { what: a.action_plan.what, due: formatDate(a.action_plan.due) }) : a.action_plan.what}</p>` : ''}</div>
    <div class="reconfirm-actions">
      ${pending ? html`<button type="button" class="button small primary" data-action="confirm-one" data-item="${it.id}">${t('reconfirm.still_true')}</button>` : ''}
      <button type="button" class="button small" data-action="edit" data-item="${it.id}" aria-expanded="false">${t('reconfirm.edit')}</button>
    </div>
    <div class="reconfirm-edit" hidden></div>
  </li>`;
}

/** What a policy's answer says, as the sidebar says it: acknowledged, not answered, or (a policy
 *  that does not concern the company and was not acknowledged) that it does not concern it,
 *  never "not answered yet" beside "Confirmed". */
function policyState(policyId, a) {
  if (a.acknowledged) return t('part2.acknowledged');
  return isRelevant(policyId) ? t('status.unanswered') : t('part2.not_relevant_short');
}

function policyRow(p) {
  const a = part2For(p.id);
  return html`<li class="reconfirm-row card ${a.to_reconfirm ? 'pending' : 'confirmed'}" data-policy="${p.id}">
    <div class="reconfirm-row-head">
      <a href="#${pathOf(state.record.assessment.id, `part2:${p.id}`)}">${glText(p.short_title)}</a>
      <span class="badge" data-testid="policy-state">${policyState(p.id, a)}</span>
      ${a.to_reconfirm ? html`<span class="badge reconfirm">${t('status.to_reconfirm')}</span>` : html`<span class="badge status-submitted">${t('reconfirm.confirmed')}</span>`}
    </div>
    <div class="reconfirm-text">${a.cascaded ? html`<p class="small">${labelled(t('part2.cascaded_label'), t(`cascade_state.${a.cascaded}`))}</p>` : ''}
      ${a.notes ? html`<p class="answer-text">${a.notes}</p>` : ''}</div>
    <div class="reconfirm-actions">
      ${a.to_reconfirm ? html`<button type="button" class="button small primary" data-action="confirm-one" data-policy="${p.id}">${t('reconfirm.still_true')}</button>` : ''}
      <a class="button small" href="#${pathOf(state.record.assessment.id, `part2:${p.id}`)}">${t('reconfirm.edit')}</a>
    </div>
  </li>`;
}

/**
 * The inline editor of one item's rating and description, saved as typed by the one save
 * controller (the same as the item page's: each save is based on the last one's revision).
 */
function openEditor(row, itemId, app, redrawRow) {
  const slot = row.querySelector('.reconfirm-edit');
  const editor = editRecord('answer', itemId, { app, onSaved: () => redrawRow(false) });
  const answer = editor.record;
  render(slot, html`
    ${radioGroup('rating', t('item.rating'), CONTRACT.ratings.map((r) => ({ value: r, label: t(`rating.${r}`) })), answer.rating)}
    ${textArea('description', t('item.description'), answer.description, { rows: 4, max: CONTRACT.text_limits.description })}
    <p class="small">${t('reconfirm.edit_more')} <a href="#${pathOf(state.record.assessment.id, `item:${itemId}`)}">${t('reconfirm.open_item')}</a></p>`);
  slot.hidden = false;
  editor.bind(slot, (field, value) => {
    if (field !== 'rating' && field !== 'description') return false;
    answer[field] = value;
    slot.querySelectorAll('.radio-option').forEach((o) => o.classList.toggle('selected', o.querySelector('input').checked));
    return true;
  });
  slot.querySelector('input, textarea')?.focus();
}

export function reconfirmGroup(main, params, app) {
  const groupId = params.group;
  if (!reconfirmGroups().includes(groupId)) { app.notFound(); return; }
  const id = state.record.assessment.id;
  const draw = (focus) => {
    const { counts, total } = leftByGroup();
    const inGroup = groupId === 'part2' ? [] : state.items.filter((e) => e.group.id === groupId).map((e) => e.item);
    const pendingHere = groupId === 'part2'
      ? state.policies.filter((p) => part2For(p.id).to_reconfirm).map((p) => p.id)
      : inGroup.filter((it) => answerFor(it.id).to_reconfirm).map((it) => it.id);
    const groups = reconfirmGroups();
    const next = groups.slice(groups.indexOf(groupId) + 1).concat(groups.slice(0, groups.indexOf(groupId))).find((g) => counts[g] > 0);
    render(main, html`
      <article class="step reconfirm-step" aria-labelledby="reconfirm-title">
        <header class="step-head">
          <p class="step-context">${t('reconfirm.context', { period: state.record.assessment.period })}</p>
          <h1 id="reconfirm-title">${t('reconfirm.title', { group: groupTitle(groupId) })}</h1>
          <p class="lead" data-testid="reconfirm-left">${total ? t('reconfirm.left_total', { n: total }) : t('reconfirm.all_done')}</p>
        </header>
        <nav class="reconfirm-groups" aria-label="${t('reconfirm.groups')}">
          ${groups.map((g) => html`<a class="button small" href="#${pathOf(id, `reconfirm:${g}`)}" ${g === groupId ? html`aria-current="page"` : ''}>
            ${g === 'part2' ? t('step.part2') : g} <span class="group-count">${counts[g] ? t('reconfirm.left_short', { n: counts[g] }) : '✓'}</span></a>`)}
        </nav>
        <div class="toolbar">
          ${pendingHere.length ? html`<button type="button" class="button primary" data-action="confirm-group">${t('reconfirm.group_still_true', { n: pendingHere.length })}</button>`
    : html`<p class="success" role="status">${t('reconfirm.group_done')}</p>`}
          ${next ? html`<a class="button" href="#${pathOf(id, `reconfirm:${next}`)}" data-testid="reconfirm-next">${t('reconfirm.next_group', { group: groupTitle(next) })} →</a>` : ''}
        </div>
        <ol class="reconfirm-list">${groupId === 'part2' ? state.policies.map(policyRow) : inGroup.map(itemRow)}</ol>
        ${translationLabel()}
      </article>`);
    main.querySelector('[data-action="confirm-group"]')?.addEventListener('click', () => confirm(pendingHere));
    // On the article, drawn anew each time (<main> itself outlives this screen).
    main.querySelector('article').addEventListener('click', onClick);
    if (focus) main.querySelector(focus)?.focus();
  };

  const confirm = (ids) => app.guard(async () => {
    const items = groupId === 'part2' ? [] : ids;
    const policies = groupId === 'part2' ? ids : [];
    const saved = await api.confirmUnchanged(id, items, policies);
    items.forEach((i) => { const a = answerFor(i); if (a.to_reconfirm) putAnswer({ ...a, to_reconfirm: false }); });
    policies.forEach((p) => { const a = part2For(p); if (a.to_reconfirm) putPart2({ ...a, to_reconfirm: false }); });
    app.afterSave(saved);
    draw(ids.length > 1 ? 'h1' : `[data-action="edit"][data-item="${ids[0]}"], [data-policy="${ids[0]}"] a`);
  });

  function onClick(e) {
    const one = e.target.closest('[data-action="confirm-one"]');
    if (one) { confirm([one.dataset.item ?? one.dataset.policy]); return; }
    const edit = e.target.closest('[data-action="edit"]');
    if (edit) {
      const row = edit.closest('.reconfirm-row');
      const open = edit.getAttribute('aria-expanded') === 'true';
      edit.setAttribute('aria-expanded', String(!open));
      if (open) { row.querySelector('.reconfirm-edit').hidden = true; return; }
      openEditor(row, edit.dataset.item, app, () => {
        // After a save: the row's badges follow, the editor stays open where the user types.
        const badge = row.querySelector('.badge.reconfirm');
        if (badge) { badge.className = 'badge status-submitted'; badge.textContent = t('reconfirm.confirmed'); }
        row.querySelector('[data-action="confirm-one"]')?.remove();
        row.classList.replace('pending', 'confirmed');
      });
    }
  }
  draw();
}
