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
 * The one checkpointed subscription loop of the engine (alert scheduler, projectors): resume
 * after the saved checkpoint, handle each event, then save its position (at-least-once). Runs
 * until `signal` aborts; throws when the store or Redis fails (run it under `keepRunning`).
 */
export async function runCheckpointed(sub: CheckpointedSubscription, signal: AbortSignal): Promise<void> {
  const saved = await sub.checkpoints.load(sub.subscriberId);
  const after = saved ?? (sub.initial === undefined ? START : await sub.initial());
  if (saved === undefined) await sub.checkpoints.save(sub.subscriberId, after);
  // A checkpoint that vanishes means Redis lost its data: stop, so that the caller (keepRunning) starts
  // again from no checkpoint (the alert scheduler reconciles; a projector re-projects from the start).
  const inner = new AbortController();
  const stop = (): void => inner.abort();
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  let lost = false;
  const watch = setInterval(() => {
    void sub.checkpoints.load(sub.subscriberId).then((position) => {
      if (position === undefined) {
        lost = true;
        inner.abort();
      }
    }, () => undefined);
  }, sub.watchMs ?? 5000);
  try {
    for await (const event of sub.store.subscribeToAll({ after, ...(sub.filter ? { filter: sub.filter } : {}), signal: inner.signal })) {
      await sub.handle(event);
      if (!(await sub.checkpoints.advance(sub.subscriberId, event.position))) {
        lost = true;
        break;
      }
    }
  } finally {
    clearInterval(watch);
    signal.removeEventListener('abort', stop);
  }
  if (lost && !signal.aborted) throw new CheckpointLostError(sub.subscriberId);
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
