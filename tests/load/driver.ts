/**
 * The load test's driver: starts the built engine as real processes (the api and the worker,
 * `dist/apps/{api,worker}/src/main.js`) on a PostgreSQL database of their own on the shared
 * server and a Redis prefix of their own, runs `clients` concurrent HTTP clients on loopback
 * for `seconds`, then stops them, waits for projections and alerts to catch up, and checks:
 * - the invariants (`tests/support/invariants.ts`) over the store and Redis, with every command
 *   a client was told had succeeded;
 * - privacy: no Redis key or value under the prefix (sampled every few seconds while the load
 *   runs, so transient BullMQ job data, return values and events are seen too), and no line
 *   the two processes wrote, holds any of the personal data the clients sent (`PERSONAL_DATA`).
 *
 * The clients work through synthetic councils (`@csc/synthetic`): each takes the next child's
 * case (or LADO allegation) and sends its commands in order over HTTP, each followed with
 * probability `queryShare` by a query (the case, its deadlines, a team's overdue or due queue,
 * an IRO's due list, the allegation, or the case's history with a reason for reading it).
 * Tokens are development tokens (`CSC_AUTH_DEV_KEYS=true`) minted with the engine's dev key.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { deleteKeysUnder } from '@csc/alerts';
import { loadOrCreateDevKey, mintDevToken } from '@csc/auth';
import { loadEngineCalendar } from '@csc/calendar-files';
import { createPostgresEventStore } from '@csc/event-store';
import { createRedis, type Redis } from '@csc/redis';
import { checkInvariants, waitForQuiescence, type AcknowledgedCommand, type InvariantResult } from '../support/invariants';
import { freePort } from '../support/ports';
import { ServiceProcess } from './processes';
import { scanLines, scanRedis, type Finding } from './privacy';
import { PERSONAL_DATA, Workload, accessReason, personalMarkers, type LoadCommand, type RecordScript } from './workload';

export interface LoadOptions {
  readonly clients: number;
  readonly seconds: number;
  /** Synthetic council profile: `small` or `enfield` (default `small`). */
  readonly profile?: string;
  readonly seed?: string;
  /** Chance that a command is followed by a query (default 0.6). */
  readonly queryShare?: number;
  /** Shared PostgreSQL server (a database `load_<id>` is created on it and dropped after). */
  readonly postgresUrl?: string;
  readonly redisUrl?: string;
  /** CSC_LOG_LEVEL of the engine (default `info`). */
  readonly logLevel?: string;
  /** Keep the database and Redis keys afterwards (to look at them). */
  readonly keep?: boolean;
  readonly settleTimeoutMs?: number;
  readonly progress?: (message: string) => void;
}

interface Latencies {
  readonly count: number;
  readonly perSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface LoadReport {
  readonly clients: number;
  readonly seconds: number;
  readonly store: 'postgres';
  readonly profile: string;
  readonly commands: Latencies & { readonly acknowledged: number; readonly events: number };
  readonly queries: Latencies & { readonly ok: number };
  /** Answers other than success, by `<status> <code>` (network failures as `network <message>`); privacy probes not counted. */
  readonly errorsByCode: Record<string, number>;
  readonly serverErrors: number;
  /** Requests meant to be refused (personal data in a reference, an unknown field or the URL), by status. */
  readonly privacyProbes: Record<string, number>;
  readonly settleMs: number;
  readonly invariants: InvariantResult;
  readonly privacy: { readonly ok: boolean; readonly findings: Finding[]; readonly scanned: Record<string, number> };
  /** Exit codes of the api and the worker after SIGTERM. */
  readonly exitCodes: Record<string, number | null>;
  /** csc_* samples of the /metrics endpoints, when they exist. */
  readonly metrics?: Record<string, Record<string, number>>;
}

const DEFAULT_POSTGRES = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DEFAULT_REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function summarise(samples: number[], seconds: number): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { count: sorted.length, perSec: round(sorted.length / seconds), p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted[sorted.length - 1] ?? 0) };
}

