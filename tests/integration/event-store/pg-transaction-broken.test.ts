import { Client } from 'pg';
import { PgExecutor } from '../../../libs/event-store/src/sql/pg-executor';
import { TEST_POSTGRES_URL } from '../../support/services';
import { uniqueIdentifier } from '../../support/unique';

/**
 * Filtered reads run in a short transaction on a checked-out connection. While it is checked out
 * the pool does not listen for the connection's errors, so a server that went away between the
 * transaction's statements (PostgreSQL restarted, `pg_terminate_backend`) used to be an unhandled
 * 'error' event: it ended the api and the worker in the PostgreSQL-restart fault test.
 */
describe('a PostgreSQL transaction whose connection is killed between its statements', () => {
  it('fails with an error the caller can handle, the process carries on, and the next transaction gets a fresh connection', async () => {
    const applicationName = uniqueIdentifier('csc_tx_broken');
    const executor = new PgExecutor({ connectionString: TEST_POSTGRES_URL, application_name: applicationName, max: 1 });
    const admin = new Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => void uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const outcome = executor.transaction(async (tx) => {
        await tx.query('SELECT 1');
        const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [applicationName]);
        expect(killed.rowCount).toBe(1);
        // The backend's goodbye arrives while no statement of this transaction is running.
        for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
        return tx.query('SELECT 2');
      });
      await expect(outcome).rejects.toThrow();
      expect(uncaught).toEqual([]);
      await expect(executor.transaction((tx) => tx.query<{ n: number }>('SELECT 3 AS n'))).resolves.toEqual([{ n: 3 }]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await admin.end();
      await executor.close();
    }
  });
});
