import { shippedCalendar } from '@csc/calendar';
import { decide, decideAllegation, deadlinesOf, evolveEvent, initialAllegationState, initialCaseState, type CaseCommand, type CaseState } from '@csc/case';

/**
 * Minimal counterexamples the fuzzer found (fuzz/case-decider.test.ts), pinned as `it.failing`:
 * each runs and must still fail; when the bug is fixed it passes, jest reports it, and it
 * becomes an ordinary test (and its inputs come back into the fuzzer: FUZZ_KNOWN_BUGS).
 */
const calendar = shippedCalendar();
const NOW = '2026-03-10T16:00:00Z';

function opened(): CaseState {
  const d = decide({ type: 'OpenCase', caseId: 'c-1', teamRef: 'team-1', occurredAt: '2026-03-10T09:00:00Z' }, initialCaseState, NOW);
  if (!d.ok) throw new Error(d.error.message);
  return d.events.reduce(evolveEvent, initialCaseState);
}

describe('known bugs found by fuzzing (it.failing until fixed)', () => {
  it.failing.each(['2026-03-10T10:00:00.1234Z', '2026-02-30T10:00:00Z'])(
    'KNOWN BUG instant-parse: occurredAt %s passes isIsoInstant but instantToMillis throws, so decide throws instead of refusing INVALID_FIELD occurredAt',
    (occurredAt) => {
      const outcome = () => decide({ type: 'OpenCase', caseId: 'c-1', teamRef: 'team-1', occurredAt }, initialCaseState, NOW);
      expect(outcome).not.toThrow();
    },
  );

  it.failing('KNOWN BUG instant-parse (allegation stream): decideAllegation throws on occurredAt 2026-04-31T10:00:00Z', () => {
    const outcome = () => decideAllegation({ type: 'OpenAllegation', allegationId: 'a-1', ladoRef: 'lado-1', occurredAt: '2026-04-31T10:00:00Z' }, initialAllegationState, NOW);
    expect(outcome).not.toThrow();
  });

  it.failing('KNOWN BUG calendar-range: a period of care dated 1999 is accepted, then deadlinesOf throws CalendarRangeError for the whole case', () => {
    const command = {
      type: 'RecordBecameLookedAfter', caseId: 'c-1', legalStatus: 'V2', placement: { placementRef: 'pl-1', placementType: 'U4', visitRegime: 'standard' },
      occurredAt: '1999-12-31T10:00:00Z',
    } as const satisfies CaseCommand;
    const d = decide(command, opened(), NOW);
    const state = d.ok ? d.events.reduce(evolveEvent, opened()) : opened();
    expect(() => deadlinesOf(state, NOW, { calendar })).not.toThrow();
  });
});
