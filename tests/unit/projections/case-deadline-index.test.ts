import { caseDeadlineIdsOf, parseCaseDeadlineIds } from '../../../libs/projections/src/writer';
import type { CaseView, OpenDeadline } from '../../../libs/projections/src/view';

const deadline = (id: string, dueInstant: string | null): OpenDeadline => ({
  id, caseId: 'c-1', teamRef: 't-1', owner: { kind: 'team', ref: 't-1' }, pathway: 'child-protection', instanceId: 'cp-1', ruleId: 'CP-04', clock: null, title: null,
  rulebookVersion: 'national@2', countsFrom: '2026-01-05', triggerEvent: 'StrategyDiscussionHeld', triggerAt: '2026-01-05T09:00:00Z',
  dueDate: dueInstant?.slice(0, 10) ?? null, dueInstant, actByDate: null,
});
const view = (deadlines: OpenDeadline[]): CaseView => ({ caseId: 'c-1', teamRef: 't-1', iroRef: null, version: 3, openPathways: [], deadlines });

describe('the case deadline index entry', () => {
  it('lists the ids soonest due first, ties by id, deadlines with no timescale last', () => {
    const value = caseDeadlineIdsOf(view([
      deadline('c-1/cp-1/0-none', null),
      deadline('c-1/cp-1/b', '2026-02-01T23:59:59.999Z'),
      deadline('c-1/cp-1/00-later', '2026-03-01T23:59:59.999Z'),
      deadline('c-1/cp-1/a', '2026-02-01T23:59:59.999Z'),
    ]));
    expect(parseCaseDeadlineIds(value)).toEqual(['c-1/cp-1/a', 'c-1/cp-1/b', 'c-1/cp-1/00-later', 'c-1/cp-1/0-none']);
  });

  it('is absent for a case with no open deadline, and a missing entry reads as none', () => {
    expect(caseDeadlineIdsOf(view([]))).toBeUndefined();
    expect(parseCaseDeadlineIds(null)).toEqual([]);
    expect(parseCaseDeadlineIds(undefined)).toEqual([]);
  });
});
