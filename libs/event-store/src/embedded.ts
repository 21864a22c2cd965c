import path from 'node:path';
import type { EventStore } from './port';
import type { SqlExecutor } from './sql/executor';
import { PgliteExecutor } from './sql/pglite-executor';
import { SqlEventStore, type SqlStoreOptions } from './sql/sql-event-store';

export interface EmbeddedEventStoreOptions extends SqlStoreOptions {
  /** The engine's data folder (CSC_DATA_DIR); the store lives in its `event-store` subfolder. */
  readonly dataDir: string;
}

/** One PGlite per data folder per process, shared by every store opened on it (an api and a worker in one process). */
const open = new Map<string, { executor: PgliteExecutor; users: number }>();

/**
 * The embedded event store: PGlite in a data folder, running the same SQL as
 * the PostgreSQL adapter. Single-process: a second process opening the same
 * folder is refused.
 */
export async function createEmbeddedEventStore(options: EmbeddedEventStoreOptions): Promise<EventStore> {
  const folder = path.resolve(options.dataDir, 'event-store');
  let entry = open.get(folder);
  if (!entry) {
    entry = { executor: new PgliteExecutor(folder), users: 0 };
    open.set(folder, entry);
  }
  entry.users += 1;
  const shared = entry;
  const handle: SqlExecutor = {
    query: (text, params) => shared.executor.query(text, params),
    exec: (text) => shared.executor.exec(text),
    transaction: (work) => shared.executor.transaction(work),
    close: async () => {
      shared.users -= 1;
      if (shared.users > 0) return;
      open.delete(folder);
      await shared.executor.close();
    },
  };
  try {
    return await SqlEventStore.open('embedded', handle, options);
  } catch (error) {
    await handle.close();
    throw error;
  }
}
