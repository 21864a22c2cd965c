/**
 * The api over PostgreSQL through the whole HTTP stack (helmet, bearer-token
 * verification, per-user rate limit in Redis, Idempotency-Key in Redis,
 * validation, the case handler): commands per second and p50/p99 latency at
 * a fixed concurrency, and the same for a case-state query, each beside the
 * health endpoint served by the same process in the same run.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { loadOrCreateDevKey, mintDevToken } from '@csc/auth';
import { loadConfig } from '@csc/config';
import { createApiApplication } from '../apps/api/src/create';

export const description = 'api commands/s and case-state queries/s with p50/p99 (16 connections, PostgreSQL, real Redis) vs GET /health/live on the same app';

const CONNECTIONS = 16;
const DURATION_SECONDS = 5;
const CASES = 64;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Figures {
  readonly perSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
}

async function load(url: string, options: Partial<autocannon.Options>): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS, ...options });
  return { perSec: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx: result.non2xx + result.errors };
}

export async function run(progress: (message: string) => void): Promise<Record<string, number | string>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-bench-api-'));
  const schema = `bench_api_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const config = loadConfig({
    CSC_EVENT_STORE: POSTGRES_URL, CSC_REDIS_URL: REDIS_URL, CSC_REDIS_PREFIX: schema, CSC_DATA_DIR: dataDir,
    CSC_AUTH_DEV_KEYS: 'true', CSC_LOG_LEVEL: 'silent', CSC_API_RATE_LIMIT: '100000000',
  });
  const app = await createApiApplication(config, [], { schema });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  try {
    const key = await loadOrCreateDevKey(dataDir);
    const token = await mintDevToken(key, { userId: 'bench', roles: ['team-manager'], teams: ['team-a'], ttlSeconds: 3600, audience: config.authAudience, now: new Date() });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    progress(`opening ${CASES} cases in care`);
    await prepareCases(url, headers);

    progress('baseline: GET /health/live');
    const health = await load(`${url}/health/live`, {});
    progress('commands: POST record-lac-visit, round-robin over the cases');
    let n = 0;
    const body = JSON.stringify({ instanceId: 'lac-1', occurredAt: '2025-04-10T10:00:00+00:00', seenAlone: true });
    const commands = await load(url, {
      requests: [{
        method: 'POST',
        setupRequest: (request) => ({ ...request, path: `/cases/bench-${n++ % CASES}/commands/record-lac-visit`, body, headers: { ...headers, 'idempotency-key': randomUUID() } }),
      }],
    });
    progress('queries: GET /cases/:caseId');
    let m = 0;
    const queries = await load(url, { requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/cases/bench-${m++ % CASES}`, headers }) }] });
    const ratio = (value: number, base: number) => Math.round((value / base) * 1000) / 1000;
    return {
      connections: CONNECTIONS,
      store: 'postgres',
      healthPerSec: Math.round(health.perSec), healthP50Ms: health.p50Ms, healthP99Ms: health.p99Ms,
      commandsPerSec: Math.round(commands.perSec), commandP50Ms: commands.p50Ms, commandP99Ms: commands.p99Ms, commandNon2xx: commands.non2xx,
      commandsVsHealthRatio: ratio(commands.perSec, health.perSec),
      caseQueriesPerSec: Math.round(queries.perSec), caseQueryP50Ms: queries.p50Ms, caseQueryP99Ms: queries.p99Ms, caseQueryNon2xx: queries.non2xx,
      caseQueriesVsHealthRatio: ratio(queries.perSec, health.perSec),
    };
  } finally {
    await app.close();
    await dropSchema(schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function prepareCases(url: string, headers: Record<string, string>): Promise<void> {
  const post = async (caseId: string, command: string, body: object) => {
    const response = await fetch(`${url}/cases/${caseId}/commands/${command}`, { method: 'POST', headers: { ...headers, 'idempotency-key': randomUUID() }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`${command}: ${response.status} ${await response.text()}`);
  };
  for (let i = 0; i < CASES; i++) {
    await post(`bench-${i}`, 'open-case', { teamRef: 'team-a', occurredAt: '2025-04-01T09:00:00+00:00' });
    await post(`bench-${i}`, 'record-became-looked-after', {
      occurredAt: '2025-04-01T10:00:00+00:00', legalStatus: 'C2', placement: { placementRef: 'pl-1', placementType: 'U4', visitRegime: 'standard' },
    });
  }
}

async function dropSchema(schema: string): Promise<void> {
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}
