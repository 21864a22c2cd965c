/**
 * `npm run bench -- alerts`: the deadline scheduler at scale. For N open deadlines (CP enquiries,
 * ALERTS_BENCH_N, default 100,000): scheduling them all through the per-case sync, against a bare
 * BullMQ addBulk of the same jobs; Redis bytes per scheduled deadline; reconciling after every key
 * of the prefix is deleted. Then a burst (ALERTS_BENCH_BURST, default 10,000) of 72-hour return
 * interview breaches due within one minute, fired by a real BullMQ worker through the processor
 * (read the case, append the alert): lateness p50/p99 (raisedAt - scheduledFor).
 * Uses CSC_REDIS_URL (default local) under a unique prefix, and an embedded store in a temp folder
 * (or CSC_EVENT_STORE).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import {
  AlertProcessor, DEFAULT_ALERT_POLICY, Deliveries, FIRE_QUEUE, FireQueue, bullPrefix, deleteKeysUnder, fireJobId, fireJobProcessor, planCase,
  reconcile, syncCase, type FireJobData, type PlanContext,
} from '@csc/alerts';
import { shippedCalendar } from '@csc/calendar';
import { caseStreamId, decide, encodeCaseEvent, foldCase, type CaseCommand, type CaseEvent } from '@csc/case';
import { createEventStore, type EventStore, type JsonObject, type NewEvent } from '@csc/event-store';
import { createRedis, type Redis } from '@csc/redis';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

export const description = 'alert scheduling, Redis bytes per deadline, reconcile after a flush, and firing lateness of a burst';

const N = Number(process.env.ALERTS_BENCH_N ?? 100_000);
const BURST = Number(process.env.ALERTS_BENCH_BURST ?? 10_000);
const BURST_WINDOW_MS = 60_000;
const attendance = { police: true, health: true, education: true, others: [] };

function toNew(events: readonly CaseEvent[], caseId: string): NewEvent[] {
  return events.map((event, i) => ({
    id: randomUUID(), type: encodeCaseEvent(event).type, data: encodeCaseEvent(event).data as JsonObject,
    metadata: { occurredAt: event.occurredAt, actor: { userId: 'bench', role: 'recorder' }, correlationId: `${caseId}-${i}`, rulebookVersion: event.type === 'PathwayEventRecorded' ? event.rulebookVersion : null },
  }));
}

/** Decides a sequence of commands for one case (pure), returning the events to append in one go. */
function decideAll(commands: readonly CaseCommand[], now: string): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const command of commands) {
    const decision = decide(command, foldCase(events.map(encodeCaseEvent)), now, {});
    if (!decision.ok) throw decision.error;
    events.push(...decision.events);
  }
  return events;
}

function cpCase(caseId: string): CaseCommand[] {
  return [
    { type: 'OpenCase', caseId, teamRef: 'team-1', rulebook: 'national', occurredAt: '2026-05-18T08:00:00Z' },
    { type: 'AllocateIro', caseId, iroRef: 'iro-1', occurredAt: '2026-05-18T08:00:00Z' },
    { type: 'RecordStrategyDiscussion', caseId, attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true, occurredAt: '2026-05-18T08:30:00Z' },
  ];
}

function missingCase(caseId: string, returnedAt: number): CaseCommand[] {
  const iso = (ms: number): string => new Date(ms).toISOString();
  return [
    { type: 'OpenCase', caseId, teamRef: 'team-1', rulebook: 'national', occurredAt: iso(returnedAt - 5 * 86400_000) },
    { type: 'ReportMissing', caseId, occurredAt: iso(returnedAt - 3600_000), kind: 'missing', childStatus: 'child-in-need' },
    { type: 'RecordReturn', caseId, instanceId: 'mis-1', occurredAt: iso(returnedAt), timeKnown: true, childStatus: 'child-in-need', returnedHow: 'self-returned' },
  ];
}

async function appendCases(store: EventStore, cases: readonly [string, CaseEvent[]][], progress: (m: string) => void): Promise<void> {
  const pool = 8;
  for (let i = 0; i < cases.length; i += pool) {
    await Promise.all(cases.slice(i, i + pool).map(([caseId, events]) => store.append(caseStreamId(caseId), toNew(events, caseId), 'no_stream')));
    if ((i / pool) % 2500 === 0) progress(`appended ${i} cases`);
  }
}

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/^used_memory:(\d+)/m.exec(await redis.info('memory'))?.[1] ?? NaN);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function inPool<T>(items: readonly T[], size: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await task(items[next++] as T);
  }));
}

