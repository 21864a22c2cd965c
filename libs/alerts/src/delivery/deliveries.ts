import { Queue } from 'bullmq';
import type { Redis } from '@csc/redis';
import { DELIVERY_QUEUE, bullPrefix } from '../jobs';
import type { AlertNotice, NoticeSink } from '../processor';
import type { DeliveryChannel } from './channel';

/** A delivery job: one alert notice (references only) for one channel. */
export interface DeliveryJobData {
  readonly channel: string;
  readonly notice: AlertNotice;
}

export type DeliveryState = 'pending' | 'sent' | 'skipped' | 'failed';

/** What happened to one alert on one channel: visible to operators and retried until sent. */
export interface DeliveryStatus {
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly updatedAt: string;
}

export interface DeliveriesOptions {
  readonly redis: Redis;
  readonly prefix: string;
  readonly channels: readonly DeliveryChannel[];
  readonly clock: () => Date;
  /** Attempts per delivery, with exponential backoff from `backoffMs` (default 10, 1 s). */
  readonly attempts?: number;
  readonly backoffMs?: number;
}

/** The status hash keeps the notice (references only) under this field, to retry failed deliveries. */
const NOTICE_FIELD = '_notice';

/** Delivery status records are kept this long (seconds). */
const STATUS_TTL_S = 90 * 24 * 3600;

function statusesOf(raw: Record<string, string>): Record<string, DeliveryStatus> {
  return Object.fromEntries(Object.entries(raw).filter(([field]) => field !== NOTICE_FIELD).map(([channel, json]) => [channel, JSON.parse(json) as DeliveryStatus]));
}

/**
 * Delivery of raised alerts, apart from raising them: each notice becomes one BullMQ job per
 * channel (deterministic ids), retried with exponential backoff; a status record per alert and
 * channel says pending, sent, skipped or failed (with the last error), and failed deliveries
 * are listed in `<prefix>:alerts:delivery-failed`. A delivery already sent is not sent again.
 */
export class Deliveries implements NoticeSink {
  readonly queue: Queue<DeliveryJobData>;

  constructor(private readonly options: DeliveriesOptions) {
    this.queue = new Queue<DeliveryJobData>(DELIVERY_QUEUE, { connection: options.redis, prefix: bullPrefix(options.prefix) });
  }

  private statusKey(eventId: string): string {
    return `${this.options.prefix}:alerts:delivery:${eventId}`;
  }

  private get failedKey(): string {
    return `${this.options.prefix}:alerts:delivery-failed`;
  }

  async enqueue(notice: AlertNotice): Promise<void> {
    const key = this.statusKey(notice.eventId);
    const pending = JSON.stringify(this.status('pending', 0, null));
    // One round trip: record the notice and pending statuses (if new), and read the statuses back.
    const batch = this.options.redis.multi();
    batch.hsetnx(key, NOTICE_FIELD, JSON.stringify(notice));
    for (const channel of this.options.channels) batch.hsetnx(key, channel.name, pending);
    const replies = (await batch.expire(key, STATUS_TTL_S).hgetall(key).exec()) ?? [];
    const [error, raw] = replies[replies.length - 1] ?? [null, {}];
    if (error !== null) throw error;
    const current = statusesOf(raw as Record<string, string>);
    const todo = this.options.channels.filter((c) => current[c.name]?.state === 'pending' || current[c.name]?.state === 'failed');
    if (todo.length === 0) return;
    await this.queue.addBulk(
      todo.map((channel) => ({
        name: channel.name,
        data: { channel: channel.name, notice },
        opts: {
          jobId: `delivery/${notice.eventId}/${channel.name}`,
          attempts: this.options.attempts ?? 10,
          backoff: { type: 'exponential', delay: this.options.backoffMs ?? 1000 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  /**
   * Delivers one job (called by the delivery worker). Throws when the channel fails, so BullMQ
   * retries; `attempt` counts from 1 and `finalAttempt` marks the status failed for good.
   */
  async deliver(data: DeliveryJobData, attempt: number, finalAttempt: boolean): Promise<DeliveryState> {
    const { notice } = data;
    const channel = this.options.channels.find((c) => c.name === data.channel);
    const before = (await this.statusOf(notice.eventId))[data.channel];
    if (before?.state === 'sent' || before?.state === 'skipped') return before.state;
    if (channel === undefined) return this.record(notice.eventId, data.channel, this.status('skipped', attempt, `no channel ${data.channel} configured`));
    try {
      const result = await channel.deliver(notice);
      return await this.record(notice.eventId, data.channel, this.status(result, attempt, null));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.record(notice.eventId, data.channel, this.status(finalAttempt ? 'failed' : 'pending', attempt, message));
      throw error;
    }
  }

  /**
   * Marks a delivery failed that BullMQ failed without running it (a job taken from killed
   * workers more than `maxStalledCount` times): listed by `failing()` and sent again by
   * `retryFailed()`, like one whose attempts were spent. A delivery already sent or skipped stays so.
   */
  async markFailed(data: DeliveryJobData, reason: string): Promise<DeliveryState> {
    const before = (await this.statusOf(data.notice.eventId))[data.channel];
    if (before?.state === 'sent' || before?.state === 'skipped') return before.state;
    return this.record(data.notice.eventId, data.channel, this.status('failed', before?.attempts ?? 0, reason));
  }

  /** Each channel's status for one alert event. */
  async statusOf(eventId: string): Promise<Record<string, DeliveryStatus>> {
    return statusesOf(await this.options.redis.hgetall(this.statusKey(eventId)));
  }

  /** Deliveries whose attempts were spent or that are still retrying after an error: `<eventId>/<channel>`. */
  async failing(limit = 100): Promise<string[]> {
    return this.options.redis.zrange(this.failedKey, 0, limit - 1);
  }

  /** Enqueues every failed delivery again (the worker's periodic reconciliation calls this); returns how many alerts. */
  async retryFailed(): Promise<number> {
    const eventIds = new Set((await this.options.redis.zrange(this.failedKey, 0, -1)).map((entry) => entry.slice(0, entry.lastIndexOf('/'))));
    let retried = 0;
    for (const eventId of eventIds) {
      const json = await this.options.redis.hget(this.statusKey(eventId), NOTICE_FIELD);
      if (json === null) continue;
      await this.enqueue(JSON.parse(json) as AlertNotice);
      retried++;
    }
    return retried;
  }

  private status(state: DeliveryState, attempts: number, lastError: string | null): DeliveryStatus {
    return { state, attempts, lastError, updatedAt: this.options.clock().toISOString() };
  }

  private async record(eventId: string, channel: string, status: DeliveryStatus): Promise<DeliveryState> {
    const batch = this.options.redis.multi().hset(this.statusKey(eventId), channel, JSON.stringify(status));
    if (status.state === 'sent' || status.state === 'skipped') batch.zrem(this.failedKey, `${eventId}/${channel}`);
    else batch.zadd(this.failedKey, Date.parse(status.updatedAt), `${eventId}/${channel}`);
    await batch.exec();
    return status.state;
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
