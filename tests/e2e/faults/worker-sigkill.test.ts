import { Client } from 'pg';
import { DEFAULT_ALERT_POLICY, isAlertEventType, planCase } from '@csc/alerts';
import { shippedCalendar } from '@csc/calendar';
import { readEverything } from '../../support/invariants';
import { eventually } from '../../support/wait';
import { LoadClients } from './clients';
import { Deployment, SIZE, TEST_TIMEOUT_MS } from './deployment';

/**
 * Issue 8's fault test. Time is not faked here: the worker runs on the real clock, and the
 * cases are recorded with facts that happened in January 2025, so every breach and escalation
 * is already due when the worker starts: its start-up reconciliation adds them all with no
 * delay, and they fire at once as one burst (the "many deadlines due at once").
 */
jest.setTimeout(TEST_TIMEOUT_MS);

let d: Deployment | undefined;
afterAll(async () => d?.close());

describe(`the worker killed with SIGKILL in the middle of a burst of due alerts (${SIZE.name} size)`, () => {
  it('loses no alert and raises none twice after it is restarted', async () => {
    const t0 = performance.now();
    const mark = (what: string) => process.stdout.write(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${what}\n`);
    d = await Deployment.start({ worker: false });
    const deployment = d;
    mark('deployed');
    const recorded = await new LoadClients({ url: () => deployment.api.url, token: deployment.token, clients: 8, casePrefix: 'burst', cases: SIZE.cases }).start().finished();
    expect(recorded.unacknowledged).toEqual([]);
    mark('recorded');

    const counter = new Client({ connectionString: deployment.databaseUrl });
    await counter.connect();
    const alertCount = async () => Number((await counter.query<{ n: string }>(`SELECT count(*) AS n FROM event_store.events WHERE type LIKE 'Timescale%'`)).rows[0]?.n);
    let atKill = 0;
    try {
      await deployment.worker.up();
      mark('worker up');
      // Kill as soon as the burst is under way (a tenth of the breaches raised), not before or after it.
      atKill = await eventually(async () => {
        const n = await alertCount();
        return n >= Math.max(3, SIZE.cases / 10) ? n : undefined;
      }, 'the burst of alerts to start', 60_000);
      await deployment.worker.kill('SIGKILL');
      atKill = await alertCount();
      mark('worker killed');
    } finally {
      await counter.end();
    }
    expect(atKill).toBeLessThan(SIZE.cases); // the kill came before even the breaches were all raised

    await deployment.worker.up();
    mark('worker restarted');
    const result = await deployment.check(recorded.acknowledged);
    mark('checked');
    expect(result.problems).toEqual([]);

    // Every alert due by now, per case, is in the store exactly once.
    const context = { calendar: shippedCalendar(), policy: DEFAULT_ALERT_POLICY };
    const events = await readEverything(await deployment.store());
    const now = Date.now();
    const byCase = new Map<string, typeof events>();
    for (const event of events) if (event.streamId.startsWith('case-')) byCase.set(event.streamId, [...(byCase.get(event.streamId) ?? []), event]);
    let due = 0;
    let raised = 0;
    const wrong: string[] = [];
    for (const [streamId, stream] of byCase) {
      const expected = planCase(stream, context).alerts.filter((a) => a.at <= now).map((a) => a.alertId).sort();
      const got = stream.filter((e) => isAlertEventType(e.type)).map((e) => (e.data as { alertId?: string }).alertId ?? '(none)').sort();
      due += expected.length;
      raised += got.length;
      if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${streamId}: raised ${got.join(', ')}; due ${expected.join(', ')}`);
    }
    expect(wrong).toEqual([]);
    expect(byCase.size).toBe(SIZE.cases);
    expect(due).toBe(2 * SIZE.cases); // the ICPC's breach and its escalation (no reminder: recorded after their time)
    expect(raised).toBe(due);
    expect(atKill).toBeLessThan(raised);
    process.stdout.write(`worker SIGKILL: ${atKill} of ${raised} alerts raised when the worker was killed; figures ${JSON.stringify(result.figures)}\n`);
  });
});
