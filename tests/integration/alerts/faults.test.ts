import { Worker } from 'bullmq';
import { AlertProcessor, FIRE_QUEUE, bullPrefix, deleteKeysUnder, fireJobId, fireJobProcessor, type FireJobData } from '@csc/alerts';
import { StoreUnavailableError, type EventStore } from '@csc/event-store';
import { createRedis } from '@csc/redis';
import { alertEvents, openCpCase, openFixture, type Fixture } from './fixture';
import { TEST_REDIS_URL } from '../../support/services';
import { eventually } from '../../support/wait';

let f: Fixture;
afterEach(async () => f.close());

/** The event store with a switch: while `down`, reads and appends fail as in an outage. */
function withOutage(store: EventStore): { store: EventStore; outage: { down: boolean } } {
  const outage = { down: false };
  const wrapped = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || (property !== 'readStream' && property !== 'append')) return value;
      return (...args: unknown[]) =>
        outage.down ? Promise.reject(new StoreUnavailableError('test outage')) : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
  return { store: wrapped, outage };
}

describe('alerts survive losing Redis, a worker, or the event store', () => {
  it('deleting every key of the deployment then reconciling restores the identical job set and raises no alert twice', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-26T08:00:00Z');
    await f.fireDue();
    const before = await f.jobSet();
    expect(Object.keys(before)).toEqual([`alert/${caseId}/cp-1/icpc/reminder-5`]);
    await deleteKeysUnder(f.redis, f.prefix);
    expect(await f.jobSet()).toEqual({});
    const report = await f.scheduler.reconcile();
    expect(report).toMatchObject({ planned: 1, added: 1, removed: 0, overdue: 0, errors: [] });
    expect(await f.jobSet()).toEqual(before);
    expect(await f.fireDue()).toEqual([]);
    f.clock.set('2026-06-02T08:00:00Z');
    await f.fireDue();
    expect((await alertEvents(f, caseId)).map((e) => e.alertId)).toEqual([`${caseId}/cp-1/icpc/reminder-10`, `${caseId}/cp-1/icpc/reminder-5`]);
  });

  it('with no checkpoint the scheduler reconciles before it subscribes', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    await deleteKeysUnder(f.redis, f.prefix);
    await f.scheduler.resumePosition();
    expect(Object.keys(await f.jobSet())).toEqual([`alert/${caseId}/cp-1/icpc/reminder-10`]);
  });

  it('alerts whose time passed while Redis was lost are raised at once after reconciling, marked late, each once', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    await deleteKeysUnder(f.redis, f.prefix);
    f.clock.set('2026-06-10T12:00:00Z');
    expect(await f.scheduler.reconcile()).toMatchObject({ planned: 1, overdue: 1 });
    await f.fireDue();
    expect((await alertEvents(f, caseId)).map((e) => [e.type, e.late, e.lateByMs])).toEqual([
      ['TimescaleReminderSent', true, Date.parse('2026-06-10T12:00:00Z') - Date.parse('2026-05-26T08:00:00Z')],
      ['TimescaleReminderSent', true, Date.parse('2026-06-10T12:00:00Z') - Date.parse('2026-06-02T08:00:00Z')],
      ['TimescaleBreached', true, 13 * 3600_000],
    ]);
    expect(await f.jobSet()).toEqual({ [`alert/${caseId}/cp-1/icpc/escalation`]: '2026-06-10T23:00:00.000Z' });
    await f.scheduler.reconcile();
    await f.fireDue();
    expect(await alertEvents(f, caseId)).toHaveLength(3);
  });

  it('a worker that dies between appending the alert and acknowledging the job raises it once after restart', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-26T08:00:00Z');
    const dying = new AlertProcessor({ store: f.store, context: f.context, clock: f.clock.now, deliveries: { enqueue: () => Promise.reject(new Error('SIGKILL')) } });
    const alertId = `${caseId}/cp-1/icpc/reminder-10`;
    await expect(dying.fire({ caseId, alertId })).rejects.toThrow('SIGKILL');
    expect(await alertEvents(f, caseId)).toHaveLength(1);
    expect(Object.keys(await f.jobSet())).toEqual([`alert/${alertId}`]);
    expect(await f.fireDue()).toEqual([`${alertId}:already-raised`]);
    expect(await alertEvents(f, caseId)).toHaveLength(1);
    expect(await f.deliveries.queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
  });

  it('two workers firing the same alert at once append it once', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-26T08:00:00Z');
    const alertId = `${caseId}/cp-1/icpc/reminder-10`;
    const outcomes = await Promise.all([f.processor.fire({ caseId, alertId }), f.processor.fire({ caseId, alertId }), f.processor.fire({ caseId, alertId })]);
    expect(outcomes.every((o) => o.outcome === 'raised' || o.outcome === 'already-raised')).toBe(true);
    expect(await alertEvents(f, caseId)).toHaveLength(1);
  });

  it('the event store down when a job fires: BullMQ retries the job, and the alert is raised once the store is back', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-26T08:00:00Z');
    const { store, outage } = withOutage(f.store);
    const processor = new AlertProcessor({ store, context: f.context, clock: f.clock.now, deliveries: f.deliveries });
    const connection = createRedis(TEST_REDIS_URL, { role: 'blocking' });
    const worker = new Worker<FireJobData>(FIRE_QUEUE, fireJobProcessor(processor), { connection, prefix: bullPrefix(f.prefix) });
    try {
      outage.down = true;
      const jobId = fireJobId(`${caseId}/cp-1/icpc/reminder-10`);
      await (await f.jobs.queue.getJob(jobId))?.promote();
      const retrying = await eventually(async () => {
        const job = await f.jobs.queue.getJob(jobId);
        return job !== undefined && job.attemptsMade === 1 && (await job.getState()) === 'delayed' ? job : undefined;
      }, 'the job waiting for its retry');
      expect(retrying.failedReason).toContain('event store is unavailable');
      expect(await alertEvents(f, caseId)).toEqual([]);
      outage.down = false;
      await retrying.promote();
      await eventually(async () => ((await alertEvents(f, caseId)).length === 1 ? true : undefined), 'the alert raised on retry');
      await eventually(async () => ((await f.jobs.queue.getJob(jobId)) === undefined ? true : undefined), 'the job completed');
      expect(await alertEvents(f, caseId)).toHaveLength(1);
    } finally {
      await worker.close();
      connection.disconnect();
    }
  });
});
