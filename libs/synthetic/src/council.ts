import { referral } from './assessment';
import { ChildBuilder, iroActor, manager, type AgeBand, type Staff } from './child';
import { REVIEWS_BEFORE_END, planPhase, strategyDiscussion, transferIn, type PlanEnd } from './child-protection';
import { allegation } from './lado';
import { careMonths, periodOfCare } from './looked-after';
import { missingEpisodes, type MissingStatus, type Runner } from './missing';
import { DAY, HOUR, YEAR, iso, type StreamPlan, type SyntheticCommand } from './plan';
import type { CouncilProfile } from './profiles';
import { Rng } from './random';

export interface CouncilOptions {
  readonly profile: CouncilProfile;
  readonly years: number;
  readonly seed: string;
  /** The end of the period (an ISO instant): nothing is recorded after it. */
  readonly until: string;
}

export interface SyntheticCouncil {
  /** Every command in recording order (each carries its recording instant, actor and idempotency key). */
  readonly commands: readonly SyntheticCommand[];
  readonly children: number;
  readonly allegations: number;
  readonly from: string;
  readonly until: string;
  /** Identifies the run: part of every idempotency key (a different run cannot pass for this one). */
  readonly runKey: string;
}

type Arrival = { readonly at: number; readonly make: (b: ChildBuilder) => void; readonly age: AgeBand; readonly team: 'assessment' | 'cp' | 'lac' };

const pad = (n: number) => String(n).padStart(6, '0');
const ref = (prefix: string, n: number) => `${prefix}-${String(n).padStart(2, '0')}`;

function staffOf(profile: CouncilProfile): Staff {
  const teams = Array.from({ length: profile.teams }, (_, i) => `team-${i + 1}`);
  const third = (k: number) => teams.filter((_, i) => i % 3 === k);
  return { assessmentTeams: third(0), cpTeams: third(1), lacTeams: third(2), iros: Array.from({ length: profile.iros }, (_, i) => ref('iro', i + 1)), rulebook: profile.rulebook };
}

function runnerOf(rng: Rng, age: AgeBand, inCare: boolean): Runner {
  if (age !== 'adolescent') return 'never';
  return rng.weighted(inCare ? { never: 55, occasional: 27, repeat: 18 } : { never: 75, occasional: 17, repeat: 8 });
}

/** What follows a plan's end on the child's case: care, perhaps a second plan a while later. */
function afterPlan(b: ChildBuilder, end: PlanEnd, secondPlanLikely: boolean): void {
  if (end.reason === 'became-looked-after') {
    periodOfCare(b, end.at + b.rng.between(2, 48) * HOUR, careMonths(b));
  } else if (end.reason === 'end-plan' && secondPlanLikely && b.rng.chance(0.1)) {
    const again = b.office(end.at + b.rng.between(90, 540) * DAY);
    const result = referral(b, again, true);
    if (result.next === 'strategy-discussion') afterPlan(b, strategyDiscussion(b, b.office(result.at + b.rng.between(0, 3) * DAY), result), false);
  }
}

/** A child on a plan (or in care): the adolescents among them may go missing while it lasts. */
function withMissing(b: ChildBuilder, from: number, run: () => number, status: MissingStatus, inCare: boolean): void {
  const to = run();
  missingEpisodes(b, runnerOf(b.rng, b.age, inCare), from, to, status);
}

function referralChild(b: ChildBuilder, at: number): void {
  const result = referral(b, at);
  if (result.next === 'strategy-discussion') {
    const sd = b.office(result.at + b.rng.between(0, 3) * DAY);
    let end: PlanEnd = { at: sd, reason: 'no-plan' };
    withMissing(b, sd, () => (end = strategyDiscussion(b, sd, result)).at, 'child-protection-plan', false);
    afterPlan(b, end, true);
  } else if (result.next === 'looked-after') {
    const entry = result.at + b.rng.between(1, 14) * DAY;
    withMissing(b, entry, () => periodOfCare(b, entry, careMonths(b)), 'looked-after', true);
  }
}

function ageOf(rng: Rng, weights: Readonly<Record<AgeBand, number>>): AgeBand {
  return rng.weighted(weights);
}

