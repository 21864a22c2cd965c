import { checkUnacknowledged, LoadClients } from './clients';
import { Deployment, SIZE, TEST_TIMEOUT_MS } from './deployment';

jest.setTimeout(TEST_TIMEOUT_MS);

let d: Deployment | undefined;
afterAll(async () => d?.close());

describe(`the api killed with SIGKILL while clients are recording (${SIZE.name} size)`, () => {
  it('keeps every acknowledged command exactly once, and any unacknowledged one wholly or not at all, after a restart', async () => {
    const t0 = performance.now();
    const mark = (what: string) => process.stdout.write(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${what}\n`);
    d = await Deployment.start();
    const deployment = d;
    mark('deployed');
    // Clients retry through the restart with the same Idempotency-Key; a command in flight at the kill keeps its
    // key claimed for up to 10 s (409 in progress), and its client gives up on it after 3 s.
    const clients = new LoadClients({ url: () => deployment.api.url, token: deployment.token, clients: SIZE.clients, casePrefix: 'api-kill' }).start();
    // Load for SIZE.loadMs (and at least five commands a client) before the fault, and as long again after it.
    await clients.loadFor(SIZE.loadMs, 'the clients to be under way');
    const beforeKill = clients.snapshotAnswers();
    const pid = deployment.api.pid;
    await deployment.api.kill('SIGKILL');
    mark(`api killed after ${clients.acknowledgedCount} acknowledged commands`);
    await deployment.api.up();
    expect(deployment.api.pid).not.toBe(pid);
    mark('api restarted');
    await clients.loadFor(SIZE.loadMs, 'the clients to go on after the restart');
    const report = await clients.stop();
    const during = clients.answersSince(beforeKill);
    mark(`load stopped: ${report.acknowledged.length} acknowledged, ${report.unacknowledged.length} given up; answers since the kill ${JSON.stringify(during)}`);

    // The kill was felt: requests failed for want of an api (refused or reset connections).
    expect(Object.keys(during).some((kind) => kind.startsWith('network'))).toBe(true);

    const result = await deployment.check(report.acknowledged);
    mark('checked');
    expect(result.problems).toEqual([]);
    const unacked = await checkUnacknowledged(await deployment.store(), report.unacknowledged, report.eventsPerPath);
    expect(unacked.problems).toEqual([]);
    expect(result.figures.acknowledgedCommands).toBe(report.acknowledged.length);
    process.stdout.write(`api SIGKILL: ${report.acknowledged.length} acknowledged, ${report.unacknowledged.length} unacknowledged (${unacked.present} in the store whole, ${unacked.absent} absent); figures ${JSON.stringify(result.figures)}\n`);
  });
});