export async function run(progress: (message: string) => void): Promise<Record<string, number | string>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-bench-alerts-'));
  const schema = `bench_alerts_${Date.now()}`;
  const store = await createEventStore({ eventStore: process.env.CSC_EVENT_STORE ?? 'embedded', dataDir, schema });
  const redis = createRedis(process.env.CSC_REDIS_URL ?? 'redis://127.0.0.1:6379', { role: 'blocking' });
  const prefix = `bench-alerts-${randomUUID().slice(0, 8)}`;
  const baselinePrefix = `${prefix}-baseline`;
  const context: PlanContext = { calendar: shippedCalendar(), policy: DEFAULT_ALERT_POLICY };
  const virtualNow = Date.parse('2026-05-18T09:00:00Z');
  const jobs = new FireQueue(redis, prefix, 12);
  const deps = { store, jobs, context, clock: () => new Date(virtualNow) };
  try {
    const template = decideAll(cpCase('TEMPLATE'), '2026-05-18T09:00:00Z');
    const ids = Array.from({ length: N }, (_, i) => `b${i}`);
    await appendCases(store, ids.map((id) => [id, JSON.parse(JSON.stringify(template).replaceAll('TEMPLATE', id)) as CaseEvent[]]), progress);
    progress(`${N} cases with an open ICPC deadline appended`);

    const sampleIds = ids.slice(0, Math.min(N, 2000));
    let started = performance.now();
    await inPool(sampleIds, 16, (id) => syncCase(deps, id));
    const syncMs = performance.now() - started;
    progress(`per-case sync (the subscription's path) of ${sampleIds.length} cases in ${Math.round(syncMs)} ms`);
    await deleteKeysUnder(redis, prefix);
    const memoryBefore = await usedMemory(redis);
    started = performance.now();
    await reconcile(deps, progress);
    const scheduleMs = performance.now() - started;
    const memoryAfter = await usedMemory(redis);
    const scheduled = await jobs.queue.getDelayedCount();
    progress(`scheduled ${scheduled} jobs in bulk (reconcile from nothing) in ${Math.round(scheduleMs)} ms`);

    const first = JSON.parse(JSON.stringify(template).replaceAll('TEMPLATE', 'b0')) as CaseEvent[];
    const next = planCase(first.map((e) => ({ id: randomUUID(), ...encodeCaseEvent(e) })), context).next[0];
    if (next === undefined) throw new Error('the template case plans no alert');
    // Same-run baseline: a bare addBulk of the same jobs in the form used before they were
    // shortened (payload { caseId, alertId, at }, name 'fire', id alert/<alertId>, backoff and
    // removeOnComplete stored), for its time and its Redis bytes.
    const baseline = new Queue(FIRE_QUEUE, { connection: redis, prefix: bullPrefix(baselinePrefix) });
    const baselineMemoryBefore = await usedMemory(redis);
    started = performance.now();
    for (let i = 0; i < N; i += 1000) {
      await baseline.addBulk(ids.slice(i, i + 1000).map((id) => {
        const alertId = next.alertId.replace(/^b0\//, `${id}/`);
        const opts = { jobId: `alert/${alertId}`, delay: next.at - virtualNow, attempts: 12, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true };
        return { name: 'fire', data: { caseId: id, alertId, at: next.at }, opts };
      }));
    }
    const baselineMs = performance.now() - started;
    const baselineBytes = (await usedMemory(redis)) - baselineMemoryBefore;
    await baseline.close();
    await deleteKeysUnder(redis, baselinePrefix);

    const sample = await Promise.all(ids.slice(0, 200).map((id) => redis.memory('USAGE', jobs.queue.toKey(fireJobId(next.alertId.replace(/^b0\//, `${id}/`)))))) ;
    const jobHashBytes = sample.reduce<number>((sum, bytes) => sum + Number(bytes ?? 0), 0) / sample.length;
    const delayedSetBytes = Number((await redis.memory('USAGE', jobs.queue.toKey('delayed'))) ?? 0) / N;

    await deleteKeysUnder(redis, prefix);
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    const report = await reconcile(deps, progress);
    const reconcileMs = performance.now() - started;
    const reconcileCpu = process.cpuUsage(cpuBefore);
    progress(`reconciled ${report.planned} jobs (${report.added} added) in ${Math.round(reconcileMs)} ms`);
    await deleteKeysUnder(redis, prefix);

    const burstDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-bench-alerts-burst-'));
    const burstSchema = `bench_alerts_burst_${Date.now()}`;
    const burstStore = await createEventStore({ eventStore: process.env.CSC_EVENT_STORE ?? 'embedded', dataDir: burstDir, schema: burstSchema });
    const lateness = await burst(burstStore, redis, prefix, context, progress).finally(async () => {
      await burstStore.close();
      fs.rmSync(burstDir, { recursive: true, force: true });
      await dropPostgresSchema(burstSchema);
    });
    return {
      deadlines: N,
      syncCasesPerSec: Math.round(sampleIds.length / (syncMs / 1000)),
      scheduleMs: Math.round(scheduleMs), scheduleDeadlinesPerSec: Math.round(N / (scheduleMs / 1000)),
      baselineAddBulkMs: Math.round(baselineMs), baselineAddBulkPerSec: Math.round(N / (baselineMs / 1000)), scheduleVsBaselineRatio: Number((scheduleMs / baselineMs).toFixed(2)),
      redisBytesPerDeadline: Math.round((memoryAfter - memoryBefore) / N), baselineLongPayloadBytesPerDeadline: Math.round(baselineBytes / N),
      redisBytesVsBaselineRatio: Number(((memoryAfter - memoryBefore) / baselineBytes).toFixed(2)), jobHashBytes: Math.round(jobHashBytes), delayedSetBytesPerDeadline: Math.round(delayedSetBytes),
      reconcileAfterFlushMs: Math.round(reconcileMs), reconcileCpuMs: Math.round((reconcileCpu.user + reconcileCpu.system) / 1000), targetReconcileAfterFlushMs: 30_000,
      eventStore: store.kind, loadAverage1m: Number(os.loadavg()[0]?.toFixed(1)), cores: os.cpus().length,
      ...lateness, targetLatenessP99Ms: 1000, targetRedisBytesPerDeadline: 1024,
    };
  } finally {
    await deleteKeysUnder(redis, prefix);
    await jobs.close();
    redis.disconnect();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await dropPostgresSchema(schema);
  }
}

/** The PostgreSQL schemas a run on CSC_EVENT_STORE=postgres://... made are dropped at the end. */
async function dropPostgresSchema(schema: string): Promise<void> {
  const url = process.env.CSC_EVENT_STORE ?? '';
  if (!url.startsWith('postgres')) return;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}

/** BURST missing-episode cases whose 72-hour interview breaches fall due within one minute, fired for real. */
async function burst(store: EventStore, redis: Redis, prefix: string, context: PlanContext, progress: (m: string) => void): Promise<Record<string, number>> {
  // Lead time for appending the cases and reconciling them (about 6 ms a case here) before the first is due.
  const start = Date.now() + 20_000 + BURST * 10;
  // A return opens two MIS-01 deadlines (interview offered, completed) due at the same instant: BURST / 2 cases, BURST jobs.
  const cases: [string, CaseEvent[]][] = [];
  const count = Math.ceil(BURST / 2);
  for (let i = 0; i < count; i++) {
    const due = start + Math.floor((i / count) * BURST_WINDOW_MS);
    cases.push([`m${i}`, decideAll(missingCase(`m${i}`, due - 72 * 3600_000), new Date().toISOString())]);
  }
  await appendCases(store, cases, progress);
  const clock = () => new Date();
  const jobs = new FireQueue(redis, prefix, 12);
  const report = await reconcile({ store, jobs, context, clock });
  const inWindow = report.planned;
  progress(`burst: ${inWindow} jobs planned, first due in ${Math.round((start - Date.now()) / 1000)} s`);
  const deliveries = new Deliveries({ redis, prefix, channels: [], clock });
  const processor = new AlertProcessor({ store, context, clock, deliveries });
  const connection = createRedis(process.env.CSC_REDIS_URL ?? 'redis://127.0.0.1:6379', { role: 'blocking' });
  const worker = new Worker<FireJobData>(FIRE_QUEUE, fireJobProcessor(processor), { connection, prefix: bullPrefix(prefix), concurrency: 32 });
  const late: number[] = [];
  let raised = 0;
  worker.on('completed', (_job, result) => {
    if (result === 'raised') raised++;
  });
  const cpuBefore = process.cpuUsage();
  let cpu = cpuBefore;
  try {
    const endBy = start + BURST_WINDOW_MS + 120_000;
    while (raised < inWindow && Date.now() < endBy) await new Promise((resolve) => setTimeout(resolve, 500));
    cpu = process.cpuUsage(cpuBefore);
    for (const event of await store.readAll({ maxCount: 10_000_000 })) {
      if (event.type.startsWith('Timescale')) late.push(Number(event.data.lateByMs));
    }
  } finally {
    await worker.close();
    connection.disconnect();
    await deliveries.close();
    await jobs.close();
  }
  late.sort((a, b) => a - b);
  return { burstJobs: inWindow, burstRaised: late.length, burstWindowMs: BURST_WINDOW_MS, burstCpuMs: Math.round((cpu.user + cpu.system) / 1000), burstLoadAverage1m: Number(os.loadavg()[0]?.toFixed(1)), latenessP50Ms: percentile(late, 50), latenessP99Ms: percentile(late, 99), latenessMaxMs: late[late.length - 1] ?? NaN };
}
