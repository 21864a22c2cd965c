/**
 * `npm run bench -- queries`: the queue read model at scale. Appends CP enquiries to a PostgreSQL
 * store (QUERIES_BENCH_PG, default the local test database, in a fresh schema) until there are
 * QUERIES_BENCH_DEADLINES open deadlines (default 100,000) across QUERIES_BENCH_TEAMS teams
 * (default 50); rebuilds the queue projection from position zero in one thread, then in
 * QUERIES_BENCH_THREADS threads, the calling one and worker threads (default one per core; events/s, beside the one-thread
 * rebuild and a bare readAll of the same events); then times a team's overdue queue through QueueReader (ids, records,
 * lateness and the rulebook's explanation for a page of 50) beside a bare ZRANGEBYSCORE of the same
 * page. Uses CSC_REDIS_URL (default local) under a unique prefix, deleted afterwards.
 * QUERIES_BENCH_SCHEMA names a schema to keep and reuse: seeded on the first run, only rebuilt and
 * queried on later ones (the appends take minutes on a busy machine).
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Client } from 'pg';
import { shippedCalendar } from '@csc/calendar';
import { caseStreamId, decide, encodeCaseEvent, foldCase, type CaseCommand, type CaseEvent } from '@csc/case';
import { START, createPostgresEventStore, type NewEvent } from '@csc/event-store';
import { QueueProjector, QueueReader, caseView, deleteUnder } from '@csc/projections';
import { createRedis } from '@csc/redis';

export const description = "rebuild of the queue projection from PostgreSQL (events/s) and a team's overdue queue (p50/p99 ms) vs a bare ZRANGEBYSCORE";

const DEADLINES = Number(process.env.QUERIES_BENCH_DEADLINES ?? 100_000);
const TEAMS = Number(process.env.QUERIES_BENCH_TEAMS ?? 50);
const SAMPLES = Number(process.env.QUERIES_BENCH_SAMPLES ?? 2000);
/** Rebuild threads (default: one per core). */
const THREADS = Number(process.env.QUERIES_BENCH_THREADS ?? availableParallelism());
const PG = process.env.QUERIES_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const PAGE = 50;
/** The page size of the bare readAll baseline: the rebuild's own. */
const READ_PAGE = 5000;
const DATES = 400;
const attendance = { police: true, health: true, education: true, others: [] };
const calendar = shippedCalendar();

/** The events of a CP enquiry opened on the given day (decided once per day, then renamed per case). */
function template(day: string): CaseEvent[] {
  const caseId = 'template';
  const commands: CaseCommand[] = [
    { type: 'OpenCase', caseId, teamRef: 'team', rulebook: 'national', occurredAt: `${day}T08:00:00Z` },
    { type: 'AllocateIro', caseId, iroRef: 'iro', occurredAt: `${day}T08:00:00Z` },
    { type: 'RecordStrategyDiscussion', caseId, attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true, occurredAt: `${day}T08:30:00Z` },
  ];
  const events: CaseEvent[] = [];
  for (const command of commands) {
    const decision = decide(command, foldCase(events.map(encodeCaseEvent)), `${day}T09:00:00Z`, {});
    if (!decision.ok) throw decision.error;
    events.push(...decision.events);
  }
  return events;
}

function renamed(events: readonly CaseEvent[], caseId: string, teamRef: string, iroRef: string): NewEvent[] {
  return events.map((event, i) => {
    const encoded = encodeCaseEvent(event);
    const data = { ...encoded.data, ...('caseId' in encoded.data ? { caseId } : {}), ...('teamRef' in encoded.data ? { teamRef } : {}), ...('iroRef' in encoded.data ? { iroRef } : {}) };
    return {
      id: randomUUID(), type: encoded.type, data,
      metadata: { occurredAt: event.occurredAt, actor: { userId: 'bench', role: 'recorder' }, correlationId: `${caseId}-${i}`, rulebookVersion: event.type === 'PathwayEventRecorded' ? event.rulebookVersion : null },
    };
  });
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number, places = 3): number => Number(n.toFixed(places));

