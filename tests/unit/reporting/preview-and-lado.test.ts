import { shippedCalendar } from '@csc/calendar';
import type { PathwayEventRecorded } from '@csc/case';
import { caseRecordOf, kpiReport, period, previewRulebook, previewSummary, type AllegationRecord } from '@csc/reporting';
import { NATIONAL_1, RulebookRegistry, type RulebookRelease } from '@csc/rulebook';
import { record, t, type Step } from './council';

const calendar = shippedCalendar();

/** A proposal over national@1: ICPCs within 10 working days instead of 15. */
const PROPOSAL: RulebookRelease = {
  name: 'proposal', version: 1, publishedOn: '2026-01-01', description: 'test proposal', base: { name: 'national', version: 1 }, rules: [],
  overrides: [{ overrides: 'CP-04', effectiveFrom: '2018-04-01', changes: { clocks: [{ key: 'default', label: 'ICPC held', duration: { unit: 'working-days', amount: 10 } }] }, reason: 'test' }],
  settings: [],
};
const rulebooks = new RulebookRegistry([NATIONAL_1, PROPOSAL]);
const attendance = { police: true, health: true, education: true, others: [] };
const strategyOn = (caseId: string, date: string): Step[] => [
  { at: t('2026-05-01', '08:00:00Z'), options: { rulebooks }, command: { type: 'OpenCase', caseId, teamRef: 'team-1', rulebook: 'national', occurredAt: t('2026-05-01', '08:00:00Z') } },
  { at: t(date, '17:00:00Z'), options: { rulebooks }, command: { type: 'RecordStrategyDiscussion', caseId, occurredAt: t(date), attendance, decision: 'section-47', rationaleRef: 'r', initiatesS47: true } },
];

describe('rule-change preview', () => {
  it('lists open deadlines that would fall due earlier, or be overdue already, under the proposal', () => {
    // p-1: s47 from Mon 1 Jun: ICPC due Mon 22 Jun (15 wd), under the proposal Mon 15 Jun (10 wd).
    // p-2: s47 from Mon 8 Jun: due 29 Jun, proposed 22 Jun. On 17 Jun p-1 would be overdue; p-2 due earlier.
    const streams = record([...strategyOn('p-1', '2026-06-01'), ...strategyOn('p-2', '2026-06-08')]);
    const items = [...streams.values()].flatMap((events) =>
      previewRulebook(caseRecordOf(events).state, { calendar, rulebooks, proposed: { name: 'proposal' }, now: '2026-06-17T12:00:00Z' }));
    expect(items.map((i) => [i.deadlineId, i.effect, i.current.dueDate, i.proposed.dueDate, i.current.rulebookVersion, i.proposed.rulebookVersion])).toEqual([
      ['p-1/cp-1/icpc', 'becomes-overdue', '2026-06-22', '2026-06-15', 'national@1', 'proposal@1'],
      ['p-2/cp-1/icpc', 'earlier', '2026-06-29', '2026-06-22', 'national@1', 'proposal@1'],
    ]);
    expect(previewSummary(items)).toMatchObject({ earlier: 1, 'becomes-overdue': 1, later: 0 });
  });
});

/** LADO allegations are read from their own streams; until the case lib records them, built by hand here. */
function allegation(id: string, facts: readonly [string, string, string, Record<string, unknown>?][]): AllegationRecord {
  const events = facts.map(([type, occurredOn, recordedOn, data]): PathwayEventRecorded => ({
    type: 'PathwayEventRecorded', pathway: 'lado-allegation', instanceId: id, rulebookVersion: 'national@1',
    occurredAt: t(occurredOn), recordedAt: t(recordedOn, '17:00:00Z'),
    event: { type, occurredAt: t(occurredOn), occurredOn, ...data },
  }));
  return { allegationId: id, events };
}

describe('LADO figures', () => {
  it('referrals, outcomes and resolution times, on both dates', () => {
    const allegations = [
      // Referred 2 Apr, closed 30 Apr (28 days: within 1 month), substantiated.
      allegation('a-1', [['ReferredToLado', '2026-04-02', '2026-04-02'], ['InitialConsiderationHeld', '2026-04-03', '2026-04-03', { decision: 'threshold-met' }],
        ['OutcomeRecorded', '2026-04-28', '2026-04-28', { outcome: 'substantiated' }], ['AllegationClosed', '2026-04-30', '2026-05-06']]),
      // Referred 10 Apr, closed 5 Jul (within 3 months), unfounded.
      allegation('a-2', [['ReferredToLado', '2026-04-10', '2026-04-10'], ['InitialConsiderationHeld', '2026-04-10', '2026-04-10', { decision: 'threshold-met' }],
        ['OutcomeRecorded', '2026-07-01', '2026-07-01', { outcome: 'unfounded' }], ['AllegationClosed', '2026-07-05', '2026-07-05']]),
      // A consultation below the threshold.
      allegation('a-3', [['ReferredToLado', '2026-05-01', '2026-05-01'], ['InitialConsiderationHeld', '2026-05-01', '2026-05-01', { decision: 'below-threshold' }]]),
    ];
    const report = kpiReport([], allegations, period('2026-04-01', '2026-09-30'), { calendar });
    const k = (id: string) => report.kpis.find((x) => x.id === id);
    expect(k('lado-referrals')?.occurred).toMatchObject({ numerator: 2, denominator: 3, detail: { allegations: 2, consultations: 1 } });
    expect(k('lado-substantiated')?.occurred).toMatchObject({ numerator: 1, denominator: 2, percent: 50, detail: { substantiated: 1, unfounded: 1 } });
    // Occurred: 28 and 86 days (median 57); recorded: a-1 closed 6 May = 34 days, more than a month.
    expect(k('lado-resolution')?.occurred).toMatchObject({ numerator: 1, denominator: 2, detail: { within3Months: 2, within12Months: 2, medianDays: 57 } });
    expect(k('lado-resolution')?.recorded).toMatchObject({ numerator: 0, denominator: 2, detail: { within3Months: 2, medianDays: 60 } });
  });
});
