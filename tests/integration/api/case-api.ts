import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadOrCreateDevKey, mintDevToken, type DevKey, type Role } from '@csc/auth';
import { loadConfig } from '@csc/config';
import type { EventStore, RecordedEvent } from '@csc/event-store';
import { createApiApplication } from '../../../apps/api/src/create';
import { CaseRecords } from '../../../apps/api/src/cases/case-records';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from '../../support/services';
import { uniqueIdentifier } from '../../support/unique';
import { dropSchema } from '../../support/postgres';

export type StoreKind = 'postgres' | 'embedded';

export interface CaseApi {
  readonly url: string;
  readonly app: INestApplication;
  readonly key: DevKey;
  readonly audience: string;
  token(role: Role | Role[], user?: string, teams?: string[]): Promise<string>;
  store(): Promise<EventStore>;
  readAll(): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

/**
 * The real api (real Redis, dev-key auth) over a private event store: a
 * unique PostgreSQL schema, or an embedded store in a fresh folder. Its
 * readAll holds only this api's streams.
 */
export async function startCaseApi(kind: StoreKind = 'postgres', env: Record<string, string> = {}): Promise<CaseApi> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csc-case-api-'));
  const schema = uniqueIdentifier('api_cases');
  const config = loadConfig({
    CSC_EVENT_STORE: kind === 'postgres' ? TEST_POSTGRES_URL : 'embedded',
    CSC_REDIS_URL: TEST_REDIS_URL,
    CSC_REDIS_PREFIX: uniqueIdentifier('api'),
    CSC_DATA_DIR: dataDir,
    CSC_AUTH_DEV_KEYS: 'true',
    CSC_LOG_LEVEL: 'silent',
    CSC_API_RATE_LIMIT: '100000',
    ...env,
  });
  const app = await createApiApplication(config, [], kind === 'postgres' ? { schema } : {});
  await app.listen(0, '127.0.0.1');
  const key = await loadOrCreateDevKey(dataDir);
  const records = app.get(CaseRecords);
  await records.store(); // opened in the background; the embedded store takes seconds to create its files
  return {
    url: await app.getUrl(),
    app,
    key,
    audience: config.authAudience,
    token: (role, user = 'u1', teams = ['t1']) =>
      mintDevToken(key, { userId: user, roles: Array.isArray(role) ? role : [role], teams, ttlSeconds: 600, audience: config.authAudience, now: new Date() }),
    store: () => records.store(),
    readAll: async () => (await records.store()).readAll(),
    close: async () => {
      await app.close();
      if (kind === 'postgres') await dropSchema(schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}


/** A command request: POST /cases/:caseId/commands/:path with a bearer token and a fresh Idempotency-Key. */
export function command(api: Pick<CaseApi, 'url'>, token: string, caseId: string, path: string, body: object, key: string = crypto.randomUUID()) {
  return request(api.url).post(`/cases/${caseId}/commands/${path}`).auth(token, { type: 'bearer' }).set('Idempotency-Key', key).send(body);
}

export function query(api: Pick<CaseApi, 'url'>, token: string, path: string) {
  return request(api.url).get(path).auth(token, { type: 'bearer' });
}

/** A day at 10:00 UTC as an instant with an offset. */
export const at = (day: string, time = '10:00:00') => `${day}T${time}+00:00`;
export const attendance = { police: true, health: true, education: false, others: ['probation'] };
