import { randomUUID } from 'node:crypto';
import type { EventStore, JsonObject, NewEvent, RecordedEvent, Upcaster } from '@csc/event-store';
import { uniqueName } from '../../support/unique';

/** What the contract needs of an adapter under test. */
export interface StoreHarness {
  readonly store: EventStore;
  /** Drops the store's connections (or closes and reopens its files) under a live subscription; absent when the test cannot do so. */
  readonly restart?: () => Promise<void>;
  /** Begins an append in a transaction left open until `commit`; absent when the store commits one transaction at a time. */
  readonly holdAppend?: (streamId: string, events: readonly NewEvent[]) => Promise<{ commit(): Promise<void> }>;
  dispose(): Promise<void>;
}

export interface HarnessOptions {
  readonly clock: () => Date;
  readonly upcasters: readonly Upcaster[];
}

export type OpenHarness = (options: HarnessOptions) => Promise<StoreHarness>;

/** v1 `ContractRenamed` had `name`; v2 calls it `fullName` and adds `source`. */
export const renameUpcaster: Upcaster = {
  type: 'ContractRenamed',
  fromVersion: 1,
  upcast: (data) => ({ fullName: data.name ?? null, source: 'upcast' }),
};

/** A controllable recording clock. */
export class TestClock {
  constructor(private current: Date) {}
  readonly now = (): Date => this.current;
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

export function streamName(prefix = 'case'): string {
  return uniqueName(prefix);
}

export function newEvent(type = 'ContractHappened', data: JsonObject = {}, schemaVersion = 1): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: {
      occurredAt: '2025-03-03T10:00:00.000Z',
      actor: { userId: 'user-1', role: 'iro' },
      correlationId: randomUUID(),
      causationId: null,
      rulebookVersion: '2025.1',
    },
  };
}

/** Collects `count` events from a subscription, then stops it. */
export async function take(subscription: AsyncIterable<RecordedEvent>, count: number, onEach?: (event: RecordedEvent, index: number) => Promise<void>): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  if (count === 0) return seen;
  for await (const event of subscription) {
    seen.push(event);
    await onEach?.(event, seen.length - 1);
    if (seen.length >= count) break;
  }
  return seen;
}

/** Appends, retrying while the store is briefly unavailable (what a command handler's retry policy does). */
export async function appendRetrying(store: EventStore, streamId: string, events: readonly NewEvent[], expected: Parameters<EventStore['append']>[2]) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await store.append(streamId, events, expected);
    } catch (error) {
      if (attempt > 20 || (error as { code?: string }).code !== 'EVENT_STORE_UNAVAILABLE') throw error;
    }
  }
}
