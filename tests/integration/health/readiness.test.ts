import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@csc/config';
import { ApiModule } from '../../../apps/api/src/app.module';
import { PrivateRedis } from '../../support/redis-server';
import { TEST_POSTGRES_URL } from '../../support/services';
import { uniqueIdentifier } from '../../support/unique';
import { eventually } from '../../support/wait';

describe('readiness against a real Redis that stops and starts', () => {
  let redis: PrivateRedis;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    const config = loadConfig({ CSC_EVENT_STORE: TEST_POSTGRES_URL, CSC_REDIS_URL: redis.url, CSC_REDIS_PREFIX: uniqueIdentifier('health'), CSC_LOG_LEVEL: 'silent' });
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await redis?.down();
  });

  const ready = () => request(url).get('/health/ready');

  it('is live whatever its dependencies say', async () => {
    await request(url).get('/health/live').expect(200, { status: 'ok', info: {}, error: {}, details: {} });
  });

  it('says ready, naming Redis as up, while Redis answers', async () => {
    const response = await eventually(async () => ((await ready()).status === 200 ? ready() : undefined), 'readiness');
    expect(response.body).toMatchObject({ status: 'ok', info: { redis: { status: 'up' }, eventStore: { status: 'up' } } });
  });

  it('turns not-ready with a clear reason when Redis stops, and recovers when it returns, without a restart', async () => {
    await redis.down();
    const down = await eventually(async () => {
      const response = await ready();
      return response.status === 503 ? response : undefined;
    }, 'readiness to report Redis down');
    expect(down.body).toMatchObject({
      status: 'error',
      error: { redis: { status: 'down', reason: expect.stringMatching(/^Redis is unavailable: /) } },
      info: { eventStore: { status: 'up' } },
    });

    await redis.up();
    const up = await eventually(async () => {
      const response = await ready();
      return response.status === 200 ? response : undefined;
    }, 'readiness to recover after Redis restarts');
    expect(up.body).toMatchObject({ status: 'ok', info: { redis: { status: 'up' } } });
  }, 30_000);
});
