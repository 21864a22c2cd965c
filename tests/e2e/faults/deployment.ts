import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { loadOrCreateDevKey, mintDevToken } from '@csc/auth';
import { createPostgresEventStore, type EventStore } from '@csc/event-store';
import { createRedis, type Redis } from '@csc/redis';
import { CSC_BIN, ServiceProcess } from '../../support/engine-process';
import { freePort } from '../../support/ports';
import { checkInvariants, waitForQuiescence, type AcknowledgedCommand, type InvariantResult } from '../../support/invariants';
import { PrivatePostgres } from '../../support/postgres-server';
import { PrivateRedis } from '../../support/redis-server';
import { uniqueIdentifier } from '../../support/unique';

/**
 * The size of the fault tests. `ci` (the default) fits the CI time limit; `large` is for a run
 * by hand: `FAULTS_SIZE=large FAULTS_OUTAGE_SECONDS=60 npm run test:e2e -- tests/e2e/faults`.
 */
export const SIZE = (() => {
  const name = process.env.FAULTS_SIZE ?? 'ci';
  if (name !== 'ci' && name !== 'large') throw new Error(`FAULTS_SIZE must be "ci" or "large", not ${JSON.stringify(name)}`);
  const outage = Number(process.env.FAULTS_OUTAGE_SECONDS ?? (name === 'large' ? 60 : 10));
  if (!Number.isFinite(outage) || outage <= 0 || outage > 600) throw new Error('FAULTS_OUTAGE_SECONDS must be a number of seconds from 1 to 600');
  return name === 'ci'
    ? { name, cases: 60, clients: 6, loadMs: 1000, outageMs: outage * 1000 }
    : { name, cases: 2000, clients: 24, loadMs: 30_000, outageMs: outage * 1000 };
})();

/** How long one fault test may take at this size (jest timeout). */
export const TEST_TIMEOUT_MS = SIZE.name === 'ci' ? 180_000 + 2 * SIZE.outageMs : 900_000 + 2 * SIZE.outageMs;

/** How long the engine may take to catch up before the invariant check (the projector re-folds a case per event). */
export const SETTLE_TIMEOUT_MS = SIZE.name === 'ci' ? 90_000 : 600_000;

/** The user every load client records as: a team manager of `team-1` (may run every case command there). */
export const USER = { userId: 'tm-fault', roles: ['team-manager' as const], teams: ['team-1'] };

/**
 * The engine deployed as in production on PostgreSQL: the api and the worker as separate built
 * processes, over a private PostgreSQL cluster and a private Redis (no persistence), so that a
 * test may kill any of the four without touching the shared servers.
 */
export class Deployment {
  private storeClient: EventStore | undefined;
  private redisClient: Redis | undefined;

  private constructor(
    readonly pg: PrivatePostgres,
    readonly redis: PrivateRedis,
    readonly prefix: string,
    readonly databaseUrl: string,
    readonly dataDir: string,
    readonly api: ServiceProcess,
    readonly worker: ServiceProcess,
    readonly token: string,
    /** The CSC_* settings both processes run with. */
    readonly env: Readonly<Record<string, string>>,
  ) {}

  /** Starts everything; `worker: false` leaves the worker stopped (start it with `worker.up()`). */
  static async start(options: { worker?: boolean } = {}): Promise<Deployment> {
    const [pg, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
    const databaseUrl = await pg.createDatabase(uniqueIdentifier('faults'));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-faults-'));
    const key = await loadOrCreateDevKey(dataDir);
    const prefix = uniqueIdentifier('faults');
    const env = {
      CSC_EVENT_STORE: databaseUrl,
      CSC_REDIS_URL: redis.url,
      CSC_REDIS_PREFIX: prefix,
      CSC_DATA_DIR: dataDir,
      CSC_AUTH_DEV_KEYS: 'true',
      CSC_API_RATE_LIMIT: '1000000',
      CSC_LOG_LEVEL: 'warn',
    };
    const api = await ServiceProcess.start('api', env);
    const worker = options.worker === false ? new ServiceProcess('worker', await freePort(), env) : await ServiceProcess.start('worker', env);
    const token = await mintDevToken(key, { ...USER, roles: [...USER.roles], ttlSeconds: 3600, audience: 'csc-api', now: new Date() });
    return new Deployment(pg, redis, prefix, databaseUrl, dataDir, api, worker, token, env);
  }

  /** The test's own client of the engine's event store (schema `event_store`). */
  async store(): Promise<EventStore> {
    this.storeClient ??= await createPostgresEventStore({ url: this.databaseUrl, poolSize: 4, applicationName: 'csc-fault-test' });
    return this.storeClient;
  }

  /** The test's own client of the engine's Redis (waits for Redis to come back after a restart). */
  redisConnection(): Redis {
    this.redisClient ??= createRedis(this.redis.url, { role: 'blocking', connectionName: 'csc-fault-test' });
    return this.redisClient;
  }

  /** Counts alert events in the store with a plain SQL query (cheap enough to poll). */
  async alertEventCount(): Promise<number> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM event_store.events WHERE type LIKE 'Timescale%'`);
      return Number(rows[0]?.n ?? 0);
    } finally {
      await client.end();
    }
  }

  /** Waits until the worker has caught up, then runs the invariant check of tests/support/invariants.ts. */
  async check(acknowledged: readonly AcknowledgedCommand[], timeoutMs = SETTLE_TIMEOUT_MS): Promise<InvariantResult> {
    const store = await this.store();
    const redis = this.redisConnection();
    await waitForQuiescence({ store, redis, prefix: this.prefix, timeoutMs, progress: (message) => process.stdout.write(`  ${message}\n`) });
    return checkInvariants({ store, redis, prefix: this.prefix, acknowledged });
  }

  /** Runs a `csc` command against this deployment (as an operator would); resolves with its output, rejects if it fails. */
  async csc(...args: string[]): Promise<string> {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CSC_BIN, ...args], { env: { PATH: process.env.PATH, ...this.env }, timeout: 120_000 });
    return `${stdout}${stderr}`;
  }

  /** The last lines each process wrote (for a failing assertion's message). */
  logs(): string {
    return `--- api ---\n${this.api.text.slice(-4000)}\n--- worker ---\n${this.worker.text.slice(-4000)}`;
  }

  async close(): Promise<void> {
    await Promise.all([this.api.kill('SIGKILL'), this.worker.kill('SIGKILL')]);
    await this.storeClient?.close().catch(() => undefined);
    this.redisClient?.disconnect();
    await Promise.all([this.pg.destroy(), this.redis.down()]);
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
