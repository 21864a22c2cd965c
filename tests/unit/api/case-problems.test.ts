import { CaseConflictError } from '@csc/case-handler';
import { PreconditionFailedError } from '../../../apps/api/src/cases/errors';
import { commandPath } from '../../../apps/api/src/cases/commands/catalogue';
import { isInstantWithOffset } from '../../../apps/api/src/cases/commands/fields';
import { toProblem } from '../../../apps/api/src/http/problem';

const request = { originalUrl: '/cases/c-1/commands/record-lac-visit', headers: {} };

describe('the case endpoints’ problems', () => {
  it('answers a spent conflict retry with 409 CASE_CONFLICT, naming the attempts and the policy', () => {
    const { status, body } = toProblem(new CaseConflictError('c-1', 5, 'reread-and-redecide'), request);
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'CASE_CONFLICT', attempts: 5, policy: 'reread-and-redecide', caseId: 'c-1' });
  });

  it('answers a stale If-Match with 412 PRECONDITION_FAILED, naming both revisions', () => {
    const { status, body } = toProblem(new PreconditionFailedError(3, 5), request);
    expect(status).toBe(412);
    expect(body).toMatchObject({ code: 'PRECONDITION_FAILED', expected: 3, actual: 5 });
  });
});

describe('command routes and instants', () => {
  it.each([
    ['RecordStrategyDiscussion', 'record-strategy-discussion'],
    ['RecordPep', 'record-pep'],
    ['OpenCase', 'open-case'],
  ])('routes %s at %s', (command, path) => expect(commandPath(command)).toBe(path));

  it.each(['2026-03-02T10:00:00+00:00', '2026-03-02T10:00Z', '2026-03-29T01:30:00.123+01:00', '2024-02-29T23:59:59-05:00'])('accepts %s', (value) =>
    expect(isInstantWithOffset(value)).toBe(true));

  it.each(['2026-03-02', '2026-03-02T10:00:00', '2025-02-29T10:00:00Z', '2026-03-02T24:00:00Z', '2026-03-02T10:60:00Z', '2026-03-02T10:00:00+15:00', '2026-03-02 10:00:00Z', 20260302])(
    'refuses %s',
    (value) => expect(isInstantWithOffset(value)).toBe(false),
  );
});
