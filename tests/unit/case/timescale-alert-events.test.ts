import { shippedCalendar } from '@csc/calendar';
import { deadlinesOf, decide, foldCase, type StoredCaseEvent } from '@csc/case';
import { c, rec } from './support/fixtures';
import { replay, stored } from './support/given-when-then';

const calendar = shippedCalendar();

function alert(type: string, alertId: string, deadlineId: string, raisedAt: string): StoredCaseEvent {
  return {
    type,
    data: { alertId, deadlineId, caseId: 'c-100', ruleId: 'CP-04', kind: 'breach', scheduledFor: raisedAt, raisedAt, late: false, lateByMs: 0, dueInstant: raisedAt, recipient: { kind: 'iro', ref: 'iro-7' } },
  };
}

describe('a case stream that holds the alerts the engine raised', () => {
  const { events } = replay([rec(c.open('2026-01-05')), rec(c.allocateIro('2026-01-05')), rec(c.strategy('2026-01-06'))]);
  const history = stored(events);
  const withAlerts = [
    ...history,
    alert('TimescaleReminderSent', 'd1/reminder-10', 'd1', '2026-01-13T09:00:00.000Z'),
    alert('TimescaleBreached', 'd1/breach', 'd1', '2026-01-28T00:00:00.000Z'),
    alert('TimescaleEscalated', 'd1/escalation', 'd1', '2026-01-29T00:00:00.000Z'),
  ];

  it('folds, keeping each alert id once, in the order raised', () => {
    const state = foldCase([...withAlerts, alert('TimescaleBreached', 'd1/breach', 'd1', '2026-01-28T00:00:01.000Z')]);
    expect(state.alertsRaised).toEqual(['d1/reminder-10', 'd1/breach', 'd1/escalation']);
    expect(state.version).toBe(withAlerts.length + 1);
  });

  it('changes no pathway and no deadline', () => {
    const asOf = '2026-02-01T00:00:00Z';
    const without = foldCase(history);
    const withThem = foldCase(withAlerts);
    expect(withThem.instances).toEqual(without.instances);
    expect(deadlinesOf(withThem, asOf, { calendar })).toEqual(deadlinesOf(without, asOf, { calendar }));
  });

  it('still takes commands after an alert (the next revision counts the alert events)', () => {
    const state = foldCase(withAlerts);
    const decision = decide(c.icpc('2026-01-20'), state, '2026-01-30T10:00:00Z');
    expect(decision.ok).toBe(true);
  });
});
