/**
 * Event store throughput, PostgreSQL and embedded, each beside the raw
 * database doing the least equivalent work on the same database in the same
 * run: single-row INSERTs (baseline for appends) and keyset-paged SELECTs
 * (baseline for read-all). Targets: appends >= 0.5 x raw INSERT; read-all
 * >= 50,000 events/s.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { START, type EventStore, type NewEvent } from '@csc/event-store';
import type { SqlExecutor } from '../libs/event-store/src/sql/executor';
import { PgExecutor } from '../libs/event-store/src/sql/pg-executor';
import { PgliteExecutor } from '../libs/event-store/src/sql/pglite-executor';
import { SqlEventStore } from '../libs/event-store/src/sql/sql-event-store';

export const description = 'appends/s (8 writers, distinct streams) and read-all events/s vs raw INSERT/SELECT, on PostgreSQL and embedded';

const WRITERS = 8;
const WINDOW_MS = 2500;
const READ_EVENTS = 20_000;
const PAGE = 1000;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function event(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'BenchRecorded',
    data: { n, note: 'reference-only payload', due: '2025-03-01' },
    metadata: { occurredAt: '2025-03-01T10:00:00Z', actor: { userId: 'bench', role: 'system' }, correlationId: randomUUID(), rulebookVersion: '2025.1' },
  };
}

/** Runs `writers` loops of `step` for the window; returns operations per second. */
async function rate(writers: number, step: (writer: number, n: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 0; performance.now() - started < WINDOW_MS; n += 1) {
        await step(writer, n);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

async function measure(store: EventStore, db: SqlExecutor, schema: string, progress: (m: string) => void) {
  const run = randomUUID().slice(0, 8);
  await db.query(`CREATE TABLE IF NOT EXISTS "${schema}".raw_rows (id bigserial PRIMARY KEY, stream_id text NOT NULL, data jsonb NOT NULL)`);
  const payload = JSON.stringify(event(0));
  const rawInsertPerSec = await rate(WRITERS, (writer) => db.query(`INSERT INTO "${schema}".raw_rows (stream_id, data) VALUES ($1, $2::jsonb)`, [`raw-${writer}`, payload]).then(() => undefined));
  progress(`raw INSERT ${rawInsertPerSec.toFixed(0)}/s`);
  const revisions = new Array<number | 'no_stream'>(WRITERS).fill('no_stream');
  const appendsPerSec = await rate(WRITERS, async (writer, n) => {
    revisions[writer] = (await store.append(`bench-${run}-${writer}`, [event(n)], revisions[writer]!)).nextExpectedRevision;
  });
  progress(`appends ${appendsPerSec.toFixed(0)}/s`);

  for (let seeded = 0; seeded < READ_EVENTS; seeded += 100) {
    await store.append(`bench-read-${run}-${seeded}`, Array.from({ length: 100 }, (_, n) => event(n)), 'no_stream');
  }
  await db.query(`INSERT INTO "${schema}".raw_rows (stream_id, data) SELECT 'seed', $1::jsonb FROM generate_series(1, $2)`, [payload, READ_EVENTS]);

  let started = performance.now();
  let read = 0;
  for (let after = START; ; ) {
    const batch = await store.readAll({ after, maxCount: PAGE });
    read += batch.length;
    if (batch.length < PAGE) break;
    after = batch[batch.length - 1]!.position;
  }
  const readAllEventsPerSec = read / ((performance.now() - started) / 1000);
  progress(`read-all ${readAllEventsPerSec.toFixed(0)} events/s over ${read} events`);

  started = performance.now();
  let rows = 0;
  for (let after = '0'; ; ) {
    const batch = await db.query<{ id: string }>(`SELECT id::text AS id, stream_id, data FROM "${schema}".raw_rows r WHERE r.id > $1::bigint ORDER BY r.id LIMIT ${PAGE}`, [after]);
    rows += batch.length;
    if (batch.length < PAGE) break;
    after = batch[batch.length - 1]!.id;
  }
  const rawSelectRowsPerSec = rows / ((performance.now() - started) / 1000);
  progress(`raw SELECT ${rawSelectRowsPerSec.toFixed(0)} rows/s over ${rows} rows`);
  return {
    appendsPerSec: Math.round(appendsPerSec),
    rawInsertPerSec: Math.round(rawInsertPerSec),
    appendToInsertRatio: Number((appendsPerSec / rawInsertPerSec).toFixed(2)),
    readAllEventsPerSec: Math.round(readAllEventsPerSec),
    rawSelectRowsPerSec: Math.round(rawSelectRowsPerSec),
    readAllToSelectRatio: Number((readAllEventsPerSec / rawSelectRowsPerSec).toFixed(2)),
  };
}

function prefixed(prefix: string, figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [`${prefix}${key[0]!.toUpperCase()}${key.slice(1)}`, value]));
}

export async function run(progress: (message: string) => void): Promise<Record<string, number | string>> {
  const schema = `bench_es_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const pg = new PgExecutor({ connectionString: POSTGRES_URL, max: WRITERS + 2 });
  const pgStore = await SqlEventStore.open('postgres', pg, { schema });
  let postgres: Record<string, number>;
  try {
    progress(`PostgreSQL (${POSTGRES_URL.replace(/\/\/[^@]*@/, '//')}, schema ${schema})`);
    postgres = await measure(pgStore, pg, schema, progress);
  } finally {
    await pg.query(`DROP SCHEMA "${schema}" CASCADE`);
    await pgStore.close();
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-bench-es-'));
  const lite = new PgliteExecutor(dataDir);
  const liteStore = await SqlEventStore.open('embedded', lite, { schema: 'event_store' });
  let embedded: Record<string, number>;
  try {
    progress(`embedded (PGlite in ${dataDir})`);
    embedded = await measure(liteStore, lite, 'event_store', progress);
  } finally {
    await liteStore.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { ...prefixed('postgres', postgres), ...prefixed('embedded', embedded), writers: WRITERS, readEvents: READ_EVENTS };
}
