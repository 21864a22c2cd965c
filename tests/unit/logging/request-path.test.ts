import { loggablePath, UNMATCHED_PATH } from '@csc/logging';

describe('the path a request log line carries', () => {
  const routed = (path: string, params: Record<string, string>, baseUrl = '') => ({ route: { path }, params, baseUrl });

  it('fills in reference parameters: case ids, instance ids, UUIDs', () => {
    expect(loggablePath(routed('/cases/:caseId', { caseId: 'child-000123' }))).toBe('/cases/child-000123');
    expect(loggablePath(routed('/cases/:caseId/pathways/:instanceId', { caseId: 'c-1', instanceId: 'cp-1' }))).toBe('/cases/c-1/pathways/cp-1');
    expect(loggablePath(routed('/allegations/:allegationId', { allegationId: '0b7c6f1e-2d7a-4f57-9c0a-3b1f1d2a9e11' })))
      .toBe('/allegations/0b7c6f1e-2d7a-4f57-9c0a-3b1f1d2a9e11');
  });

  it('leaves the parameter name where the value is not a reference: a name typed in place of a case id never reaches the log', () => {
    expect(loggablePath(routed('/cases/:caseId', { caseId: 'Hermione Thistlewood' }))).toBe('/cases/:caseId');
    expect(loggablePath(routed('/cases/:caseId', { caseId: 'hermione' }))).toBe('/cases/:caseId');
    expect(loggablePath(routed('/cases/:caseId', { caseId: '01/02/2015' }))).toBe('/cases/:caseId');
    expect(loggablePath(routed('/cases/:caseId', { caseId: 'x'.repeat(99) + '1' }))).toBe('/cases/x' + 'x'.repeat(98) + '1');
    expect(loggablePath(routed('/cases/:caseId', { caseId: 'x'.repeat(100) + '1' }))).toBe('/cases/:caseId');
  });

  it('never logs parameters that are not references by name, such as a calendar feed secret', () => {
    expect(loggablePath(routed('/feeds/:token.ics', { token: 'a1b2c3d4e5' }))).toBe('/feeds/:token.ics');
  });

  it('a request no route matched logs no path at all', () => {
    expect(loggablePath({})).toBe(UNMATCHED_PATH);
    expect(loggablePath(routed('/{*path}', { path: 'Jane Smith' }))).toBe(UNMATCHED_PATH);
  });

  it('keeps the mount point and the root', () => {
    expect(loggablePath(routed('/:caseId', { caseId: 'child-1' }, '/cases'))).toBe('/cases/child-1');
    expect(loggablePath(routed('/', {}))).toBe('/');
  });
});
