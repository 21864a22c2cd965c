import type { Redis } from '@csc/redis';

/** The process's fail-fast Redis client (read models, health), as a typed DI token. */
export class RedisCommandClient {
  constructor(readonly redis: Redis) {}
}
