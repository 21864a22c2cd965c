import { Worker } from 'bullmq';
import {
  ALERT_LOCK_MS, ALERT_MAX_STALLED, ALERT_STALLED_CHECK_MS, DELIVERY_QUEUE, FIRE_QUEUE, alertEventId, alertWorkerOptions, fireJobId, fireJobProcessor,
  reconcileRound, startDeliveryWorker, startFireWorker, type DeliveryJobData, type FireJobData,
} from '@csc/alerts';
import { createRedis } from '@csc/redis';
import { alertEvents, openCpCase, openFixture, type Fixture } from './fixture';
import { TEST_REDIS_URL } from '../../support/services';
import { eventually } from '../../support/wait';

let f: Fixture;
afterEach(async () => f.close());

/**
 * A worker killed with SIGKILL leaves its jobs active, locked for `ALERT_LOCK_MS`. Once the locks
 * have run out, a new worker's stall checks must put them back and run them within about two
 * checks (the first sees them active, the next finds their locks gone): at most
 * 2 * `ALERT_STALLED_CHECK_MS`. The locks' running out is not waited for: they are deleted, as
 * their TTL would; the new worker's stall checks run on BullMQ's own timer, which is what is tested.
 * With the checks every `ALERT_LOCK_MS` (10 s) for firing and BullMQ's 30 s for deliveries, as
 * before, the jobs stayed active for 10 to 60 s after the locks ran out.
 */
