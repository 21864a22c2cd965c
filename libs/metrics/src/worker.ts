import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { DELIVERY_QUEUE, FIRE_QUEUE, SCHEDULER_SUBSCRIBER, bullPrefix } from '@csc/alerts';
import { RedisCheckpointStore, START, type EventStore, type Position, type RecordedEvent } from '@csc/event-store';
import { ProjectionKeys, QUEUES_SUBSCRIBER, liveKeys } from '@csc/projections';
import type { Redis } from '@csc/redis';
import type { MetricsRegistry } from './registry';

/** The checkpointed subscribers whose lag is measured: both follow the `case-` streams only. */
export const LAGGING_SUBSCRIBERS = [QUEUES_SUBSCRIBER, SCHEDULER_SUBSCRIBER] as const;

/** BullMQ states reported for the alert queues. */
export const JOB_STATES = ['delayed', 'waiting', 'active', 'failed'] as const;

/** Events a lag reading reads at most per scrape: `csc_projection_lag_events` stops counting there. */
export const DEFAULT_LAG_CAP = 1000;

const CASE_PREFIX = 'case-';

export interface WorkerMetricsSources {
  /** A fail-fast (command) Redis client. */
  readonly redis: Redis;
  readonly prefix: string;
  /** The process's event store once open (the worker's EventStoreConnection.get). */
  readonly store: () => Promise<EventStore>;
  readonly clock: () => Date;
  /** Give up on a reading after this long (default 2 s): a scrape never hangs on a store still opening. */
  readonly timeoutMs?: number;
  readonly lagCap?: number;
}

export interface WorkerMetrics {
  readonly lagEvents: Gauge<'subscriber'>;
  readonly lagSeconds: Gauge<'subscriber'>;
  readonly alertJobs: Gauge<'queue' | 'state'>;
  readonly deadlinesOpen: Gauge;
  readonly deadlinesOverdue: Gauge;
  readonly deliveriesFailing: Gauge;
  close(): Promise<void>;
}

interface Lag {
  readonly events: number;
  readonly seconds: number;
}

/**
 * The worker's collect-time gauges: each scrape reads Redis (checkpoints, BullMQ job counts, the
 * queue projection's sorted sets, the failed-delivery list) and the event store (what follows
 * each checkpoint). Nothing in the projector or the alert workers is instrumented, so these
 * figures are the same whichever replica serves them. A failed reading increments
 * `csc_metrics_collect_errors_total{source}` and leaves that gauge out of the scrape.
 */
