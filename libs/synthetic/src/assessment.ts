import { manager, worker, type ChildBuilder } from './child';
import { DAY, iso } from './plan';

export type ReferralResult =
  | { readonly next: 'none'; readonly at: number }
  | { readonly next: 'strategy-discussion'; readonly at: number; readonly linkedTo: string; readonly after: number }
  | { readonly next: 'looked-after'; readonly at: number };

const SOURCES = { '5A': 18, '3A': 28, '1A': 6, '1B': 8, '2A': 4, '6': 6, '8': 5, '9': 10, '10': 15 } as const;

/**
 * A referral and what follows: a decision (most the next working day), an assessment (61%
 * authorised within 45 working days, the others late with a reason), or none.
 * `forceStrategy`: a re-referral that goes straight to a strategy discussion.
 */
export function referral(b: ChildBuilder, at: number, forceStrategy = false): ReferralResult {
  const rng = b.rng;
  const id = b.next('asm');
  const team = b.team;
  const sw = worker(team, rng);
  const base = { caseId: b.caseId, instanceId: id };
  b.add('asm', at, sw, { type: 'RecordReferral', caseId: b.caseId, source: rng.weighted(SOURCES), occurredAt: iso(at) }, { lag: b.lag() });
  const decidedAt = b.office(at + (rng.chance(0.9) ? rng.between(0, 1) : rng.between(1, 4)) * DAY);
  const decision = forceStrategy ? 'strategy-discussion'
    : rng.weighted({ 'single-assessment': 58, 'strategy-discussion': 11, 'early-help': 15, signposted: 9, 'no-further-action': 7 });
  const decided = b.add('asm', decidedAt, manager(team), {
    type: 'RecordReferralDecision', ...base, decision, decidedByRef: manager(team).userId, occurredAt: iso(decidedAt),
  }, { lag: b.lag() });
  if (decision !== 'single-assessment' && decision !== 'strategy-discussion') return { next: 'none', at: decidedAt };
  const startedAt = b.office(decidedAt + rng.between(0, 4) * DAY);
  b.add('asm', startedAt, sw, { type: 'StartAssessment', ...base, workerRef: sw.userId, occurredAt: iso(startedAt) }, { lag: b.lag() });
  const viaStrategy = decision === 'strategy-discussion';
  if (rng.chance(0.03)) {
    const endedAt = b.office(startedAt + rng.between(5, 30) * DAY);
    b.add('asm', endedAt, sw, { type: 'EndAssessment', ...base, reason: rng.pick(['moved-out-of-area', 'duplicate-referral', 'consent-withdrawn'] as const), occurredAt: iso(endedAt) }, { lag: b.lag() });
    return viaStrategy ? { next: 'strategy-discussion', at: decidedAt, linkedTo: id, after: decided } : { next: 'none', at: endedAt };
  }
  const late = rng.chance(0.39);
  let completedAt = b.office(at + (late ? rng.between(56, 100) : rng.between(12, 48)) * DAY);
  if (rng.chance(0.06)) {
    b.add('asm', completedAt, sw, { type: 'CompleteAssessment', ...base, workerRef: sw.userId, occurredAt: iso(completedAt) }, { lag: b.lag() });
    const returnedAt = b.office(completedAt + rng.between(1, 4) * DAY);
    b.add('asm', returnedAt, manager(team), { type: 'ReturnAssessmentForRework', ...base, managerRef: manager(team).userId, occurredAt: iso(returnedAt) }, { lag: b.lag() });
    completedAt = b.office(returnedAt + rng.between(2, 7) * DAY);
  }
  b.add('asm', completedAt, sw, { type: 'CompleteAssessment', ...base, workerRef: sw.userId, occurredAt: iso(completedAt) }, { lag: b.lag() });
  const authorisedAt = b.office(completedAt + rng.between(0.5, late ? 12 : 6) * DAY);
  const outcome = viaStrategy
    ? rng.pick(['child-in-need-plan', 'other'] as const)
    : rng.weighted({ 'child-in-need-plan': 36, 'no-further-action': 36, 'early-help': 17, 'strategy-discussion': 6, 'looked-after': 1.5, other: 3.5 });
  const delay = late ? { delayReason: rng.weighted({ complexity: 35, 'family-not-engaging': 25, 'awaiting-partner-information': 15, staffing: 20, other: 5 }) } : {};
  const authorised = b.add('asm', authorisedAt, manager(team), {
    type: 'AuthoriseAssessment', ...base, managerRef: manager(team).userId, outcome, ...delay, occurredAt: iso(authorisedAt),
  }, { lag: b.lag() });
  if (viaStrategy) return { next: 'strategy-discussion', at: decidedAt, linkedTo: id, after: decided };
  if (outcome === 'strategy-discussion') return { next: 'strategy-discussion', at: authorisedAt, linkedTo: id, after: authorised };
  if (outcome === 'looked-after') return { next: 'looked-after', at: authorisedAt };
  return { next: 'none', at: authorisedAt };
}
