import { shippedCalendar } from '@csc/calendar';
import { deadlinesOf, type CaseCommand } from '@csc/case';
import { caseView, icalendar } from '@csc/projections';
import { CASE, c, rec } from './support/fixtures';
import { replay } from './support/given-when-then';

const missing = (at: string): CaseCommand => ({ type: 'ReportMissing', caseId: CASE, occurredAt: at, kind: 'missing', childStatus: 'looked-after' });
const returned = (at: string): CaseCommand => ({
  type: 'RecordReturn', caseId: CASE, instanceId: 'mis-1', occurredAt: at, timeKnown: true, childStatus: 'looked-after', returnedHow: 'self-returned',
});

/** A child back from a missing episode: MIS-01's offered and completed clocks both run from the return. */
const { state } = replay([
  rec(c.open('2025-10-01')), rec(c.allocateIro('2025-10-01')),
  { command: missing('2025-10-24T18:00:00Z'), now: '2025-10-24T19:00:00Z' },
  { command: returned('2025-10-25T09:00:00Z'), now: '2025-10-25T10:00:00Z' },
]);
const options = { calendar: shippedCalendar() };

describe("the two return interview clocks (MIS-01) are shown under their own titles, not the rule's twice", () => {
  it("the case's deadlines carry each clock's title", () => {
    const rhi = deadlinesOf(state, '2025-10-26T00:00:00Z', options).filter((d) => d.ruleId === 'MIS-01');
    expect(rhi.map((d) => [d.clock, d.title]).sort()).toEqual([['completed', 'Return home interview completed'], ['offered', 'Return home interview offered']]);
  });

  it('the case view (what the queues, the api and the pages read) keeps them apart', () => {
    const view = caseView(state, options);
    const rhi = (view?.deadlines ?? []).filter((d) => d.ruleId === 'MIS-01');
    expect(rhi).toHaveLength(2);
    expect(new Set(rhi.map((d) => d.title)).size).toBe(2);
    expect(rhi.map((d) => [d.clock, d.title]).sort()).toEqual([['completed', 'Return home interview completed'], ['offered', 'Return home interview offered']]);
  });

  it('the calendar feed names each in its summary', () => {
    const rhi = (caseView(state, options)?.deadlines ?? []).filter((d) => d.ruleId === 'MIS-01');
    const summaries = icalendar(rhi, new Date('2025-10-26T00:00:00Z'), 'Due').replace(/\r\n /g, '').split('\r\n').filter((l) => l.startsWith('SUMMARY:'));
    expect(summaries.sort()).toEqual([`SUMMARY:MIS-01 Return home interview completed due: case ${CASE}`, `SUMMARY:MIS-01 Return home interview offered due: case ${CASE}`]);
  });
});