export function registerWorkerMetrics(metrics: MetricsRegistry, sources: WorkerMetricsSources): WorkerMetrics {
  const registers = [metrics.registry];
  const keys = new ProjectionKeys(sources.prefix);
  const checkpoints = new RedisCheckpointStore({ redis: sources.redis, prefix: sources.prefix });
  const queues = [FIRE_QUEUE, DELIVERY_QUEUE].map((name) => new Queue(name, { connection: sources.redis, prefix: bullPrefix(sources.prefix) }));
  const timeoutMs = sources.timeoutMs ?? 2000;
  const cap = sources.lagCap ?? DEFAULT_LAG_CAP;

  /** Runs a reading; on failure counts it, and the gauge is emptied rather than left stale. */
  const guarded = async (source: string, gauge: Gauge<string>, read: () => Promise<void>) => {
    try {
      await withTimeout(read(), timeoutMs, source);
    } catch {
      gauge.reset();
      metrics.collectErrors.inc({ source });
    }
  };

  // Lag in events and in seconds come from one reading per scrape (both gauges ask for it).
  const lags = shared(async (): Promise<Map<string, Lag>> => {
    const store = await sources.store();
    const now = sources.clock().getTime();
    const byPosition = new Map<Position, Lag>();
    const out = new Map<string, Lag>();
    for (const subscriber of LAGGING_SUBSCRIBERS) {
      const after = (await checkpoints.load(subscriber)) ?? START;
      let lag = byPosition.get(after);
      if (lag === undefined) {
        lag = lagAfter(await store.readAll({ after, maxCount: cap }), now);
        byPosition.set(after, lag);
      }
      out.set(subscriber, lag);
    }
    return out;
  });

  const lagEvents = new Gauge({
    name: 'csc_projection_lag_events',
    help: `Case events in the store after the subscriber's checkpoint, not yet handled (counted up to ${cap})`,
    labelNames: ['subscriber'],
    registers,
    async collect() {
      await guarded('projection-lag', this, async () => {
        for (const [subscriber, lag] of await lags()) this.set({ subscriber }, lag.events);
      });
    },
  });

  const lagSeconds = new Gauge({
    name: 'csc_projection_lag_seconds',
    help: "Age of the oldest case event the subscriber has not handled yet (now minus its recordedAt); 0 when caught up",
    labelNames: ['subscriber'],
    registers,
    async collect() {
      await guarded('projection-lag', this, async () => {
        for (const [subscriber, lag] of await lags()) this.set({ subscriber }, lag.seconds);
      });
    },
  });

  const alertJobs = new Gauge({
    name: 'csc_alert_jobs',
    help: 'BullMQ jobs by queue (alerts: one delayed job per open deadline, its next reminder, breach or escalation; alert-delivery) and state',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      await guarded('alert-jobs', this, async () => {
        for (const queue of queues) {
          const counts = await queue.getJobCounts(...JOB_STATES);
          for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      });
    },
  });

  const deadlinesOpen = new Gauge({
    name: 'csc_deadlines_open',
    help: 'Open deadlines in the queue projection',
    registers,
    async collect() {
      await guarded('deadlines', this, async () => this.set(await sources.redis.hlen((await liveKeys(sources.redis, keys)).deadlines)));
    },
  });

  const deadlinesOverdue = new Gauge({
    name: 'csc_deadlines_overdue',
    help: "Open deadlines whose due instant has passed (every team's overdue queue: ZCOUNT -inf..now)",
    registers,
    async collect() {
      await guarded('deadlines', this, async () => this.set(await overdueCount(sources.redis, await liveKeys(sources.redis, keys), sources.clock().getTime())));
    },
  });

  const deliveriesFailing = new Gauge({
    name: 'csc_alert_deliveries_failing',
    help: 'Alert deliveries (alert and channel) whose last attempt failed: retrying, or attempts spent until reconciliation retries them',
    registers,
    async collect() {
      // The list kept by @csc/alerts' Deliveries (see its README: <prefix>:alerts:delivery-failed).
      await guarded('alert-deliveries', this, async () => this.set(await sources.redis.zcard(`${sources.prefix}:alerts:delivery-failed`)));
    },
  });

  return {
    lagEvents, lagSeconds, alertJobs, deadlinesOpen, deadlinesOverdue, deliveriesFailing,
    async close() {
      // The queues share the caller's Redis client; closing them never closes it.
      await Promise.all(queues.map((queue) => queue.close().catch(() => undefined)));
    },
  };
}

/** How many case events follow a checkpoint, and how long the oldest has waited. */
function lagAfter(events: readonly RecordedEvent[], now: number): Lag {
  const pending = events.filter((event) => event.streamId.startsWith(CASE_PREFIX));
  const oldest = pending[0];
  const recorded = oldest === undefined ? now : Date.parse(oldest.metadata.recordedAt);
  return { events: pending.length, seconds: Math.max(0, (now - recorded) / 1000) };
}

/** Sum of ZCOUNT -inf..now over every team's sorted set (each open deadline is in exactly one team's set). */
async function overdueCount(redis: Redis, keys: ProjectionKeys, now: number): Promise<number> {
  const teamKeys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', keys.team('*'), 'COUNT', 1000);
    cursor = next;
    teamKeys.push(...found);
  } while (cursor !== '0');
  if (teamKeys.length === 0) return 0;
  const batch = redis.pipeline();
  for (const key of teamKeys) batch.zcount(key, '-inf', now);
  const results = (await batch.exec()) ?? [];
  let total = 0;
  for (const [error, count] of results) {
    if (error) throw error;
    total += Number(count);
  }
  return total;
}

/**
 * One reading shared by the gauges of one scrape: prom-client starts every metric's collect()
 * in the same tick, so callers while a reading is in flight get that reading; the next scrape
 * reads afresh.
 */
function shared<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    inFlight ??= read().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
