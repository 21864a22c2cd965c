import type { ChildBuilder } from './child';
import { DAY, HOUR, iso } from './plan';

export type MissingStatus = 'looked-after' | 'child-protection-plan';

/** How often an adolescent goes missing: most never, a minority repeatedly (the seed reports' pattern). */
export type Runner = 'never' | 'occasional' | 'repeat';

const MEAN_GAP_DAYS: Readonly<Record<Runner, number>> = { never: Infinity, occasional: 240, repeat: 18 };

/** Missing episodes between `from` and `to`, one after another, each with its return interview. */
export function missingEpisodes(b: ChildBuilder, runner: Runner, from: number, to: number, childStatus: MissingStatus): void {
  if (runner === 'never') return;
  const rng = b.rng;
  let t = Math.max(from, b.missingChainEnd) + rng.exponential(MEAN_GAP_DAYS[runner]) * DAY;
  while (t < to - 4 * DAY) {
    const id = b.next('mis');
    const started = t + rng.int(0, 23) * HOUR;
    const kind = rng.chance(0.88) ? 'missing' : 'absent';
    const reporter = { userId: `sw-${b.team.replace(/^team-/, '')}-1`, role: 'recorder' };
    b.add('mis', started, reporter, { type: 'ReportMissing', caseId: b.caseId, kind, childStatus, occurredAt: iso(started) }, { lag: rng.int(1, 6) * HOUR });
    const returned = started + rng.between(2, 70) * HOUR;
    const timeKnown = rng.chance(0.9);
    const how = rng.weighted({ 'self-returned': 55, 'found-by-police': 25, 'found-by-family-or-carer': 12, 'found-by-professional': 8 });
    b.add('mis', returned, reporter, {
      type: 'RecordReturn', caseId: b.caseId, instanceId: id, timeKnown, childStatus, returnedHow: how, occurredAt: iso(returned),
    }, { lag: rng.int(1, 20) * HOUR });
    let last = returned;
    if (kind === 'missing') last = returnInterview(b, id, returned);
    b.missingChainEnd = last;
    t = last + Math.max(1, rng.exponential(MEAN_GAP_DAYS[runner])) * DAY;
  }
}

function returnInterview(b: ChildBuilder, instanceId: string, returned: number): number {
  const rng = b.rng;
  const iro = b.iro ?? 'iro-01';
  const actor = { userId: iro, role: 'iro' };
  const outcome = rng.weighted({ completed: 58, declined: 20, 'not-possible': 9, outstanding: 13 });
  if (outcome === 'outstanding') return returned + 3 * DAY;
  const offered = returned + rng.between(3, rng.chance(0.85) ? 60 : 120) * HOUR;
  const base = { caseId: b.caseId, instanceId };
  if (outcome === 'not-possible') {
    const at = offered + rng.between(1, 48) * HOUR;
    const reason = rng.weighted({ 'not-contactable': 50, 'moved-out-of-area': 15, 'in-custody': 10, 'in-hospital': 5, other: 20 });
    b.add('mis', at, actor, { type: 'RecordReturnInterviewNotPossible', ...base, reason, occurredAt: iso(at) }, { lag: b.lag() });
    return at;
  }
  b.add('mis', offered, actor, { type: 'OfferReturnInterview', ...base, interviewerRole: 'iro', interviewerRef: iro, occurredAt: iso(offered) }, { lag: b.lag() });
  const at = offered + rng.between(2, 60) * HOUR;
  if (outcome === 'declined') {
    b.add('mis', at, actor, { type: 'RecordReturnInterviewDeclined', ...base, occurredAt: iso(at) }, { lag: b.lag() });
    return at;
  }
  b.add('mis', at, actor, {
    type: 'RecordReturnInterview', ...base, interviewerRole: 'iro', interviewerRef: iro, occurredAt: iso(at),
    pushFactors: [rng.pick(['conflict-at-home', 'unhappy-in-placement', 'boundaries-and-rules', 'school-difficulties', 'mental-health'] as const)],
    pullFactors: [rng.pick(['friends', 'family', 'boyfriend-or-girlfriend', 'peer-group', 'adult-known-to-child'] as const)],
    risks: rng.chance(0.5) ? [rng.pick(['child-sexual-exploitation', 'child-criminal-exploitation', 'county-lines', 'substance-misuse'] as const)] : [],
  }, { lag: b.lag() });
  return at;
}