describe('jobs of an alert worker that vanished', () => {
  it('a firing job interrupted after its alert was appended, and a delivery job, are run again by a new worker within two stall checks of their locks running out', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-26T08:00:00Z');
    const alertId = `${caseId}/cp-1/icpc/reminder-10`;
    const fireId = fireJobId(alertId);
    const deliveryId = `delivery/${alertEventId(alertId)}/inbox`;
    await (await f.jobs.queue.getJob(fireId))?.promote();

    // The worker that vanishes: it takes the firing job, appends the alert and enqueues its
    // delivery, takes the delivery job, and dies before finishing either (nothing renews a lock
    // of a job taken with getNextJob).
    const dying = createRedis(TEST_REDIS_URL, { role: 'blocking' });
    const deadFire = new Worker<FireJobData>(FIRE_QUEUE, null, { ...alertWorkerOptions(dying, f.prefix, 1), autorun: false });
    const deadDelivery = new Worker<DeliveryJobData>(DELIVERY_QUEUE, null, { ...alertWorkerOptions(dying, f.prefix, 1), autorun: false });
    const fireJob = await deadFire.getNextJob('dead-fire', { block: false });
    expect(fireJob?.id).toBe(fireId);
    expect(await fireJobProcessor(f.processor)(fireJob, 'dead-fire')).toBe('raised');
    const deliveryJob = await deadDelivery.getNextJob('dead-delivery', { block: false });
    expect(deliveryJob?.id).toBe(deliveryId);
    // Its last stall check marks the interval as checked, for every worker.
    for (const queue of [FIRE_QUEUE, DELIVERY_QUEUE]) await f.redis.set(`${f.prefix}:bull:${queue}:stalled-check`, Date.now(), 'PX', ALERT_STALLED_CHECK_MS);
    await Promise.all([deadFire.close(), deadDelivery.close()]);
    dying.disconnect();
    const fireLock = `${f.prefix}:bull:${FIRE_QUEUE}:${fireId}:lock`;
    const deliveryLock = `${f.prefix}:bull:${DELIVERY_QUEUE}:${deliveryId}:lock`;
    const ttls = [await f.redis.pttl(fireLock), await f.redis.pttl(deliveryLock)];
    expect(ttls.every((ttl) => ttl > ALERT_LOCK_MS / 2 && ttl <= ALERT_LOCK_MS)).toBe(true);
    expect(await f.jobs.queue.getJobCounts('active')).toEqual({ active: 1 });
    expect(await f.deliveries.queue.getJobCounts('active')).toEqual({ active: 1 });
    await f.redis.del(fireLock, deliveryLock);

    const connection = createRedis(TEST_REDIS_URL, { role: 'blocking' });
    const started = performance.now();
    const fireWorker = startFireWorker(f.processor, connection, f.prefix, 4);
    const deliveryWorker = startDeliveryWorker(f.deliveries, connection, f.prefix, 4);
    const stalled: string[] = [];
    const outcomes: unknown[] = [];
    for (const worker of [fireWorker, deliveryWorker]) worker.on('stalled', (jobId) => stalled.push(jobId));
    fireWorker.on('completed', (_job, result) => outcomes.push(result));
    try {
      const bound = 2 * ALERT_STALLED_CHECK_MS + 3000;
      await eventually(async () => {
        const [fire, delivery] = await Promise.all([f.jobs.queue.getJob(fireId), f.deliveries.queue.getJob(deliveryId)]);
        return fire === undefined && delivery === undefined && outcomes.length > 0 ? true : undefined;
      }, 'both jobs run again and completed', 40_000);
      const tookMs = performance.now() - started;
      process.stdout.write(`jobs of a vanished worker run again ${Math.round(tookMs)} ms after its locks ran out (bound ${bound} ms)\n`);
      expect(tookMs).toBeLessThan(bound);
      expect(stalled.sort()).toEqual([deliveryId, fireId].sort());
      expect(outcomes).toEqual(['already-raised']);
      expect((await alertEvents(f, caseId)).map((e) => e.alertId)).toEqual([alertId]);
      expect((await f.inbox.read({ kind: 'iro', ref: 'iro-1' })).map((n) => n.alertId)).toEqual([alertId]);
      expect((await f.deliveries.statusOf(alertEventId(alertId))).inbox?.state).toBe('sent');
    } finally {
      await Promise.all([fireWorker.close(), deliveryWorker.close()]);
      connection.disconnect();
    }
  }, 60_000);

  it('a delivery job BullMQ fails without running it (taken from killed workers too often) is recorded failed, listed, and sent by the next reconciliation round', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    f.clock.set('2026-05-26T08:00:00Z');
    const alertId = `${caseId}/cp-1/icpc/reminder-10`;
    expect(await f.processor.fire({ caseId, alertId })).toMatchObject({ outcome: 'raised' });
    const eventId = alertEventId(alertId);
    const deliveryId = `delivery/${eventId}/inbox`;
    expect(await f.deliveries.queue.getJob(deliveryId)).toBeDefined();
    expect(alertWorkerOptions(f.redis, f.prefix, 1).maxStalledCount).toBe(ALERT_MAX_STALLED);
    // What BullMQ's stall check writes on a job taken from dead workers more than maxStalledCount times: the next worker fails it unrun.
    await f.redis.hset(`${f.prefix}:bull:${DELIVERY_QUEUE}:${deliveryId}`, 'defa', 'job stalled more than allowable limit');

    const connection = createRedis(TEST_REDIS_URL, { role: 'blocking' });
    const worker = startDeliveryWorker(f.deliveries, connection, f.prefix, 1);
    const logged: string[] = [];
    try {
      await eventually(async () => ((await f.deliveries.statusOf(eventId)).inbox?.state === 'failed' ? true : undefined), 'the delivery recorded failed', 20_000);
      expect((await f.deliveries.statusOf(eventId)).inbox?.lastError).toBe('job stalled more than allowable limit');
      expect(await f.deliveries.failing()).toEqual([`${eventId}/inbox`]);
      expect(await f.inbox.read({ kind: 'iro', ref: 'iro-1' })).toEqual([]);

      await reconcileRound(f.scheduler, f.deliveries, (_level, message) => void logged.push(message));
      await eventually(async () => ((await f.deliveries.statusOf(eventId)).inbox?.state === 'sent' ? true : undefined), 'the delivery sent again', 20_000);
      expect((await f.inbox.read({ kind: 'iro', ref: 'iro-1' })).map((n) => n.alertId)).toEqual([alertId]);
      expect(await f.deliveries.failing()).toEqual([]);
      expect(logged).toEqual(['alerts: reconciled', 'alerts: failed deliveries sent again']);
    } finally {
      await worker.close();
      connection.disconnect();
    }
  }, 60_000);
});
