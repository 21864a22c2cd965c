import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadOrCreateDevKey, mintDevToken, type Role } from '@csc/auth';
import { loadConfig } from '@csc/config';
import { createApiApplication } from '../../../apps/api/src/create';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from '../../support/services';
import { uniqueIdentifier } from '../../support/unique';
import { ProbeCounter, ProbeModule } from './probe.module';

export interface TestApi {
  readonly url: string;
  readonly app: INestApplication;
  readonly prefix: string;
  readonly counter: ProbeCounter;
  token(role: Role | Role[], user?: string, teams?: string[]): Promise<string>;
  close(): Promise<void>;
}

/** The real api (real Redis, PostgreSQL store, dev-key auth) plus the probe controller, on a free port and a unique Redis prefix. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csc-api-'));
  const prefix = uniqueIdentifier('api');
  const config = loadConfig({
    CSC_EVENT_STORE: TEST_POSTGRES_URL,
    CSC_REDIS_URL: TEST_REDIS_URL,
    CSC_REDIS_PREFIX: prefix,
    CSC_DATA_DIR: dataDir,
    CSC_AUTH_DEV_KEYS: 'true',
    CSC_LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createApiApplication(config, [ProbeModule]);
  await app.listen(0, '127.0.0.1');
  const key = await loadOrCreateDevKey(dataDir);
  return {
    url: await app.getUrl(),
    app,
    prefix,
    counter: app.get(ProbeCounter),
    token: (role, user = 'u1', teams = ['t1']) =>
      mintDevToken(key, { userId: user, roles: Array.isArray(role) ? role : [role], teams, ttlSeconds: 600, audience: config.authAudience, now: new Date() }),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
