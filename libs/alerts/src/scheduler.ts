import { RedisCheckpointStore, runCheckpointed, type Position } from '@csc/event-store';
import type { Redis } from '@csc/redis';
import { SCHEDULER_SUBSCRIBER } from './keys';
import { reconcile, type ReconcileReport } from './reconcile';
import { syncCase, type SyncDependencies, type SyncResult } from './sync';

export interface SchedulerOptions extends SyncDependencies {
  readonly redis: Redis;
  readonly prefix: string;
  readonly onProgress?: (message: string) => void;
}

/**
 * The deadline scheduler: a checkpointed subscription to the case streams that re-syncs a
 * case's jobs whenever one of its events arrives (alert events included: raising one alert
 * schedules the deadline's next). With no checkpoint (first start, or Redis lost) it reconciles
 * everything first and starts from where that left off. Reconciliation and event handling
 * never run at once in one scheduler.
 */
export class AlertScheduler {
  private readonly checkpoints: RedisCheckpointStore;
  private exclusive: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SchedulerOptions) {
    this.checkpoints = new RedisCheckpointStore({ redis: options.redis, prefix: options.prefix });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.exclusive.then(task, task);
    this.exclusive = run.catch(() => undefined);
    return run;
  }

  /** Full reconciliation (start-up, periodic, `csc reconcile`). */
  reconcile(): Promise<ReconcileReport> {
    return this.serial(() => reconcile(this.options, this.options.onProgress));
  }

  syncCase(caseId: string): Promise<SyncResult> {
    return this.serial(() => syncCase(this.options, caseId));
  }

  /** Where the subscription resumes; reconciles first when there is no checkpoint. */
  async resumePosition(): Promise<Position> {
    const saved = await this.checkpoints.load(SCHEDULER_SUBSCRIBER);
    if (saved !== undefined) return saved;
    const report = await this.reconcile();
    await this.checkpoints.save(SCHEDULER_SUBSCRIBER, report.position);
    return report.position;
  }

  /** Handles events until `signal` aborts; throws if the store or Redis fails (the caller restarts it). */
  run(signal: AbortSignal): Promise<void> {
    return runCheckpointed({
      store: this.options.store, checkpoints: this.checkpoints, subscriberId: SCHEDULER_SUBSCRIBER, filter: { streamPrefixes: ['case-'] },
      initial: () => this.resumePosition(),
      handle: async (event) => { await this.syncCase(event.streamId.slice('case-'.length)); },
    }, signal);
  }
}
