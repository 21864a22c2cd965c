import { shippedCalendar } from '@csc/calendar';
import { caseRecordOf, kpiReport, period, type Figure, type KpiReport } from '@csc/reporting';
import { record } from './council';
import { COUNCIL, PERIOD } from './synthetic-council';

const calendar = shippedCalendar();
const cases = [...record(COUNCIL).values()].map(caseRecordOf);
const report: KpiReport = kpiReport(cases, [], period(PERIOD.from, PERIOD.to), { calendar });
const kpi = (id: string) => {
  const found = report.kpis.find((k) => k.id === id);
  if (found === undefined) throw new Error(`no KPI ${id}`);
  return found;
};
const f = (figure: Figure) => [figure.numerator, figure.denominator, figure.percent];

describe('KPIs of the synthetic council, 1 Apr - 30 Sep 2026, on the occurred and on the recorded date', () => {
  it('reports every KPI of TIMESCALES.md section 3 over all the cases', () => {
    expect(report.cases).toBe(10);
    expect(report.kpis.map((k) => k.id)).toEqual([
      'lac-reviews-in-time', 'icpc-within-15-wd', 'rcpc-in-time', 'cp-plans-2-years', 'cp-plans-subsequent', 'lac-review-participation',
      'rhi-offered-72h', 'rhi-completed-72h', 'rhi-accepted', 'assessments-45-wd', 'lado-referrals', 'lado-substantiated', 'lado-resolution',
    ]);
  });

  it('LAC reviews: a review held on time but typed up late counts late only by the recorded date', () => {
    // Occurred: a1, a2, d1 on time; b2 late; c1 overdue at the end. Recorded: a1 on time; a2, b2 late; c1 and d1 (recorded 2 Oct) overdue.
    const { occurred, recorded } = kpi('lac-reviews-in-time');
    expect(f(occurred)).toEqual([3, 5, 60]);
    expect(occurred.detail).toEqual({ held: 4, onTime: 3, late: 1, overdueAtEnd: 1 });
    expect(f(recorded)).toEqual([1, 5, 20]);
    expect(recorded.detail).toEqual({ held: 3, onTime: 1, late: 2, overdueAtEnd: 2 });
  });

  it('ICPCs: within 15 working days of the initiating strategy discussion, with the DfE bands and the ones that did not take place', () => {
    const { occurred, recorded } = kpi('icpc-within-15-wd');
    // c-e 10 wd (recorded at 17), c-f 17 wd, c-j 7 wd; c-g not held (family left), c-h not required; c-i overdue.
    expect(f(occurred)).toEqual([2, 3, 66.7]);
    expect(occurred.detail).toEqual({
      held: 3, onTime: 2, late: 1, overdueAtEnd: 1, 'wd:0-10': 2, 'wd:16-20': 1, 'cancelled:family-left-area': 1, 'cancelled:icpc-not-required': 1,
    });
    expect(f(recorded)).toEqual([1, 3, 33.3]);
    expect(recorded.detail).toMatchObject({ held: 3, onTime: 1, late: 2, 'wd:0-10': 1, 'wd:16-20': 2 });
  });

  it('RCPCs: the review conference held on 1 Sep (due 4 Sep) was recorded on 10 Sep', () => {
    const { occurred, recorded } = kpi('rcpc-in-time');
    expect(f(occurred)).toEqual([1, 1, 100]);
    expect(occurred.detail).toEqual({ held: 1, onTime: 1, late: 0, overdueAtEnd: 1, 'cancelled:plan-ended': 1 });
    expect(f(recorded)).toEqual([0, 1, 0]);
  });

  it('CP plans: 2 years or more among plans ending, and second or subsequent plans', () => {
    expect(f(kpi('cp-plans-2-years').occurred)).toEqual([1, 1, 100]);
    expect(kpi('cp-plans-2-years').occurred.detail).toEqual({ ended: 1, openAtEnd: 2, openAtEnd2Years: 0 });
    expect(f(kpi('cp-plans-subsequent').occurred)).toEqual([1, 2, 50]);
    expect(kpi('cp-plans-subsequent').recorded.detail).toEqual({ started: 2, withinTwoYears: 1 });
  });

  it('participation: PN0 is left out; a review recorded after the period is not counted on the recorded date', () => {
    const { occurred, recorded } = kpi('lac-review-participation');
    expect(f(occurred)).toEqual([2, 3, 66.7]);
    expect(occurred.detail).toEqual({ PN0: 1, PN7: 1, PN2: 1, PN5: 1 });
    expect(f(recorded)).toEqual([1, 2, 50]);
  });

  it('return interviews: offered and completed within 72 hours, and accepted', () => {
    expect(f(kpi('rhi-offered-72h').occurred)).toEqual([1, 2, 50]);
    expect(f(kpi('rhi-offered-72h').recorded)).toEqual([1, 2, 50]);
    expect(f(kpi('rhi-completed-72h').occurred)).toEqual([1, 2, 50]);
    expect(f(kpi('rhi-completed-72h').recorded)).toEqual([0, 2, 0]);
    expect(f(kpi('rhi-accepted').occurred)).toEqual([1, 2, 50]);
    expect(kpi('rhi-accepted').occurred.detail).toEqual({ declined: 1, notPossible: 0 });
  });

  it('figures with nothing to count say so (null, not 0%)', () => {
    expect(f(kpi('lado-resolution').occurred)).toEqual([0, 0, null]);
  });
});
