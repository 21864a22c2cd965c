import { Injectable, ServiceUnavailableException, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import type { Socket } from 'node:net';
import { Observable, ReplaySubject, share, takeUntil } from 'rxjs';
import { EngineConfig } from '@csc/config';
import type { Principal } from '@csc/auth';
import { FeedTokens, QueueReader, recordInboxRead, userKey, type QueueChange } from '@csc/projections';
import { createRedis, type Redis } from '@csc/redis';
import { RedisCommandClient } from '@csc/runtime';
import { CaseRecords } from '../cases/case-records';

/** The queue read model, the feed tokens and the live change stream, for the queue controllers. */
@Injectable()
export class QueueService implements BeforeApplicationShutdown, OnApplicationShutdown {
  readonly reader: QueueReader;
  readonly tokens: FeedTokens;
  /** Every queue change the projector publishes (one Redis subscription per process, shared). */
  readonly changes: Observable<QueueChange>;
  private subscriber: Redis | undefined;
  /** Fires once at shutdown: every live stream ends (an open one would keep the HTTP server from closing). */
  private readonly closing = new ReplaySubject<void>(1);
  private stopping = false;
  /** The connections of the open streams, closed at shutdown so the server need not wait for clients. */
  private readonly streams = new Set<Socket>();

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

  /**
   * The change stream for one server-sent-events connection: it ends when the api stops, and
   * once stopping, new ones are refused (503), since an EventSource reconnects after its stream
   * ends and stops only on an answer other than 200.
   */
  liveChanges(socket: Socket): Observable<QueueChange> {
    if (this.stopping) throw new ServiceUnavailableException('the service is stopping');
    this.streams.add(socket);
    socket.once('close', () => this.streams.delete(socket));
    return this.changes.pipe(takeUntil(this.closing));
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
    this.closing.next();
    for (const socket of this.streams) socket.destroy();
    this.streams.clear();
  }

  now(): Date {
    return this.cases.settings.clock();
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}
