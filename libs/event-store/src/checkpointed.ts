import type { RedisCheckpointStore } from './checkpoints';
import type { RecordedEvent } from './envelope';
import type { EventStore, SubscriptionFilter } from './port';
import type { Position } from './position';

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
}

/**
 * The one checkpointed subscription loop of the engine (alert scheduler, projectors): resume
 * after the saved checkpoint, handle each event, then save its position (at-least-once). Runs
 * until `signal` aborts; throws when the store or Redis fails (run it under `keepRunning`).
 */
export async function runCheckpointed(sub: CheckpointedSubscription, signal: AbortSignal): Promise<void> {
  const saved = await sub.checkpoints.load(sub.subscriberId);
  const after = saved ?? (sub.initial === undefined ? undefined : await sub.initial());
  if (saved === undefined && after !== undefined) await sub.checkpoints.save(sub.subscriberId, after);
  for await (const event of sub.store.subscribeToAll({ ...(after === undefined ? {} : { after }), ...(sub.filter ? { filter: sub.filter } : {}), signal })) {
    await sub.handle(event);
    await sub.checkpoints.save(sub.subscriberId, event.position);
  }
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
