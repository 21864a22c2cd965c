import { Client } from 'pg';
import { createPostgresEventStore, type NewEvent } from '@csc/event-store';
import { prepareAppend } from '../../../libs/event-store/src/prepare';
import { TEST_POSTGRES_URL } from '../../support/services';
import { uniqueIdentifier } from '../../support/unique';
import { eventStoreContract } from './contract';

eventStoreContract('PostgreSQL', async ({ clock, upcasters }) => {
  const schema = uniqueIdentifier('es_contract');
  const applicationName = uniqueIdentifier('csc_es_test');
  const store = await createPostgresEventStore({ url: TEST_POSTGRES_URL, schema, applicationName, clock, upcasters, pollIntervalMs: 20, retryDelayMs: 20 });
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  return {
    store,
    restart: async () => {
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [applicationName]);
      expect(killed.rowCount).toBeGreaterThan(0);
    },
    holdAppend: async (streamId: string, events: readonly NewEvent[]) => {
      const writer = new Client({ connectionString: TEST_POSTGRES_URL });
      await writer.connect();
      const payload = JSON.stringify(prepareAppend(streamId, events, 'no_stream', clock()));
      await writer.query('BEGIN');
      const [row] = (await writer.query(`SELECT status FROM "${schema}".append_events($1, -1, $2::jsonb)`, [streamId, payload])).rows as { status: string }[];
      expect(row?.status).toBe('ok');
      return {
        commit: async () => {
          await writer.query('COMMIT');
          await writer.end();
        },
      };
    },
    dispose: async () => {
      await store.close();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    },
  };
});
