import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PrivateRedis } from '../../support/redis-server';
import { startTestApi, type TestApi } from './harness';

describe('commands while Redis is down (real app, a private Redis that stops)', () => {
  let redis: PrivateRedis;
  let api: TestApi;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    api = await startTestApi({ CSC_REDIS_URL: redis.url });
  });

  afterAll(async () => {
    await api?.close();
    await redis?.down();
  });

  it('answers 503 REDIS_UNAVAILABLE as a problem and executes nothing', async () => {
    const token = await api.token('recorder');
    await redis.down();
    const before = api.counter.executions;
    const response = await request(api.url)
      .post('/probe/commands')
      .auth(token, { type: 'bearer' })
      .set('Idempotency-Key', randomUUID())
      .send({ caseId: 'c1', occurredAt: '2026-03-02T10:00:00Z', attendance: [] })
      .expect(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'REDIS_UNAVAILABLE', status: 503 });
    expect(api.counter.executions).toBe(before);
  });
});
