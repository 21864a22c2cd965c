import { iroActor, manager, worker, type ChildBuilder } from './child';
import { DAY, iso } from './plan';

export type PlanEnd = { readonly at: number; readonly reason: 'no-plan' | 'end-plan' | 'became-looked-after' | 'moved-away' };

const CATEGORIES = { neglect: 45, emotional: 33, physical: 10, sexual: 4, multiple: 8 } as const;
/** How many review conferences a plan has before it ends (3, 9, 15, 21, 27, 33 months): a few run 2 years and more. */
export const REVIEWS_BEFORE_END = { 1: 25, 2: 44, 3: 20, 4: 8, 5: 2, 6: 1 } as const;
const MONTH = 30.44 * DAY;

/**
 * A strategy discussion and its section 47 enquiry: an ICPC within 15 working days (most),
 * late (a few), not required, or not held with a reason (4%); a plan from most conferences.
 */
export function strategyDiscussion(b: ChildBuilder, at: number, link?: { linkedTo: string; after: number }): PlanEnd {
  const rng = b.rng;
  const id = b.next('cp');
  const sw = worker(b.team, rng);
  const s47 = rng.chance(0.8);
  const decision = s47 ? 'section-47' : rng.pick(['child-in-need', 'no-further-action'] as const);
  b.add('cp', at, sw, {
    type: 'RecordStrategyDiscussion', caseId: b.caseId, ...(link ? { linkedTo: link.linkedTo } : {}),
    attendance: { police: rng.chance(0.92), health: rng.chance(0.75), education: rng.chance(0.7), others: [] },
    decision, rationaleRef: `rationale-${b.caseId.replace(/^child-/, '')}-${id}`, initiatesS47: s47, occurredAt: iso(at),
  }, { lag: b.lag(), ...(link ? { after: link.after } : {}) });
  if (!s47) return { at, reason: 'no-plan' };
  const base = { caseId: b.caseId, instanceId: id };
  if (rng.chance(0.15)) {
    const when = b.office(at + rng.between(5, 12) * DAY);
    b.add('cp', when, manager(b.team), { type: 'RecordInitialConferenceNotRequired', ...base, decisionRef: `s47-outcome-${id}`, occurredAt: iso(when) }, { lag: b.lag() });
    return { at: when, reason: 'no-plan' };
  }
  const fate = rng.weighted({ 'on-time': 92.17, late: 3.69, 'not-held': 4.15 });
  const iro = rng.pick(b.staff.iros);
  if (fate === 'not-held') {
    const when = b.office(at + rng.between(4, 14) * DAY);
    const reason = rng.weighted({ 'family-left-area': 50, 'no-significant-harm': 30, 'care-proceedings': 20 });
    b.add('cp', when, manager(b.team), { type: 'RecordInitialConferenceNotHeld', ...base, reason, occurredAt: iso(when) }, { lag: b.lag() });
    return { at: when, reason: reason === 'care-proceedings' ? 'became-looked-after' : 'moved-away' };
  }
  const icpc = b.office(at + (fate === 'late' ? rng.between(24, 40) : rng.between(6, 18)) * DAY);
  b.allocate(icpc, iro);
  const plan = rng.chance(0.72);
  b.add('cp', icpc, iroActor(iro), {
    type: 'RecordInitialConference', ...base, outcome: plan ? 'plan' : 'no-plan', ...(plan ? { category: rng.weighted(CATEGORIES) } : {}), preBirth: false, occurredAt: iso(icpc),
  }, { lag: b.lag() });
  if (!plan) return { at: icpc, reason: 'no-plan' };
  return planPhase(b, id, icpc, Number(rng.weighted(REVIEWS_BEFORE_END)));
}

/** A child moving in on another authority's plan: a transfer-in conference within 15 working days. */
export function transferIn(b: ChildBuilder, at: number): PlanEnd {
  const rng = b.rng;
  const id = b.next('cp');
  b.add('cp', at, worker(b.team, rng), { type: 'RecordTransferIn', caseId: b.caseId, fromAuthorityRef: `la-${rng.int(201, 938)}`, occurredAt: iso(at) }, { lag: b.lag() });
  const base = { caseId: b.caseId, instanceId: id };
  const when = b.office(at + rng.between(5, 18) * DAY);
  if (rng.chance(0.06)) {
    b.add('cp', when, manager(b.team), { type: 'RecordTransferInConferenceNotHeld', ...base, reason: 'family-left-area', occurredAt: iso(when) }, { lag: b.lag() });
    return { at: when, reason: 'moved-away' };
  }
  const iro = rng.pick(b.staff.iros);
  b.allocate(when, iro);
  const plan = rng.chance(0.9);
  b.add('cp', when, iroActor(iro), {
    type: 'RecordTransferInConference', ...base, outcome: plan ? 'plan' : 'no-plan', ...(plan ? { category: rng.weighted(CATEGORIES) } : {}), occurredAt: iso(when),
  }, { lag: b.lag() });
  return plan ? planPhase(b, id, when, Number(rng.weighted(REVIEWS_BEFORE_END))) : { at: when, reason: 'no-plan' };
}

/**
 * A plan from its conference: core groups (first within 10 working days, then about six-weekly),
 * review conferences at 3 months then 6-monthly (98% on time), ending at the `reviews`th
 * review; now and then earlier, because the child came into care or moved away.
 */
export function planPhase(b: ChildBuilder, id: string, conference: number, reviews: number): PlanEnd {
  const rng = b.rng;
  const base = { caseId: b.caseId, instanceId: id };
  const rcpcs: number[] = [];
  let previous = conference;
  for (let n = 1; n <= reviews; n++) {
    const due = previous + (n === 1 ? 3 : 6) * MONTH;
    previous = b.office(rng.chance(0.984) ? due - rng.between(4, 16) * DAY : due + rng.between(2, 20) * DAY);
    rcpcs.push(previous);
  }
  const early = rng.weighted({ none: 88, 'became-looked-after': 8, 'moved-away': 4 });
  const planned = rcpcs[rcpcs.length - 1] ?? conference;
  const end = early === 'none' ? planned : b.office(conference + rng.between(0.15, 0.95) * (planned - conference));
  const iro = b.iro ?? rng.pick(b.staff.iros);
  const events: { at: number; add: () => void }[] = [];
  let core = b.office(conference + rng.between(3, 9) * DAY);
  while (core < end - DAY) {
    const when = core;
    events.push({ at: when, add: () => b.add('cp', when, worker(b.team, rng), { type: 'RecordCoreGroup', ...base, occurredAt: iso(when) }, { lag: b.lag() }) });
    core = b.office(core + rng.between(28, 42) * DAY);
  }
  for (const [i, when] of rcpcs.entries()) {
    const last = i === rcpcs.length - 1;
    if (when > end || (early !== 'none' && when === end)) break;
    events.push({ at: when, add: () => b.add('cp', when, iroActor(iro), {
      type: 'RecordReviewConference', ...base, decision: last && early === 'none' ? 'end-plan' : 'continue-plan', occurredAt: iso(when),
    }, { lag: b.lag() }) });
  }
  if (early !== 'none') {
    events.push({ at: end, add: () => b.add('cp', end, manager(b.team), { type: 'EndPlan', ...base, reason: early, occurredAt: iso(end) }, { lag: b.lag() }) });
  }
  events.sort((x, y) => x.at - y.at).forEach((e) => e.add());
  return { at: end, reason: early === 'none' ? 'end-plan' : early };
}
