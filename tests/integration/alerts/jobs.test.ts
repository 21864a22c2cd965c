import { WorkingCalendar, SHIPPED_BANK_HOLIDAYS } from '@csc/calendar';
import { fireJobId, syncCase } from '@csc/alerts';
import { holdIcpc, openCpCase, openFixture, type Fixture } from './fixture';
import { uniqueName } from '../../support/unique';

let f: Fixture;
afterEach(async () => f.close());

describe('the deadline scheduler keeps exactly one job per open deadline: its next alert', () => {
  it('a deadline opened gets a job for its first reminder, at 09:00 London ten working days before act-by', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    expect(await f.jobSet()).toEqual({ [`alert/${caseId}/cp-1/icpc/reminder-10`]: '2026-05-26T08:00:00.000Z' });
  });

  it('a deadline met removes its job, and the deadlines it opens get theirs', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-22T16:00:00Z');
    await f.record(holdIcpc(caseId, '2026-05-22T10:00:00Z'));
    const jobs = await f.jobSet();
    expect(Object.keys(jobs).some((id) => id.includes('/icpc/'))).toBe(false);
    expect(Object.keys(jobs).length).toBeGreaterThan(0);
    expect(Object.keys(jobs).every((id) => id.startsWith(`alert/${caseId}/cp-1/`))).toBe(true);
  });

  it('a review rescheduled cancels the old report deadline (its job goes) and schedules the new one', async () => {
    f = await openFixture('2026-03-30T17:00:00Z');
    const caseId = uniqueName('c');
    await f.record({ type: 'OpenCase', caseId, teamRef: 'team-lac', rulebook: 'enfield', occurredAt: '2026-03-30T08:00:00Z' });
    await f.record({ type: 'AllocateIro', caseId, iroRef: 'iro-3', occurredAt: '2026-03-30T08:00:00Z' });
    await f.record({ type: 'RecordBecameLookedAfter', caseId, occurredAt: '2026-03-30T08:30:00Z', legalStatus: 'V2', placement: { placementRef: 'pl-1', placementType: 'U4', visitRegime: 'standard' } });
    f.clock.set('2026-04-01T10:00:00Z');
    await f.record({ type: 'ScheduleLacReview', caseId, instanceId: 'lac-1', occurredAt: '2026-04-01T09:00:00Z', scheduledFor: '2026-04-24' });
    expect(await f.jobSet()).toMatchObject({ [`alert/${caseId}/lac-1/sw-report-1/reminder-2`]: '2026-04-15T08:00:00.000Z' });
    await f.record({ type: 'ScheduleLacReview', caseId, instanceId: 'lac-1', occurredAt: '2026-04-01T09:30:00Z', scheduledFor: '2026-04-17' });
    expect(await f.jobSet()).toEqual({
      [`alert/${caseId}/lac-1/care-plan/reminder-2`]: '2026-04-13T08:00:00.000Z',
      [`alert/${caseId}/lac-1/initial-health-assessment/reminder-2`]: '2026-04-27T08:00:00.000Z',
      [`alert/${caseId}/lac-1/lac-review-1/reminder-10`]: '2026-04-15T08:00:00.000Z',
      [`alert/${caseId}/lac-1/pep-1/reminder-2`]: '2026-04-27T08:00:00.000Z',
      [`alert/${caseId}/lac-1/sw-report-2/reminder-2`]: '2026-04-08T08:00:00.000Z',
      [`alert/${caseId}/lac-1/visit-1/reminder-2`]: '2026-03-31T08:00:00.000Z',
    });
  });

  it('a deadline whose alert time moves keeps one job under the same id, at the new time (removed, then added)', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    const closures = new WorkingCalendar({ bankHolidays: SHIPPED_BANK_HOLIDAYS, closureDays: [{ date: '2026-05-21', title: 'council closure' }] });
    await syncCase({ store: f.store, jobs: f.jobs, clock: f.clock.now, context: { ...f.context, calendar: closures } }, caseId);
    expect(await f.jobSet()).toEqual({ [`alert/${caseId}/cp-1/icpc/reminder-10`]: '2026-05-27T08:00:00.000Z' });
  });

  it('syncing twice changes nothing (adding an existing job id is left to BullMQ as a no-op)', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    const before = await f.jobSet();
    expect(await f.scheduler.syncCase(caseId)).toMatchObject({ added: 0, moved: 0, removed: 0 });
    expect(await f.jobSet()).toEqual(before);
  });

  it('job payloads hold references and a time only, with one-letter names (the case id is the alert id\'s first part), in Redis\'s compact hash form', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f, 'child-000123');
    const job = await f.jobs.queue.getJob(fireJobId(`${caseId}/cp-1/icpc/reminder-10`));
    expect(job?.data).toEqual({ a: `${caseId}/cp-1/icpc/reminder-10`, t: Date.parse('2026-05-26T08:00:00Z') });
    expect(job?.name).toBe('f');
    expect(job?.id).toMatch(/^a[\w-]{15}$/);
    expect(job?.opts).toEqual({ jobId: job?.id, delay: Date.parse('2026-05-26T08:00:00Z') - Date.parse('2026-05-18T09:00:00Z'), attempts: 3 });
    expect(await f.redis.object('ENCODING', f.jobs.queue.toKey(job?.id ?? ''))).toBe('listpack');
  });

  it('a job added in the earlier, longer payload form is still read, moved and fired', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    const jobId = fireJobId(`${caseId}/cp-1/icpc/reminder-10`);
    await f.jobs.remove([jobId]);
    const legacy = { caseId, alertId: `${caseId}/cp-1/icpc/reminder-10`, at: Date.parse('2026-05-25T08:00:00Z') };
    await f.jobs.queue.add('fire', legacy as never, { jobId, delay: 1000 });
    expect((await f.jobs.existing([jobId])).get(jobId)).toEqual(legacy);
    expect(await f.scheduler.syncCase(caseId)).toMatchObject({ moved: 1 });
    expect(await f.jobSet()).toEqual({ [`alert/${caseId}/cp-1/icpc/reminder-10`]: '2026-05-26T08:00:00.000Z' });
  });
});
