import { randomUUID } from 'node:crypto';
import type { Redis } from '@csc/redis';

// KEYS[1] the lease, KEYS[2] a hand-over request (the token of whoever asked for the lease next).
const ACQUIRE = `
local wanted = redis.call('GET', KEYS[2])
if wanted and wanted ~= ARGV[1] then return 0 end
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
return 0`;
const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local wanted = redis.call('GET', KEYS[2])
if wanted and wanted ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface LeaseOptions {
  readonly redis: Redis;
  readonly key: string;
  /** How long the lease lasts without renewal. */
  readonly ttlMs: number;
  /** Who holds it (logged, never personal data); a random token by default. */
  readonly holder?: string;
}

/**
 * A Redis lease (SET NX PX, renewed and released only by its holder's token): one replica at a
 * time owns a projection. A holder that stops renewing loses it after `ttlMs`.
 */
export class RedisLease {
  readonly token: string;

  constructor(private readonly options: LeaseOptions) {
    this.token = `${options.holder ?? 'replica'}:${randomUUID()}`;
  }

  private get wantedKey(): string {
    return `${this.options.key}:wanted`;
  }

  /** Takes the lease if nobody holds it (and nobody else asked for it next); true when this holder has it. */
  async tryAcquire(): Promise<boolean> {
    return (await this.options.redis.eval(ACQUIRE, 2, this.options.key, this.wantedKey, this.token, this.options.ttlMs)) === 1;
  }

  /** Extends the lease; false when this holder no longer has it (expired, taken, or asked to hand it over). */
  async renew(): Promise<boolean> {
    return (await this.options.redis.eval(RENEW, 2, this.options.key, this.wantedKey, this.token, this.options.ttlMs)) === 1;
  }

  /**
   * Asks the holder to hand the lease over to this one at its next renewal (for `csc rebuild`
   * while a worker projects); lasts `ms` unless asked again. Cleared by `release`.
   */
  async requestHandover(ms: number): Promise<void> {
    await this.options.redis.set(this.wantedKey, this.token, 'PX', ms);
  }

  async release(): Promise<void> {
    await this.options.redis.eval(RELEASE, 1, this.options.key, this.token);
    await this.options.redis.eval(RELEASE, 1, this.wantedKey, this.token);
  }

  /** The current holder's token, if any. */
  async holder(): Promise<string | null> {
    return this.options.redis.get(this.options.key);
  }

  /**
   * Waits until this holder has the lease (a second replica waits here while the first renews),
   * polling every `pollMs`; rejects with the signal's reason when it aborts.
   */
  async acquire(signal: AbortSignal, pollMs = Math.max(50, Math.floor(this.options.ttlMs / 3))): Promise<void> {
    while (!(await this.tryAcquire())) {
      signal.throwIfAborted();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
      });
      signal.throwIfAborted();
    }
  }
}
