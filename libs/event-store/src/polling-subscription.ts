import type { RecordedEvent } from './envelope';
import { StoreUnavailableError } from './errors';
import { START, type Position } from './position';
import type { SubscribeOptions, SubscriptionFilter } from './port';
import type { Wake } from './wake';

export interface PollingSettings {
  /** Events read per query. */
  readonly batchSize: number;
  /** How long to wait for new events before looking again (an append in this process wakes it sooner). */
  readonly pollIntervalMs: number;
  /** How long to wait before retrying after the store became unavailable. */
  readonly retryDelayMs: number;
}

export type ReadAfter = (after: Position, filter: SubscriptionFilter | undefined, maxCount: number) => Promise<RecordedEvent[]>;

/**
 * A subscription to all events built on reading in global order: catch up in
 * batches, then poll. A dropped connection is retried from the last delivered
 * position, so nothing is skipped and nothing is delivered twice.
 */
export async function* pollAll(
  readAfter: ReadAfter,
  wake: Wake,
  settings: PollingSettings,
  closed: AbortSignal,
  options: SubscribeOptions = {},
): AsyncGenerator<RecordedEvent, void, undefined> {
  const signal = options.signal ? AbortSignal.any([closed, options.signal]) : closed;
  let after = options.after ?? START;
  while (!signal.aborted) {
    let batch: RecordedEvent[];
    try {
      batch = await readAfter(after, options.filter, settings.batchSize);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || signal.aborted) {
        if (signal.aborted) return;
        throw error;
      }
      await wake.wait(settings.retryDelayMs, signal);
      continue;
    }
    for (const event of batch) {
      if (signal.aborted) return;
      after = event.position;
      yield event;
    }
    if (batch.length < settings.batchSize) await wake.wait(settings.pollIntervalMs, signal);
  }
}
