import { shippedCalendar } from '@csc/calendar';
import { decide, decideAllegation, deadlinesOf, evolveEvent, initialAllegationState, initialCaseState, type CaseCommand, type CaseState } from '@csc/case';

/**
 * Regressions: minimal counterexamples the fuzzer found (fuzz/case-decider.test.ts), fixed in
 * libs/case (instant-parse: checks.ts occurrence(); calendar-range: deadlines.ts dueOf()).
 */
const calendar = shippedCalendar();
const NOW = '2026-03-10T16:00:00Z';

function opened(): CaseState {
  const d = decide({ type: 'OpenCase', caseId: 'c-1', teamRef: 'team-1', occurredAt: '2026-03-10T09:00:00Z' }, initialCaseState, NOW);
  if (!d.ok) throw new Error(d.error.message);
  return d.events.reduce(evolveEvent, initialCaseState);
}

describe('bugs found by fuzzing, fixed', () => {
  it.each(['2026-03-10T10:00:00.1234Z', '2026-02-30T10:00:00Z'])(
    'instant-parse: occurredAt %s (accepted by isIsoInstant, not a calendar instant) is refused as INVALID_FIELD occurredAt, not thrown',
    (occurredAt) => {
      const outcome = decide({ type: 'OpenCase', caseId: 'c-1', teamRef: 'team-1', occurredAt }, initialCaseState, NOW);
      expect(outcome.ok).toBe(false);
      expect(outcome.ok ? undefined : { code: outcome.error.code, message: outcome.error.message }).toEqual({
        code: 'INVALID_FIELD',
        message: expect.stringContaining(`occurredAt ${occurredAt} is not a real instant`),
      });
    },
  );

  it('instant-parse (allegation stream): decideAllegation refuses occurredAt 2026-04-31T10:00:00Z as INVALID_FIELD', () => {
    const outcome = decideAllegation({ type: 'OpenAllegation', allegationId: 'a-1', ladoRef: 'lado-1', occurredAt: '2026-04-31T10:00:00Z' }, initialAllegationState, NOW);
    expect(outcome.ok ? 'accepted' : outcome.error.code).toBe('INVALID_FIELD');
  });

  it('calendar-range: a period of care dated 2014 (rules in force, calendar from 2015) leaves the case readable: no due date, and why', () => {
    const command = {
      type: 'RecordBecameLookedAfter', caseId: 'c-1', legalStatus: 'V2', placement: { placementRef: 'pl-1', placementType: 'U4', visitRegime: 'standard' },
      occurredAt: '2014-06-30T10:00:00+01:00',
    } as const satisfies CaseCommand;
    const d = decide(command, opened(), NOW);
    const state = d.ok ? d.events.reduce(evolveEvent, opened()) : opened();
    const deadlines = deadlinesOf(state, NOW, { calendar });
    expect(deadlines.length).toBeGreaterThan(0);
    for (const deadline of deadlines) expect(deadline).toMatchObject({ dueDate: null, timescale: expect.stringMatching(/^2014-.* is outside the working-day calendar/) });
  });
});