/** A child already on a plan on the first day: the plan began before the period. */
function cpStockChild(b: ChildBuilder, conference: number, reviews: number): void {
  const r = b.rng;
  const start = b.office(conference - r.between(8, 16) * DAY);
  const id = b.next('cp');
  b.add('cp', start, { userId: `sw-${b.team.replace(/^team-/, '')}-1`, role: 'recorder' }, {
    type: 'RecordStrategyDiscussion', caseId: b.caseId, attendance: { police: true, health: true, education: r.chance(0.7), others: [] },
    decision: 'section-47', rationaleRef: `rationale-${b.caseId.replace(/^child-/, '')}-${id}`, initiatesS47: true, occurredAt: iso(start),
  });
  const iro = r.pick(b.staff.iros);
  b.allocate(conference, iro);
  b.add('cp', conference, iroActor(iro), {
    type: 'RecordInitialConference', caseId: b.caseId, instanceId: id, outcome: 'plan', category: r.pick(['neglect', 'emotional', 'physical'] as const), preBirth: false, occurredAt: iso(conference),
  }, { lag: b.lag() });
  let end: PlanEnd = { at: conference, reason: 'no-plan' };
  withMissing(b, conference, () => (end = planPhase(b, id, conference, reviews)).at, 'child-protection-plan', false);
  afterPlan(b, end, true);
}

/** Who arrives when: the stocks on the first day (their histories begin earlier) and the flows through the period. */
function arrivals(profile: CouncilProfile, rng: Rng, from: number, until: number): Arrival[] {
  const span = until - from;
  const years = span / YEAR;
  const list: Arrival[] = [];
  const flow = (label: string, perYear: number, age: Readonly<Record<AgeBand, number>>, team: Arrival['team'], make: (b: ChildBuilder, at: number) => void) => {
    const r = rng.fork(label);
    for (let i = 0, n = r.poisson(perYear * years); i < n; i++) {
      const at = from + r.float() * span;
      list.push({ at, age: ageOf(r, age), team, make: (b) => make(b, b.office(at)) });
    }
  };
  for (let i = 0; i < profile.lookedAfterStock; i++) {
    const r = rng.fork(`lac-stock-${i}`);
    // Length-biased: a child in care on a given day is more likely on a long stay.
    let months = r.between(1, 72);
    while (!r.chance(months / 72)) months = r.between(1, 72);
    const entry = from - months * r.float() * 30.44 * DAY;
    list.push({ at: entry, age: ageOf(r, { 'under-5': 18, '5-12': 32, adolescent: 50 }), team: 'lac', make: (b) => withMissing(b, entry, () => periodOfCare(b, entry, months), 'looked-after', true) });
  }
  const lengths = Object.entries(REVIEWS_BEFORE_END).map(([k, w]) => [k, w * (6 * Number(k) - 3)] as const);
  for (let i = 0; i < profile.cpPlanStock; i++) {
    const r = rng.fork(`cp-stock-${i}`);
    const reviews = Number(r.weighted(Object.fromEntries(lengths)));
    const conference = from - r.float() * (6 * reviews - 3) * 30.44 * DAY;
    list.push({ at: conference - 16 * DAY, age: ageOf(r, { 'under-5': 35, '5-12': 38, adolescent: 27 }), team: 'cp', make: (b) => cpStockChild(b, conference, reviews) });
  }
  flow('referrals', profile.referralsPerYear, { 'under-5': 30, '5-12': 40, adolescent: 30 }, 'assessment', referralChild);
  flow('transfers-in', profile.transfersInPerYear, { 'under-5': 35, '5-12': 40, adolescent: 25 }, 'cp', (b, at) => {
    let end: PlanEnd = { at, reason: 'no-plan' };
    withMissing(b, at, () => (end = transferIn(b, at)).at, 'child-protection-plan', false);
    afterPlan(b, end, false);
  });
  // Most children come into care without a plan (accommodated, unaccompanied, remanded): the rest come from plans and assessments.
  flow('into-care', (profile.lookedAfterStock / 1.9) * 0.6, { 'under-5': 15, '5-12': 25, adolescent: 60 }, 'lac', (b, at) => {
    withMissing(b, at, () => periodOfCare(b, at, careMonths(b)), 'looked-after', true);
  });
  return list.sort((a, b) => a.at - b.at);
}

