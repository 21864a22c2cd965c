import { randomUUID } from 'node:crypto';
import type { AllegationCommand } from '@csc/case';
import { caseStreamId } from '@csc/case';
import { QueueProjector, QueueReader, QUEUES_SUBSCRIBER, recordInboxRead, userKey, type RebuildProgress } from '@csc/projections';
import { RedisCheckpointStore } from '@csc/event-store';
import { generateCouncil, profileNamed } from '@csc/synthetic';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from '../../support/services';
import { eventually } from '../../support/wait';
import { dropSchema } from '../../support/postgres';
import { uniqueIdentifier, uniqueName } from '../../support/unique';
import { deadlineOptions, openFixture, snapshot, type Fixture } from './fixture';

jest.setTimeout(180_000);

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(async () => {
  await f.close();
});

// The first 400 commands of a small synthetic council's year (a prefix of a history is a history).
const commands = generateCouncil({ profile: profileNamed('small')!, years: 1, seed: 'projections', until: '2026-06-30T00:00:00Z' }).commands.slice(0, 400);
const caseIds = [...new Set(commands.flatMap((c) => (c.command.type === 'OpenCase' && 'caseId' in c.command ? [c.command.caseId] : [])))];
const teamOf = new Map(commands.flatMap((c) => (c.command.type === 'OpenCase' && 'teamRef' in c.command ? [[c.command.caseId, c.command.teamRef] as const] : [])));

async function caughtUp(projector: QueueProjector, prefix: string): Promise<void> {
  const all = await f.store.readAll({ maxCount: 1_000_000 });
  const last = all[all.length - 1]?.position;
  const checkpoints = new RedisCheckpointStore({ redis: f.redis, prefix });
  await eventually(async () => ((await checkpoints.load(QUEUES_SUBSCRIBER)) === last ? true : undefined), `projector ${projector.keys.namespace} at ${last}`, 90_000);
}

/** An alert event as libs/alerts appends it to a case stream (references and instants only). */
async function raiseAlert(caseId: string, kind: 'reminder' | 'breach' | 'escalation', recipient: { kind: string; ref: string }, at: string): Promise<string> {
  const id = randomUUID();
  const type = { reminder: 'TimescaleReminderSent', breach: 'TimescaleBreached', escalation: 'TimescaleEscalated' }[kind];
  const alertId = `${caseId}/cp-1/icpc/${kind}`;
  await f.store.append(caseStreamId(caseId), [{
    id, type,
    data: { alertId, deadlineId: `${caseId}/cp-1/icpc`, caseId, ruleId: 'CP-04', kind, workingDaysBefore: kind === 'reminder' ? 5 : null, scheduledFor: at, raisedAt: at, late: false, lateByMs: 0, dueInstant: at, recipient },
    metadata: { occurredAt: at, actor: { userId: 'system:alerts', role: 'system' }, correlationId: alertId, causationId: null, rulebookVersion: null },
  }], 'any');
  return id;
}

const allegation = (allegationId: string, lado: string): { command: AllegationCommand; at: string }[] => [
  { at: '2026-02-02T09:00:00Z', command: { type: 'OpenAllegation', allegationId, ladoRef: lado, rulebook: 'national', occurredAt: '2026-02-02T09:00:00Z' } },
  { at: '2026-02-02T09:10:00Z', command: { type: 'ReferToLado', allegationId, referrerType: 'police', subject: { adultRef: 'adult-1', employerRef: 'org-1', childRefs: ['c-1'], category: 'physical', setting: 'education' }, occurredAt: '2026-02-02T08:45:00Z' } },
];

async function recordAllegation(items: { command: AllegationCommand; at: string }[]): Promise<void> {
  for (const { command, at } of items) {
    await f.recordSynthetic({ stream: 'allegation', id: command.allegationId, command, recordedAt: at, actor: { userId: 'lado-1', role: 'lado' }, idempotencyKey: uniqueName('k') });
  }
}

