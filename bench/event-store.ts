/**
 * `npm run bench -- event-store`: event store throughput on PostgreSQL, beside two same-run
 * baselines on the same server with the same workload: the Emmett PostgreSQL event store
 * (@event-driven-io/emmett-postgresql, the closest open-source peer, in a schema of its own) and
 * the raw database doing the least equivalent work (single-row INSERTs for appends, keyset-paged
 * SELECTs for read-all). Then the embedded store (PGlite) beside raw INSERT/SELECT on PGlite.
 *
 * Workload, the same for every subject: WRITERS concurrent writers, each appending one event at a
 * time to its own stream with an optimistic expected revision, for a fixed window; read-all of a
 * store seeded with READ_EVENTS events (100 per stream) in pages of PAGE, after one untimed pass.
 * Targets (issue 3): appends >= 0.5 x raw INSERT; read-all >= 50,000 events/s.
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
import { openEmmett, type BenchEvent } from './_emmett';

export const description = 'appends/s (8 writers, distinct streams) and read-all events/s vs Emmett PostgreSQL and raw INSERT/SELECT on the same server; embedded vs raw PGlite';

const WRITERS = 8;
const POOL_MAX = WRITERS + 2;
const WINDOW_MS = Number(process.env.EVENT_STORE_BENCH_WINDOW_MS ?? 2500);
const READ_EVENTS = Number(process.env.EVENT_STORE_BENCH_READ_EVENTS ?? 20_000);
const SEED_BATCH = 100;
const PAGE = 1000;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET_APPEND_TO_INSERT_RATIO = 0.5;
const TARGET_READ_ALL_EVENTS_PER_SEC = 50_000;

function event(n: number): NewEvent & BenchEvent {
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

/** Reads the whole store once untimed (caches, hint bits), then again timed; returns events per second. */
async function readRate(readAll: () => Promise<number>): Promise<number> {
  const warm = await readAll();
  const started = performance.now();
  const read = await readAll();
  if (read !== warm || read !== READ_EVENTS) throw new Error(`read-all read ${read} events (untimed pass ${warm}), expected ${READ_EVENTS}`);
  return read / ((performance.now() - started) / 1000);
}

/** One system under test: seed, read everything, append one event per call. */
interface Subject {
  seed(): Promise<void>;
  readAll(): Promise<number>;
  appendStep(run: string): (writer: number, n: number) => Promise<void>;
}

async function measure(name: string, subject: Subject, progress: (m: string) => void): Promise<{ appendsPerSec: number; readAllEventsPerSec: number }> {
  await subject.seed();
  const readAllEventsPerSec = await readRate(() => subject.readAll());
  progress(`${name}: read-all ${Math.round(readAllEventsPerSec)} events/s over ${READ_EVENTS} events`);
  const appendsPerSec = await rate(WRITERS, subject.appendStep(randomUUID().slice(0, 8)));
  progress(`${name}: appends ${Math.round(appendsPerSec)}/s (${WRITERS} writers, one event per append)`);
  return { appendsPerSec, readAllEventsPerSec };
}

function ourStore(store: EventStore): Subject {
  return {
    async seed() {
      for (let seeded = 0; seeded < READ_EVENTS; seeded += SEED_BATCH) {
        await store.append(`bench-read-${seeded}`, Array.from({ length: Math.min(SEED_BATCH, READ_EVENTS - seeded) }, (_, n) => event(n)), 'no_stream');
      }
    },
    async readAll() {
      let read = 0;
      for (let after = START; ; ) {
        const batch = await store.readAll({ after, maxCount: PAGE });
        read += batch.length;
        if (batch.length < PAGE) return read;
        after = batch[batch.length - 1]!.position;
      }
    },
    appendStep(run) {
      const revisions = new Array<number | 'no_stream'>(WRITERS).fill('no_stream');
      return async (writer, n) => {
        revisions[writer] = (await store.append(`bench-${run}-${writer}`, [event(n)], revisions[writer]!)).nextExpectedRevision;
      };
    },
  };
}

/** Raw rows in `table`: INSERT one row per call; keyset-paged SELECT of every row. */
function rawTable(db: SqlExecutor, table: string): Subject {
  const payload = JSON.stringify(event(0));
  return {
    async seed() {
      await db.query(`CREATE TABLE ${table} (id bigserial PRIMARY KEY, stream_id text NOT NULL, data jsonb NOT NULL)`);
      await db.query(`INSERT INTO ${table} (stream_id, data) SELECT 'seed', $1::jsonb FROM generate_series(1, $2)`, [payload, READ_EVENTS]);
    },
    async readAll() {
      let rows = 0;
      for (let after = '0'; ; ) {
        const batch = await db.query<{ id: string }>(`SELECT id::text AS id, stream_id, data FROM ${table} r WHERE r.id > $1::bigint ORDER BY r.id LIMIT ${PAGE}`, [after]);
        rows += batch.length;
        if (batch.length < PAGE) return rows;
        after = batch[batch.length - 1]!.id;
      }
    },
    appendStep() {
      return (writer) => db.query(`INSERT INTO ${table} (stream_id, data) VALUES ($1, $2::jsonb)`, [`raw-${writer}`, payload]).then(() => undefined);
    },
  };
}

