import { AlertScheduler, FireQueue, SCHEDULER_SUBSCRIBER, deleteKeysUnder, fireJobId, foldCaseWithAlerts } from '@csc/alerts';
import { caseStreamId, decide, encodeCaseEvent, type CaseCommand } from '@csc/case';
import { CheckpointLostError, RedisCheckpointStore, START, deterministicEventId, type EventStore, type JsonObject, type RecordedEvent } from '@csc/event-store';
import { holdIcpc, openCpCase, openFixture, type Fixture } from './fixture';
import { uniqueIdentifier, uniqueName } from '../../support/unique';
import { eventually } from '../../support/wait';

let f: Fixture;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await f.close();
});

/** The fixture's store, counting `readStream` calls per stream (whole reads and reads from a revision apart). */
function counted(store: EventStore): { store: EventStore; reads: Map<string, number>; partialReads: Map<string, number> } {
  const reads = new Map<string, number>();
  const partialReads = new Map<string, number>();
  const wrapped = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property !== 'readStream') return (value as (...a: unknown[]) => unknown).bind(target);
      return (streamId: string, options?: { fromRevision?: number }) => {
        const counts = options?.fromRevision === undefined ? reads : partialReads;
        counts.set(streamId, (counts.get(streamId) ?? 0) + 1);
        return target.readStream(streamId, options);
      };
    },
  });
  return { store: wrapped, reads, partialReads };
}

/** A second scheduler on the fixture's store, with its own Redis prefix (its own jobs and checkpoint). */
function secondScheduler(store: EventStore, options: { caseCacheSize?: number; maxBatch?: number; checkpointWatchMs?: number } = {}): { scheduler: AlertScheduler; jobs: FireQueue; prefix: string } {
  const prefix = uniqueIdentifier('alerts_b');
  const jobs = new FireQueue(f.redis, prefix, 3);
  cleanups.push(async () => {
    await deleteKeysUnder(f.redis, prefix);
    await jobs.close();
  });
  return { scheduler: new AlertScheduler({ store, jobs, context: f.context, clock: f.clock.now, redis: f.redis, prefix, ...options }), jobs, prefix };
}

/** The firing jobs of a queue: `alert/<alertId>` -> planned time (ISO). */
async function jobSetOf(jobs: FireQueue): Promise<Record<string, string>> {
  const data = await jobs.existing(await jobs.allIds());
  for (const [id, job] of data) if (id !== fireJobId(job.alertId)) throw new Error(`job ${id} holds alert ${job.alertId}`);
  return Object.fromEntries([...data.values()].map((job): [string, string] => [`alert/${job.alertId}`, new Date(job.at).toISOString()]).sort(([a], [b]) => a.localeCompare(b)));
}

/** Records a command as the case handler does, without syncing any scheduler. */
async function appendOnly(command: CaseCommand): Promise<void> {
  const stream = caseStreamId(command.caseId);
  const events = await f.store.readStream(stream);
  const decision = decide(command, foldCaseWithAlerts(events).state, f.clock.now().toISOString(), {});
  if (!decision.ok) throw decision.error;
  const key = uniqueName('cmd');
  await f.store.append(stream, decision.events.map((event, i) => ({
    id: deterministicEventId(`test:${key}:${i}`), type: encodeCaseEvent(event).type, data: encodeCaseEvent(event).data as JsonObject,
    metadata: { occurredAt: event.occurredAt, actor: { userId: 'u-1', role: 'recorder' }, correlationId: key, rulebookVersion: event.type === 'PathwayEventRecorded' ? event.rulebookVersion : null },
  })), events.length === 0 ? 'no_stream' : events.length - 1);
}

async function wholeLog(): Promise<RecordedEvent[]> {
  return f.store.readAll({ after: START, maxCount: 100_000 });
}

const placement = { placementRef: 'pl-1', placementType: 'U4', visitRegime: 'standard' } as const;

