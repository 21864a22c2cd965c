import { addCalendarMonths } from '@csc/calendar';
import { bump, dateOn, figure, inPeriod, type Basis, type Figure, type Period } from './basis';
import type { CpFacts, LacFacts } from './facts';

const TWO_YEARS = 24;
const lastedTwoYears = (start: string, end: string): boolean => end >= addCalendarMonths(start, TWO_YEARS).date;

/**
 * CP plans of 2 years or more (DfE D7): of plans ending in the period, those that lasted 2 years
 * or more. Detail: openAtEnd and openAtEnd2Years (open plans at the period's end already 2 years old).
 */
export function plansOfTwoYears(plans: readonly CpFacts[], p: Period, basis: Basis): Figure {
  const detail: Record<string, number> = { ended: 0, openAtEnd: 0, openAtEnd2Years: 0 };
  let numerator = 0;
  for (const plan of plans) {
    if (plan.planStart === undefined) continue;
    const start = dateOn(plan.planStart, basis);
    const end = plan.planEnd === undefined ? undefined : dateOn(plan.planEnd, basis);
    if (end !== undefined && inPeriod(end, p)) {
      bump(detail, 'ended');
      if (lastedTwoYears(start, end)) numerator++;
    } else if (start <= p.to && (end === undefined || end > p.to)) {
      bump(detail, 'openAtEnd');
      if (lastedTwoYears(start, p.to)) bump(detail, 'openAtEnd2Years');
    }
  }
  return figure(numerator, detail['ended'] ?? 0, detail);
}

/**
 * Second or subsequent CP plans (DfE D3, LG Inform 100): of plans starting in the period, those
 * of children who had been on a plan before, however long ago. Detail: withinTwoYears (the local
 * variant: the previous plan ended within 2 years before this one started).
 */
export function subsequentPlans(plans: readonly CpFacts[], p: Period, basis: Basis): Figure {
  const detail: Record<string, number> = { started: 0, withinTwoYears: 0 };
  let numerator = 0;
  const byChild = new Map<string, CpFacts[]>();
  for (const plan of plans) if (plan.planStart !== undefined) byChild.set(plan.caseId, [...(byChild.get(plan.caseId) ?? []), plan]);
  for (const childPlans of byChild.values()) {
    childPlans.forEach((plan, index) => {
      if (plan.planStart === undefined || !inPeriod(dateOn(plan.planStart, basis), p)) return;
      bump(detail, 'started');
      const previous = childPlans[index - 1];
      if (previous === undefined) return;
      numerator++;
      const start = dateOn(plan.planStart, basis);
      if (previous.planEnd !== undefined && !lastedTwoYears(dateOn(previous.planEnd, basis), start)) bump(detail, 'withinTwoYears');
    });
  }
  return figure(numerator, detail['started'] ?? 0, detail);
}

const PARTICIPATED = new Set(['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6']);

/**
 * Children's participation in their LAC reviews (SSDA903 PN codes): reviews in the period of
 * children aged 4 or over (PN0 excluded), participated = PN1-PN6, not = PN7. Detail: per code.
 */
export function participation(periods: readonly LacFacts[], p: Period, basis: Basis): Figure {
  const detail: Record<string, number> = {};
  let numerator = 0;
  let denominator = 0;
  for (const review of periods.flatMap((c) => c.reviews)) {
    if (!inPeriod(dateOn(review, basis), p)) continue;
    bump(detail, review.participation);
    if (review.participation === 'PN0') continue;
    denominator++;
    if (PARTICIPATED.has(review.participation)) numerator++;
  }
  return figure(numerator, denominator, detail);
}
