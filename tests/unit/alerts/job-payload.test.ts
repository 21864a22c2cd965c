import { fireJobData, fireJobId, fireJobOf, fireJobOptions, withRunOptions } from '@csc/alerts';

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

  it('job ids are deterministic, short, distinct per alert and BullMQ-safe (no colon, not an integer)', () => {
    expect(fireJobId('c:1/cp-1/icpc/breach')).toBe(fireJobId('c:1/cp-1/icpc/breach'));
    expect(fireJobId('c:1/cp-1/icpc/breach')).not.toBe(fireJobId('c:1/cp-1/icpc/escalation'));
    expect(fireJobId('c:1/cp-1/icpc/breach')).toMatch(/^a[A-Za-z0-9_-]{15}$/);
  });

  it('stored options fit in 64 bytes (id, delay of up to 3 years, attempts); backoff and removal are set when processed', () => {
    const opts = fireJobOptions({ alertId: 'child-000123/lac-1/reg24-after-first-review/reminder-10', at: 3 * 365 * 86_400_000 }, 0, 12);
    expect(opts).toEqual({ jobId: fireJobId('child-000123/lac-1/reg24-after-first-review/reminder-10'), delay: 3 * 365 * 86_400_000, attempts: 12 });
    expect(JSON.stringify(opts).length).toBeLessThanOrEqual(64);
    expect(withRunOptions({ opts }).opts).toEqual({ ...opts, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true });
  });
});