/** A small deterministic PRNG per client (mulberry32), so runs differ only by timing. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Recorder {
  readonly acknowledged: AcknowledgedCommand[] = [];
  readonly commandMs: number[] = [];
  readonly queryMs: number[] = [];
  readonly errors: Record<string, number> = {};
  readonly probes: Record<string, number> = {};
  queriesOk = 0;
  serverErrors = 0;
  events = 0;

  error(key: string, status: number): void {
    this.errors[key] = (this.errors[key] ?? 0) + 1;
    if (status >= 500) this.serverErrors++;
  }
}

interface Principals {
  readonly client: string;
  readonly iros: ReadonlyMap<string, string>;
}

async function problemCode(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : '-';
  } catch {
    return '-';
  }
}

/** One HTTP client: works through records until `stop` is set. */
async function runClient(n: number, base: string, workload: Workload, tokens: Principals, recorder: Recorder, options: Required<Pick<LoadOptions, 'queryShare'>>, stopped: () => boolean): Promise<void> {
  const rand = random(n * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const teams = [...workload.teams];
  const iros = [...tokens.iros.keys()];
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  let sent = 0;

  const timed = async (kind: 'command' | 'query', url: string, init: RequestInit): Promise<Response | undefined> => {
    const started = performance.now();
    try {
      const response = await fetch(url, init);
      (kind === 'command' ? recorder.commandMs : recorder.queryMs).push(performance.now() - started);
      return response;
    } catch (error) {
      recorder.error(`network ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`, 0);
      return undefined;
    }
  };

  const command = async (item: LoadCommand): Promise<void> => {
    sent++;
    // Every tenth key carries a name: keys are kept hashed, so it must not surface.
    const key = sent % 10 === 0 ? `${PERSONAL_DATA.names[n % PERSONAL_DATA.names.length]!.replace(/ /g, '')}-${randomUUID()}` : randomUUID();
    const response = await timed('command', `${base}${item.path}`, {
      method: 'POST', headers: { ...auth(tokens.client), 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(item.body),
    });
    if (response === undefined) return;
    if (response.status === 201) {
      const body = (await response.json()) as { streamId: string; events: { id: string; revision: number; type: string }[] };
      recorder.acknowledged.push({ streamId: body.streamId, events: body.events.map((e) => ({ id: e.id, revision: e.revision, type: e.type })), label: `${item.type} ${item.recordId}` });
      recorder.events += body.events.length;
    } else {
      recorder.error(`${response.status} ${await problemCode(response)}`, response.status);
    }
  };

  const query = async (script: RecordScript): Promise<void> => {
    const roll = rand();
    let url: string;
    let token = tokens.client;
    const headers: Record<string, string> = {};
    const id = encodeURIComponent(script.recordId);
    if (script.stream === 'allegation') url = roll < 0.8 ? `/allegations/${id}` : `/allegations/${id}/deadlines`;
    else if (roll < 0.3) url = `/cases/${id}`;
    else if (roll < 0.45) url = `/cases/${id}/deadlines`;
    else if (roll < 0.6) url = `/queues/teams/${encodeURIComponent(pick(teams))}/overdue`;
    else if (roll < 0.75) url = `/queues/teams/${encodeURIComponent(pick(teams))}/due`;
    else if (roll < 0.9 && iros.length > 0) {
      const iro = pick(iros);
      url = `/queues/iros/${encodeURIComponent(iro)}/due`;
      token = tokens.iros.get(iro)!;
    } else {
      // A history read with a reason built from personal data (kept in the access log only).
      const reason = accessReason(sent + n);
      if (rand() < 0.5) url = `/cases/${id}/history?reason=${encodeURIComponent(reason)}`;
      else {
        url = `/cases/${id}/history`;
        headers['x-access-reason'] = reason;
      }
    }
    const response = await timed('query', `${base}${url}`, { headers: { ...auth(token), ...headers } });
    if (response === undefined) return;
    if (response.status === 200) {
      recorder.queriesOk++;
      await response.arrayBuffer();
    } else recorder.error(`${response.status} ${await problemCode(response)}`, response.status);
  };

  /** Requests that carry personal data where only references belong: each must be refused. */
  const probe = async (script: RecordScript): Promise<void> => {
    const name = pick(PERSONAL_DATA.names);
    const id = encodeURIComponent(script.recordId);
    const headers = { ...auth(tokens.client), 'content-type': 'application/json', 'idempotency-key': randomUUID() };
    const occurredAt = new Date(Date.now() - 86_400_000).toISOString();
    const requests: [string, RequestInit][] = [
      [`/cases/${id}/commands/allocate-iro`, { method: 'POST', headers, body: JSON.stringify({ iroRef: name, occurredAt }) }],
      [`/cases/${id}/commands/change-team`, { method: 'POST', headers, body: JSON.stringify({ teamRef: 'team-1', occurredAt, name, dateOfBirth: pick(PERSONAL_DATA.datesOfBirth), notes: pick(PERSONAL_DATA.freeText) }) }],
      [`/cases/${encodeURIComponent(PERSONAL_DATA.nameInUrl)}`, { headers: auth(tokens.client) }],
    ];
    const [url, init] = pick(requests);
    try {
      const response = await fetch(`${base}${url}`, init);
      await response.arrayBuffer();
      const key = `${response.status}`;
      recorder.probes[key] = (recorder.probes[key] ?? 0) + 1;
      if (response.status >= 500) recorder.serverErrors++;
    } catch (error) {
      recorder.error(`network ${error instanceof Error ? error.message : String(error)}`, 0);
    }
  };

  while (!stopped()) {
    const script = workload.next();
    for (const item of script.commands) {
      if (stopped()) return;
      await command(item);
      if (rand() < options.queryShare && !stopped()) await query(script);
      if (rand() < 0.02 && !stopped()) await probe(script);
    }
  }
}

async function readMetrics(port: number): Promise<Record<string, number> | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    if (response.status !== 200) return undefined;
    const samples: Record<string, number> = {};
    for (const line of (await response.text()).split('\n')) {
      const match = /^(csc_[^\s]+)\s+([-+0-9.eE]+|NaN)$/.exec(line);
      // Histogram buckets are left out: sums and counts say enough for a report.
      if (match && !match[1]!.includes('_bucket{') && Object.keys(samples).length < 120) samples[match[1]!] = Number(match[2]);
    }
    return samples;
  } catch {
    return undefined;
  }
}

