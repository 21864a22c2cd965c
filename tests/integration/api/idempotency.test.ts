import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '../../support/services';
import { startTestApi, type TestApi } from './harness';

const body = { caseId: 'c1', occurredAt: '2026-03-02T10:00:00+00:00', attendance: [{ role: 'parent' }] };

describe('Idempotency-Key on commands (real app, real Redis)', () => {
  let api: TestApi;
  let token: string;
  let redis: Redis;

  beforeAll(async () => {
    api = await startTestApi();
    token = await api.token('recorder', 'u1');
    redis = new Redis(TEST_REDIS_URL);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${api.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await api?.close();
  });

  const send = (key: string | undefined, payload: object = body, as = token) => {
    const call = request(api.url).post('/probe/commands').auth(as, { type: 'bearer' });
    return (key === undefined ? call : call.set('Idempotency-Key', key)).send(payload);
  };

  it('replays the first response to the same key and body, executing once', async () => {
    const key = randomUUID();
    const before = api.counter.executions;
    const first = await send(key).expect(201);
    const again = await send(key, { attendance: [{ role: 'parent' }], occurredAt: body.occurredAt, caseId: 'c1' }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(api.counter.executions).toBe(before + 1);
  });

  it('answers 422 to the same key with a different body, executing nothing', async () => {
    const key = randomUUID();
    await send(key).expect(201);
    const before = api.counter.executions;
    const reused = await send(key, { ...body, caseId: 'c2' }).expect(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 422 });
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.counter.executions).toBe(before);
  });

  it('executes parallel duplicates once: the others replay or are told it is in progress', async () => {
    const key = randomUUID();
    const before = api.counter.executions;
    const responses = await Promise.all(Array.from({ length: 8 }, () => send(key)));
    expect(api.counter.executions).toBe(before + 1);
    const executed = responses.filter((response) => response.status === 201 && response.headers['idempotent-replayed'] === undefined);
    expect(executed).toHaveLength(1);
    for (const response of responses) {
      if (response.status === 201) expect(response.body).toEqual(executed[0]?.body);
      else expect(response).toMatchObject({ status: 409, headers: { 'retry-after': '1' }, body: { code: 'IDEMPOTENCY_KEY_IN_PROGRESS' } });
    }
  });

  it('keeps keys apart per user: the same key from another user executes', async () => {
    const key = randomUUID();
    const before = api.counter.executions;
    await send(key).expect(201);
    const other = await send(key, body, await api.token('recorder', 'u2')).expect(201);
    expect(other.body.by).toBe('u2');
    expect(api.counter.executions).toBe(before + 2);
  });

  it('requires a key on commands, and a sane one', async () => {
    expect((await send(undefined).expect(400)).body.code).toBe('IDEMPOTENCY_KEY_MISSING');
    expect((await send('has spaces in it').expect(400)).body.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it('frees the key when the command fails, so a retry runs again', async () => {
    const key = randomUUID();
    const failing = () => request(api.url).post('/probe/failing-commands').auth(token, { type: 'bearer' }).set('Idempotency-Key', key).send(body);
    const before = api.counter.executions;
    expect((await failing().expect(409)).body.code).toBe('NOT_ALLOWED_IN_STATE');
    await failing().expect(409);
    expect(api.counter.executions).toBe(before + 2);
  });

  it('keeps no personal data or raw key in Redis: the key is a hash under the prefix, kept 24 hours', async () => {
    const key = `client-key-${randomUUID()}`;
    await send(key).expect(201);
    const keys = await redis.keys(`${api.prefix}:idem:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const stored of keys) expect(stored).toMatch(new RegExp(`^${api.prefix}:idem:[0-9a-f]{64}$`));
    expect(keys.join()).not.toContain(key);
    expect(keys.join()).not.toContain('u1');
    const ttls = await Promise.all(keys.map((stored) => redis.ttl(stored)));
    for (const ttl of ttls) expect(ttl).toBeGreaterThan(23 * 3600);
  });
});