describe('the read-model projection', () => {
  it('gives the same Redis contents projected incrementally while commands arrive as rebuilt from zero (queues, inboxes and read-marks, LADO allegations), also when a rebuild takes the lease over', async () => {
    const live = f.prefix();
    const projector = new QueueProjector({ store: f.store, redis: f.redis, prefix: live, deadlines: deadlineOptions, leaseTtlMs: 10_000 });
    const half = Math.floor(commands.length / 2);
    for (const item of commands.slice(0, half)) await f.recordSynthetic(item);
    const early = caseIds[0]!;
    const breach = await raiseAlert(early, 'breach', { kind: 'team', ref: teamOf.get(early)! }, '2026-03-02T09:00:00Z');
    await recordAllegation(allegation(uniqueName('alg'), 'lado-1'));
    const abort = new AbortController();
    const running = projector.run(abort.signal).finally(() => abort.abort());
    for (const item of commands.slice(half)) await f.recordSynthetic(item);
    const later = caseIds[1]!;
    const reminder = await raiseAlert(later, 'reminder', { kind: 'iro', ref: 'iro-x' }, '2026-03-03T09:00:00Z');
    await raiseAlert(later, 'escalation', { kind: 'team-manager', ref: teamOf.get(later)! }, '2026-03-04T09:00:00Z');
    await recordInboxRead(f.store, { userId: 'iro-x', role: 'iro' }, [reminder], new Date('2026-03-05T09:00:00Z'));
    await recordInboxRead(f.store, { userId: 'tm-1', role: 'team-manager' }, [breach], new Date('2026-03-05T09:00:00Z'));
    const second = uniqueName('alg');
    await recordAllegation(allegation(second, 'lado-2'));
    await caughtUp(projector, live);
    const incremental = await snapshot(f.redis, (await projector.currentKeys()).base);
    const names = Object.keys(incremental);
    expect(names.filter((k) => k.startsWith('<ns>:team:')).length).toBeGreaterThan(1);
    expect(names.filter((k) => k.startsWith('<ns>:iro:')).length).toBeGreaterThan(0);
    expect(names.filter((k) => k.startsWith('<ns>:inbox:')).sort()).toEqual([`<ns>:inbox:iro:iro-x`, `<ns>:inbox:team-manager:${teamOf.get(later)}`, `<ns>:inbox:team:${teamOf.get(early)}`].sort());
    expect(incremental[`<ns>:inbox-read:${userKey('iro-x')}`]).toEqual([reminder]);
    expect(Object.keys(incremental['<ns>:alert'] as object)).toHaveLength(3);
    expect((incremental['<ns>:allegations:open'] as string[]).filter((_, i) => i % 2 === 0)).toContain(second);
    expect(incremental[`<ns>:allegation:${second}`]).toContain('"ladoRef":"lado-2"');

    const fresh = f.prefix();
    const rebuilt = new QueueProjector({ store: f.store, redis: f.redis, prefix: fresh, deadlines: deadlineOptions, rebuildPageSize: 97 });
    const report = await rebuilt.rebuild();
    expect(await snapshot(f.redis, (await rebuilt.currentKeys()).base)).toEqual(incremental);
    expect(report.deadlines).toBeGreaterThan(10);
    expect(report.alerts).toBe(3);
    expect(report.allegations).toBeGreaterThanOrEqual(2);
    expect(report.threads).toBe(1);

    // In shares of the streams, each on its own store and Redis connections, up to the head the rebuild began at.
    // (Under jest the sources are TypeScript, which worker threads cannot load, so the shares run interleaved in this thread;
    // `csc rebuild` runs them in threads in the Redis-restart fault test, from dist/.)
    const shared = f.prefix();
    const threads = { count: 3, store: { eventStore: TEST_POSTGRES_URL, dataDir: '.', schema: f.schema }, redisUrl: TEST_REDIS_URL };
    const inShares = new QueueProjector({ store: f.store, redis: f.redis, prefix: shared, deadlines: deadlineOptions, rebuildPageSize: 53, rebuildThreads: threads });
    const progress: RebuildProgress[] = [];
    const sharesReport = await inShares.rebuild((p) => progress.push(p), report.events);
    expect(await snapshot(f.redis, (await inShares.currentKeys()).base)).toEqual(incremental);
    expect(sharesReport).toMatchObject({ threads: 3, events: report.events, cases: report.cases, deadlines: report.deadlines, alerts: 3, allegations: report.allegations, position: report.position });
    const reading = progress.filter((p) => p.phase === 'reading');
    expect(reading.map((p) => p.done)).toEqual([...reading.map((p) => p.done)].sort((a, b) => a - b));
    expect(reading[reading.length - 1]).toEqual({ phase: 'reading', done: report.events, total: report.events });
    const written = progress[progress.length - 1]!;
    expect(written.phase).toBe('writing');
    expect(written.done).toBe(written.total);
    expect(written.done).toBeGreaterThanOrEqual(report.cases + report.allegations);
    expect(await new RedisCheckpointStore({ redis: f.redis, prefix: shared }).load(QUEUES_SUBSCRIBER)).toBe(report.position);

    // A rebuild in the live prefix asks the running projector to hand the lease over and writes a new
    // generation; readers keep the old one until it is complete, then switch, and the old one is deleted.
    const reader = new QueueReader(f.redis, live, deadlineOptions);
    const now = new Date('2026-06-20T10:00:00Z');
    const team = teamOf.get(early)!;
    const before = await reader.overdue(team, now);
    expect(before.length).toBeGreaterThan(0);
    const old = await projector.currentKeys();
    const seen: Promise<string>[] = [];
    const rebuilder = new QueueProjector({ store: f.store, redis: f.redis, prefix: live, deadlines: deadlineOptions, leaseTtlMs: 10_000, rebuildPageSize: 50 });
    const result = await rebuilder.rebuildWithLease(new AbortController().signal, () => void seen.push(reader.current().then((k) => k.base)));
    await running;
    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(await Promise.all(seen))).toEqual(new Set([old.base]));
    const current = await projector.currentKeys();
    expect(current.generation).toBe(result.generation);
    expect(current.base).not.toBe(old.base);
    expect(await snapshot(f.redis, current.base)).toEqual(incremental);
    // Every key of the namespace is the new generation's: the old one (here the first, unnamed) is deleted.
    expect(Object.keys(await snapshot(f.redis, current.namespace)).filter((k) => !k.startsWith(`<ns>:${current.generation}:`))).toEqual([]);
    expect(await reader.overdue(team, now)).toEqual(before);

    // A projector that takes the lease afterwards follows on in the new generation.
    const again = new AbortController();
    const following = projector.run(again.signal);
    await raiseAlert(early, 'reminder', { kind: 'iro', ref: 'iro-x' }, '2026-03-06T09:00:00Z');
    await caughtUp(projector, live);
    again.abort();
    await following;
    expect(Object.keys((await snapshot(f.redis, current.base))['<ns>:alert'] as object)).toHaveLength(4);
    expect((await reader.inbox('iro-x', [{ kind: 'iro', ref: 'iro-x' }])).unread).toBe(1);
  });
  it('stops a rebuild whose share fails, naming the share, and leaves readers on the generation they had', async () => {
    const prefix = f.prefix();
    const good = new QueueProjector({ store: f.store, redis: f.redis, prefix, deadlines: deadlineOptions });
    if ((await f.store.readAll({ maxCount: 1 })).length === 0) await f.recordSynthetic(commands[0]!);
    const first = await good.rebuild();
    const elsewhere = uniqueIdentifier('proj_other'); // a store the threads would open empty
    try {
      const threads = { count: 2, store: { eventStore: TEST_POSTGRES_URL, dataDir: '.', schema: elsewhere }, redisUrl: TEST_REDIS_URL };
      const wrong = new QueueProjector({ store: f.store, redis: f.redis, prefix, deadlines: deadlineOptions, rebuildThreads: threads });
      await expect(wrong.rebuild()).rejects.toThrow(/rebuild share [12] of 2 failed: the store this thread opened ends at .*: it is not the same store/);
      expect((await good.currentKeys()).generation).toBe(first.generation);
      // Nothing of the failed generation is left: every key of the namespace is the first rebuild's.
      const namespace = Object.keys(await snapshot(f.redis, good.keys.namespace));
      expect(namespace.length).toBeGreaterThan(0);
      expect(namespace.filter((k) => !k.startsWith(`<ns>:${first.generation}:`))).toEqual([]);
    } finally {
      await dropSchema(elsewhere);
    }
  });
});