/** Runs the load, the invariant check and the privacy scan; see the file's doc comment. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const progress = options.progress ?? (() => undefined);
  const id = randomUUID().replace(/-/g, '').slice(0, 12);
  const database = `load_${id}`;
  const prefix = `load-${id}`;
  const serverUrl = options.postgresUrl ?? DEFAULT_POSTGRES;
  const redisUrl = options.redisUrl ?? DEFAULT_REDIS;
  const storeUrl = databaseUrl(serverUrl, database);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-load-'));
  const profile = options.profile ?? 'small';
  const queryShare = options.queryShare ?? 0.6;
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
  const redis: Redis = createRedis(redisUrl, { role: 'command', connectionName: 'csc-load-driver' });
  const services: ServiceProcess[] = [];
  const findings: Finding[] = [];
  const scanned = { redisScans: 0, redisKeys: 0, jobs: 0, logLines: 0 };
  try {
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const env = {
      CSC_EVENT_STORE: storeUrl, CSC_REDIS_URL: redisUrl, CSC_REDIS_PREFIX: prefix, CSC_DATA_DIR: dataDir, CSC_AUTH_DEV_KEYS: 'true',
      CSC_API_RATE_LIMIT: '100000000', CSC_LOG_LEVEL: options.logLevel ?? 'info', CSC_API_PORT: String(apiPort), CSC_WORKER_PORT: String(workerPort),
    };
    progress(`starting the api (:${apiPort}) and the worker (:${workerPort}) on database ${database}, Redis prefix ${prefix}`);
    const api = ServiceProcess.start('api', apiPort, env);
    services.push(api);
    await api.ready();
    const worker = ServiceProcess.start('worker', workerPort, env);
    services.push(worker);
    await worker.ready();

    const workload = new Workload({ profile, seed: options.seed ?? 'load', until: new Date() });
    workload.next();
    const key = await loadOrCreateDevKey(dataDir);
    const mint = (userId: string, roles: string[], teams: string[]) => mintDevToken(key, { userId, roles: roles as never, teams, ttlSeconds: 24 * 3600, audience: 'csc-api', now: new Date() });
    const iroTokens = new Map<string, string>();
    for (const iro of workload.iros) iroTokens.set(iro, await mint(iro, ['iro'], []));
    const recorder = new Recorder();
    const base = `http://127.0.0.1:${apiPort}`;
    const clientTokens = await Promise.all(Array.from({ length: options.clients }, (_, n) => mint(`load-client-${n + 1}`, ['team-manager', 'lado', 'auditor'], [...workload.teams])));

    progress(`${options.clients} clients for ${options.seconds} s (profile ${profile}, query share ${queryShare})`);
    let stop = false;
    const started = performance.now();
    const clients = clientTokens.map((token, n) => runClient(n, base, workload, { client: token, iros: iroTokens }, recorder, { queryShare }, () => stop));
    const markers = personalMarkers();
    const sampler = (async () => {
      while (!stop) {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        if (stop) break;
        const scan = await scanRedis(redis, prefix, markers);
        findings.push(...scan.findings);
        scanned.redisScans++;
        scanned.jobs = Math.max(scanned.jobs, scan.jobs);
        const elapsed = (performance.now() - started) / 1000;
        progress(`${elapsed.toFixed(0)} s: ${recorder.acknowledged.length} commands acknowledged (${(recorder.acknowledged.length / elapsed).toFixed(0)}/s), ${recorder.queriesOk} queries, ${Object.values(recorder.errors).reduce((a, b) => a + b, 0)} errors, ${scan.keys} Redis keys, ${scan.jobs} jobs`);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
    stop = true;
    await Promise.all(clients);
    const elapsedSeconds = (performance.now() - started) / 1000;
    await sampler;
    progress(`clients stopped after ${elapsedSeconds.toFixed(1)} s: ${recorder.acknowledged.length} commands acknowledged; waiting for projections and alerts to catch up`);

    const store = await createPostgresEventStore({ url: storeUrl, poolSize: 4, applicationName: 'csc-load-check' });
    let invariants: InvariantResult;
    let settleMs: number;
    try {
      const settleStarted = performance.now();
      await waitForQuiescence({ store, redis, prefix, timeoutMs: options.settleTimeoutMs ?? 120_000, progress });
      settleMs = Math.round(performance.now() - settleStarted);
      progress(`settled in ${settleMs} ms; checking invariants`);
      invariants = await checkInvariants({ store, redis, prefix, acknowledged: recorder.acknowledged, calendar: loadEngineCalendar(dataDir).calendar });
    } finally {
      await store.close();
    }
    const metrics: Record<string, Record<string, number>> = {};
    for (const [name, port] of [['api', apiPort], ['worker', workerPort]] as const) {
      const samples = await readMetrics(port);
      if (samples !== undefined) metrics[name] = samples;
    }

    progress('scanning Redis and the logs for personal data');
    const last = await scanRedis(redis, prefix, markers);
    findings.push(...last.findings);
    scanned.redisScans++;
    scanned.redisKeys = last.keys;
    scanned.jobs = Math.max(scanned.jobs, last.jobs);
    const exitCodes: Record<string, number | null> = {};
    for (const service of services) exitCodes[service.name] = await service.stop();
    for (const service of services) {
      findings.push(...scanLines(service.name, service.lines, markers));
      scanned.logLines += service.lines.length;
    }
    const unique = dedupe(findings);
    return {
      clients: options.clients, seconds: options.seconds, store: 'postgres', profile,
      commands: { ...summarise(recorder.commandMs, elapsedSeconds), acknowledged: recorder.acknowledged.length, events: recorder.events },
      queries: { ...summarise(recorder.queryMs, elapsedSeconds), ok: recorder.queriesOk },
      errorsByCode: recorder.errors, serverErrors: recorder.serverErrors, privacyProbes: recorder.probes, settleMs, invariants,
      privacy: { ok: unique.length === 0, findings: unique, scanned }, exitCodes,
      ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
    };
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    if (options.keep !== true) {
      await deleteKeysUnder(redis, prefix);
      await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    } else progress(`kept database ${database}, Redis prefix ${prefix} and data folder ${dataDir}`);
    redis.disconnect();
  }
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.where}\u0000${f.marker}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
