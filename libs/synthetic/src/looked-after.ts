import { iroActor, manager, worker, type ChildBuilder } from './child';
import { DAY, HOUR, iso } from './plan';

const MONTH = 30.44 * DAY;
const LEGAL = { C2: 38, V2: 32, E1: 8, C1: 10, J2: 5, L2: 4, D1: 3 } as const;
const PLACES = { U1: 10, U3: 12, U4: 30, U5: 10, U6: 8, K2: 12, R1: 6, H5: 7, P1: 5 } as const;
const PARTICIPATION = { PN1: 40, PN3: 14, PN4: 9, PN5: 8, PN6: 6, PN7: 13, PN0: 10 } as const;
const CEASED = { E4A: 24, E13: 14, E11: 7, E41: 5, E45: 12, E8: 10, E5: 14, E7: 14 } as const;

/** Share of LAC reviews whose record is completed late (the seed: "recorded within timescale" fell to 80.9%). */
export const LATE_RECORD_SHARE = 0.191;

/** How long a period of care lasts, in months: many short, a long tail. */
export function careMonths(b: ChildBuilder): number {
  const band = b.rng.weighted({ short: 30, medium: 25, long: 25, permanent: 20 });
  const [lo, hi] = { short: [1, 6], medium: [6, 18], long: [18, 48], permanent: [36, 72] }[band] as [number, number];
  return b.rng.between(lo, hi);
}

type Step = { at: number; add: () => void };

/**
 * A period of care: the care plan, health assessments, PEPs, visits (placement moves restart
 * them), and LAC reviews (first within 20 working days, second within 3 months, then 6-monthly),
 * each with its schedule, the social worker's report, the review, its record (a fifth typed up
 * weeks late) and decisions; then ceasing, unless the period runs past the end.
 */
export function periodOfCare(b: ChildBuilder, entry: number, months: number): number {
  const rng = b.rng;
  const id = b.next('lac');
  b.lookedAfter = true;
  b.escalationFloor = Math.max(b.escalationFloor, entry);
  const end = entry + months * MONTH;
  const iro = b.iro ?? rng.pick(b.staff.iros);
  const lacTeam = rng.pick(b.staff.lacTeams);
  const sw = worker(lacTeam, rng);
  const base = { caseId: b.caseId, instanceId: id };
  b.changeTeam(entry, lacTeam);
  const placement = (n: number) => ({ placementRef: `placement-${b.caseId.replace(/^child-/, '')}-${id}-${n}`, placementType: rng.weighted(PLACES), visitRegime: 'standard' as const });
  b.add('lac', entry, sw, { type: 'RecordBecameLookedAfter', caseId: b.caseId, legalStatus: rng.weighted(LEGAL), placement: placement(1), occurredAt: iso(entry) }, { lag: b.lag() });
  b.allocate(entry + HOUR, iro);
  const steps: Step[] = [];
  const at = (when: number, add: (when: string) => void) => {
    if (when < end) steps.push({ at: when, add: () => add(iso(when)) });
  };
  const lag = () => ({ lag: b.lag() });
  at(b.office(entry + rng.between(2, 9) * DAY), (o) => b.add('lac', Date.parse(o), sw, { type: 'RecordCarePlan', ...base, carePlanRef: `care-plan-${id}`, occurredAt: o }, lag()));
  const underFive = b.age === 'under-5';
  for (let t = b.office(entry + rng.between(10, 26) * DAY), n = 0; t < end; t = b.office(t + (underFive ? 6 : 12) * MONTH - rng.between(5, 25) * DAY), n++) {
    const kind = n === 0 ? 'initial' : 'review';
    at(t, (o) => b.add('lac', Date.parse(o), sw, { type: 'RecordHealthAssessment', ...base, kind, childUnderFive: underFive, occurredAt: o }, lag()));
  }
  if (!underFive) {
    for (let t = b.office(entry + rng.between(10, 18) * DAY); t < end; t = b.office(t + rng.between(140, 175) * DAY)) {
      at(t, (o) => b.add('lac', Date.parse(o), sw, { type: 'RecordPep', ...base, pepRef: `pep-${id}-${Math.round(t / DAY)}`, occurredAt: o }, lag()));
    }
  }
  visits(b, base, entry, end, sw, placement, at);
  reviews(b, base, entry, end, iro, sw, at);
  steps.sort((x, y) => x.at - y.at).forEach((s) => s.add());
  const ceased = Math.max(b.office(end), (steps[steps.length - 1]?.at ?? entry) + HOUR);
  b.add('lac', ceased, manager(lacTeam), { type: 'RecordCeasedLookedAfter', ...base, reason: rng.weighted(CEASED), occurredAt: iso(ceased) }, { lag: b.lag() });
  return ceased;
}

