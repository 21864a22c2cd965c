import { Queue } from 'bullmq';
import { FIRE_QUEUE, bullPrefix, isAlertEventType } from '@csc/alerts';
import { readEverything } from '../../support/invariants';
import { eventually } from '../../support/wait';
import { LoadClients } from './clients';
import { Deployment, SIZE, TEST_TIMEOUT_MS } from './deployment';

jest.setTimeout(TEST_TIMEOUT_MS);

let d: Deployment | undefined;
afterAll(async () => d?.close());

const outageSeconds = SIZE.outageMs / 1000;

describe(`the event store (PostgreSQL) unreachable for ${outageSeconds} s (${SIZE.name} size; FAULTS_OUTAGE_SECONDS sets it)`, () => {
  it('readiness names it, commands get 503, alerts due meanwhile are retried and raised once it is back, and every invariant holds', async () => {
    const t0 = performance.now();
    const mark = (what: string) => process.stdout.write(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${what}\n`);
    d = await Deployment.start();
    const deployment = d;
    const pids = [deployment.api.pid, deployment.worker.pid];
    const record = async (casePrefix: string, cases: number) => {
      const report = await new LoadClients({ url: () => deployment.api.url, token: deployment.token, clients: SIZE.clients, casePrefix, cases }).start().finished();
      expect(report.unacknowledged).toEqual([]);
      return report.acknowledged;
    };
    const acknowledged = await record('before', Math.ceil(SIZE.cases / 2));
    mark('deployed and loaded');

    // Alerts that fall due during the outage: the firing queue is held (BullMQ pause) while cases whose
    // breach is already past are recorded, so their jobs are due and waiting when the store goes away;
    // it is released once the store is down, and the worker tries to fire them then.
    const redis = deployment.redisConnection();
    const fireQueue = new Queue(FIRE_QUEUE, { connection: redis, prefix: bullPrefix(deployment.prefix) });
    const dueDuringOutage = Math.max(5, Math.ceil(SIZE.cases / 6));
    try {
      await fireQueue.pause();
      acknowledged.push(...(await record('during', dueDuringOutage)));
      await eventually(async () => {
        const counts = await fireQueue.getJobCounts('waiting');
        return (counts.waiting ?? 0) >= dueDuringOutage ? true : undefined;
      }, 'the breach jobs of the new cases to be waiting', 30_000);

      await deployment.pg.down('fast');
      const stoppedAt = performance.now();
      mark('event store stopped');
      await fireQueue.resume();

      // Readiness of both processes names the event store; a command is refused with a 503 problem document.
      const [api, worker] = await Promise.all([deployment.api.readiness(), deployment.worker.readiness()]);
      expect(api).toMatchObject({ status: 503, body: expect.stringContaining('eventStore') });
      expect(worker).toMatchObject({ status: 503, body: expect.stringContaining('eventStore') });
      const refused = await fetch(`${deployment.api.url}/cases/outage-1/commands/open-case`, {
        method: 'POST',
        headers: { authorization: `Bearer ${deployment.token}`, 'content-type': 'application/json', 'idempotency-key': 'outage-1' },
        body: JSON.stringify({ teamRef: 'team-1', occurredAt: '2025-01-06T09:00:00+00:00' }),
      });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(await refused.json()).toMatchObject({ status: 503, code: 'EVENT_STORE_UNAVAILABLE' });

      // The worker tried to fire them, failed, and BullMQ holds them for a retry (nothing lost, nothing failed for good).
      const retrying = await eventually(async () => {
        const delayed = await fireQueue.getDelayed();
        const tried = delayed.filter((job) => job.attemptsMade >= 1 && /unavailable/i.test(job.failedReason ?? ''));
        return tried.length >= dueDuringOutage ? tried : undefined;
      }, 'the due alerts to be waiting for a retry', 30_000);
      expect(retrying[0]?.failedReason).toMatch(/event store is unavailable/i);
      expect(await fireQueue.getFailedCount()).toBe(0);
      mark(`${retrying.length} alerts waiting for a retry`);

      // The rest of the outage (a scripted, bounded outage: not a timer of the engine).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, SIZE.outageMs - (performance.now() - stoppedAt))));
      await deployment.pg.up();
      mark(`event store back after ${((performance.now() - stoppedAt) / 1000).toFixed(1)} s`);
    } finally {
      await fireQueue.close();
    }

    // The same processes recover by themselves; the subscription goes on (new cases get their alerts too).
    await Promise.all([deployment.api.ready(30_000), deployment.worker.ready(30_000)]);
    expect([deployment.api.pid, deployment.worker.pid]).toEqual(pids);
    acknowledged.push(...(await record('after', 5)));
    const total = Math.ceil(SIZE.cases / 2) + dueDuringOutage + 5;
    // Retries back off exponentially from 1 s (attempt n waits 2^(n-1) s): allow about one outage more.
    await eventually(async () => ((await deployment.alertEventCount()) >= 2 * total ? true : undefined), 'every breach and escalation to be raised', SIZE.outageMs + 60_000);
    mark('every alert raised');
    const result = await deployment.check(acknowledged);
    mark('checked');
    expect(result.problems).toEqual([]);
    expect(result.figures.alertEvents).toBe(2 * total);

    const raisedLate = (await readEverything(await deployment.store())).filter((e) => e.streamId.startsWith('case-during-') && isAlertEventType(e.type) && e.type === 'TimescaleBreached');
    expect(raisedLate).toHaveLength(dueDuringOutage);
    expect(raisedLate.every((e) => e.data.late === true)).toBe(true);
    process.stdout.write(`store outage ${outageSeconds} s: ${dueDuringOutage} breaches due during it raised after it; figures ${JSON.stringify(result.figures)}\n`);
  });
});
