import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PgliteExecutor } from '../../../libs/event-store/src/sql/pglite-executor';
import { SqlEventStore } from '../../../libs/event-store/src/sql/sql-event-store';
import { eventStoreContract } from './contract';

jest.setTimeout(30_000);


eventStoreContract(
  'embedded (PGlite)',
  async ({ clock, upcasters }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-es-contract-'));
    const executor = new PgliteExecutor(dataDir);
    const store = await SqlEventStore.open('embedded', executor, { clock, upcasters, pollIntervalMs: 20, retryDelayMs: 20 });
    return {
      store,
      // Closes the database files under the live subscription, as a process
      // restart would; the next query opens the same folder again.
      restart: () => executor.restart(),
      dispose: async () => {
        await store.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
  { holdAppend: 'PGlite is one connection, so its transactions commit one at a time, in the order they began' },
);
