import { fireJobData, fireJobId, fireJobOf } from '@csc/alerts';

describe('firing job payloads', () => {
  it('hold the alert id and its time under one-letter names, the case id only when the alert id does not start with it', () => {
    expect(fireJobData({ caseId: 'child-000123', alertId: 'child-000123/cp-1/icpc/breach', at: 1_780_000_000_000 })).toEqual({ a: 'child-000123/cp-1/icpc/breach', t: 1_780_000_000_000 });
    expect(fireJobData({ caseId: 'lado/7', alertId: 'lado/7/allegation-1/breach', at: 5 })).toEqual({ a: 'lado/7/allegation-1/breach', t: 5, c: 'lado/7' });
    expect(fireJobData({ caseId: 'x', alertId: 'y/1/breach', at: 5 })).toEqual({ a: 'y/1/breach', t: 5, c: 'x' });
  });

  it('are read back to the case id, alert id and time, from the short form and from the earlier long form', () => {
    const job = { caseId: 'child-000123', alertId: 'child-000123/cp-1/icpc/breach', at: 1_780_000_000_000 };
    expect(fireJobOf(fireJobData(job))).toEqual(job);
    expect(fireJobOf(fireJobData({ ...job, caseId: 'lado/7', alertId: 'lado/7/a/breach' }))).toEqual({ ...job, caseId: 'lado/7', alertId: 'lado/7/a/breach' });
    expect(fireJobOf(job)).toEqual(job);
  });

  it('stay under the 64 bytes Redis keeps in its compact hash encoding for an ordinary alert', () => {
    expect(JSON.stringify(fireJobData({ caseId: 'child-000123', alertId: 'child-000123/cp-1/icpc/reminder-10', at: 1_780_000_000_000 })).length).toBeLessThanOrEqual(64);
  });

  it('job ids are deterministic and BullMQ-safe (no colon)', () => {
    expect(fireJobId('c:1/cp-1/icpc/breach')).toBe('alert/c%3A1/cp-1/icpc/breach');
  });
});
