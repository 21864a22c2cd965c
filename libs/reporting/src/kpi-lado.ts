import { addCalendarMonths, toEpochDay } from '@csc/calendar';
import { bump, dateOn, figure, inPeriod, type Basis, type Figure, type Period } from './basis';
import { datedOf, field, type AllegationRecord, type Dated } from './records';

interface AllegationFacts {
  readonly referred?: Dated;
  readonly belowThreshold: boolean;
  readonly outcome?: Dated & { readonly outcome: string };
  readonly closed?: Dated;
}

function factsOf(record: AllegationRecord): AllegationFacts {
  let facts: AllegationFacts = { belowThreshold: false };
  for (const e of record.events) {
    const d = datedOf(e);
    if (e.event.type === 'ReferredToLado') facts = { ...facts, referred: d };
    else if (e.event.type === 'InitialConsiderationHeld') facts = { ...facts, belowThreshold: field(e, 'decision') === 'below-threshold' };
    else if (e.event.type === 'OutcomeRecorded') facts = { ...facts, outcome: { ...d, outcome: String(field(e, 'outcome')) } };
    else if (e.event.type === 'AllegationClosed') facts = { ...facts, closed: d };
  }
  return facts;
}

export interface LadoFigures {
  /** Allegations referred to the LADO in the period; detail: consultations (below the threshold), allegations. */
  readonly referrals: Figure;
  /** Of outcomes recorded in the period, substantiated; detail: count per outcome. */
  readonly substantiated: Figure;
  /**
   * Of allegations (threshold met) closed in the period, resolved within 1 month of referral
   * (LADO-06: 80% target); detail: within3Months (90%), within12Months, medianDays.
   */
  readonly resolution: Figure;
}

export function ladoFigures(allegations: readonly AllegationRecord[], p: Period, basis: Basis): LadoFigures {
  const facts = allegations.map(factsOf);
  const referrals: Record<string, number> = { allegations: 0, consultations: 0 };
  const outcomes: Record<string, number> = {};
  const resolution: Record<string, number> = { within3Months: 0, within12Months: 0 };
  const days: number[] = [];
  let within1 = 0;
  for (const f of facts) {
    if (f.referred !== undefined && inPeriod(dateOn(f.referred, basis), p)) bump(referrals, f.belowThreshold ? 'consultations' : 'allegations');
    if (f.outcome !== undefined && inPeriod(dateOn(f.outcome, basis), p)) bump(outcomes, f.outcome.outcome);
    if (f.closed === undefined || f.referred === undefined || f.belowThreshold || !inPeriod(dateOn(f.closed, basis), p)) continue;
    const [from, to] = [dateOn(f.referred, basis), dateOn(f.closed, basis)];
    days.push(toEpochDay(to) - toEpochDay(from));
    if (to <= addCalendarMonths(from, 1).date) within1++;
    if (to <= addCalendarMonths(from, 3).date) bump(resolution, 'within3Months');
    if (to <= addCalendarMonths(from, 12).date) bump(resolution, 'within12Months');
  }
  const outcomeCount = Object.values(outcomes).reduce((a, b) => a + b, 0);
  return {
    referrals: figure(referrals['allegations'] ?? 0, (referrals['allegations'] ?? 0) + (referrals['consultations'] ?? 0), referrals),
    substantiated: figure(outcomes['substantiated'] ?? 0, outcomeCount, outcomes),
    resolution: figure(within1, days.length, days.length === 0 ? resolution : { ...resolution, medianDays: median(days) }),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
