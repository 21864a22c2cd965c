import type { EventStore } from '../port';
import type { EventStoreDbOptions } from './esdb-event-store';

/**
 * Opens an EventStoreDB store. Its client (gRPC, protobuf) is loaded on the first call, not with
 * this library: most processes never open one, and a rebuild thread that loads only what it uses
 * starts in a fraction of the time.
 */
export async function createEventStoreDbStore(options: EventStoreDbOptions): Promise<EventStore> {
  const { createEventStoreDbStore: open } = await import('./esdb-event-store');
  return open(options);
}