export async function run(progress: (message: string) => void): Promise<Record<string, number | string>> {
  const kept = process.env.QUERIES_BENCH_SCHEMA;
  const schema = kept ?? `bench_queries_${Date.now()}`;
  const prefix = `bench-queries-${randomUUID().slice(0, 8)}`;
  const store = await createPostgresEventStore({ url: PG, schema, poolSize: 8 });
  const redis = createRedis(process.env.CSC_REDIS_URL ?? 'redis://127.0.0.1:6379', { role: 'blocking' });
  try {
    const start = Date.parse('2025-01-06T00:00:00Z');
    const templates = Array.from({ length: DATES }, (_, i) => template(new Date(start + i * 86_400_000).toISOString().slice(0, 10)));
    const perCase = caseView(foldCase((templates[0] ?? []).map(encodeCaseEvent)), { calendar })?.deadlines.length ?? 1;
    const cases = Math.ceil(DEADLINES / perCase);
    const seeded = kept !== undefined && (await store.readAll({ maxCount: 1 })).length > 0;
    if (seeded) progress(`reusing the events in schema ${schema}`);
    else progress(`appending ${cases} CP enquiries (${perCase} open deadlines each) across ${TEAMS} teams to PostgreSQL schema ${schema}`);
    let appended = 0;
    for (let from = 0; !seeded && from < cases; from += 64) {
      await Promise.all(Array.from({ length: Math.min(64, cases - from) }, (_, k) => {
        const i = from + k;
        const caseId = `bench-${i}`;
        return store.append(caseStreamId(caseId), renamed(templates[i % DATES] ?? [], caseId, `team-${i % TEAMS}`, `iro-${i % (TEAMS * 4)}`), 'no_stream');
      }));
      appended += Math.min(64, cases - from);
      if (appended % 6400 === 0) progress(`${appended}/${cases} cases appended`);
    }

    const readStarted = performance.now();
    let events = 0;
    for (let after = START; ;) {
      const page = await store.readAll({ after, maxCount: READ_PAGE });
      const last = page[page.length - 1];
      if (last === undefined) break;
      events += page.length;
      after = last.position;
    }
    const readMs = performance.now() - readStarted;
    progress(`bare readAll: ${events} events in ${Math.round(readMs)} ms`);

    const oneThread = new QueueProjector({ store, redis, prefix, deadlines: { calendar } });
    // Each rebuild is timed to the moment readers switch to its generation (readMs + writeMs); deleting the generation it replaced comes after, timed apart.
    const single = await oneThread.rebuild();
    const singleMs = single.readMs + single.writeMs;
    progress(`rebuild in one thread: ${single.events} events in ${singleMs} ms (reading and folding ${single.readMs} ms, views and writing ${single.writeMs} ms)`);

    const redisUrl = process.env.CSC_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const threads = { count: THREADS, store: { eventStore: PG, dataDir: '.', schema }, redisUrl };
    const projector = new QueueProjector({ store, redis, prefix, deadlines: { calendar }, rebuildThreads: threads });
    const report = await projector.rebuild();
    const rebuildMs = report.readMs + report.writeMs;
    progress(`rebuild in ${report.threads} threads: ${report.events} events, ${report.cases} cases, ${report.deadlines} open deadlines in ${rebuildMs} ms (reading and folding ${report.readMs} ms, views and writing ${report.writeMs} ms), then ${report.deleteMs} ms deleting the one-thread generation`);
    if (report.events !== single.events || report.deadlines !== single.deadlines) throw new Error(`the threaded rebuild wrote ${report.deadlines} deadlines from ${report.events} events; one thread ${single.deadlines} from ${single.events}`);
    const keys = await projector.currentKeys();

    const reader = new QueueReader(redis, prefix, { calendar });
    const now = new Date('2026-06-20T10:00:00Z');
    const queryMs: number[] = [];
    const bareMs: number[] = [];
    for (let s = 0; s < SAMPLES; s++) {
      const team = `team-${s % TEAMS}`;
      let t = performance.now();
      await redis.zrangebyscore(keys.team(team), '-inf', now.getTime(), 'LIMIT', 0, PAGE);
      bareMs.push(performance.now() - t);
      t = performance.now();
      const items = await reader.overdue(team, now, { offset: 0, limit: PAGE });
      queryMs.push(performance.now() - t);
      if (items.length === 0) throw new Error(`team ${team} has no overdue items: the benchmark measures nothing`);
    }
    queryMs.sort((a, b) => a - b);
    bareMs.sort((a, b) => a - b);
    const rebuildEventsPerSec = report.events / (rebuildMs / 1000);
    const readEventsPerSec = events / (readMs / 1000);
    return {
      openDeadlines: report.deadlines,
      teams: TEAMS,
      cases: report.cases,
      events: report.events,
      pageSize: PAGE,
      overdueQueryP50Ms: round(percentile(queryMs, 50)),
      overdueQueryP99Ms: round(percentile(queryMs, 99)),
      bareZrangeP50Ms: round(percentile(bareMs, 50)),
      bareZrangeP99Ms: round(percentile(bareMs, 99)),
      overdueVsBareP99Ratio: round(percentile(queryMs, 99) / Math.max(percentile(bareMs, 99), 0.001), 2),
      rebuildThreads: report.threads,
      rebuildEventsPerSec: Math.round(rebuildEventsPerSec),
      rebuildOneThreadEventsPerSec: Math.round(single.events / (singleMs / 1000)),
      rebuildVsOneThreadRatio: round(rebuildMs > 0 ? singleMs / rebuildMs : 0, 2),
      rebuildReadAndFoldMs: report.readMs,
      rebuildViewsAndWriteMs: report.writeMs,
      rebuildOldGenerationDeleteMs: report.deleteMs,
      bareReadAllEventsPerSec: Math.round(readEventsPerSec),
      rebuildVsReadAllRatio: round(rebuildEventsPerSec / readEventsPerSec, 2),
      targetOverdueQueryP99Ms: 10,
      targetRebuildEventsPerSec: 50_000,
    };
  } finally {
    await deleteUnder(redis, prefix);
    redis.disconnect();
    await store.close();
    if (kept === undefined) {
      const admin = new Client({ connectionString: PG });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  }
}
