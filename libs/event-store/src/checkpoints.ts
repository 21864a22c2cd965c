import type { Redis } from 'ioredis';
import { isPosition, type Position } from './position';

export interface CheckpointStoreOptions {
  readonly redis: Redis;
  /** Prefix of the keys (the deployment's CSC_REDIS_PREFIX; tests use a unique one). */
  readonly prefix: string;
}

// Positions sort as strings, so Redis can keep the checkpoint monotonic itself:
// a late write from a stale projector replica never moves it back.
const SAVE_IF_AHEAD = `
local current = redis.call('GET', KEYS[1])
if current and current >= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
return 1`;

// The same, but only over a checkpoint that still exists: -1 when it has vanished (Redis lost its data).
const SAVE_IF_PRESENT_AND_AHEAD = `
local current = redis.call('GET', KEYS[1])
if not current then return -1 end
if current >= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
return 1`;

/**
 * Where each subscriber keeps the position of the last event it has handled.
 * Save after handling a batch: a restart resumes after it, so at most the
 * last unsaved batch is delivered again (at-least-once).
 */
export class RedisCheckpointStore {
  constructor(private readonly options: CheckpointStoreOptions) {}

  /** The saved position, or undefined to start from the beginning. */
  async load(subscriberId: string): Promise<Position | undefined> {
    const value = await this.options.redis.get(this.key(subscriberId));
    if (value === null) return undefined;
    if (!isPosition(value)) throw new RangeError(`checkpoint of ${subscriberId} is not a position: ${JSON.stringify(value)}`);
    return value;
  }

  /** Saves the position unless a later one is already saved; true when it moved forward. */
  async save(subscriberId: string, position: Position): Promise<boolean> {
    if (!isPosition(position)) throw new RangeError(`not a position: ${JSON.stringify(position)}`);
    return (await this.options.redis.eval(SAVE_IF_AHEAD, 1, this.key(subscriberId), position)) === 1;
  }

  /** Moves a checkpoint that exists forward; false when it has vanished (nothing is written then). */
  async advance(subscriberId: string, position: Position): Promise<boolean> {
    if (!isPosition(position)) throw new RangeError(`not a position: ${JSON.stringify(position)}`);
    return (await this.options.redis.eval(SAVE_IF_PRESENT_AND_AHEAD, 1, this.key(subscriberId), position)) !== -1;
  }

  /** Forgets the position, so the subscriber rebuilds from the start. */
  async reset(subscriberId: string): Promise<void> {
    await this.options.redis.del(this.key(subscriberId));
  }

  private key(subscriberId: string): string {
    if (!/^[A-Za-z0-9:_.-]{1,100}$/.test(subscriberId)) throw new RangeError(`subscriber id must be 1-100 letters, digits, ":", "_", "." or "-"`);
    return `${this.options.prefix}:checkpoint:${subscriberId}`;
  }
}
