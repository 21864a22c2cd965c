import { DelayedError, Worker, type Job, type WorkerOptions } from 'bullmq';
import type { WorkingCalendar } from '@csc/calendar';
import { keepRunning, type EventStore } from '@csc/event-store';
import { createRedis, type Redis } from '@csc/redis';
import type { RulebookRegistry } from '@csc/rulebook';
import type { DeliveryChannel } from './delivery/channel';
import { Deliveries, type DeliveryJobData } from './delivery/deliveries';
import { EmailChannel, type AddressBook } from './delivery/email';
import { InboxChannel } from './delivery/inbox';
import { WebhookChannel } from './delivery/webhook';
import { FireQueue } from './fire-queue';
import { DELIVERY_QUEUE, FIRE_QUEUE, bullPrefix, fireJobOf, withRunOptions, type FireJobData } from './jobs';
import type { AlertSettings } from './policy';
import { AlertProcessor } from './processor';
import { assertEvictionPolicy } from './redis-policy';
import { AlertScheduler } from './scheduler';

export interface AlertRuntimeOptions {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly store: EventStore;
  readonly calendar: WorkingCalendar;
  readonly rulebooks?: RulebookRegistry;
  readonly settings: AlertSettings;
  readonly clock: () => Date;
  /** Email addresses of recipients (looked up when sending); none: emails are skipped. */
  readonly addressOf?: AddressBook;
  readonly log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export interface AlertRuntime {
  readonly scheduler: AlertScheduler;
  readonly processor: AlertProcessor;
  readonly deliveries: Deliveries;
  readonly inbox: InboxChannel;
  close(): Promise<void>;
}

/**
 * How long the lock of a firing or delivery job lasts. BullMQ renews it every half of it while
 * the job runs, so a slow delivery keeps its job; the lock only bounds how long the jobs of a
 * killed worker stay taken.
 */
export const ALERT_LOCK_MS = 10_000;
/**
 * How often each alert worker looks for stalled jobs (active, lock run out). BullMQ puts a job
 * back at the first check that finds its lock gone, if the check before had seen it active, and
 * only one check runs per interval over all workers (the `stalled-check` key), so a killed
 * worker's jobs run again at most about two intervals after its locks run out: checking every
 * `ALERT_LOCK_MS` (or BullMQ's default 30 s) made that take up to three times the lock.
 */
export const ALERT_STALLED_CHECK_MS = 2_000;
/** How many times a job may be taken from a worker that died before BullMQ fails it (its default is 1): firing is idempotent. */
export const ALERT_MAX_STALLED = 3;

/**
 * The BullMQ options of both alert workers (firing and delivery): a short lock and frequent
 * stall checks, so that a killed worker's jobs are taken up again within about
 * `ALERT_LOCK_MS + 2 * ALERT_STALLED_CHECK_MS` (14 s) instead of BullMQ's 60 s or more. A job
 * wrongly judged stalled (its worker's event loop blocked for the whole lock) is only run again:
 * firing is idempotent (deterministic event ids), and a delivery recorded as sent is not sent again
 * (one cut off while sending may be, as after any crash).
 * A job taken from killed workers more than `ALERT_MAX_STALLED` times is failed by the next
 * worker to take it: reconciliation sends failed firing jobs round again, and a failed delivery is
 * recorded failed (see `startDeliveryWorker`) and sent again by `reconcileRound`.
 */
export function alertWorkerOptions(connection: Redis, prefix: string, concurrency: number): WorkerOptions {
  return { connection, prefix: bullPrefix(prefix), concurrency, lockDuration: ALERT_LOCK_MS, stalledInterval: ALERT_STALLED_CHECK_MS, maxStalledCount: ALERT_MAX_STALLED };
}

/** The firing worker (see `alertWorkerOptions` and `fireJobProcessor`). */
export function startFireWorker(processor: AlertProcessor, connection: Redis, prefix: string, concurrency: number): Worker<FireJobData> {
  return new Worker<FireJobData>(FIRE_QUEUE, fireJobProcessor(processor), alertWorkerOptions(connection, prefix, concurrency));
}

/**
 * The delivery worker: one attempt of one delivery per job; its last attempt records the failure.
 * A job BullMQ fails without running it (taken from killed workers more than `maxStalledCount`
 * times: an UnrecoverableError) is recorded failed too, so that it is listed and sent again.
 */
export function startDeliveryWorker(
  deliveries: Deliveries, connection: Redis, prefix: string, concurrency: number, log: AlertRuntimeOptions['log'] = () => undefined,
): Worker<DeliveryJobData> {
  const worker = new Worker<DeliveryJobData>(
    DELIVERY_QUEUE,
    (job) => deliveries.deliver(job.data, job.attemptsMade + 1, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
    alertWorkerOptions(connection, prefix, concurrency),
  );
  worker.on('failed', (job, error) => {
    if (job === undefined || error.name !== 'UnrecoverableError') return;
    deliveries.markFailed(job.data, error.message).catch((failure: unknown) => {
      // Left pending, the delivery is not listed as failing and is not sent again: say so.
      log('warn', 'alerts: a delivery failed by BullMQ could not be recorded failed', { eventId: job.data.notice.eventId, channel: job.data.channel, error: String(failure) });
    });
  });
  return worker;
}

/**
 * One round of the worker's periodic reconciliation: the alert jobs against the events, then
 * every failed delivery sent again (a channel down for longer than a job's attempts, or a job
 * failed by BullMQ after its workers were killed).
 */
export async function reconcileRound(scheduler: AlertScheduler, deliveries: Deliveries, log: AlertRuntimeOptions['log']): Promise<void> {
  try {
    const report = await scheduler.reconcile();
    log('info', 'alerts: reconciled', { ...report, errors: report.errors.length });
  } catch (error) {
    log('warn', 'alerts: reconciliation failed', { error: String(error) });
  }
  try {
    const retried = await deliveries.retryFailed();
    if (retried > 0) log('info', 'alerts: failed deliveries sent again', { alerts: retried });
  } catch (error) {
    log('warn', 'alerts: retrying failed deliveries failed', { error: String(error) });
  }
}

/** Channels the settings turn on: the inbox always, email and webhook when configured. */
export function channelsFor(redis: Redis, options: Pick<AlertRuntimeOptions, 'prefix' | 'settings' | 'clock' | 'addressOf'>): DeliveryChannel[] {
  const { settings } = options;
  const channels: DeliveryChannel[] = [new InboxChannel(redis, options.prefix)];
  if (settings.smtpUrl !== '') channels.push(new EmailChannel({ smtpUrl: settings.smtpUrl, from: settings.emailFrom, addressOf: options.addressOf ?? (() => Promise.resolve(undefined)) }));
  if (settings.webhookUrl !== '') channels.push(new WebhookChannel({ url: settings.webhookUrl, secret: settings.webhookSecret, clock: options.clock }));
  return channels;
}

/**
 * Starts the alert machinery of a worker: refuses an evicting Redis, then runs the scheduler
 * (reconciling at start-up and every `reconcileIntervalMs`), the firing worker and the delivery
 * worker. The scheduler's subscription restarts after a failure (store or Redis down).
 */
export async function startAlerts(options: AlertRuntimeOptions): Promise<AlertRuntime> {
  const redis = createRedis(options.redisUrl, { role: 'blocking', connectionName: 'csc-alerts' });
  const policy = await assertEvictionPolicy(redis).catch((error: unknown) => {
    redis.disconnect();
    throw error;
  });
  options.log('info', 'alerts: redis eviction policy accepted', { policy });
  const { settings, clock } = options;
  const context = { calendar: options.calendar, rulebooks: options.rulebooks, policy: settings.policy };
  const jobs = new FireQueue(redis, options.prefix, settings.fireAttempts);
  const inbox = new InboxChannel(redis, options.prefix);
  const deliveries = new Deliveries({ redis, prefix: options.prefix, channels: channelsFor(redis, options), clock, attempts: settings.deliveryAttempts });
  const processor = new AlertProcessor({ store: options.store, context, clock, deliveries });
  const scheduler = new AlertScheduler({ store: options.store, jobs, context, clock, redis, prefix: options.prefix });
  const fireWorker = startFireWorker(processor, redis, options.prefix, settings.concurrency);
  const deliveryWorker = startDeliveryWorker(deliveries, redis, options.prefix, settings.concurrency, options.log);
  for (const worker of [fireWorker, deliveryWorker]) worker.on('error', (error) => options.log('error', 'alerts: worker error', { error: error.message }));
  const abort = new AbortController();
  const loop = runScheduler(scheduler, abort.signal, options.log);
  const timer = settings.reconcileIntervalMs > 0 ? setInterval(() => void reconcileRound(scheduler, deliveries, options.log), settings.reconcileIntervalMs) : undefined;
  return {
    scheduler, processor, deliveries, inbox,
    async close() {
      abort.abort();
      clearInterval(timer);
      await Promise.all([fireWorker.close(), deliveryWorker.close()]);
      await loop;
      await Promise.all([jobs.close(), deliveries.close()]);
      redis.disconnect();
    },
  };
}

/**
 * The BullMQ processor of firing jobs: fire the alert; an alert that moved later puts its job
 * back as delayed until then. A thrown error (event store down) makes BullMQ retry with
 * exponential backoff from 1 s; a completed job is removed (both set here, not stored in Redis).
 */
export function fireJobProcessor(processor: AlertProcessor): (job: Job<FireJobData>, token?: string) => Promise<string> {
  return async (job, token) => {
    withRunOptions(job);
    const result = await processor.fire(fireJobOf(job.data));
    if (result.outcome === 'not-yet' && token !== undefined) {
      await job.moveToDelayed(result.at, token);
      throw new DelayedError();
    }
    return result.outcome;
  };
}

function runScheduler(scheduler: AlertScheduler, signal: AbortSignal, log: AlertRuntimeOptions['log']): Promise<void> {
  return keepRunning('alerts: scheduler', (s) => scheduler.run(s), signal, log);
}
