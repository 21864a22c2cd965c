import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Observable, share } from 'rxjs';
import { EngineConfig } from '@csc/config';
import type { Principal } from '@csc/auth';
import { FeedTokens, QueueReader, recordInboxRead, userKey, type QueueChange } from '@csc/projections';
import { createRedis, type Redis } from '@csc/redis';
import { RedisCommandClient } from '@csc/runtime';
import { CaseRecords } from '../cases/case-records';

/** The queue read model, the feed tokens and the live change stream, for the queue controllers. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  readonly reader: QueueReader;
  readonly tokens: FeedTokens;
  /** Every queue change the projector publishes (one Redis subscription per process, shared). */
  readonly changes: Observable<QueueChange>;
  private subscriber: Redis | undefined;

  constructor(config: EngineConfig, private readonly client: RedisCommandClient, readonly cases: CaseRecords) {
    this.reader = new QueueReader(client.redis, config.redisPrefix, { calendar: cases.settings.calendar });
    this.tokens = new FeedTokens(client.redis, config.redisPrefix);
    const channel = this.reader.keys.changes;
    this.changes = new Observable<QueueChange>((observer) => {
      const redis = createRedis(config.redisUrl, { role: 'blocking', connectionName: 'csc-api-queue-changes' });
      this.subscriber = redis;
      redis.on('message', (_channel: string, message: string) => observer.next(JSON.parse(message) as QueueChange));
      redis.subscribe(channel).catch((error: unknown) => observer.error(error));
      return () => {
        redis.disconnect();
        if (this.subscriber === redis) this.subscriber = undefined;
      };
    }).pipe(share());
  }

  /**
   * Records the read-marks as an event on the user's inbox stream, then adds them to the live
   * generation at once (the projector adds the same ids when it reaches the event: SADD is
   * idempotent, so the contents are what a rebuild gives).
   */
  async markRead(principal: Principal, alertEventIds: readonly string[]): Promise<void> {
    const role = principal.roles.find((r) => r === 'iro' || r === 'team-manager' || r === 'recorder') ?? principal.roles[0] ?? 'user';
    await recordInboxRead(await this.cases.store(), { userId: principal.userId, role }, alertEventIds, this.now());
    await this.client.redis.sadd((await this.reader.current()).inboxRead(userKey(principal.userId)), ...alertEventIds);
  }

  now(): Date {
    return this.cases.settings.clock();
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}
