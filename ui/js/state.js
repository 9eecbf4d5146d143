// What the app holds in memory: the catalog, companies, and the open assessment.

export const state = {
  catalog: null,
  /** items in Table 4-1 order, each with its group: [{item, group, index}] */
  items: [],
  policies: [],
  companies: [],
  /** The open assessment's record {company, assessment, answers, part2}, or null. */
  record: null,
  /** The latest {score, readiness} of the open assessment. */
  evaluation: null,
};

const listeners = new Set();

export function onStateChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }

export function changed(what) { listeners.forEach((fn) => fn(what)); }

export function setCatalog(catalog) {
  state.catalog = catalog;
  state.items = [];
  for (const group of catalog.guideline.groups) {
    for (const item of group.items) state.items.push({ item, group, index: state.items.length });
  }
  state.policies = catalog.guideline.part2.policies;
}

export function itemById(id) { return state.items.find((e) => e.item.id === id); }

export function policyById(id) { return state.policies.find((p) => p.id === id); }

export function companyOfRecord() {
  return state.companies.find((c) => c.id === state.record?.assessment.company_id) ?? null;
}

/** The stored answer to an item, or a fresh empty one. */
export function answerFor(itemId) {
  const found = state.record?.answers.find((a) => a.item_id === itemId);
  return found ?? {
    item_id: itemId, rating: null, na_reason: '', description: '', evidence: [],
    action_plan: { what: '', who: '', due: null }, marked_for_review: false, to_reconfirm: false, updated_at: null, revision: 0,
  };
}

/** Puts an edited answer into the record (replacing the stored one). */
export function putAnswer(answer) {
  const list = state.record.answers;
  const i = list.findIndex((a) => a.item_id === answer.item_id);
  if (i >= 0) list[i] = answer; else list.push(answer);
}

export function part2For(policyId) {
  const found = state.record?.part2.find((a) => a.policy_id === policyId);
  return found ?? {
    policy_id: policyId, acknowledged: false, cascaded: null, disclosures: {}, notes: '', to_reconfirm: false, updated_at: null, revision: 0,
  };
}

export function putPart2(answer) {
  const list = state.record.part2;
  const i = list.findIndex((a) => a.policy_id === answer.policy_id);
  if (i >= 0) list[i] = answer; else list.push(answer);
}

/** Whether a Part 2 policy concerns the company, from its profile. */
export function isRelevant(policy, profile) {
  switch (policy.relevance) {
    case 'goods': return !!profile?.supplies_goods;
    case 'chemicals': return !!profile?.handles_chemicals;
    case 'construction': return !!profile?.does_construction;
    default: return true;
  }
}
