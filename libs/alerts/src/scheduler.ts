import { CASE_STREAM_PREFIX } from '@csc/case';
import { RedisCheckpointStore, runCheckpointedBatches, type Position, type RecordedEvent } from '@csc/event-store';
import type { Redis } from '@csc/redis';
import { CaseFolds, type CaseFoldStats, type FoldedCaseEntry } from './case-folds';
import { SCHEDULER_SUBSCRIBER } from './keys';
import { reconcile, type ReconcileReport } from './reconcile';
import { applyChanges, candidateJobIds, jobChanges, syncCase, type JobChanges, type SyncDependencies, type SyncResult } from './sync';

export interface SchedulerOptions extends SyncDependencies {
  readonly redis: Redis;
  readonly prefix: string;
  readonly onProgress?: (message: string) => void;
  /** Cases whose fold the subscription keeps between batches, least recently used evicted first (default 10,000). */
  readonly caseCacheSize?: number;
  /** Most events the subscription handles (and checkpoints) together (default 1,000). */
  readonly maxBatch?: number;
  /** How often the subscription checks that its checkpoint still exists (default 5 s): Redis restarted empty loses it. */
  readonly checkpointWatchMs?: number;
}

/** Most events handled together: the cases they touch are planned once and synced with one look-up. */
const MAX_BATCH = 1000;
/** Streams read at once when cases of a batch are brought up to date. */
const CATCH_UP_READS = 16;

/** `work` over `items`, at most `limit` at a time, results in the items' order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
  }));
  return results;
}

/**
 * The deadline scheduler: a checkpointed subscription to the case streams that re-syncs a
 * case's jobs whenever its events arrive (alert events included: raising one alert schedules
 * the deadline's next). The events come in batches (those the subscription has already read, up
 * to `maxBatch`): each is folded onto the case's fold kept in memory (`CaseFolds`), each case the
 * batch touched is planned once and synced once, the jobs of all of them looked up together,
 * and the checkpoint is saved after the batch (at-least-once; a batch applied again gives the
 * same jobs). With no checkpoint (first start, or Redis lost) it reconciles everything first
 * and starts from where that left off. Reconciliation, `syncCase` and a batch never run at once
 * in one scheduler.
 */
export class AlertScheduler {
  private readonly checkpoints: RedisCheckpointStore;
  /** Folded cases of the subscription (emptied when a run starts and after a failed batch). */
  private readonly folds: CaseFolds;
  private exclusive: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SchedulerOptions) {
    this.checkpoints = new RedisCheckpointStore({ redis: options.redis, prefix: options.prefix });
    this.folds = new CaseFolds(options.caseCacheSize ?? 10_000);
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

  /** Re-syncs one case from a fresh read of its stream. */
  syncCase(caseId: string): Promise<SyncResult> {
    return this.serial(() => syncCase(this.options, caseId));
  }

  /**
   * Syncs the jobs of the cases these consecutive events (of the followed log) touch: what the
   * subscription does with each batch. Events of other streams are ignored. Every case touched is
   * planned once, from its fold brought up to the batch's last event of it (the stream is read at
   * most once per case and batch: only when the fold is not held or out of step), and every
   * touched case is synced, even one whose events were already folded (a re-delivered batch
   * syncs again and gives the same jobs). On a failure the folds are dropped.
   */
  syncEvents(events: readonly RecordedEvent[]): Promise<SyncResult[]> {
    return this.serial(async () => {
      try {
        return await this.syncBatch(events);
      } catch (error) {
        this.folds.clear();
        throw error;
      }
    });
  }

  /** What the fold cache holds and how the subscription has used it (for tests and measurements). */
  foldStats(): CaseFoldStats {
    return this.folds.stats();
  }

  private async syncBatch(events: readonly RecordedEvent[]): Promise<SyncResult[]> {
    const { store, context, jobs, clock } = this.options;
    const touched = new Map<string, { entry: FoldedCaseEntry; read: boolean }>();
    for (const event of events) {
      if (!event.streamId.startsWith(CASE_STREAM_PREFIX)) continue;
      const caseId = event.streamId.slice(CASE_STREAM_PREFIX.length);
      const before = touched.get(caseId);
      const folded = await this.folds.fold(store, caseId, event, before?.entry ?? this.folds.get(caseId));
      touched.set(caseId, { entry: folded.entry, read: folded.read || before?.read === true });
    }
    if (touched.size === 0) return [];
    const cases = [...touched].map(([caseId, { entry, read }]) => ({ caseId, entry, read, plan: this.folds.planOf(entry, context) }));
    const existing = await jobs.existing(cases.flatMap((c) => candidateJobIds(c.plan)));
    const changes = new Map<string, JobChanges>(cases.map((c) => [c.caseId, jobChanges(c.caseId, c.plan, existing)]));
    // A fold behind its stream may want again an alert the processor has raised since: its job
    // fired, completed and went, and would be added again to fire at once. So a case that would
    // add a job already due, and whose stream this batch did not read, is brought up to date
    // first (the alert events after its fold are read), then planned and looked up again.
    const now = clock().getTime();
    const behind = cases.filter((c) => !c.read && (changes.get(c.caseId)?.toAdd ?? []).some((a) => a.at <= now));
    if (behind.length > 0) {
      const current = await mapLimited(behind, CATCH_UP_READS, async (c) => {
        const entry = await this.folds.catchUp(store, c.caseId, c.entry);
        return { caseId: c.caseId, plan: this.folds.planOf(entry, context) };
      });
      const found = await jobs.existing(current.flatMap((c) => candidateJobIds(c.plan)));
      for (const c of current) changes.set(c.caseId, jobChanges(c.caseId, c.plan, found));
    }
    return applyChanges(this.options, [...changes.values()]);
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
    // Start cold, as after a failure: a run begins with nothing held from before it.
    this.folds.clear();
    return runCheckpointedBatches({
      store: this.options.store, checkpoints: this.checkpoints, subscriberId: SCHEDULER_SUBSCRIBER, filter: { streamPrefixes: [CASE_STREAM_PREFIX] },
      initial: () => this.resumePosition(),
      handle: async (events) => { await this.syncEvents(events); },
      maxBatch: this.options.maxBatch ?? MAX_BATCH,
      ...(this.options.checkpointWatchMs === undefined ? {} : { watchMs: this.options.checkpointWatchMs }),
    }, signal);
  }
}
