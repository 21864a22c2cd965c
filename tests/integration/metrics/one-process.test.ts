import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@csc/config';
import { startApi } from '../../../apps/api/src/start';
import { startWorker } from '../../../apps/worker/src/start';
import { freePort } from '../../support/ports';
import { TEST_REDIS_URL } from '../../support/services';
import { uniqueIdentifier } from '../../support/unique';
import { sample } from './scrape';

jest.setTimeout(60_000);

describe('csc start: the api and the worker in one process each serve their own /metrics', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csc-metrics-'));
  const apps: INestApplication[] = [];
  let ports: { api: number; worker: number };

  beforeAll(async () => {
    ports = { api: await freePort(), worker: await freePort() };
    const config = loadConfig({
      CSC_REDIS_URL: TEST_REDIS_URL, CSC_REDIS_PREFIX: uniqueIdentifier('metrics'), CSC_DATA_DIR: dataDir, CSC_LOG_LEVEL: 'silent',
      CSC_API_PORT: String(ports.api), CSC_WORKER_PORT: String(ports.worker), CSC_AUTH_DEV_KEYS: 'true',
    });
    apps.push(await startApi(config), await startWorker(config));
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the api figures on the api port and the worker figures on the worker port', async () => {
    await fetch(`http://127.0.0.1:${ports.api}/health/live`);
    const api = await (await fetch(`http://127.0.0.1:${ports.api}/metrics`)).text();
    expect(sample(api, 'csc_http_request_duration_seconds_count', { method: 'GET', route: '/health/live', status_code: '200' })).toBe(1);
    expect(api).not.toContain('csc_projection_lag_events');
    const answer = await fetch(`http://127.0.0.1:${ports.worker}/metrics`);
    expect(answer.status).toBe(200);
    const worker = await answer.text();
    expect(worker).toContain('# TYPE csc_projection_lag_events gauge');
    expect(sample(worker, 'csc_alert_jobs', { queue: 'alerts', state: 'failed' })).toBe(0);
    expect(worker).not.toContain('csc_http_request_duration_seconds');
    expect(sample(worker, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });
});
