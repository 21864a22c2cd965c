/**
 * The Emmett PostgreSQL event store (@event-driven-io/emmett-postgresql), the closest open-source
 * peer, as the event-store benchmark's same-run baseline. Emmett creates fixed, unqualified names
 * (emt_messages, emt_streams, its functions and migrations table) in the connection's current
 * schema, so it runs in a schema of its own on the same database: every connection of its pool sets
 * `search_path` to that schema (through the connection string, so that any connection Emmett opens
 * itself does too). The schema is dropped afterwards. (A database of its own would work as well,
 * but DROP DATABASE forces a checkpoint: 30 s on a busy shared server, felt by everyone on it.)
 *
 * Emmett's connection library (dumbo) sets process-wide `pg` type parsers for json, jsonb and int8
 * when its pool is made; they are saved before and restored on close, so that our own store and the
 * raw queries measured in the same process parse rows exactly as they do in production.
 */
import { randomUUID } from 'node:crypto';
import { dumbo } from '@event-driven-io/dumbo';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { Client, Pool, types } from 'pg';

export interface BenchEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export interface EmmettSubject {
  readonly schema: string;
  /** Appends events to a stream with Emmett's optimistic check; returns the next expected stream version. */
  append(stream: string, events: readonly BenchEvent[], expected: bigint | 'no_stream'): Promise<bigint>;
  /** Reads the whole store in global order, `page` events a batch, as Emmett's consumers do; returns the count. */
  readAll(page: number): Promise<number>;
  close(): Promise<void>;
}

const PARSED_TYPES = [types.builtins.JSON, types.builtins.JSONB, types.builtins.INT8];

function inSchema(adminUrl: string, schema: string): string {
  const url = new URL(adminUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function admin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh schema for Emmett in the database of `adminUrl` and opens Emmett's store in it with a pool of `poolMax`. */
export async function openEmmett(adminUrl: string, poolMax: number): Promise<EmmettSubject> {
  const schema = `bench_emmett_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await admin(adminUrl, (client) => client.query(`CREATE SCHEMA "${schema}"`));
  const savedParsers = PARSED_TYPES.map((oid) => [oid, types.getTypeParser(oid, 'text') as (value: string) => unknown] as const);
  const connectionString = inSchema(adminUrl, schema);
  const pool = new Pool({ connectionString, max: poolMax });
  pool.on('error', () => undefined);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await pool.end().catch(() => undefined);
    for (const [oid, parser] of savedParsers) types.setTypeParser(oid, parser);
    await admin(adminUrl, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  };
  try {
    const connections = dumbo({ connectionString, pool });
    const store = getPostgreSQLEventStore(connectionString, { connectionOptions: { dumbo: connections } });
    await store.schema.migrate();
    const placed = await pool.query<{ table: string | null }>(`SELECT to_regclass('"${schema}".emt_messages')::text AS table`);
    if (!placed.rows[0]?.table) throw new Error(`Emmett did not create its tables in schema ${schema}`);
    return {
      schema,
      async append(stream, events, expected) {
        const result = await store.appendToStream(stream, events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata })), {
          expectedStreamVersion: expected === 'no_stream' ? STREAM_DOES_NOT_EXIST : expected,
        });
        return result.nextExpectedStreamVersion;
      },
      async readAll(page) {
        let read = 0;
        for (let batch = await readMessagesBatch(connections.execute, { from: 0n, batchSize: page }); ; ) {
          read += batch.messages.length;
          if (!batch.areMessagesLeft) return read;
          batch = await readMessagesBatch(connections.execute, { after: batch.currentGlobalPosition, batchSize: page });
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