type At = (when: number, add: (occurredAt: string) => void) => void;
type Base = { readonly caseId: string; readonly instanceId: string };

function visits(b: ChildBuilder, base: Base, entry: number, end: number, sw: { userId: string; role: string }, placement: (n: number) => { placementRef: string; placementType: string; visitRegime: 'standard' }, at: At): void {
  const rng = b.rng;
  let moves = 1;
  let t = b.office(entry + rng.between(2, 6) * DAY);
  while (t < end) {
    if (rng.chance(0.03)) {
      moves += 1;
      const move = placement(moves);
      at(t, (o) => b.add('lac', Date.parse(o), sw, { type: 'RecordPlacementChange', ...base, placement: move, occurredAt: o }, { lag: b.lag() }));
      t = b.office(t + rng.between(1, 6) * DAY);
      continue;
    }
    at(t, (o) => b.add('lac', Date.parse(o), sw, { type: 'RecordLacVisit', ...base, seenAlone: rng.chance(0.7), occurredAt: o }, { lag: b.lag() }));
    t = b.office(t + rng.between(25, 41) * DAY);
  }
}

function reviews(b: ChildBuilder, base: Base, entry: number, end: number, iro: string, sw: { userId: string; role: string }, at: At): void {
  const rng = b.rng;
  let previous = entry;
  for (let n = 1; ; n++) {
    const due = n === 1 ? entry + 27 * DAY : previous + (n === 2 ? 3 : 6) * MONTH;
    const held = b.office(rng.chance(0.984) ? due - rng.between(n === 1 ? 3 : 4, n === 1 ? 12 : 18) * DAY : due + rng.between(2, 20) * DAY);
    if (held >= end) return;
    const scheduled = b.office(n === 1 ? entry + rng.between(1, 3) * DAY : held - rng.between(14, 28) * DAY);
    const heldOn = iso(held).slice(0, 10);
    at(scheduled, (o) => b.add('lac', Date.parse(o), iroActor(iro), { type: 'ScheduleLacReview', ...base, scheduledFor: heldOn, occurredAt: o }, { lag: b.lag() }));
    const report = b.office(Math.max(scheduled + DAY, held - rng.between(6, 10) * DAY));
    if (report < held) at(report, (o) => b.add('lac', Date.parse(o), sw, { type: 'RecordSocialWorkerReport', ...base, reportRef: `sw-report-${base.instanceId}-${n}`, occurredAt: o }, { lag: b.lag() }));
    const late = rng.chance(LATE_RECORD_SHARE);
    at(held, (o) => b.add('lac', Date.parse(o), iroActor(iro), {
      type: 'RecordLacReview', ...base, participation: rng.weighted(PARTICIPATION), timing: 'scheduled', iroRef: iro, occurredAt: o,
    }, { lag: late ? rng.between(10, 45) * DAY : b.lag() }));
    const recorded = b.office(held + (late ? rng.between(30, 60) : rng.between(1, 18)) * DAY);
    const number = n;
    at(recorded, (o) => b.add('lac', Date.parse(o), iroActor(iro), { type: 'CompleteLacReviewRecord', ...base, reviewNumber: number, occurredAt: o }, { lag: b.lag() }));
    const finalised = b.office(recorded + rng.between(0, 4) * DAY);
    at(finalised, (o) => b.add('lac', Date.parse(o), manager(b.team), { type: 'FinaliseLacReviewDecisions', ...base, reviewNumber: number, occurredAt: o }, { lag: b.lag() }));
    previous = held;
  }
}
