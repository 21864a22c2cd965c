import { shippedCalendar } from '@csc/calendar';
import { alertsThatFire, deadlinesOf, encodeCaseEvent, foldCase, reminderOffsets, scheduledAlerts } from '@csc/case';
import { c, rec } from './support/fixtures';
import { replay } from './support/given-when-then';

const calendar = shippedCalendar();
const history = [rec(c.open('2026-05-18')), rec(c.allocateIro('2026-05-18')), rec(c.strategy('2026-05-20'))];

describe('the reminder policy', () => {
  it('reminds 10 and 5 working days before conferences and reviews, 2 before anything else', () => {
    expect(reminderOffsets({ series: 'icpc' })).toEqual([10, 5]);
    expect(reminderOffsets({ series: 'lac-review' })).toEqual([10, 5]);
    expect(reminderOffsets({ series: 'visit' })).toEqual([2]);
  });

  it('schedules reminders at 09:00 London on working days before act-by, and the breach at the due instant', () => {
    const { state } = replay(history);
    const [icpc] = deadlinesOf(state, '2026-05-21T00:00:00Z', { calendar });
    if (icpc === undefined) throw new Error('no ICPC deadline');
    // act by Thu 11 Jun 2026; counting back over weekends: 10 working days before = Thu 28 May, 5 = Thu 4 Jun (BST: 08:00Z)
    expect(scheduledAlerts(icpc, calendar)).toEqual([
      expect.objectContaining({ id: 'c-100/cp-1/icpc/reminder-10', kind: 'reminder', at: '2026-05-28T08:00:00.000Z', owner: { kind: 'iro', ref: 'iro-7' } }),
      expect.objectContaining({ id: 'c-100/cp-1/icpc/reminder-5', kind: 'reminder', at: '2026-06-04T08:00:00.000Z' }),
      expect.objectContaining({ id: 'c-100/cp-1/icpc/breach', kind: 'breach', at: '2026-06-11T23:00:00.000Z' }),
    ]);
  });

  it('only alerts that fall before the closing was recorded fire: a late record still raises the breach', () => {
    const onTimeRecordedLate = replay([...history, rec(c.icpc('2026-06-05'), '2026-06-15')]).state;
    const recordedPromptly = replay([...history, rec(c.icpc('2026-06-05'))]).state;
    const kinds = (s: typeof onTimeRecordedLate) =>
      alertsThatFire(deadlinesOf(s, '2026-06-20T00:00:00Z', { calendar }).find((d) => d.key === 'icpc')!, calendar).map((a) => a.id.split('/').pop());
    expect(kinds(onTimeRecordedLate)).toEqual(['reminder-10', 'reminder-5', 'breach']);
    expect(kinds(recordedPromptly)).toEqual(['reminder-10', 'reminder-5']);
  });
});

describe('the stored form', () => {
  it('folding the encoded events gives the same case as folding the decided ones', () => {
    const { state, events } = replay([...history, rec(c.icpc('2026-06-05')), rec(c.lookedAfter('2026-06-06'))]);
    const stored = JSON.parse(JSON.stringify(events.map(encodeCaseEvent))) as ReturnType<typeof encodeCaseEvent>[];
    const refolded = foldCase(stored);
    expect(deadlinesOf(refolded, '2026-07-01T00:00:00Z', { calendar })).toEqual(deadlinesOf(state, '2026-07-01T00:00:00Z', { calendar }));
    expect(refolded.version).toBe(events.length);
    expect(stored.map((e) => e.type)).toEqual(['CaseOpened', 'IroAllocated', 'StrategyDiscussionHeld', 'InitialConferenceHeld', 'BecameLookedAfter']);
  });

  it('a stored history the machine no longer accepts is reported, not silently skipped', () => {
    const { events } = replay(history);
    const stored = events.map(encodeCaseEvent);
    const duplicate = { ...stored[2]!, data: { ...stored[2]!.data, event: { ...(stored[2]!.data['event'] as object), type: 'CoreGroupHeld' } } };
    expect(() => foldCase([...stored, duplicate])).toThrow(/no longer accepts this history/);
  });
});
