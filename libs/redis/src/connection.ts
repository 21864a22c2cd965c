import { Redis, type RedisOptions } from 'ioredis';

export type { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  /**
   * `command`: a client for reads and writes of read models and health checks;
   * commands fail fast while Redis is down instead of queueing without bound.
   * `blocking`: a client for BullMQ workers and subscriptions, which must wait
   * for Redis to come back (BullMQ requires maxRetriesPerRequest: null).
   */
  readonly role: 'command' | 'blocking';
  readonly connectionName?: string;
}

/** Reconnect forever, backing off to at most two seconds between attempts. */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt, 5), 2000);
}

export function createRedis(url: string, options: RedisConnectionOptions): Redis {
  const shared: RedisOptions = {
    lazyConnect: false,
    retryStrategy: reconnectDelay,
    connectionName: options.connectionName,
    enableReadyCheck: true,
  };
  const role: RedisOptions =
    options.role === 'command'
      ? { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 }
      : { maxRetriesPerRequest: null, enableOfflineQueue: true };
  const client = new Redis(url, { ...shared, ...role });
  // Connection errors are reported through readiness, not thrown at the process.
  client.on('error', () => undefined);
  return client;
}

export class RedisUnavailableError extends Error {
  readonly code = 'REDIS_UNAVAILABLE';
  constructor(reason: string) {
    super(`Redis is unavailable: ${reason}`);
    this.name = 'RedisUnavailableError';
  }
}

/** PING with a deadline; rejects with RedisUnavailableError and a plain reason. */
export async function pingRedis(client: Redis, timeoutMs = 1000): Promise<void> {
  if (client.status !== 'ready') throw new RedisUnavailableError(`connection is ${client.status}`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(`no answer to PING within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const answer = await Promise.race([client.ping(), timeout]);
    if (answer !== 'PONG') throw new RedisUnavailableError(`unexpected answer to PING: ${String(answer)}`);
  } catch (error) {
    if (error instanceof RedisUnavailableError) throw error;
    throw new RedisUnavailableError(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}
