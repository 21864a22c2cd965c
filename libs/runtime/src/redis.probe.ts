import { Injectable } from '@nestjs/common';
import { pingRedis, type Redis } from '@csc/redis';
import { ReadinessProbe } from '@csc/health';
import { RedisCommandClient } from './tokens';

@Injectable()
export class RedisProbe extends ReadinessProbe {
  readonly name = 'redis';
  private readonly client: Redis;

  constructor(client: RedisCommandClient) {
    super();
    this.client = client.redis;
  }

  check(): Promise<void> {
    return pingRedis(this.client);
  }
}
