import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { CheckpointLostError, createPostgresEventStore, RedisCheckpointStore, runCheckpointed, type EventStore, type NewEvent } from '@csc/event-store';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from '../../support/services';
import { dropSchema } from '../../support/postgres';
import { uniqueIdentifier, uniqueName } from '../../support/unique';
import { eventually } from '../../support/wait';

function event(n: number): NewEvent {
  return { id: randomUUID(), type: 'Counted', data: { n }, metadata: { occurredAt: '2025-02-10T10:00:00Z', actor: { userId: 'u', role: 'system' }, correlationId: randomUUID() } };
}

/**
 * Redis restarted without persistence (or flushed) under a running subscriber: its checkpoint is
 * gone, and with it whatever it kept in Redis. The subscriber must stop with CheckpointLostError
 * (keepRunning then starts it again from no checkpoint) instead of writing a fresh checkpoint past
 * every event whose effects were lost.
 */
describe('checkpointed subscription: the checkpoint vanishes', () => {
  const schema = uniqueIdentifier('es_lost');
  const redis = new Redis(TEST_REDIS_URL);
  const checkpoints = new RedisCheckpointStore({ redis, prefix: uniqueIdentifier('test') });
  let store: EventStore;

  beforeAll(async () => {
    store = await createPostgresEventStore({ url: TEST_POSTGRES_URL, schema, pollIntervalMs: 20 });
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
    redis.disconnect();
  });

  function start(subscriberId: string, prefix: string, handled: number[], watchMs: number) {
    const abort = new AbortController();
    const running = runCheckpointed({
      store, checkpoints, subscriberId, filter: { streamPrefixes: [prefix] }, watchMs,
      handle: (e) => { handled.push((e.data as { n: number }).n); return Promise.resolve(); },
    }, abort.signal);
    return { abort, running };
  }

  it('an event handled after the checkpoint vanished is not checkpointed: the run ends with CheckpointLostError', async () => {
    const prefix = uniqueName('lost');
    const id = uniqueName('sub');
    const handled: number[] = [];
    await store.append(`${prefix}-1`, [event(1), event(2)], 'no_stream');
    const { abort, running } = start(id, prefix, handled, 60_000);
    await eventually(() => Promise.resolve(handled.length === 2 ? true : undefined), 'both events handled');
    expect(handled).toEqual([1, 2]);
    await checkpoints.reset(id);
    await store.append(`${prefix}-1`, [event(3)], 1);
    await expect(running).rejects.toBeInstanceOf(CheckpointLostError);
    expect(await checkpoints.load(id)).toBeUndefined();
    abort.abort();
  });

  it('an idle subscriber notices within its watch interval', async () => {
    const prefix = uniqueName('idle');
    const id = uniqueName('sub');
    const handled: number[] = [];
    await store.append(`${prefix}-1`, [event(1)], 'no_stream');
    const { abort, running } = start(id, prefix, handled, 50);
    await eventually(() => Promise.resolve(handled.length === 1 ? true : undefined), 'the event handled');
    expect(handled).toEqual([1]);
    await checkpoints.reset(id);
    await expect(running).rejects.toThrow(`the checkpoint of ${id} has vanished`);
    abort.abort();
  });

  it('stopping on purpose is not a lost checkpoint: the run resolves and keeps its checkpoint', async () => {
    const prefix = uniqueName('stop');
    const id = uniqueName('sub');
    const handled: number[] = [];
    await store.append(`${prefix}-1`, [event(1)], 'no_stream');
    const { abort, running } = start(id, prefix, handled, 50);
    await eventually(() => Promise.resolve(handled.length === 1 ? true : undefined), 'the event handled');
    expect(handled).toEqual([1]);
    abort.abort();
    await expect(running).resolves.toBeUndefined();
    expect(await checkpoints.load(id)).toBeDefined();
  });
});