const ratio = (value: number, base: number) => Number((value / base).toFixed(2));

export async function run(progress: (message: string) => void): Promise<Record<string, number | string>> {
  const schema = `bench_es_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const where = POSTGRES_URL.replace(/\/\/[^@]*@/, '//');
  const pg = new PgExecutor({ connectionString: POSTGRES_URL, max: POOL_MAX });
  let raw: Awaited<ReturnType<typeof measure>>;
  let ours: Awaited<ReturnType<typeof measure>>;
  try {
    const pgStore = await SqlEventStore.open('postgres', pg, { schema });
    try {
      progress(`PostgreSQL ${where}: raw pg and our store in schema ${schema} (pool ${POOL_MAX})`);
      raw = await measure('raw pg', rawTable(pg, `"${schema}".raw_rows`), progress);
      ours = await measure('our store', ourStore(pgStore), progress);
    } finally {
      await pg.query(`DROP SCHEMA "${schema}" CASCADE`);
      await pgStore.close();
    }
  } catch (error) {
    await pg.close().catch(() => undefined);
    throw error;
  }

  // Emmett last: its pool sets process-wide pg type parsers (restored by close()).
  const emmett = await openEmmett(POSTGRES_URL, POOL_MAX);
  let peer: Awaited<ReturnType<typeof measure>>;
  try {
    progress(`Emmett ${where}, schema ${emmett.schema} (pool ${POOL_MAX})`);
    peer = await measure('emmett', {
      async seed() {
        for (let seeded = 0; seeded < READ_EVENTS; seeded += SEED_BATCH) {
          await emmett.append(`bench-read-${seeded}`, Array.from({ length: Math.min(SEED_BATCH, READ_EVENTS - seeded) }, (_, n) => event(n)), 'no_stream');
        }
      },
      readAll: () => emmett.readAll(PAGE),
      appendStep(run) {
        const versions = new Array<bigint | 'no_stream'>(WRITERS).fill('no_stream');
        return async (writer, n) => {
          versions[writer] = await emmett.append(`bench-${run}-${writer}`, [event(n)], versions[writer]!);
        };
      },
    }, progress);
  } finally {
    await emmett.close();
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-bench-es-'));
  progress(`opening the embedded store (PGlite in ${dataDir}; tens of seconds on a busy machine)`);
  const lite = new PgliteExecutor(dataDir);
  let embedded: Awaited<ReturnType<typeof measure>>;
  let embeddedRaw: Awaited<ReturnType<typeof measure>>;
  try {
    const liteStore = await SqlEventStore.open('embedded', lite, { schema: 'event_store' });
    try {
      progress('embedded: raw PGlite and our store');
      embeddedRaw = await measure('raw PGlite', rawTable(lite, 'event_store.raw_rows'), progress);
      embedded = await measure('embedded store', ourStore(liteStore), progress);
    } finally {
      await liteStore.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  return {
    writers: WRITERS,
    poolSize: POOL_MAX,
    windowMs: WINDOW_MS,
    readEvents: READ_EVENTS,
    postgresAppendsPerSec: Math.round(ours.appendsPerSec),
    emmettAppendsPerSec: Math.round(peer.appendsPerSec),
    rawInsertPerSec: Math.round(raw.appendsPerSec),
    postgresAppendToEmmettRatio: ratio(ours.appendsPerSec, peer.appendsPerSec),
    postgresAppendToInsertRatio: ratio(ours.appendsPerSec, raw.appendsPerSec),
    emmettAppendToInsertRatio: ratio(peer.appendsPerSec, raw.appendsPerSec),
    targetPostgresAppendToInsertRatio: TARGET_APPEND_TO_INSERT_RATIO,
    postgresReadAllEventsPerSec: Math.round(ours.readAllEventsPerSec),
    emmettReadAllEventsPerSec: Math.round(peer.readAllEventsPerSec),
    rawSelectRowsPerSec: Math.round(raw.readAllEventsPerSec),
    postgresReadAllToEmmettRatio: ratio(ours.readAllEventsPerSec, peer.readAllEventsPerSec),
    postgresReadAllToSelectRatio: ratio(ours.readAllEventsPerSec, raw.readAllEventsPerSec),
    emmettReadAllToSelectRatio: ratio(peer.readAllEventsPerSec, raw.readAllEventsPerSec),
    targetPostgresReadAllEventsPerSec: TARGET_READ_ALL_EVENTS_PER_SEC,
    embeddedAppendsPerSec: Math.round(embedded.appendsPerSec),
    embeddedRawInsertPerSec: Math.round(embeddedRaw.appendsPerSec),
    embeddedAppendToInsertRatio: ratio(embedded.appendsPerSec, embeddedRaw.appendsPerSec),
    embeddedReadAllEventsPerSec: Math.round(embedded.readAllEventsPerSec),
    embeddedRawSelectRowsPerSec: Math.round(embeddedRaw.readAllEventsPerSec),
    embeddedReadAllToSelectRatio: ratio(embedded.readAllEventsPerSec, embeddedRaw.readAllEventsPerSec),
  };
}
