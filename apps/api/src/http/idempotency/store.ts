import { createHash, randomUUID } from 'node:crypto';
import { RedisUnavailableError, type Redis } from '@csc/redis';

/** How long a completed response is kept for replay: covers a client's retries over a working day and a night. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/**
 * How long a request in progress holds its key unless it renews the hold: a request that runs
 * renews it every IDEMPOTENCY_RENEW_MS, so the key of one whose api crashed is free again within
 * this (a retry then executes: appends are idempotent by event id, so nothing is written twice).
 */
export const IDEMPOTENCY_LOCK_MS = 10_000;
export const IDEMPOTENCY_RENEW_MS = 3_000;

/** Runs `task` every `ms` until the returned function is called (setInterval, unref'd; tests pass their own). */
export type Every = (task: () => void, ms: number) => () => void;

const everyInterval: Every = (task, ms) => {
  const timer = setInterval(task, ms);
  timer.unref();
  return () => clearInterval(timer);
};

export interface IdempotencyStoreOptions {
  readonly lockMs?: number;
  readonly renewMs?: number;
  readonly every?: Every;
}

/** A response as stored for replay. Command responses hold references (ids, revisions), never personal data. */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

type Entry = { readonly state: 'pending'; readonly fingerprint: string; readonly token: string } | { readonly state: 'done'; readonly fingerprint: string; readonly response: StoredResponse };

export type Claim =
  | { readonly kind: 'execute'; readonly release: Release }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'mismatch' };

export interface Release {
  /** Keep the response for replay (only if this request still holds the key). */
  complete(response: StoredResponse): Promise<void>;
  /** Free the key (the request failed and changed nothing): a retry executes again. */
  abandon(): Promise<void>;
}

/** Replace the entry only if it is still the pending one this request wrote. */
const IF_STILL_OURS = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) end
return 1`;

/** Extend the hold only if the entry is still the pending one this request wrote. */
const RENEW_IF_STILL_OURS = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])`;

/**
 * Idempotency keys in Redis. The Redis key is `<prefix>:idem:<sha256(principal,
 * key)>`: neither the user nor the client's key appears in clear. The entry
 * holds a fingerprint of the request (method, path, canonical body) and, once
 * done, the response.
 */
export class IdempotencyStore {
  private readonly lockMs: number;
  private readonly renewMs: number;
  private readonly every: Every;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    options: IdempotencyStoreOptions = {},
  ) {
    this.lockMs = options.lockMs ?? IDEMPOTENCY_LOCK_MS;
    this.renewMs = options.renewMs ?? IDEMPOTENCY_RENEW_MS;
    this.every = options.every ?? everyInterval;
  }

  async claim(principalId: string, idempotencyKey: string, fingerprint: string): Promise<Claim> {
    const key = `${this.prefix}:idem:${sha256(`${principalId}\n${idempotencyKey}`)}`;
    const pending = JSON.stringify({ state: 'pending', fingerprint, token: randomUUID() } satisfies Entry);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if ((await this.call(() => this.redis.set(key, pending, 'PX', this.lockMs, 'NX'))) === 'OK') return { kind: 'execute', release: this.release(key, pending) };
      const text = await this.call(() => this.redis.get(key));
      if (text === null) continue; // expired between SET and GET: try to claim again
      const entry = JSON.parse(text) as Entry;
      if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' };
      return entry.state === 'done' ? { kind: 'replay', response: entry.response } : { kind: 'in-progress' };
    }
    return { kind: 'in-progress' };
  }

  /** The running request's hold on its key: renewed until it completes or abandons it. */
  private release(key: string, pending: string): Release {
    const fingerprint = (JSON.parse(pending) as Entry).fingerprint;
    // A failed renewal is not an error of the request: at worst the key frees early and a concurrent retry gets in.
    const stop = this.every(() => void this.redis.eval(RENEW_IF_STILL_OURS, 1, key, pending, String(this.lockMs)).catch(() => undefined), this.renewMs);
    return {
      complete: async (response) => {
        stop();
        const done = JSON.stringify({ state: 'done', fingerprint, response } satisfies Entry);
        await this.call(() => this.redis.eval(IF_STILL_OURS, 1, key, pending, done, String(IDEMPOTENCY_TTL_SECONDS)));
      },
      abandon: async () => {
        stop();
        await this.call(() => this.redis.eval(IF_STILL_OURS, 1, key, pending, '', '0'));
      },
    };
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new RedisUnavailableError(error instanceof Error ? error.message : String(error));
    }
  }
}

/** What makes two requests "the same": method, path and query, and the body as canonical JSON (key order ignored). */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return sha256(`${method.toUpperCase()} ${url}\n${canonicalJson(body)}`);
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
