import type { AllegationCommand } from '@csc/case';
import { DAY, StreamPlan, iso, office, type SyntheticActor } from './plan';
import type { Rng } from './random';

const SETTINGS = { education: 38, 'early-years': 10, 'foster-care': 12, 'residential-care': 8, health: 6, 'social-care': 6, 'sport-and-leisure': 6, faith: 4, transport: 4, police: 2, voluntary: 4 } as const;
const CATEGORIES = { physical: 45, sexual: 18, emotional: 12, neglect: 6, conduct: 17, other: 2 } as const;
const OUTCOMES = { substantiated: 35, unsubstantiated: 33, unfounded: 20, malicious: 4, false: 8 } as const;

/**
 * One LADO allegation (`threshold`: an allegation case) or a consultation below the threshold,
 * on its own stream. Allegations go to an ASV meeting (some to the police and months with the
 * CPS), are resolved early as clearly unsubstantiated, or left to the employer.
 */
export function allegation(rng: Rng, allegationId: string, at: number, threshold: boolean, childRefs: readonly string[]): StreamPlan {
  const plan = new StreamPlan('allegation', allegationId);
  const lado: SyntheticActor = { userId: rng.chance(0.7) ? 'lado-01' : 'lado-02', role: 'lado' };
  const add = (when: number, command: AllegationCommand) => plan.add('lado', when, lado, command, { lag: rng.chance(0.8) ? rng.int(10, 300) * 60_000 : rng.between(1, 3) * DAY });
  const base = { allegationId };
  const subject = {
    adultRef: `adult-${allegationId.replace(/^alg-/, '')}`, employerRef: `employer-${rng.int(1, 240)}`, childRefs,
    category: rng.weighted(CATEGORIES), setting: rng.weighted(SETTINGS),
  };
  add(at, { type: 'OpenAllegation', ...base, ladoRef: lado.userId, occurredAt: iso(at) });
  let t = at;
  if (rng.chance(0.4)) {
    const known = at - rng.between(0, 3) * DAY;
    add(at, { type: 'RecordAllegationKnownToEmployer', ...base, subject, occurredAt: iso(known) });
    add(at, { type: 'ReferToLado', ...base, referrerType: 'employer', occurredAt: iso(at) });
  } else {
    add(at, { type: 'ReferToLado', ...base, referrerType: rng.pick(['police', 'parent-or-carer', 'children-social-care', 'young-person', 'ofsted', 'partner-agency'] as const), subject, occurredAt: iso(at) });
  }
  t = office(t + rng.between(0, 2) * DAY, rng);
  if (!threshold) {
    add(t, { type: 'RecordInitialConsideration', ...base, decision: 'below-threshold', ladoRef: lado.userId, occurredAt: iso(t) });
    return plan;
  }
  const route = rng.weighted({ 'asv-meeting': 62, 'clearly-unsubstantiated': 14, 'employer-action': 24 });
  add(t, { type: 'RecordInitialConsideration', ...base, decision: 'threshold-met', route, ladoRef: lado.userId, occurredAt: iso(t) });
  if (route === 'employer-action') {
    t = office(t + rng.between(1, 4) * DAY, rng);
    add(t, { type: 'RecordEmployerAction', ...base, action: 'training-or-guidance', occurredAt: iso(t) });
  } else if (route === 'asv-meeting') {
    t = office(t + rng.between(2, 10) * DAY, rng);
    add(t, { type: 'RecordAsvMeeting', ...base, kind: 'initial', agencies: ['lado', 'police', 'employer', 'children-social-care'], occurredAt: iso(t) });
    const police = rng.chance(0.45);
    const kind = police ? 'police' : 'employer-disciplinary';
    t = office(t + rng.between(1, 7) * DAY, rng);
    add(t, { type: 'StartInvestigation', ...base, kind, ...(police ? {} : { hearingWithoutFurtherInvestigation: false }), occurredAt: iso(t) });
    if (police && rng.chance(0.4)) {
      t = office(t + rng.between(20, 60) * DAY, rng);
      add(t, { type: 'ReferToCps', ...base, occurredAt: iso(t) });
      t = office(t + rng.between(60, 170) * DAY, rng);
      add(t, { type: 'RecordCpsDecision', ...base, decision: rng.chance(0.3) ? 'charge' : 'no-further-action', occurredAt: iso(t) });
    }
    t = office(t + rng.between(10, police ? 60 : 45) * DAY, rng);
    add(t, { type: 'ConcludeInvestigation', ...base, kind, occurredAt: iso(t) });
    if (rng.chance(0.4)) {
      t = office(t + rng.between(2, 10) * DAY, rng);
      add(t, { type: 'RecordAsvMeeting', ...base, kind: 'review', agencies: ['lado', 'employer'], occurredAt: iso(t) });
    }
  }
  const outcome = route === 'clearly-unsubstantiated' ? rng.pick(['unfounded', 'false', 'malicious'] as const) : rng.weighted(OUTCOMES);
  t = office(t + rng.between(1, route === 'clearly-unsubstantiated' ? 5 : 10) * DAY, rng);
  add(t, { type: 'RecordAllegationOutcome', ...base, outcome, occurredAt: iso(t) });
  if (outcome === 'substantiated' && route === 'asv-meeting') {
    t = office(t + rng.between(1, 20) * DAY, rng);
    add(t, { type: 'RecordEmployerAction', ...base, action: rng.pick(['dismissal', 'dbs-referral', 'final-warning', 'resignation', 'suspension'] as const), occurredAt: iso(t) });
  }
  t = office(t + rng.between(1, 14) * DAY, rng);
  add(t, { type: 'CloseAllegation', ...base, occurredAt: iso(t) });
  return plan;
}
