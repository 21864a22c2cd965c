import { shippedCalendar } from '@csc/calendar';
import { deadlinesOf, type CaseCommand } from '@csc/case';
import { CASE, c, rec } from './support/fixtures';
import { given, replay } from './support/given-when-then';

const missing = (at: string): CaseCommand => ({ type: 'ReportMissing', caseId: CASE, occurredAt: at, kind: 'missing', childStatus: 'looked-after' });
const returned = (at: string, instanceId: string): CaseCommand => ({
  type: 'RecordReturn', caseId: CASE, instanceId, occurredAt: at, timeKnown: true, childStatus: 'looked-after', returnedHow: 'self-returned',
});
const opened = rec(c.open('2025-10-01'));

describe('missing episodes on a case (a pathway added through the registry)', () => {
  it('each report starts a new episode instance', () => {
    given(opened, { command: missing('2025-10-24T18:00:00Z'), now: '2025-10-24T19:00:00Z' }, { command: returned('2025-10-25T09:00:00Z', 'mis-1'), now: '2025-10-25T10:00:00Z' })
      .when({ command: missing('2025-11-02T18:00:00Z'), now: '2025-11-02T19:00:00Z' })
      .then([{ type: 'MissingReported', data: { pathway: 'missing-episode', instanceId: 'mis-2' } }]);
  });

  it('a child cannot go missing twice at once', () => {
    given(opened, { command: missing('2025-10-24T18:00:00Z'), now: '2025-10-24T19:00:00Z' })
      .when({ command: missing('2025-10-25T18:00:00Z'), now: '2025-10-25T19:00:00Z' })
      .thenRefused({ code: 'INSTANCE_STILL_ACTIVE', instanceId: 'mis-1', state: 'missing' });
  });

  it('the return interview is due 72 hours after the return, across the clocks going back (TIMESCALES 6)', () => {
    const { state } = replay([opened, rec(c.allocateIro('2025-10-01')), { command: missing('2025-10-24T18:00:00Z'), now: '2025-10-24T19:00:00Z' }, { command: returned('2025-10-25T09:00:00Z', 'mis-1'), now: '2025-10-25T10:00:00Z' }]);
    const rhi = deadlinesOf(state, '2025-10-26T00:00:00Z', { calendar: shippedCalendar() }).filter((d) => d.ruleId === 'MIS-01');
    expect(rhi.length).toBeGreaterThan(0);
    for (const d of rhi) expect(d).toMatchObject({ dueInstant: '2025-10-28T09:00:00.000Z', status: 'open', owner: { kind: 'iro', ref: 'iro-7' } });
  });
});
