import { shippedCalendar } from '@csc/calendar';
import { clearDeadlineMemo, deadlinesOf, pathwayOf, type CaseDeadline } from '@csc/case';
import { NATIONAL_1, RulebookRegistry } from '@csc/rulebook';
import { transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { childProtectionMachine } from '@workflows/child-protection';
import { c, rec } from './support/fixtures';
import { replay } from './support/given-when-then';

const calendar = shippedCalendar();
const history = [rec(c.open('2026-01-05')), rec(c.allocateIro('2026-01-05')), rec(c.strategy('2026-05-20')), rec(c.icpc('2026-06-01'))];
const END = '9999-12-31T23:59:59.999Z';
const byKey = (deadlines: readonly CaseDeadline[]) => new Map(deadlines.map((d) => [d.key, d]));
const due = (deadlines: readonly CaseDeadline[], key: string) => byKey(deadlines).get(key)?.dueDate;

describe('the due-date memo changes no answer', () => {
  it('given a case, when its deadlines are derived with the memo cold and then warm, then both are equal', () => {
    const { state } = replay(history);
    clearDeadlineMemo();
    const cold = deadlinesOf(state, END, { calendar });
    const warm = deadlinesOf(state, END, { calendar });
    expect(cold.length).toBeGreaterThan(2);
    expect(warm).toEqual(cold);
  });

  it('given the memo warmed with the shipped calendar, when a calendar with a closure day inside the ICPC count is used, then the ICPC falls a working day later', () => {
    const { state } = replay(history.slice(0, 3));
    const shipped = due(deadlinesOf(state, END, { calendar }), 'icpc');
    const closed = shippedCalendar([{ date: '2026-05-27', title: 'staff day' }]);
    expect(shipped).toBe('2026-06-11');
    expect(due(deadlinesOf(state, END, { calendar: closed }), 'icpc')).toBe('2026-06-12');
  });

  it('given the memo warmed with the recorded release, when a what-if rulebook is asked, then each answer names its own release', () => {
    const { state } = replay(history);
    const recorded = deadlinesOf(state, END, { calendar });
    const whatIf = deadlinesOf(state, END, { calendar, whatIf: { name: 'enfield', version: 1 } });
    expect(new Set(recorded.map((d) => d.rulebookVersion))).toEqual(new Set(['national@2']));
    expect(new Set(whatIf.map((d) => d.rulebookVersion))).toEqual(new Set(['enfield@1']));
    expect(deadlinesOf(state, END, { calendar })).toEqual(recorded);
  });

  it('given the memo warmed with the built-in rulebooks, when a registry without the recorded release is used, then it refuses as it always did (the memo is per registry)', () => {
    const { state } = replay(history);
    expect(deadlinesOf(state, END, { calendar }).length).toBeGreaterThan(0);
    expect(() => deadlinesOf(state, END, { calendar, rulebooks: new RulebookRegistry([NATIONAL_1]) })).toThrow(/national@2/);
  });

  it('given two returns from missing on one day at different times, when their deadlines are derived (memo warmed by the first), then each 72-hour clock counts from its own time', () => {
    const episode = (returnedAt: string) => {
      const { state } = replay([
        rec(c.open('2026-03-02')),
        rec({ type: 'ReportMissing', caseId: 'c-100', occurredAt: '2026-03-03T08:00:00Z', kind: 'missing', childStatus: 'looked-after' }, '2026-03-04'),
        rec({ type: 'RecordReturn', caseId: 'c-100', instanceId: 'mis-1', occurredAt: returnedAt, timeKnown: true, childStatus: 'looked-after', returnedHow: 'self-returned' }, '2026-03-05'),
      ]);
      return deadlinesOf(state, END, { calendar });
    };
    clearDeadlineMemo();
    const [early, late] = [episode('2026-03-04T09:00:00Z'), episode('2026-03-04T17:30:00Z')];
    const rhi = (ds: readonly CaseDeadline[]) => new Set(ds.filter((d) => d.ruleId === 'MIS-01').map((d) => d.dueInstant));
    expect(rhi(early)).toEqual(new Set(['2026-03-07T09:00:00.000Z']));
    expect(rhi(late)).toEqual(new Set(['2026-03-07T17:30:00.000Z']));
    clearDeadlineMemo();
    expect(episode('2026-03-04T17:30:00Z')).toEqual(late);
  });

  it('given memoised deadlines, when a caller tries to change one, then the memo is unchanged', () => {
    const { state } = replay(history);
    const first = deadlinesOf(state, END, { calendar });
    (first[0] as { dueDate: string | null }).dueDate = '1999-01-01';
    expect(deadlinesOf(state, END, { calendar })[0]?.dueDate).not.toBe('1999-01-01');
  });
});

describe('the replay transition is the bare XState transition', () => {
  it('given a child protection history, when replayed by the pathway and by xstate transition, then every snapshot has the same value, context and status', () => {
    const pathway = pathwayOf('child-protection')!;
    const events = replay(history).events.flatMap((e) => (e.type === 'PathwayEventRecorded' ? [e.event] : []));
    expect(events.map((e) => e.type)).toEqual(['StrategyDiscussionHeld', 'InitialConferenceHeld']);
    let ours = pathway.start() as AnyMachineSnapshot;
    let bare = ours;
    for (const event of events) {
      ours = pathway.replay(ours, event) as AnyMachineSnapshot;
      bare = transition(childProtectionMachine as AnyStateMachine, bare, event)[0];
      expect({ value: ours.value, context: ours.context, status: ours.status }).toEqual({ value: bare.value, context: bare.context, status: bare.status });
    }
    expect(ours.value).not.toEqual((pathway.start() as AnyMachineSnapshot).value);
  });
});
