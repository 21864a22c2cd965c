import { createHash } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { RedisUnavailableError, type Redis } from '@csc/redis';
import type { AuthenticatedRequest } from './principal';

/** The window of the per-user rate limit. */
export const RATE_WINDOW_MS = 60_000;

/** One fixed window per key: INCR, and start the window's expiry on its first hit. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {hits, ttl}`;

/**
 * Rate-limit counters in Redis, so every api replica shares one budget per
 * user. Keys are `<prefix>:throttle:<sha256>`: no user id in clear.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(key: string, ttl: number, limit: number): ReturnType<ThrottlerStorage['increment']> {
    let answer: unknown;
    try {
      answer = await this.redis.eval(INCREMENT, 1, `${this.prefix}:throttle:${key}`, String(ttl));
    } catch (error) {
      throw new RedisUnavailableError(error instanceof Error ? error.message : String(error));
    }
    const [hits, ttlMs] = answer as [number, number];
    const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
    return { totalHits: hits, timeToExpire: seconds, isBlocked: hits > limit, timeToBlockExpire: hits > limit ? seconds : 0 };
  }
}

/** One budget per user across every route (the principal's id, hashed), limit requests per minute. */
export function throttlerOptions(redis: Redis, prefix: string, limit: number): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: 'default', ttl: RATE_WINDOW_MS, limit }],
    storage: new RedisThrottlerStorage(redis, prefix),
    skipIf: (context: ExecutionContext) => context.switchToHttp().getRequest<AuthenticatedRequest>().principal === undefined,
    getTracker: (request: { principal?: AuthenticatedRequest['principal'] }) => request.principal?.userId ?? 'anonymous',
    generateKey: (_context: ExecutionContext, tracker: string, name: string) => createHash('sha256').update(`${name}\n${tracker}`).digest('hex'),
  };
}
