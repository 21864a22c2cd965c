import { Client } from 'pg';
import { TEST_POSTGRES_URL } from './services';

/** Drops a test's own PostgreSQL schema (and everything in it), if it exists. */
export async function dropSchema(schema: string): Promise<void> {
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}
