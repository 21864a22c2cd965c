import type { WorkingCalendar } from '@csc/calendar';
import { deadlinesOf, type CaseDeadline } from '@csc/case';
import type { RulebookRegistry } from '@csc/rulebook';
import { BASES, periodEnd, type Basis, type Figure, type Period } from './basis';
import { cpFactsOf, lacFactsOf, missingFactsOf } from './facts';
import { ladoFigures } from './kpi-lado';
import { returnInterviews } from './kpi-missing';
import { participation, plansOfTwoYears, subsequentPlans } from './kpi-plans';
import type { AllegationRecord, CaseRecord } from './records';
import { timeliness } from './timeliness';

/** One KPI, on the occurred date and on the recorded date side by side. */
export interface Kpi {
  readonly id: string;
  readonly title: string;
  /** What is counted (numerator of denominator). */
  readonly definition: string;
  readonly occurred: Figure;
  readonly recorded: Figure;
}

export interface KpiReport {
  readonly period: Period;
  readonly calendarVersion: string;
  readonly cases: number;
  readonly allegations: number;
  readonly kpis: readonly Kpi[];
}

export interface KpiOptions {
  readonly calendar: WorkingCalendar;
  /** Registry that holds every rulebook release the events name (default: the built-in one). */
  readonly rulebooks?: RulebookRegistry;
}

const ICPC_BANDS = [10, 15, 20];
const series = (deadlines: readonly CaseDeadline[], name: string) => deadlines.filter((d) => d.series === name);

type Measure = (basis: Basis) => Figure;
const kpi = (id: string, title: string, definition: string, measure: Measure): Kpi => ({ id, title, definition, occurred: measure('occurred'), recorded: measure('recorded') });

/**
 * The KPIs of TIMESCALES.md section 3 for a period, over every case (and LADO allegation), each
 * on the occurred date and on the recorded date (see `Basis`). Deadlines are evaluated as of the
 * period's end with everything recorded so far.
 */
export function kpiReport(cases: readonly CaseRecord[], allegations: readonly AllegationRecord[], p: Period, options: KpiOptions): KpiReport {
  const end = periodEnd(p);
  const deadlines = cases.flatMap((c) => deadlinesOf(c.state, end, { calendar: options.calendar, ...(options.rulebooks ? { rulebooks: options.rulebooks } : {}) }));
  const plans = cases.flatMap(cpFactsOf);
  const periods = cases.flatMap(lacFactsOf);
  const episodes = cases.flatMap(missingFactsOf);
  const rhi = BASES.map((b) => returnInterviews(episodes, deadlines, p, b));
  const lado = BASES.map((b) => ladoFigures(allegations, p, b));
  const pick = <T>(pair: readonly T[]) => (basis: Basis): T => (basis === 'occurred' ? pair[0] : pair[1]) as T;
  const kpis: Kpi[] = [
    kpi('lac-reviews-in-time', 'LAC reviews within timescale', 'reviews held in the period on or before their due date (LAC-03/04/05), of reviews held plus reviews overdue and not held at the period end',
      (b) => timeliness(series(deadlines, 'lac-review'), p, b, { overdueCountsAsLate: true })),
    kpi('icpc-within-15-wd', 'ICPCs within 15 working days', 'ICPCs held in the period within 15 working days of the strategy discussion initiating the s47 enquiry (CP-04), of ICPCs held; detail: DfE C4 bands, conferences that did not take place (cancelled:<reason>), overdue at the period end',
      (b) => timeliness(series(deadlines, 'icpc'), p, b, { overdueCountsAsLate: false, bands: { calendar: options.calendar, limits: ICPC_BANDS } })),
    kpi('rcpc-in-time', 'RCPCs within timescale', 'review conferences held in the period within 3 months of the ICPC (first) or 6 months of the previous review (CP-08/09), of review conferences held',
      (b) => timeliness(series(deadlines, 'rcpc'), p, b, { overdueCountsAsLate: false })),
    kpi('cp-plans-2-years', 'CP plans lasting 2 years or more', 'plans ending in the period that lasted 2 years or more, of plans ending in the period (DfE D7); detail: open plans at the period end 2 years old',
      (b) => plansOfTwoYears(plans, p, b)),
    kpi('cp-plans-subsequent', 'Second or subsequent CP plans', 'plans starting in the period for children who had a plan before (ever), of plans starting; detail: previous plan ended within 2 years',
      (b) => subsequentPlans(plans, p, b)),
    kpi('lac-review-participation', "Children's participation in LAC reviews", 'reviews in the period coded PN1-PN6, of reviews coded PN1-PN7 (PN0, under 4, excluded)',
      (b) => participation(periods, p, b)),
    kpi('rhi-offered-72h', 'Return interviews offered within 72 hours', 'missing episodes with a return in the period whose interview was offered within 72 hours (MIS-01), of those episodes',
      (b) => pick(rhi)(b).offeredWithin72h),
    kpi('rhi-completed-72h', 'Return interviews completed within 72 hours', 'of those episodes offered an interview by the period end, interviews completed within 72 hours of the return',
      (b) => pick(rhi)(b).completedWithin72h),
    kpi('rhi-accepted', 'Return interviews accepted', 'of those episodes offered an interview, interviews that took place by the period end; detail: declined, not possible',
      (b) => pick(rhi)(b).accepted),
    kpi('assessments-45-wd', 'Assessments within 45 working days', 'assessments authorised in the period within 45 working days of the referral (CP-02), of assessments authorised; detail: overdue at the period end',
      (b) => timeliness(deadlines.filter((d) => d.ruleId === 'CP-02'), p, b, { overdueCountsAsLate: false })),
    kpi('lado-referrals', 'LADO referrals meeting the threshold', 'referrals in the period that met the threshold (allegations), of all referrals (allegations and consultations)',
      (b) => pick(lado)(b).referrals),
    kpi('lado-substantiated', 'LADO outcomes: substantiated', 'outcomes recorded in the period that were substantiated, of outcomes recorded; detail: count per outcome',
      (b) => pick(lado)(b).substantiated),
    kpi('lado-resolution', 'LADO allegations resolved within 1 month', 'allegations closed in the period within 1 month of referral, of allegations closed (LADO-06); detail: within 3 and 12 months, median days',
      (b) => pick(lado)(b).resolution),
  ];
  return { period: p, calendarVersion: options.calendar.version, cases: cases.length, allegations: allegations.length, kpis };
}
