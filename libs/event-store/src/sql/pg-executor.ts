import { Pool, type PoolConfig } from 'pg';
import type { SqlExecutor } from './executor';
import { translateSqlError } from './sql-errors';

/** A `pg` pool as the SQL store's executor. Broken connections are dropped and replaced on next use. */
export class PgExecutor implements SqlExecutor {
  private readonly pool: Pool;

  constructor(config: PoolConfig) {
    this.pool = new Pool(config);
    // An idle connection that dies (server restart, pg_terminate_backend) is
    // removed by the pool; the next query opens a fresh one.
    this.pool.on('error', () => undefined);
  }

  async query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
    try {
      const result = await this.pool.query(text, params as unknown[] | undefined);
      return result.rows as Row[];
    } catch (error) {
      throw translateSqlError(error);
    }
  }

  async exec(text: string): Promise<void> {
    await this.query(text);
  }

  async transaction<T>(work: (tx: Pick<SqlExecutor, 'query' | 'exec'>) => Promise<T>): Promise<T> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw translateSqlError(error);
    });
    let broken: unknown;
    // The pool stops listening for a connection's errors while it is checked out: a server that
    // goes away between this transaction's statements would otherwise be an unhandled 'error'
    // event, which ends the process. Noted here, the connection is released as broken.
    const onError = (error: Error): void => {
      broken = error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const tx = {
        query: async <Row>(text: string, params?: readonly unknown[]) => (await client.query(text, params as unknown[] | undefined)).rows as Row[],
        exec: async (text: string) => void (await client.query(text)),
      };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback));
      throw translateSqlError(error);
    } finally {
      // A broken connection may report again while the pool closes it: keep listening, harmlessly.
      if (broken instanceof Error) client.on('error', () => undefined);
      client.removeListener('error', onError);
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