/** IRO escalations on children in care, resolved informally or at the first formal stage. */
function escalations(plans: ChildBuilder[], profile: CouncilProfile, rng: Rng, from: number, until: number): void {
  const r = rng.fork('escalations');
  const candidates = plans.filter((b) => b.iro !== undefined);
  for (let i = 0, n = r.poisson(profile.escalationsPerYear * ((until - from) / YEAR)); i < n && candidates.length > 0; i++) {
    const b = r.pick(candidates);
    const iro = b.iro as string;
    const raised = b.office(b.escalationFloor + r.between(5, 60) * DAY);
    const id = b.next('esc');
    const base = { caseId: b.caseId, instanceId: id };
    b.add('esc', raised, iroActor(iro), {
      type: 'RaiseEscalation', caseId: b.caseId, iroRef: iro, teamRef: b.team, plan: 'care-plan',
      issues: [r.pick(['care-plan-drift', 'permanence', 'placement', 'contact', 'education', 'health', 'review-decisions-not-implemented'] as const)], occurredAt: iso(raised),
    }, { lag: b.lag() });
    let t = b.office(raised + r.between(3, 25) * DAY);
    if (r.chance(0.2)) {
      b.add('esc', t, iroActor(iro), { type: 'EscalateToFormalStage', ...base, stage: 1, escalatedToRef: 'sm-1', occurredAt: iso(t) }, { lag: b.lag() });
      t = b.office(t + r.between(3, 15) * DAY);
      b.add('esc', t, manager(b.team), { type: 'RecordFormalStageResponse', ...base, response: 'resolved', responderRef: 'sm-1', occurredAt: iso(t) }, { lag: b.lag() });
    } else b.add('esc', t, iroActor(iro), { type: 'ResolveEscalation', ...base, resolution: r.pick(['plan-amended', 'action-taken', 'resources-agreed', 'iro-satisfied'] as const), occurredAt: iso(t) }, { lag: b.lag() });
    b.escalationFloor = t;
  }
}

/**
 * A synthetic council over `years` ending at `until`: every child's and allegation's commands,
 * in recording order, deterministic in the seed (the same seed gives the same commands and
 * idempotency keys, so the same event ids). Pure.
 */
export function generateCouncil(options: CouncilOptions): SyntheticCouncil {
  const { profile, years, seed } = options;
  const until = Date.parse(options.until);
  if (Number.isNaN(until)) throw new RangeError(`until: ${options.until} is not an instant`);
  if (!(years > 0 && years <= 20)) throw new RangeError(`years: ${years} must be more than 0 and at most 20`);
  const from = until - years * YEAR;
  const rng = new Rng(`${profile.name}:${seed}`);
  const staff = staffOf(profile);
  const runKey = `seed:${profile.name}:${seed}:${years}:${options.until.slice(0, 10)}`;
  const plans: StreamPlan[] = [];
  const builders: ChildBuilder[] = [];
  arrivals(profile, rng, from, until).forEach((arrival, i) => {
    if (arrival.at > until) return;
    const caseId = `child-${pad(i + 1)}`;
    const r = rng.fork(caseId);
    const teams = arrival.team === 'assessment' ? staff.assessmentTeams : arrival.team === 'cp' ? staff.cpTeams : staff.lacTeams;
    const b = new ChildBuilder(caseId, r, staff, arrival.age, r.pick(teams), arrival.at - r.between(0, 2) * HOUR);
    arrival.make(b);
    builders.push(b);
  });
  escalations(builders.filter((b) => b.lookedAfter), profile, rng, from, until);
  plans.push(...builders.map((b) => b.plan));
  const lado = rng.fork('lado');
  const ladoArrivals = [
    ...Array.from({ length: lado.poisson(profile.ladoAllegationsPerYear * years) }, () => ({ at: from + lado.float() * (until - from), threshold: true })),
    ...Array.from({ length: lado.poisson(profile.ladoConsultationsPerYear * years) }, () => ({ at: from + lado.float() * (until - from), threshold: false })),
  ].sort((a, b) => a.at - b.at);
  ladoArrivals.forEach((a, i) => {
    const id = `alg-${pad(i + 1)}`;
    const r = lado.fork(id);
    const children = [`child-${pad(r.int(1, Math.max(1, builders.length)))}`];
    plans.push(allegation(r, id, a.at, a.threshold, children));
  });
  const commands = plans.flatMap((p) => p.finalise(until, runKey));
  commands.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { commands, children: builders.length, allegations: ladoArrivals.length, from: iso(from), until: iso(until), runKey };
}