/** A looked-after child whose review is rescheduled back and forth `times` times (each moves the report deadlines' jobs), IRO changing too. */
async function busyLacCase(record: (command: CaseCommand) => Promise<void>, times: number): Promise<string> {
  const caseId = uniqueName('lac');
  await record({ type: 'OpenCase', caseId, teamRef: 'team-lac', rulebook: 'enfield', occurredAt: '2026-03-30T08:00:00Z' });
  await record({ type: 'AllocateIro', caseId, iroRef: 'iro-3', occurredAt: '2026-03-30T08:00:00Z' });
  await record({ type: 'RecordBecameLookedAfter', caseId, occurredAt: '2026-03-30T08:30:00Z', legalStatus: 'V2', placement });
  for (let i = 0; i < times; i++) {
    await record({ type: 'ScheduleLacReview', caseId, instanceId: 'lac-1', occurredAt: '2026-04-01T09:00:00Z', scheduledFor: i % 2 === 0 ? '2026-04-24' : '2026-04-17' });
    await record({ type: 'AllocateIro', caseId, iroRef: i % 2 === 0 ? 'iro-4' : 'iro-3', occurredAt: '2026-04-01T09:00:00Z' });
  }
  return caseId;
}

/**
 * Several cases, each event synced as it is recorded and each alert's case synced after it is
 * fired (the fixture's scheduler, syncing a case from a fresh read: the per-event scheduler):
 * CP enquiries (one met, two with reminders raised), a busy looked-after child, then changes
 * after the alerts.
 */
async function severalCases(): Promise<string[]> {
  const record = (command: CaseCommand): Promise<void> => f.record(command);
  const cpA = await openCpCase(f);
  const cpB = await openCpCase(f);
  const cpMet = await openCpCase(f);
  f.clock.set('2026-05-22T16:00:00Z');
  await f.record(holdIcpc(cpMet, '2026-05-22T10:00:00Z'));
  const lac = await busyLacCase(record, 4);
  f.clock.set('2026-05-26T08:00:00Z');
  expect((await f.fireDue()).length).toBeGreaterThan(3);
  f.clock.set('2026-05-26T12:00:00Z');
  await f.record({ type: 'ChangeTeam', caseId: cpB, teamRef: 'team-2', occurredAt: '2026-05-26T09:00:00Z' });
  await f.record(holdIcpc(cpA, '2026-05-26T10:00:00Z'));
  await f.record({ type: 'ScheduleLacReview', caseId: lac, instanceId: 'lac-1', occurredAt: '2026-05-26T09:00:00Z', scheduledFor: '2026-06-24' });
  return [cpA, cpB, cpMet, lac];
}

