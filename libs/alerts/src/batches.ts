import { START, watchCheckpoint, type EventStore, type Position, type RecordedEvent, type RedisCheckpointStore, type SubscriptionFilter } from '@csc/event-store';

export interface BatchedSubscription {
  readonly store: EventStore;
  readonly checkpoints: RedisCheckpointStore;
  /** The checkpoint's name. */
  readonly subscriberId: string;
  readonly filter?: SubscriptionFilter;
  /** Where to start when no checkpoint is saved (default: the beginning). */
  readonly initial?: () => Promise<Position>;
  /** Handles consecutive events; the checkpoint moves past the last once this resolves. */
  readonly handle: (events: readonly RecordedEvent[]) => Promise<void>;
  /** Most events handed to `handle` at once. */
  readonly maxBatch: number;
  /** How often the subscriber checks that its checkpoint still exists (default 5 s). */
  readonly watchMs?: number;
}

/** What `nextTurn` gives: nothing arrived within this turn of the event loop. */
const NOT_YET = Symbol('not yet');
const nextTurn = (): Promise<typeof NOT_YET> => new Promise((resolve) => setImmediate(resolve, NOT_YET));

/**
 * `runCheckpointed` in batches: resume after the saved checkpoint (or `initial()` when none is
 * saved, then save that), take the events the subscription has already read (those it delivers
 * without waiting on I/O: the rest of its page), up to `maxBatch`, hand them to `handle`
 * together, and only then move the checkpoint past the batch's last event (at-least-once: a
 * crash re-delivers the last batch whole). A checkpoint that vanished (Redis lost its data)
 * stops the run with CheckpointLostError (`watchCheckpoint`). Runs until `signal` aborts;
 * throws when the store or Redis fails (run it under `keepRunning`).
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
