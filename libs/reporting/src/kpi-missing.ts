import type { CaseDeadline } from '@csc/case';
import { before, bump, dateOn, figure, inPeriod, instantOn, periodEnd, type Basis, type Figure, type Period } from './basis';
import type { MissingFacts } from './facts';

export interface ReturnInterviewFigures {
  /** Episodes ending in the period with a return interview offered within 72 hours of the return. */
  readonly offeredWithin72h: Figure;
  /** Of those episodes offered an interview by the period's end, interviews completed within 72 hours. */
  readonly completedWithin72h: Figure;
  /** Of those offered, the interviews that took place (by the period's end). Detail: declined, notPossible. */
  readonly accepted: Figure;
}

/** Episode-level return interview figures (MIS-01, TIMESCALES.md 3): missing (not absent) episodes returned in the period. */
export function returnInterviews(episodes: readonly MissingFacts[], deadlines: readonly CaseDeadline[], p: Period, basis: Basis): ReturnInterviewFigures {
  const end = periodEnd(p);
  const bySeries = new Map(deadlines.filter((d) => d.pathway === 'missing-episode').map((d) => [`${d.caseId}/${d.instanceId}/${d.series}`, d]));
  const closed = (d: CaseDeadline | undefined, kind: string): boolean =>
    d?.closedBy != null && d.closedBy.kind === kind && before(instantOn(d.closedBy, basis), end);
  const onTime = (d: CaseDeadline | undefined): boolean =>
    d?.closedBy != null && d.closedBy.kind === 'meet' && d.dueInstant !== null && before(instantOn(d.closedBy, basis), d.dueInstant);
  let returned = 0;
  let offeredInTime = 0;
  let offered = 0;
  let completedInTime = 0;
  let completed = 0;
  const detail: Record<string, number> = { declined: 0, notPossible: 0 };
  for (const episode of episodes) {
    if (episode.kind !== 'missing' || episode.returned === undefined || !inPeriod(dateOn(episode.returned, basis), p)) continue;
    const offer = bySeries.get(`${episode.caseId}/${episode.instanceId}/rhi-offered`);
    const interview = bySeries.get(`${episode.caseId}/${episode.instanceId}/rhi-completed`);
    if (offer === undefined) continue;
    returned++;
    if (onTime(offer)) offeredInTime++;
    if (!closed(offer, 'meet')) {
      if (closed(offer, 'cancel')) bump(detail, 'notPossible');
      continue;
    }
    offered++;
    if (onTime(interview)) completedInTime++;
    if (closed(interview, 'meet')) completed++;
    else if (closed(interview, 'cancel')) bump(detail, interview?.cancelReason === 'rhi-declined' ? 'declined' : 'notPossible');
  }
  return {
    offeredWithin72h: figure(offeredInTime, returned),
    completedWithin72h: figure(completedInTime, offered),
    accepted: figure(completed, offered, detail),
  };
}
