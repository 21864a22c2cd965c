import { shippedCalendar } from '@csc/calendar';
import type { CaseCommand } from '@csc/case';
import { caseRecordOf, kpiReport, period, type Figure } from '@csc/reporting';
import { record, t, type Step } from './council';

/**
 * The assessments KPI (CP-02: authorised within 45 working days of the referral) through the real
 * decide path, for 1 Apr - 30 Sep 2026. Due dates worked by hand (bank holidays 2026: Good Friday
 * 3 Apr, Easter Monday 6 Apr, 4 May, 25 May, 31 Aug); the trigger day is day 0.
 */
const calendar = shippedCalendar();
const PERIOD = period('2026-04-01', '2026-09-30');
const step = (at: string, command: CaseCommand): Step => ({ at, command });
const open = (caseId: string, date: string): Step =>
  step(t(date, '08:00:00Z'), { type: 'OpenCase', caseId, teamRef: 'team-1', rulebook: 'national', occurredAt: t(date, '08:00:00Z') });
const referral = (caseId: string, date: string): Step =>
  step(t(date, '11:00:00Z'), { type: 'RecordReferral', caseId, occurredAt: t(date), source: '5A' });
const decision = (caseId: string, date: string, decided: string): Step =>
  step(t(date, '12:00:00Z'), { type: 'RecordReferralDecision', caseId, instanceId: 'asm-1', occurredAt: t(date), decision: decided, decidedByRef: 'tm-1' } as CaseCommand);
const started = (caseId: string, date: string): Step =>
  step(t(date, '13:00:00Z'), { type: 'StartAssessment', caseId, instanceId: 'asm-1', occurredAt: t(date), workerRef: 'sw-1' });
const completed = (caseId: string, date: string): Step =>
  step(t(date, '14:00:00Z'), { type: 'CompleteAssessment', caseId, instanceId: 'asm-1', occurredAt: t(date), workerRef: 'sw-1' });
const authorised = (caseId: string, occurred: string, recordedAt: string, delayReason?: string): Step =>
  step(recordedAt, {
    type: 'AuthoriseAssessment', caseId, instanceId: 'asm-1', occurredAt: t(occurred), managerRef: 'tm-1', outcome: 'child-in-need-plan',
    ...(delayReason ? { delayReason } : {}),
  } as CaseCommand);
const assessed = (caseId: string, referred: string, decided: string, start: string, done: string): Step[] => [
  open(caseId, referred), referral(caseId, referred), decision(caseId, decided, 'single-assessment'), started(caseId, start), completed(caseId, done),
];

const STEPS: Step[] = [
  // a: referred Thu 2 Apr, due Wed 10 Jun (45 wd); authorised on 10 Jun but recorded on Fri 12 Jun.
  ...assessed('as-a', '2026-04-02', '2026-04-03', '2026-04-07', '2026-06-05'),
  authorised('as-a', '2026-06-10', t('2026-06-12', '16:00:00Z')),
  // b: referred Mon 1 Jun, due Mon 3 Aug; authorised Tue 4 Aug (late on both dates), recorded that day.
  ...assessed('as-b', '2026-06-01', '2026-06-02', '2026-06-03', '2026-07-31'),
  authorised('as-b', '2026-08-04', t('2026-08-04', '17:00:00Z'), 'complexity'),
  // c: referred Wed 1 Jul, due Thu 3 Sep; completed but not authorised by 30 Sep: overdue at the period end.
  ...assessed('as-c', '2026-07-01', '2026-07-02', '2026-07-03', '2026-09-01'),
  // d: referred Mon 2 Feb, due before the period; authorised Fri 27 Mar: outside the period.
  ...assessed('as-d', '2026-02-02', '2026-02-03', '2026-02-04', '2026-03-20'),
  authorised('as-d', '2026-03-27', t('2026-03-27', '17:00:00Z')),
  // e: referred Mon 13 Apr, decided no further action: no assessment is due, nothing counted.
  open('as-e', '2026-04-13'), referral('as-e', '2026-04-13'), decision('as-e', '2026-04-14', 'no-further-action'),
  // f: referred Mon 3 Aug, due after 30 Sep (Fri 2 Oct): open but not overdue at the period end.
  ...assessed('as-f', '2026-08-03', '2026-08-04', '2026-08-05', '2026-09-20'),
];

const cases = [...record(STEPS).values()].map(caseRecordOf);
const report = kpiReport(cases, [], PERIOD, { calendar });
const figure = (f: Figure) => [f.numerator, f.denominator, f.percent];
const assessments = () => {
  const found = report.kpis.find((k) => k.id === 'assessments-45-wd');
  if (found === undefined) throw new Error('no assessments KPI');
  return found;
};

describe('assessments within 45 working days, recorded through decide, 1 Apr - 30 Sep 2026', () => {
  it('counts assessments authorised in the period: one on time by its occurred date, one late', () => {
    const { occurred } = assessments();
    expect(figure(occurred)).toEqual([1, 2, 50]);
    // e's referral was decided with no assessment: its CP-02 clock is cancelled, and shown as such.
    expect(occurred.detail).toEqual({ held: 2, onTime: 1, late: 1, overdueAtEnd: 1, 'cancelled:no-assessment-needed': 1 });
  });

  it('an authorisation recorded two days after the due date is late on the recorded date', () => {
    const { recorded } = assessments();
    expect(figure(recorded)).toEqual([0, 2, 0]);
    expect(recorded.detail).toMatchObject({ held: 2, onTime: 0, late: 2, overdueAtEnd: 1 });
  });

  it('leaves out authorisations before the period and referrals decided without an assessment', () => {
    expect(report.cases).toBe(6);
    const { occurred } = assessments();
    expect(occurred.denominator).toBe(2);
  });
});