describe('the alert scheduler follows the log in batches, folding each case once per event', () => {
  it('a batch of many events on one case reads its stream once, looks its jobs up once, and gives the jobs a fresh sync gives; applied again, it reads nothing and changes nothing', async () => {
    f = await openFixture('2026-04-01T10:00:00Z');
    const caseId = await busyLacCase(appendOnly, 20);
    // From the stream's second event: a fold that starts at the first needs no read at all (see below).
    const events = (await wholeLog()).slice(1);
    expect(events.length).toBeGreaterThan(60);
    const { store, reads } = counted(f.store);
    const b = secondScheduler(store);
    const lookups = jest.spyOn(b.jobs, 'existing');
    const results = await b.scheduler.syncEvents(events);
    expect(results.map((r) => r.caseId)).toEqual([caseId]);
    expect(reads.get(caseStreamId(caseId))).toBe(1);
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(b.scheduler.foldStats()).toMatchObject({ reads: 1, skipped: events.length - 1, evolved: 0 });
    // The whole stream, from its first event, is folded event by event without reading it.
    const c = secondScheduler(counted(f.store).store);
    expect(await c.scheduler.syncEvents(await wholeLog())).toEqual(results);
    expect(c.scheduler.foldStats()).toMatchObject({ reads: 0, skipped: 0, evolved: events.length + 1 });
    expect(await jobSetOf(c.jobs)).toEqual(await jobSetOf(b.jobs));
    await f.scheduler.syncCase(caseId);
    const fresh = await f.jobSet();
    expect(Object.keys(fresh).length).toBeGreaterThan(3);
    expect(await jobSetOf(b.jobs)).toEqual(fresh);
    expect(await b.scheduler.syncEvents(events)).toEqual([{ caseId, added: 0, moved: 0, removed: 0, jobs: results[0]?.jobs }]);
    expect(reads.get(caseStreamId(caseId))).toBe(1);
    expect(await jobSetOf(b.jobs)).toEqual(fresh);
  });

  it('a stream followed from its first event is never read: each event, and those appended later, is evolved onto the held fold, and the jobs follow them (a review moved twice)', async () => {
    f = await openFixture('2026-04-01T10:00:00Z');
    const caseId = await busyLacCase(appendOnly, 1);
    const { store, reads } = counted(f.store);
    const b = secondScheduler(store);
    await b.scheduler.syncEvents(await wholeLog());
    const first = await jobSetOf(b.jobs);
    const seen = (await wholeLog()).length;
    await appendOnly({ type: 'ScheduleLacReview', caseId, instanceId: 'lac-1', occurredAt: '2026-04-01T09:30:00Z', scheduledFor: '2026-04-17' });
    await b.scheduler.syncEvents((await wholeLog()).slice(seen));
    const moved = await jobSetOf(b.jobs);
    expect(moved).not.toEqual(first);
    await f.scheduler.syncCase(caseId);
    expect(moved).toEqual(await f.jobSet());
    await appendOnly({ type: 'ScheduleLacReview', caseId, instanceId: 'lac-1', occurredAt: '2026-04-01T09:45:00Z', scheduledFor: '2026-04-24' });
    await b.scheduler.syncEvents((await wholeLog()).slice(seen + 1));
    const movedAgain = await jobSetOf(b.jobs);
    expect(movedAgain).not.toEqual(moved);
    await f.scheduler.syncCase(caseId);
    expect(movedAgain).toEqual(await f.jobSet());
    expect(reads.get(caseStreamId(caseId))).toBeUndefined();
    expect(b.scheduler.foldStats()).toMatchObject({ reads: 0, evolved: seen + 2 });
  });

  it('following the whole log through the subscription gives the jobs that syncing each case at each event gave, reading each case at most once', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const cases = await severalCases();
    const expected = await f.jobSet();
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    const { store, reads } = counted(f.store);
    const b = secondScheduler(store);
    await new RedisCheckpointStore({ redis: f.redis, prefix: b.prefix }).save(SCHEDULER_SUBSCRIBER, START);
    await follow(b.prefix, b.scheduler);
    expect(await jobSetOf(b.jobs)).toEqual(expected);
    expect(cases.length).toBe(4);
    expect(Math.max(0, ...reads.values())).toBeLessThanOrEqual(1);
  });

  it('with a cache of one case and batches of three events, evicted cases are read again and the jobs are still the same', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const cases = await severalCases();
    const expected = await f.jobSet();
    const { store, reads } = counted(f.store);
    const b = secondScheduler(store, { caseCacheSize: 1, maxBatch: 3 });
    await new RedisCheckpointStore({ redis: f.redis, prefix: b.prefix }).save(SCHEDULER_SUBSCRIBER, START);
    await follow(b.prefix, b.scheduler);
    expect(await jobSetOf(b.jobs)).toEqual(expected);
    const stats = b.scheduler.foldStats();
    expect(stats.size).toBe(1);
    expect(stats.reads).toBeGreaterThan(cases.length);
    expect([...reads.values()].reduce((sum, n) => sum + n, 0)).toBe(stats.reads);
  });

  it('an alert event removes the raised alert\'s job (here still in the queue) and adds the deadline\'s next', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = await openCpCase(f);
    expect(await f.jobSet()).toEqual({ [`alert/${caseId}/cp-1/icpc/reminder-10`]: '2026-05-26T08:00:00.000Z' });
    f.clock.set('2026-05-26T08:00:00Z');
    expect(await f.processor.fire({ caseId, alertId: `${caseId}/cp-1/icpc/reminder-10` })).toMatchObject({ outcome: 'raised' });
    const alert = (await wholeLog()).filter((e) => e.type === 'TimescaleReminderSent');
    expect(alert).toHaveLength(1);
    expect(await f.scheduler.syncEvents(alert)).toEqual([{ caseId, added: 1, moved: 0, removed: 1, jobs: [fireJobId(`${caseId}/cp-1/icpc/reminder-5`)] }]);
    expect(await f.jobSet()).toEqual({ [`alert/${caseId}/cp-1/icpc/reminder-5`]: '2026-06-02T08:00:00.000Z' });
  });

  it('a fold behind its stream does not add again the job of an alert raised since (its job fired and went): the case is read on from its fold first', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = uniqueName('c');
    await openCpCase({ ...f, record: (command) => appendOnly(command) }, caseId);
    const { store, reads, partialReads } = counted(f.store);
    const b = secondScheduler(store);
    await b.scheduler.syncEvents(await wholeLog());
    expect(await jobSetOf(b.jobs)).toEqual({ [`alert/${caseId}/cp-1/icpc/reminder-10`]: '2026-05-26T08:00:00.000Z' });
    await appendOnly({ type: 'ChangeTeam', caseId, teamRef: 'team-2', occurredAt: '2026-05-18T08:30:00Z' });
    const [teamChanged] = (await wholeLog()).slice(-1);
    f.clock.set('2026-05-26T08:00:00Z');
    expect(await f.processor.fire({ caseId, alertId: `${caseId}/cp-1/icpc/reminder-10` })).toMatchObject({ outcome: 'raised' });
    await b.jobs.remove([fireJobId(`${caseId}/cp-1/icpc/reminder-10`)]);
    // The scheduler has reached the change of team, not the alert event after it.
    await b.scheduler.syncEvents([teamChanged!]);
    expect(await jobSetOf(b.jobs)).toEqual({ [`alert/${caseId}/cp-1/icpc/reminder-5`]: '2026-06-02T08:00:00.000Z' });
    expect(reads.get(caseStreamId(caseId))).toBeUndefined();
    expect(partialReads.get(caseStreamId(caseId))).toBe(1);
    expect(b.scheduler.foldStats()).toMatchObject({ reads: 0, caughtUp: 1 });
  });

  it('a failed batch drops the held folds: the next batch reads its cases afresh', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    const caseId = uniqueName('c');
    await openCpCase({ ...f, record: (command) => appendOnly(command) }, caseId);
    const { store, reads } = counted(f.store);
    const b = secondScheduler(store);
    const events = (await wholeLog()).slice(1); // from the second event: its fold needs a read
    await b.scheduler.syncEvents(events);
    jest.spyOn(b.jobs, 'existing').mockRejectedValueOnce(new Error('Redis went away'));
    await expect(b.scheduler.syncEvents(events)).rejects.toThrow('Redis went away');
    expect(b.scheduler.foldStats().size).toBe(0);
    await b.scheduler.syncEvents(events);
    expect(reads.get(caseStreamId(caseId))).toBe(2);
    expect(await jobSetOf(b.jobs)).toEqual({ [`alert/${caseId}/cp-1/icpc/reminder-10`]: '2026-05-26T08:00:00.000Z' });
  });

  it('a checkpoint that vanishes while the subscription runs stops it with CheckpointLostError', async () => {
    f = await openFixture('2026-05-18T09:00:00Z');
    await openCpCase(f);
    const b = secondScheduler(f.store, { checkpointWatchMs: 3_600_000 });
    const checkpoints = new RedisCheckpointStore({ redis: f.redis, prefix: b.prefix });
    await checkpoints.save(SCHEDULER_SUBSCRIBER, START);
    const abort = new AbortController();
    const running = b.scheduler.run(abort.signal);
    running.catch(() => undefined);
    const last = (await wholeLog()).at(-1)!.position;
    await eventually(async () => ((await checkpoints.load(SCHEDULER_SUBSCRIBER)) === last ? true : undefined), 'the scheduler at the last event');
    await checkpoints.reset(SCHEDULER_SUBSCRIBER);
    await openCpCase(f);
    try {
      await expect(running).rejects.toBeInstanceOf(CheckpointLostError);
    } finally {
      abort.abort();
    }
  });
});

/** Runs the scheduler's subscription until its checkpoint is at the log's last event, then stops it. */
async function follow(prefix: string, scheduler: AlertScheduler): Promise<void> {
  const checkpoints = new RedisCheckpointStore({ redis: f.redis, prefix });
  const last = (await wholeLog()).at(-1)!.position;
  const abort = new AbortController();
  const running = scheduler.run(abort.signal);
  running.catch(() => undefined);
  try {
    await eventually(async () => ((await checkpoints.load(SCHEDULER_SUBSCRIBER)) === last ? true : undefined), 'the scheduler at the last event');
  } finally {
    abort.abort();
  }
  await running;
}
