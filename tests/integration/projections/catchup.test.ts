import { randomUUID } from 'node:crypto';
import { caseStreamId } from '@csc/case';
import { QueueProjector, QUEUES_SUBSCRIBER } from '@csc/projections';
import { RedisCheckpointStore } from '@csc/event-store';
import { eventually } from '../../support/wait';
import { uniqueName } from '../../support/unique';
import { deadlineOptions, openFixture, snapshot, type Fixture } from './fixture';

/**
 * A measurement, not a speed assertion: how fast the incremental projector catches up on a
 * backlog of case events where most are alert events (as under load, where case streams grow
 * long with reminders, breaches and escalations). It asserts only that the caught-up read model
 * equals a rebuild, and prints events/s: for a backlog (the projector starts after the events
 * are stored), then live (LIVE more alert events while it runs: how long it stays behind after
 * the last append). Size by CATCHUP_CASES, CATCHUP_EVENTS and CATCHUP_LIVE (default 100 cases,
 * 3,000 events, then 1,000).
 */
const CASES = Number(process.env.CATCHUP_CASES ?? 100);
const EVENTS = Number(process.env.CATCHUP_EVENTS ?? 3000);
const LIVE = Number(process.env.CATCHUP_LIVE ?? 1000);

jest.setTimeout(Number(process.env.CATCHUP_TIMEOUT_MS ?? 240_000));

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(async () => {
  await f.close();
});

const attendance = { police: true, health: true, education: true, others: [] };

async function cpEnquiry(caseId: string, teamRef: string, iroRef: string, on: string): Promise<void> {
  await f.record({ type: 'OpenCase', caseId, teamRef, rulebook: 'national', occurredAt: `${on}T08:00:00Z` }, `${on}T08:00:00Z`);
  await f.record({ type: 'AllocateIro', caseId, iroRef, occurredAt: `${on}T08:00:00Z` }, `${on}T08:00:00Z`);
  await f.record({ type: 'RecordStrategyDiscussion', caseId, attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true, occurredAt: `${on}T08:30:00Z` }, `${on}T09:00:00Z`);
}

/** An alert event as libs/alerts appends it (references and instants only). */
function alertEvent(caseId: string, n: number, team: string) {
  const at = new Date(Date.parse('2026-03-02T09:00:00Z') + n * 60_000).toISOString();
  const alertId = `${caseId}/cp-1/icpc/reminder-${n}`;
  return {
    id: randomUUID(), type: 'TimescaleReminderSent',
    data: { alertId, deadlineId: `${caseId}/cp-1/icpc`, caseId, ruleId: 'CP-04', kind: 'reminder', workingDaysBefore: 5, scheduledFor: at, raisedAt: at, late: false, lateByMs: 0, dueInstant: at, recipient: { kind: 'team', ref: team } },
    metadata: { occurredAt: at, actor: { userId: 'system:alerts', role: 'system' }, correlationId: alertId, causationId: null, rulebookVersion: null },
  };
}

describe('incremental catch-up (measurement)', () => {
  it(`catches up on ${EVENTS} events over ${CASES} cases, mostly alert events, to the same contents as a rebuild (prints events/s)`, async () => {
    const team = uniqueName('team');
    const cases = Array.from({ length: CASES }, () => uniqueName('c'));
    for (const [i, caseId] of cases.entries()) await cpEnquiry(caseId, team, `iro-${i % 7}`, `2026-0${1 + (i % 5)}-1${i % 10}`);
    // The rest as alert events, round-robin over the cases (each case's stream grows long).
    const alerts = EVENTS - (await f.store.readAll({ maxCount: 1_000_000 })).length;
    for (let n = 0; n * cases.length < alerts; n++) {
      const round = cases.slice(0, Math.min(cases.length, alerts - n * cases.length));
      await Promise.all(round.map((caseId) => f.store.append(caseStreamId(caseId), [alertEvent(caseId, n, team)], 'any')));
    }
    const all = await f.store.readAll({ maxCount: 1_000_000 });
    const last = all[all.length - 1]!.position;
    expect(all.length).toBe(EVENTS);

    const prefix = f.prefix();
    const projector = new QueueProjector({ store: f.store, redis: f.redis, prefix, deadlines: deadlineOptions, publish: false, leaseTtlMs: 10_000 });
    const checkpoints = new RedisCheckpointStore({ redis: f.redis, prefix });
    const abort = new AbortController();
    const started = performance.now();
    const running = projector.run(abort.signal);
    await eventually(async () => ((await checkpoints.load(QUEUES_SUBSCRIBER)) === last ? true : undefined), 'projector caught up', 600_000);
    const ms = performance.now() - started;
    process.stderr.write(`catchup: ${JSON.stringify({ events: EVENTS, cases: CASES, catchUpMs: Math.round(ms), eventsPerSec: Math.round(EVENTS / (ms / 1000)), cache: projector.cacheStats() })}\n`);

    // Live: the projector is caught up (its cases cached); LIVE more alert events arrive, a round over the cases at a time.
    const liveStarted = performance.now();
    for (let n = 0; n * cases.length < LIVE; n++) {
      await Promise.all(cases.slice(0, Math.min(cases.length, LIVE - n * cases.length)).map((caseId) => f.store.append(caseStreamId(caseId), [alertEvent(caseId, 10_000 + n, team)], 'any')));
    }
    const appended = performance.now();
    const end = (await f.store.readAll({ maxCount: 1_000_000 })).at(-1)!.position;
    await eventually(async () => ((await checkpoints.load(QUEUES_SUBSCRIBER)) === end ? true : undefined), 'projector caught up with the live events', 600_000);
    const settled = performance.now();
    process.stderr.write(`catchup: ${JSON.stringify({ live: LIVE, appendMs: Math.round(appended - liveStarted), behindAfterLastAppendMs: Math.round(settled - appended), eventsPerSec: Math.round(LIVE / ((settled - liveStarted) / 1000)), cache: projector.cacheStats() })}\n`);
    abort.abort();
    await running;

    const rebuilt = new QueueProjector({ store: f.store, redis: f.redis, prefix: f.prefix(), deadlines: deadlineOptions });
    await rebuilt.rebuild();
    const incremental = await snapshot(f.redis, (await projector.currentKeys()).base);
    expect(Object.keys(incremental['<ns>:alert'] as object)).toHaveLength(alerts + LIVE);
    expect(await snapshot(f.redis, (await rebuilt.currentKeys()).base)).toEqual(incremental);
  });
});
