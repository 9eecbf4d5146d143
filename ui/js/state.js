// What the app holds in memory: the catalog, companies, and the open assessment.

export const state = {
  catalog: null,
  /** items in Table 4-1 order, each with its group: [{item, group, index}] */
  items: [],
  policies: [],
  companies: [],
  /** The open assessment's record {company, assessment, answers, part2, nec_requests}, or null. */
  record: null,
  /** The latest evaluation of the open assessment: {score, readiness, changes, facts}. */
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

/** The answer to an item (the core sends one for every item: an empty one where nothing is stored). */
export function answerFor(itemId) {
  return state.record?.answers.find((a) => a.item_id === itemId);
}

/** Puts an edited answer into the record (replacing the stored one). */
export function putAnswer(answer) {
  const list = state.record.answers;
  const i = list.findIndex((a) => a.item_id === answer.item_id);
  if (i >= 0) list[i] = answer; else list.push(answer);
}

/** The Part 2 answer to a policy (one for every policy, as for items). */
export function part2For(policyId) {
  return state.record?.part2.find((a) => a.policy_id === policyId);
}

export function putPart2(answer) {
  const list = state.record.part2;
  const i = list.findIndex((a) => a.policy_id === answer.policy_id);
  if (i >= 0) list[i] = answer; else list.push(answer);
}

/** Whether a Part 2 policy concerns the company: the core's fact, from the latest evaluation. */
export function isRelevant(policyId) {
  return !!state.evaluation?.facts.relevant_policies.includes(policyId);
}

/** Whether evidence entry `index` of item `itemId` is past its valid-until date (the core's fact). */
export function isExpired(itemId, index) {
  return !!state.evaluation?.facts.expired_evidence[itemId]?.[index];
}

/** The group an item belongs to ("II" for "II-3"), from the catalog. */
export function groupOf(itemId) {
  return itemById(itemId)?.group.id ?? null;
}

/** The key of one of NEC's requests: the submission NEC answered and the request's id. */
export function requestKey(r) {
  return `${r.submission_sha256}|${r.id}`;
}

/** NEC's requests the open assessment shows (its own and those carried forward to it). */
export function necRequests() {
  return state.record?.nec_requests ?? [];
}

/** NEC's requests on an item or a Part 2 policy. */
export function requestsOn(target) {
  return necRequests().filter((r) => r.item === target || r.policy === target);
}

/** Whether a request is answered (done, or not possible): the core's states. */
export function isAnswered(r) {
  return r.status !== 'open';
}

/** Puts an edited request (its reply) into the record. */
export function putRequest(request) {
  const list = state.record.nec_requests ?? (state.record.nec_requests = []);
  const i = list.findIndex((r) => requestKey(r) === requestKey(request));
  if (i >= 0) list[i] = request; else list.push(request);
}
