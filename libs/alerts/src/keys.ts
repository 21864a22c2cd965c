import type { Redis } from '@csc/redis';

/** The checkpoint name of the deadline scheduler's subscription. */
export const SCHEDULER_SUBSCRIBER = 'alert-scheduler';

/**
 * Deletes every key under `<prefix>:` (SCAN and UNLINK, never FLUSHALL): what tests and the
 * benchmark use to simulate losing Redis for one deployment.
 */
export async function deleteKeysUnder(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
