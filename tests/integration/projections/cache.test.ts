import { randomUUID } from 'node:crypto';
import { caseStreamId } from '@csc/case';
import { QueueProjector, QUEUES_SUBSCRIBER } from '@csc/projections';
import { RedisCheckpointStore } from '@csc/event-store';
import { generateCouncil, profileNamed } from '@csc/synthetic';
import { eventually } from '../../support/wait';
import { uniqueName } from '../../support/unique';
import { deadlineOptions, openFixture, snapshot, type Fixture } from './fixture';

jest.setTimeout(120_000);

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(async () => {
  await f.close();
});

/** An alert event as libs/alerts appends it to a case stream (references and instants only). */
function alertEvent(caseId: string, n: number, recipient: { kind: string; ref: string }) {
  const at = new Date(Date.parse('2026-03-02T09:00:00Z') + n * 60_000).toISOString();
  const alertId = `${caseId}/cp-1/icpc/reminder-${n}`;
  return {
    id: randomUUID(), type: 'TimescaleReminderSent',
    data: { alertId, deadlineId: `${caseId}/cp-1/icpc`, caseId, ruleId: 'CP-04', kind: 'reminder', workingDaysBefore: 5, scheduledFor: at, raisedAt: at, late: false, lateByMs: 0, dueInstant: at, recipient },
    metadata: { occurredAt: at, actor: { userId: 'system:alerts', role: 'system' }, correlationId: alertId, causationId: null, rulebookVersion: null },
  };
}

async function caughtUp(prefix: string): Promise<void> {
  const all = await f.store.readAll({ maxCount: 1_000_000 });
  const last = all[all.length - 1]?.position;
  const checkpoints = new RedisCheckpointStore({ redis: f.redis, prefix });
  await eventually(async () => ((await checkpoints.load(QUEUES_SUBSCRIBER)) === last ? true : undefined), `projector at ${last}`, 90_000);
}

const rebuiltSnapshot = async (): Promise<Record<string, unknown>> => {
  const rebuilt = new QueueProjector({ store: f.store, redis: f.redis, prefix: f.prefix(), deadlines: deadlineOptions });
  await rebuilt.rebuild();
  return snapshot(f.redis, (await rebuilt.currentKeys()).base);
};

describe('the incremental projector\'s case cache', () => {
  it('folds events onto cached cases (alert events rewrite only the summary) and gives the same contents as a rebuild, which reads every stream cold', async () => {
    const commands = generateCouncil({ profile: profileNamed('small')!, years: 1, seed: 'projection-cache', until: '2026-06-30T00:00:00Z' }).commands.slice(0, 240);
    const prefix = f.prefix();
    const projector = new QueueProjector({ store: f.store, redis: f.redis, prefix, deadlines: deadlineOptions, publish: false, leaseTtlMs: 10_000 });
    const abort = new AbortController();
    const running = projector.run(abort.signal);
    const opened: string[] = [];
    let n = 0;
    for (const [i, item] of commands.entries()) {
      await f.recordSynthetic(item);
      if (item.command.type === 'OpenCase' && 'caseId' in item.command) opened.push(item.command.caseId);
      // Alert events between the commands, on cases the projector has already seen.
      if (i % 4 === 3 && opened.length > 0) {
        const caseId = opened[i % opened.length]!;
        await f.store.append(caseStreamId(caseId), [alertEvent(caseId, n++, { kind: 'iro', ref: 'iro-cache' })], 'any');
      }
      if (i % 40 === 39) await caughtUp(prefix); // let it fold onto warm states, not one cold read of a finished stream
    }
    await caughtUp(prefix);
    abort.abort();
    await running;
    const stats = projector.cacheStats();
    expect(stats.evolved).toBeGreaterThan(100);
    expect(stats.summaryOnly).toBeGreaterThan(0);
    expect(stats.reads).toBeLessThan(stats.evolved);
    const incremental = await snapshot(f.redis, (await projector.currentKeys()).base);
    expect(Object.keys(incremental['<ns>:alert'] as object)).toHaveLength(n);
    expect(await rebuiltSnapshot()).toEqual(incremental);
  });

  it('reads the stream afresh when an event arrives out of step with the cached state, and never folds an event twice', async () => {
    const prefix = f.prefix();
    const projector = new QueueProjector({ store: f.store, redis: f.redis, prefix, deadlines: deadlineOptions, publish: false });
    const keys = await projector.currentKeys();
    const caseId = uniqueName('c');
    const on = '2026-05-18';
    await f.record({ type: 'OpenCase', caseId, teamRef: 'team-cache', rulebook: 'national', occurredAt: `${on}T08:00:00Z` }, `${on}T08:00:00Z`);
    await projector.apply((await f.store.readStream(caseStreamId(caseId)))[0]!, keys);
    await f.record({ type: 'AllocateIro', caseId, iroRef: 'iro-cache', occurredAt: `${on}T08:00:00Z` }, `${on}T08:00:00Z`);
    await projector.apply((await f.store.readStream(caseStreamId(caseId)))[1]!, keys);
    // The stream's first event starts the fold without a read; the second folds onto it.
    expect(projector.cacheStats()).toMatchObject({ reads: 0, evolved: 2, skipped: 0 });

    // Two more events; the projector is handed the second first (the first one missing): it cannot fold it onto revision 1.
    await f.record({ type: 'RecordStrategyDiscussion', caseId, attendance: { police: true, health: true, education: true, others: [] }, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true, occurredAt: `${on}T08:30:00Z` }, `${on}T09:00:00Z`);
    await f.store.append(caseStreamId(caseId), [alertEvent(caseId, 0, { kind: 'team', ref: 'team-cache' })], 'any');
    const stream = await f.store.readStream(caseStreamId(caseId));
    expect(stream.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    await projector.apply(stream[3]!, keys);
    expect(projector.cacheStats()).toMatchObject({ reads: 1, evolved: 2 });
    const summary = async (): Promise<{ version: number; openDeadlines: number }> => JSON.parse((await f.redis.get(keys.summary(caseId)))!) as { version: number; openDeadlines: number };
    expect(await summary()).toMatchObject({ version: 4 });
    expect((await summary()).openDeadlines).toBeGreaterThan(0);

    // The missing one, then every event again (a re-delivery): already folded, so skipped; the version stays the stream's length.
    await projector.apply(stream[2]!, keys);
    for (const event of stream) await projector.apply(event, keys);
    expect(projector.cacheStats()).toMatchObject({ reads: 1, evolved: 2, skipped: 5 });
    expect(await summary()).toMatchObject({ version: 4 });

    // The next alert folds onto the cached state and rewrites the summary alone; the result is what a fresh projection gives.
    await f.store.append(caseStreamId(caseId), [alertEvent(caseId, 1, { kind: 'team', ref: 'team-cache' })], 'any');
    const next = (await f.store.readStream(caseStreamId(caseId), { fromRevision: 4 }))[0]!;
    await projector.apply(next, keys);
    expect(projector.cacheStats()).toMatchObject({ reads: 1, evolved: 3, summaryOnly: 1 });
    const cached = await snapshot(f.redis, keys.base);
    const cold = new QueueProjector({ store: f.store, redis: f.redis, prefix: f.prefix(), deadlines: deadlineOptions, publish: false });
    const coldKeys = await cold.currentKeys();
    await cold.projectCase(caseId, coldKeys);
    const fresh = await snapshot(f.redis, coldKeys.base);
    const caseKeys = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('<ns>:inbox') && k !== '<ns>:alert'));
    expect(caseKeys(cached)).toEqual(caseKeys(fresh));
    expect(await summary()).toMatchObject({ version: 5 });
  });
});
