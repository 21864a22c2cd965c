import request from 'supertest';
import { startTestApi, type TestApi } from './harness';

describe('per-user rate limit (real app, real Redis)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ CSC_API_RATE_LIMIT: '3' });
  });

  afterAll(() => api?.close());

  it('answers 429 with Retry-After once a user has spent the budget, while another user is still served', async () => {
    const busy = await api.token('iro', 'iro-1');
    const read = (token: string) => request(api.url).get('/probe/cases/child-t1').auth(token, { type: 'bearer' });
    const first = await read(busy).expect(200);
    expect(first.headers).toMatchObject({ 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '2' });
    for (let i = 0; i < 2; i += 1) await read(busy).expect(200);
    const limited = await read(busy).expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);

    const other = await api.token('iro', 'iro-2');
    await read(other).expect(403);
  });

  it('does not count health probes', async () => {
    for (let i = 0; i < 5; i += 1) await request(api.url).get('/health/live').expect(200);
  });
});
