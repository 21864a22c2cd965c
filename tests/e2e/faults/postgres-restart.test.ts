import { eventually } from '../../support/wait';
import { checkUnacknowledged, LoadClients } from './clients';
import { Deployment, SIZE, TEST_TIMEOUT_MS } from './deployment';

jest.setTimeout(TEST_TIMEOUT_MS);

let d: Deployment | undefined;
afterAll(async () => d?.close());

describe(`PostgreSQL (the event store) crashed and restarted while clients are recording (${SIZE.name} size)`, () => {
  it('answers 503 problem details meanwhile, loses no acknowledged write, and recovers without restarting the api or the worker', async () => {
    const t0 = performance.now();
    const mark = (what: string) => process.stdout.write(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${what}\n`);
    d = await Deployment.start();
    const deployment = d;
    const pids = [deployment.api.pid, deployment.worker.pid];
    mark('deployed');
    const clients = new LoadClients({ url: () => deployment.api.url, token: deployment.token, clients: SIZE.clients, casePrefix: 'pg-restart', giveUpAfterMs: 60_000 }).start();
    // Load for SIZE.loadMs (and at least five commands a client) before the fault, and as long again after it.
    await clients.loadFor(SIZE.loadMs, 'the clients to be under way');
    const beforeCrash = clients.snapshotAnswers();
    // A crash (immediate shutdown: no checkpoint, transactions in flight cut off), held until the clients have felt it.
    await deployment.pg.down('immediate');
    mark(`postgres down after ${clients.acknowledgedCount} acknowledged commands`);
    await eventually(() => Promise.resolve((clients.answersSince(beforeCrash)['503 EVENT_STORE_UNAVAILABLE'] ?? 0) >= SIZE.clients ? true : undefined), 'clients to be answered 503', 30_000);
    const readiness = await deployment.api.readiness();
    await deployment.pg.up();
    mark('postgres up again (recovered from its WAL)');
    await clients.loadFor(SIZE.loadMs, 'the clients to go on after the restart');
    const report = await clients.stop();
    const during = clients.answersSince(beforeCrash);
    mark(`load stopped: ${report.acknowledged.length} acknowledged, ${report.unacknowledged.length} given up; answers since the crash ${JSON.stringify(during)}`);

    // While it was down: readiness named the event store, and every server error was a 503 problem document.
    expect(readiness.status).toBe(503);
    expect(readiness.body).toContain('eventStore');
    expect(report.serverErrors.length).toBeGreaterThan(0);
    for (const error of report.serverErrors) {
      expect(error).toMatchObject({ status: 503, contentType: expect.stringContaining('application/problem+json'), body: { status: 503, code: 'EVENT_STORE_UNAVAILABLE' } });
    }
    expect(Object.keys(during).filter((kind) => /^5\d\d/.test(kind) && kind !== '503 EVENT_STORE_UNAVAILABLE')).toEqual([]);

    // It recovered by itself: the same processes, ready again.
    expect([deployment.api.pid, deployment.worker.pid]).toEqual(pids);
    expect(deployment.api.running && deployment.worker.running).toBe(true);
    await Promise.all([deployment.api.ready(10_000), deployment.worker.ready(10_000)]);

    const result = await deployment.check(report.acknowledged);
    mark('checked');
    expect(result.problems).toEqual([]);
    const unacked = await checkUnacknowledged(await deployment.store(), report.unacknowledged, report.eventsPerPath);
    expect(unacked.problems).toEqual([]);
    process.stdout.write(`postgres restart: ${report.acknowledged.length} acknowledged, ${report.unacknowledged.length} unacknowledged; figures ${JSON.stringify(result.figures)}\n`);
  });
});
