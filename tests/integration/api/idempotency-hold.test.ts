import { createRedis, type Redis } from '@csc/redis';
import { IDEMPOTENCY_LOCK_MS, IDEMPOTENCY_RENEW_MS, IdempotencyStore, type Every } from '../../../apps/api/src/http/idempotency/store';
import { TEST_REDIS_URL } from '../../support/services';
import { uniqueName } from '../../support/unique';

/** A hand-driven `every`: the test runs the renewals itself (no waiting on timers). */
class ManualEvery {
  readonly tasks: { task: () => void; ms: number; stopped: boolean }[] = [];
  readonly every: Every = (task, ms) => {
    const entry = { task, ms, stopped: false };
    this.tasks.push(entry);
    return () => {
      entry.stopped = true;
    };
  };
}

describe('the hold of a request in progress on its Idempotency-Key (real Redis)', () => {
  let redis: Redis;
  const prefixes: string[] = [];
  const open = (): { store: IdempotencyStore; timers: ManualEvery; prefix: string } => {
    const prefix = uniqueName('idem-hold');
    prefixes.push(prefix);
    const timers = new ManualEvery();
    return { store: new IdempotencyStore(redis, prefix, { every: timers.every }), timers, prefix };
  };
  const keyOf = async (prefix: string): Promise<string> => {
    const keys = await redis.keys(`${prefix}:idem:*`);
    expect(keys).toHaveLength(1);
    return keys[0]!;
  };

  beforeAll(() => {
    redis = createRedis(TEST_REDIS_URL, { role: 'blocking' });
  });
  afterAll(async () => {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    redis.disconnect();
  });

  it('holds the key for 10 s, renewed every 3 s while the request runs: a crashed request frees it within 10 s, not 60', async () => {
    const { store, timers, prefix } = open();
    const claim = await store.claim('u1', 'k1', 'fp');
    expect(claim.kind).toBe('execute');
    const key = await keyOf(prefix);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(IDEMPOTENCY_LOCK_MS - 2000);
    expect(ttl).toBeLessThanOrEqual(IDEMPOTENCY_LOCK_MS);
    expect(timers.tasks.map((t) => t.ms)).toEqual([IDEMPOTENCY_RENEW_MS]);
    expect(IDEMPOTENCY_RENEW_MS * 3).toBeLessThan(IDEMPOTENCY_LOCK_MS); // two renewals may fail before the hold lapses
    expect(await store.claim('u1', 'k1', 'fp')).toEqual({ kind: 'in-progress' });

    // Time passes (the hold nearly lapsed); the running request's renewal restores it.
    await redis.pexpire(key, 500);
    timers.tasks[0]!.task();
    await redis.ping(); // the renewal was sent before this; replies come in order
    expect(await redis.pttl(key)).toBeGreaterThan(IDEMPOTENCY_LOCK_MS - 2000);

    if (claim.kind !== 'execute') throw new Error('unreachable');
    await claim.release.complete({ status: 201, body: { ok: true } });
    expect(timers.tasks[0]!.stopped).toBe(true);
    expect(await redis.pttl(key)).toBeGreaterThan(23 * 3600 * 1000);
    expect(await store.claim('u1', 'k1', 'fp')).toEqual({ kind: 'replay', response: { status: 201, body: { ok: true } } });
  });

  it('a renewal after the hold was lost (lapsed and taken by a retry) leaves the retry\'s hold alone; abandoning stops the renewals', async () => {
    const { store, timers, prefix } = open();
    const first = await store.claim('u1', 'k2', 'fp');
    const key = await keyOf(prefix);
    await redis.del(key); // the first request's hold lapsed
    const retry = await store.claim('u1', 'k2', 'fp');
    expect(retry.kind).toBe('execute');
    await redis.pexpire(key, 4000);
    timers.tasks[0]!.task(); // the first request's renewal
    await redis.ping();
    expect(await redis.pttl(key)).toBeLessThanOrEqual(4000);
    if (first.kind !== 'execute' || retry.kind !== 'execute') throw new Error('unreachable');
    await first.release.abandon();
    expect(timers.tasks[0]!.stopped).toBe(true);
    expect(await redis.exists(key)).toBe(1); // the retry's hold, not the first request's to free
    await retry.release.abandon();
    expect(timers.tasks[1]!.stopped).toBe(true);
    expect(await redis.exists(key)).toBe(0);
  });
});
