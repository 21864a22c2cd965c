import type { EventStore } from './port';
import { PgExecutor } from './sql/pg-executor';
import { SqlEventStore, type SqlStoreOptions } from './sql/sql-event-store';

export interface PostgresEventStoreOptions extends SqlStoreOptions {
  /** postgres:// URL of the database. */
  readonly url: string;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
  /** Shown in pg_stat_activity; lets operators (and tests) find the store's connections. */
  readonly applicationName?: string;
}

/** The event store in PostgreSQL; creates its schema (migrations) on open. */
export async function createPostgresEventStore(options: PostgresEventStoreOptions): Promise<EventStore> {
  const db = new PgExecutor({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'csc-event-store',
    connectionTimeoutMillis: 5000,
  });
  try {
    return await SqlEventStore.open('postgres', db, options);
  } catch (error) {
    await db.close();
    throw error;
  }
}
