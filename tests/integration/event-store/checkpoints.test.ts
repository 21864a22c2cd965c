import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createPostgresEventStore, RedisCheckpointStore, START, type EventStore, type NewEvent, type RecordedEvent } from '@csc/event-store';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from '../../support/services';
import { uniqueIdentifier, uniqueName } from '../../support/unique';

function event(n: number): NewEvent {
  return { id: randomUUID(), type: 'Counted', data: { n }, metadata: { occurredAt: '2025-02-10T10:00:00Z', actor: { userId: 'u', role: 'system' }, correlationId: randomUUID() } };
}

/** A projector that saves its checkpoint after each batch of 3 and "crashes" after `crashAfter` events (or stops once it has seen `total`). */
async function runProjector(store: EventStore, checkpoints: RedisCheckpointStore, id: string, prefix: string, handled: RecordedEvent[], crashAfter: number, total = 20): Promise<void> {
  const batch = 3;
  const after = (await checkpoints.load(id)) ?? START;
  let inBatch = 0;
  let count = 0;
  for await (const recorded of store.subscribeToAll({ after, filter: { streamPrefixes: [prefix] } })) {
    handled.push(recorded);
    count += 1;
    inBatch += 1;
    if (count >= crashAfter || new Set(handled.map((e) => e.id)).size === total) return; // crash: events since the last save are not checkpointed
    if (inBatch === batch) {
      await checkpoints.save(id, recorded.position);
      inBatch = 0;
    }
  }
}

describe('Redis checkpoint store', () => {
  const schema = uniqueIdentifier('es_ckpt');
  const redis = new Redis(TEST_REDIS_URL);
  const checkpoints = new RedisCheckpointStore({ redis, prefix: uniqueIdentifier('test') });
  let store: EventStore;

  beforeAll(async () => {
    store = await createPostgresEventStore({ url: TEST_POSTGRES_URL, schema, pollIntervalMs: 20 });
  });
  afterAll(async () => {
    await store.close();
    redis.disconnect();
  });

  it('resumes a projector restarted mid-batch without gaps, repeating at most the unsaved batch', async () => {
    const prefix = uniqueName('proj');
    for (let s = 0; s < 4; s += 1) await store.append(`${prefix}-${s}`, [event(0), event(1), event(2), event(3), event(4)], 'no_stream');
    const handled: RecordedEvent[] = [];
    const id = uniqueName('projector');
    await runProjector(store, checkpoints, id, prefix, handled, 8);
    await runProjector(store, checkpoints, id, prefix, handled, 7);
    await runProjector(store, checkpoints, id, prefix, handled, 100);
    const ids = handled.map((e) => e.id);
    const all = (await store.readAll({ maxCount: 100_000 })).filter((e) => e.streamId.startsWith(prefix)).map((e) => e.id);
    expect(new Set(ids)).toEqual(new Set(all));
    // Run 1 saved after its 6th event and crashed after its 8th; run 2 saved after 6 more (the 12th) and crashed after the 13th.
    expect(ids.length - all.length).toBe(3);
    expect(ids.slice(8, 10)).toEqual(all.slice(6, 8));
    expect(ids.slice(15, 16)).toEqual(all.slice(12, 13));
  }, 20_000);

  it('never moves a checkpoint backwards, and forgets it on reset', async () => {
    const id = uniqueName('projector');
    const stream = uniqueName('case');
    const first = await store.append(stream, [event(1)], 'no_stream');
    const second = await store.append(stream, [event(2)], 0);
    expect(await checkpoints.save(id, second.position)).toBe(true);
    expect(await checkpoints.save(id, first.position)).toBe(false);
    expect(await checkpoints.load(id)).toBe(second.position);
    await checkpoints.reset(id);
    expect(await checkpoints.load(id)).toBeUndefined();
  });
});
