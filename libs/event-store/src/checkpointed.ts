import type { RedisCheckpointStore } from './checkpoints';
import type { RecordedEvent } from './envelope';
import type { EventStore, SubscriptionFilter } from './port';
import { START, type Position } from './position';

export interface CheckpointedSubscription {
  readonly store: EventStore;
  readonly checkpoints: RedisCheckpointStore;
  /** The checkpoint's name. */
  readonly subscriberId: string;
  readonly filter?: SubscriptionFilter;
  /** Where to start when no checkpoint is saved (default: the beginning). */
  readonly initial?: () => Promise<Position>;
  /** Handles one event; the checkpoint moves past it once this resolves. */
  readonly handle: (event: RecordedEvent) => Promise<void>;
  /** How often an idle subscriber checks that its checkpoint still exists (default 5 s). */
  readonly watchMs?: number;
}

/** The subscriber's checkpoint vanished while it ran (Redis restarted empty, or was flushed): what it kept in Redis is gone too. */
export class CheckpointLostError extends Error {
  constructor(readonly subscriberId: string) {
    super(`the checkpoint of ${subscriberId} has vanished (Redis lost its data?): starting again from what Redis now holds`);
    this.name = 'CheckpointLostError';
  }
}

/**
 * A checkpointed subscription that handles one event at a time: resume after the saved
 * checkpoint, handle each event, then save its position (at-least-once). Runs until `signal`
 * aborts; throws when the store or Redis fails (run it under `keepRunning`).
 */
export function runCheckpointed(sub: CheckpointedSubscription, signal: AbortSignal): Promise<void> {
  return runCheckpointedBatches({ ...sub, maxBatch: 1, handle: (events) => sub.handle(events[0]!) }, signal);
}

export interface BatchedSubscription extends Omit<CheckpointedSubscription, 'handle'> {
  /** Handles consecutive events; the checkpoint moves past the last once this resolves. */
  readonly handle: (events: readonly RecordedEvent[]) => Promise<void>;
  /** Most events handed to `handle` at once. */
  readonly maxBatch: number;
}

/** What `nextTurn` gives: nothing arrived within this turn of the event loop. */
const NOT_YET = Symbol('not yet');
const nextTurn = (): Promise<typeof NOT_YET> => new Promise((resolve) => setImmediate(resolve, NOT_YET));

/**
 * The one checkpointed subscription loop of the engine (alert scheduler, queue projector):
 * resume after the saved checkpoint (or `initial()` when none is saved, then save that), take
 * the events the subscription has already read (those it delivers without waiting on I/O: the
 * rest of its page), up to `maxBatch`, hand them to `handle` together, and only then move the
 * checkpoint past the batch's last event (at-least-once: a crash re-delivers the last batch
 * whole). A checkpoint that vanished (Redis lost its data) stops the run with
 * CheckpointLostError (`watchCheckpoint`). Runs until `signal` aborts; throws when the store or
 * Redis fails (run it under `keepRunning`).
 */
export async function runCheckpointedBatches(sub: BatchedSubscription, signal: AbortSignal): Promise<void> {
  const saved = await sub.checkpoints.load(sub.subscriberId);
  const after = saved ?? (sub.initial === undefined ? START : await sub.initial());
  if (saved === undefined) await sub.checkpoints.save(sub.subscriberId, after);
  const watch = watchCheckpoint(sub.checkpoints, sub.subscriberId, signal, sub.watchMs);
  const iterator = sub.store.subscribeToAll({ after, ...(sub.filter ? { filter: sub.filter } : {}), signal: watch.signal })[Symbol.asyncIterator]();
  const pull = (): Promise<IteratorResult<RecordedEvent>> => {
    const next = iterator.next();
    next.catch(() => undefined); // awaited below
    return next;
  };
  let pending = pull();
  let ended = false;
  try {
    while (!ended) {
      const first = await pending;
      if (first.done) break;
      const batch = [first.value];
      pending = pull();
      while (batch.length < sub.maxBatch) {
        // Whatever arrives before the next turn of the event loop was already read: take it too.
        const ready = await Promise.race([pending, nextTurn()]);
        if (ready === NOT_YET) break;
        if (ready.done) {
          ended = true;
          break;
        }
        batch.push(ready.value);
        pending = pull();
      }
      if (watch.signal.aborted) break;
      await sub.handle(batch);
      if (!(await sub.checkpoints.advance(sub.subscriberId, batch[batch.length - 1]!.position))) {
        watch.markLost();
        break;
      }
    }
  } finally {
    watch.stop();
    // Ends the subscription (after the read in flight, if any); not awaited: a failing store must not hold up the stop.
    void iterator.return?.().catch(() => undefined);
  }
  watch.throwIfLost();
}

/** A running subscriber's watch over its checkpoint (see `watchCheckpoint`). */
export interface CheckpointWatch {
  /** Aborts when the caller's signal does, or when the checkpoint vanishes. */
  readonly signal: AbortSignal;
  /** The subscriber found its checkpoint gone itself (an advance refused). */
  markLost(): void;
  /** Ends the watch (call it in `finally`). */
  stop(): void;
  /** Throws CheckpointLostError if the checkpoint vanished and the caller did not stop on purpose. */
  throwIfLost(): void;
}

/**
 * A checkpoint that vanishes while its subscriber runs means Redis lost its data (restarted
 * empty, or flushed), and with it whatever the subscriber kept there: the subscriber must stop
 * and start again from no checkpoint (keepRunning does; the alert scheduler then reconciles, a
 * projector re-projects from the start). Checks every `everyMs` (default 5 s) while it runs.
 */
export function watchCheckpoint(checkpoints: RedisCheckpointStore, subscriberId: string, outer: AbortSignal, everyMs = 5000): CheckpointWatch {
  const inner = new AbortController();
  const abort = (): void => inner.abort();
  if (outer.aborted) abort();
  else outer.addEventListener('abort', abort, { once: true });
  let lost = false;
  const markLost = (): void => {
    lost = true;
    inner.abort();
  };
  const timer = setInterval(() => {
    void checkpoints.load(subscriberId).then((position) => { if (position === undefined) markLost(); }, () => undefined);
  }, everyMs);
  return {
    signal: inner.signal,
    markLost,
    stop: () => {
      clearInterval(timer);
      outer.removeEventListener('abort', abort);
    },
    throwIfLost: () => {
      if (lost && !outer.aborted) throw new CheckpointLostError(subscriberId);
    },
  };
}

/**
 * Restarts `run` after a failure with capped exponential backoff (2 s doubling to 30 s), until
 * `signal` aborts. An abort also ends a backoff wait at once, so a shutdown never waits for it.
 */
export async function keepRunning(
  name: string, run: (signal: AbortSignal) => Promise<void>, signal: AbortSignal,
  log: (level: 'warn', message: string, fields?: Record<string, unknown>) => void,
): Promise<void> {
  for (let failures = 0; !signal.aborted; ) {
    try {
      await run(signal);
      failures = 0;
    } catch (error) {
      if (signal.aborted) return;
      failures++;
      log('warn', `${name}: stopped; restarting`, { error: error instanceof Error ? error.message : String(error), failures });
      await backoff(Math.min(1000 * 2 ** Math.min(failures, 5), 30_000), signal);
    }
  }
}

/** Waits `ms`, or less if `signal` aborts first. */
function backoff(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
