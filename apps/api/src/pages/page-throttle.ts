import { createHash } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '@csc/auth';
import { EngineConfig } from '@csc/config';
import { RedisCommandClient } from '@csc/runtime';
import { RATE_WINDOW_MS, RedisThrottlerStorage } from '../http/throttle';
import { PAGES_CONFIG, type PagesConfig } from './pages-config';
import { sessionOf } from './session';

/** Raised when a browser asks for pages too fast: the filter answers 429 with the "too many requests" page. */
export class TooManyPageRequests extends Error {
  readonly code = 'PAGE_RATE_LIMITED';

  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests: try again in ${retryAfterSeconds} seconds`);
  }
}

/**
 * The pages' rate limit, as the api's (@nestjs/throttler's storage, in Redis so replicas share
 * it): a signed-in user spends the same per-minute budget as their api requests (the same hashed
 * key); a signed-out browser (start and sign-in pages) is counted by its address. Static assets
 * are not counted. Runs after PageSessionGuard where both apply.
 */
@Injectable()
export class PageThrottleGuard implements CanActivate {
  private readonly storage: RedisThrottlerStorage;

  constructor(client: RedisCommandClient, config: EngineConfig, @Inject(PAGES_CONFIG) private readonly pages: PagesConfig) {
    this.storage = new RedisThrottlerStorage(client.redis, config.redisPrefix);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { pagePrincipal?: Principal }>();
    const principal = request.pagePrincipal ?? sessionOf(request, new Date())?.principal;
    const tracker = principal?.userId ?? `address:${request.ip ?? 'unknown'}`;
    // The api's key for the same user (throttlerOptions: sha256 of "<throttler>\n<tracker>"): one budget.
    const key = createHash('sha256').update(`default\n${tracker}`).digest('hex');
    const { isBlocked, timeToExpire } = await this.storage.increment(key, RATE_WINDOW_MS, this.pages.rateLimit);
    if (!isBlocked) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(timeToExpire));
    throw new TooManyPageRequests(timeToExpire);
  }
}
