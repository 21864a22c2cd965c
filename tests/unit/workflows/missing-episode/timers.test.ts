import { openDeadlines, type OpenIntent } from '@workflows/shared';
import { deadlineOf } from '../support/deadline-of';
import { describeIntent, fold } from '../support/given-when-then';
import { mis, missingEpisode } from '../support/missing-fixtures';

/** The MIS-01 intents a return opens, with the history before it. */
function returnIntents(reportedOn: string, ret: ReturnType<typeof mis.returned>): readonly OpenIntent[] {
  const s = fold(missingEpisode, [mis.reported(reportedOn), ret]);
  return openDeadlines(s.context.ledger);
}

const at = (instant: string) => ({ occurredAt: instant, occurredOn: instant.slice(0, 10) });

describe('MIS-01 triggers: the return instant, across both BST changes', () => {
  it('a return at 22:00 GMT on Sat 28 Mar 2026 is the trigger instant, and is due 72 elapsed hours later at 23:00 BST', () => {
    const intents = returnIntents('2026-03-27', { ...mis.returned('2026-03-28'), ...at('2026-03-28T22:00:00Z') });
    expect(intents.map((i) => [i.key, i.clock, i.trigger.at, i.qualifiers])).toEqual([
      ['rhi-offered', 'offered', '2026-03-28T22:00:00Z', []],
      ['rhi-completed', 'completed', '2026-03-28T22:00:00Z', []],
    ]);
    for (const intent of intents) {
      const d = deadlineOf(intent);
      expect([d.clock, d.precision, d.dueInstant, d.dueDate, d.trigger.timeAssumed]).toEqual([intent.clock, 'instant', '2026-03-31T22:00:00.000Z', '2026-03-31', false]);
    }
  });

  it('TIMESCALES.md 2.3: 20:00 GMT Sat 28 Mar 2026 is due 21:00 BST Tue 31 Mar 2026', () => {
    const [offered] = returnIntents('2026-03-28', { ...mis.returned('2026-03-28'), ...at('2026-03-28T20:00:00Z') });
    expect(offered === undefined ? undefined : deadlineOf(offered).dueInstant).toBe('2026-03-31T20:00:00.000Z');
  });

  it('a return at 10:00 BST on Sat 25 Oct 2025, recorded with its offset, is due at 09:00 GMT on Tue 28 Oct 2025', () => {
    const [offered] = returnIntents('2025-10-24', { ...mis.returned('2025-10-25'), occurredAt: '2025-10-25T10:00:00+01:00', occurredOn: '2025-10-25' });
    expect(offered?.trigger.at).toBe('2025-10-25T10:00:00+01:00');
    expect(offered === undefined ? undefined : deadlineOf(offered).dueInstant).toBe('2025-10-28T09:00:00.000Z');
  });

  it('a return after midnight BST is on the next London date (occurredOn) while its UTC date is the day before', () => {
    const [offered] = returnIntents('2026-07-01', { ...mis.returned('2026-07-02'), occurredAt: '2026-07-01T23:30:00Z', occurredOn: '2026-07-02' });
    expect(offered?.trigger).toEqual({ event: 'ChildReturned', at: '2026-07-01T23:30:00Z', on: '2026-07-02' });
    expect(offered === undefined ? undefined : deadlineOf(offered).dueInstant).toBe('2026-07-04T23:30:00.000Z');
  });
});

describe('MIS-01 triggers: a return recorded as a date only', () => {
  it('passes the date with the time-unknown flag, and the rulebook counts from 23:59 London (GMT in March)', () => {
    const intents = returnIntents('2026-03-27', mis.returned('2026-03-28', { timeKnown: false }, '00:00:00Z'));
    expect(intents.map((i) => [i.key, i.qualifiers, i.trigger.on])).toEqual([
      ['rhi-offered', ['time-unknown'], '2026-03-28'],
      ['rhi-completed', ['time-unknown'], '2026-03-28'],
    ]);
    for (const intent of intents) {
      const d = deadlineOf(intent);
      expect([d.trigger.timeAssumed, d.dueInstant]).toEqual([true, '2026-03-31T23:59:00.000Z']);
    }
  });

  it('across the autumn change: 23:59 BST on Sat 25 Oct 2025 plus 72 hours is 22:59 GMT on Tue 28 Oct', () => {
    const [offered] = returnIntents('2025-10-24', mis.returned('2025-10-25', { timeKnown: false }, '00:00:00Z'));
    const d = offered === undefined ? undefined : deadlineOf(offered);
    expect([d?.trigger.timeAssumed, d?.dueInstant]).toEqual([true, '2025-10-28T22:59:00.000Z']);
  });
});

describe('a new missing episode before the interview', () => {
  it("leaves the earlier episode's clocks open to be resolved, in its own instance", () => {
    const first = fold(missingEpisode, [mis.reported('2026-06-01'), mis.returned('2026-06-02')]);
    const second = fold(missingEpisode, [mis.reported('2026-06-03'), mis.returned('2026-06-06')]);
    expect(openDeadlines(first.context.ledger).map((d) => d.key)).toEqual(['rhi-offered', 'rhi-completed']);
    expect(openDeadlines(second.context.ledger).map((d) => [d.key, d.trigger.on])).toEqual([['rhi-offered', '2026-06-06'], ['rhi-completed', '2026-06-06']]);

    const resolved = missingEpisode.apply(first, mis.notPossible('2026-06-04', 'missing-again'));
    expect(resolved.ok && resolved.intents.map((i) => `${i.kind} ${i.key}`)).toEqual(['cancel rhi-offered', 'cancel rhi-completed']);
    const lateInterview = missingEpisode.apply(first, mis.completed('2026-06-08'));
    expect(lateInterview.ok && lateInterview.intents.map(describeIntent)).toEqual(['meet rhi-offered @2026-06-08', 'meet rhi-completed @2026-06-08']);
  });
});
