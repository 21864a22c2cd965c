import { createEmbeddedEventStore } from './embedded';
import { createEventStoreDbStore } from './esdb/open';
import type { EventStore } from './port';
import { createPostgresEventStore } from './postgres';
import type { Upcaster } from './upcasters';

export interface EventStoreSettings {
  /** CSC_EVENT_STORE: `embedded`, a postgres:// URL or an esdb:// (kurrentdb://) URL. */
  readonly eventStore: string;
  /** CSC_DATA_DIR: where the embedded store keeps its files. */
  readonly dataDir: string;
  readonly upcasters?: readonly Upcaster[];
  readonly clock?: () => Date;
  /** PostgreSQL / embedded schema (default `event_store`). */
  readonly schema?: string;
}

/** Opens the store the configuration names (and migrates it, for the SQL stores). */
export function createEventStore(settings: EventStoreSettings): Promise<EventStore> {
  const common = { upcasters: settings.upcasters, clock: settings.clock, schema: settings.schema };
  if (settings.eventStore === 'embedded') return createEmbeddedEventStore({ ...common, dataDir: settings.dataDir });
  if (/^postgres(ql)?:\/\//.test(settings.eventStore)) return createPostgresEventStore({ ...common, url: settings.eventStore });
  if (/^(esdb|kurrentdb|kurrent)(\+discover)?:\/\//.test(settings.eventStore)) {
    return createEventStoreDbStore({ upcasters: settings.upcasters, clock: settings.clock, url: settings.eventStore });
  }
  return Promise.reject(new RangeError('CSC_EVENT_STORE must be "embedded", a postgres:// URL or an esdb:// URL'));
}
