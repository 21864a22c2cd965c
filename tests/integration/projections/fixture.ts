import { shippedCalendar } from '@csc/calendar';
import type { AllegationCommand, CaseCommand } from '@csc/case';
import { AllegationCommandHandler, CaseCommandHandler } from '@csc/case-handler';
import { createPostgresEventStore, type EventStore } from '@csc/event-store';
import { deleteUnder, ProjectionKeys } from '@csc/projections';
import { createRedis, type Redis } from '@csc/redis';
import type { SyntheticCommand } from '@csc/synthetic';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from '../../support/services';
import { uniqueIdentifier, uniqueName } from '../../support/unique';
import { dropSchema } from '../../support/postgres';

export const deadlineOptions = { calendar: shippedCalendar() };

export class RecordingClock {
  current = new Date('2026-01-05T09:00:00Z');
  readonly now = (): Date => this.current;
}

export interface Fixture {
  readonly store: EventStore;
  /** The store's PostgreSQL schema (what rebuild threads open). */
  readonly schema: string;
  readonly redis: Redis;
  readonly clock: RecordingClock;
  /** A fresh Redis prefix, deleted on close. */
  prefix(): string;
  record(command: CaseCommand, at: string): Promise<void>;
  recordSynthetic(item: SyntheticCommand): Promise<void>;
  close(): Promise<void>;
}

export async function openFixture(): Promise<Fixture> {
  const schema = uniqueIdentifier('proj');
  const clock = new RecordingClock();
  const store = await createPostgresEventStore({ url: TEST_POSTGRES_URL, schema, clock: clock.now, poolSize: 4 });
  const redis = createRedis(TEST_REDIS_URL, { role: 'blocking' });
  const handlerOptions = { store, clock: clock.now, defaultRulebook: 'national' };
  const cases = new CaseCommandHandler(handlerOptions);
  const allegations = new AllegationCommandHandler(handlerOptions);
  const prefixes: string[] = [];
  return {
    store, schema, redis, clock,
    prefix() {
      const p = uniqueIdentifier('proj');
      prefixes.push(p);
      return p;
    },
    async record(command, at) {
      clock.current = new Date(at);
      await cases.handle(command, { actor: { userId: 'u-1', role: 'recorder' }, idempotencyKey: uniqueName('k') });
    },
    async recordSynthetic(item) {
      clock.current = new Date(item.recordedAt);
      const meta = { actor: item.actor, idempotencyKey: item.idempotencyKey };
      if (item.stream === 'case') await cases.handle(item.command as CaseCommand, meta);
      else await allegations.handle(item.command as AllegationCommand, meta);
    },
    async close() {
      for (const p of prefixes) {
        await deleteUnder(redis, new ProjectionKeys(p).namespace);
        await deleteUnder(redis, p);
      }
      redis.disconnect();
      await store.close();
      await dropSchema(schema);
    },
  };
}

/** Every key under a namespace with its contents, the namespace itself replaced by `<ns>`, sorted. */
export async function snapshot(redis: Redis, namespace: string): Promise<Record<string, unknown>> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${namespace}:*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  const out: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    const type = await redis.type(key);
    const name = `<ns>${key.slice(namespace.length)}`;
    if (type === 'zset') out[name] = await redis.zrange(key, 0, -1, 'WITHSCORES');
    else if (type === 'hash') out[name] = Object.fromEntries(Object.entries(await redis.hgetall(key)).sort(([a], [b]) => a.localeCompare(b)));
    else if (type === 'set') out[name] = (await redis.smembers(key)).sort();
    else out[name] = await redis.get(key);
  }
  return out;
}
