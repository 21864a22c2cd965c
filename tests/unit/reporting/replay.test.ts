import { shippedCalendar } from '@csc/calendar';
import { caseAsOf, caseHistory, diffViews, type CaseView } from '@csc/reporting';
import { ENFIELD_1, ENFIELD_2, NATIONAL_1, NATIONAL_2, RulebookRegistry } from '@csc/rulebook';
import { record, t, type Step } from './council';

const calendar = shippedCalendar();
// Before and after enfield@2 was released (built here, whatever the engine ships today).
const released1 = new RulebookRegistry([NATIONAL_1, ENFIELD_1]);
const released2 = new RulebookRegistry([NATIONAL_1, ENFIELD_1, NATIONAL_2, ENFIELD_2]);
const options = { calendar, rulebooks: released2 };
const attendance = { police: true, health: true, education: true, others: [] };
const v1 = { rulebooks: released1 };
const v2 = { rulebooks: released2 };

// An Enfield CP case whose strategy discussion was recorded under enfield@1 and, after enfield@2 was released,
// its ICPC and core group under enfield@2. The core group held on Tue 16 Jun was typed up on Mon 22 Jun.
const steps: readonly Step[] = [
  { at: t('2026-05-18', '08:00:00Z'), options: v1, command: { type: 'OpenCase', caseId: 'c-r', teamRef: 'team-1', rulebook: 'enfield', occurredAt: t('2026-05-18', '08:00:00Z') } },
  { at: t('2026-05-20', '17:00:00Z'), options: v1, command: { type: 'RecordStrategyDiscussion', caseId: 'c-r', occurredAt: t('2026-05-20'), attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true } },
  { at: t('2026-06-04', '17:00:00Z'), options: v2, command: { type: 'RecordInitialConference', caseId: 'c-r', instanceId: 'cp-1', occurredAt: t('2026-06-04'), outcome: 'plan', category: 'neglect', preBirth: false } },
  { at: t('2026-06-22', '17:00:00Z'), options: v2, command: { type: 'RecordCoreGroup', caseId: 'c-r', instanceId: 'cp-1', occurredAt: t('2026-06-16') } },
];
const events = record(steps).get('c-r') ?? [];
const brief = (view: CaseView) => view.deadlines.map((d) => [d.key, d.ruleId, d.dueDate, d.status, d.rulebookVersion]);

describe('audit replay of a case', () => {
  it('history: who recorded what, when it happened and when it was recorded', () => {
    expect(caseHistory(events).map((h) => [h.revision, h.type, h.instanceId, h.occurredAt, h.recordedAt, h.actor.userId, h.rulebookVersion])).toEqual([
      [0, 'CaseOpened', null, '2026-05-18T08:00:00Z', '2026-05-18T08:00:00Z', 'u-OpenCase', null],
      [1, 'StrategyDiscussionHeld', 'cp-1', '2026-05-20T10:00:00Z', '2026-05-20T17:00:00Z', 'u-RecordStrategyDiscussion', 'enfield@1'],
      [2, 'InitialConferenceHeld', 'cp-1', '2026-06-04T10:00:00Z', '2026-06-04T17:00:00Z', 'u-RecordInitialConference', 'enfield@2'],
      [3, 'CoreGroupHeld', 'cp-1', '2026-06-16T10:00:00Z', '2026-06-22T17:00:00Z', 'u-RecordCoreGroup', 'enfield@2'],
    ]);
  });

  it('as of several past instants: exactly the deadlines open then, each with the rulebook release then in force', () => {
    expect(brief(caseAsOf(events, { asOf: '2026-05-19T12:00:00Z' }, options))).toEqual([]);
    // ICPC: 15 wd from Wed 20 May (Spring bank holiday 25 May) = Thu 11 Jun.
    expect(brief(caseAsOf(events, { asOf: '2026-05-21T12:00:00Z' }, options))).toEqual([['icpc', 'CP-04', '2026-06-11', 'open', 'enfield@1']]);
    // After the ICPC of Thu 4 Jun: first core group 10 wd = Thu 18 Jun; first RCPC 3 months = 4 Sep.
    expect(brief(caseAsOf(events, { asOf: '2026-06-12T12:00:00Z' }, options))).toEqual([
      ['icpc', 'CP-04', '2026-06-11', 'met-on-time', 'enfield@1'],
      ['core-group-1', 'CP-06', '2026-06-18', 'open', 'enfield@2'],
      ['rcpc-1', 'CP-08', '2026-09-04', 'open', 'enfield@2'],
    ]);
  });

  it('what was overdue on 19 Jun as recorded by 20 Jun, and as recorded now', () => {
    const then = caseAsOf(events, { asOf: '2026-06-19T12:00:00Z', knownAt: '2026-06-20T12:00:00Z' }, options);
    expect(then.deadlines.filter((d) => d.status === 'breached').map((d) => d.key)).toEqual(['core-group-1']);
    expect(then.revisions).toEqual([0, 1, 2]);
    const now = caseAsOf(events, { asOf: '2026-06-19T12:00:00Z' }, options);
    expect(now.deadlines.filter((d) => d.status === 'breached')).toEqual([]);
    expect(now.instances).toEqual([{ instanceId: 'cp-1', pathway: 'child-protection', state: expect.stringContaining('onPlan') as unknown }]);
    const diff = diffViews(then, now);
    expect(diff.eventsAdded).toEqual([3]);
    expect(diff.changed).toEqual([{ id: 'c-r/cp-1/core-group-1', ruleId: 'CP-06', from: { status: 'breached', dueDate: '2026-06-18' }, to: { status: 'met-on-time', dueDate: '2026-06-18' } }]);
    expect(diff.opened.map((c) => c.id)).toEqual(['c-r/cp-1/core-group-2']);
  });

  it('the difference between two instants: deadlines that opened and closed in between', () => {
    const diff = diffViews(caseAsOf(events, { asOf: '2026-05-21T12:00:00Z' }, options), caseAsOf(events, { asOf: '2026-06-12T12:00:00Z' }, options));
    expect(diff.eventsAdded).toEqual([2]);
    expect(diff.changed).toEqual([{ id: 'c-r/cp-1/icpc', ruleId: 'CP-04', from: { status: 'open', dueDate: '2026-06-11' }, to: { status: 'met-on-time', dueDate: '2026-06-11' } }]);
    expect(diff.opened.map((c) => c.id)).toEqual(['c-r/cp-1/core-group-1', 'c-r/cp-1/rcpc-1']);
    expect(diff.removed).toEqual([]);
  });
});
