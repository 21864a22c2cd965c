import {
  ALLEGATION_STREAM_PREFIX, CASE_STREAM_PREFIX, allegationStreamId, caseStreamId, evolve, foldAllegation, foldCase, initialCaseState, isTimescaleAlertType,
  type CaseState, type DeadlineOptions,
} from '@csc/case';
import { RedisCheckpointStore, readsPartitions, runCheckpointedBatches, type EventData, type EventStore, type Position, type RecordedEvent } from '@csc/event-store';
import type { Redis } from '@csc/redis';
import { INBOX_READ_EVENT } from './inbox';
import { INBOX_STREAM_PREFIX, ProjectionKeys, QUEUES_SUBSCRIBER } from './keys';
import { CaseCache, onlyVersionChanged, type CachedCase, type CaseCacheStats } from './case-cache';
import { RedisLease } from './lease';
import { STREAM_PREFIXES, openedAtOf, rebuildShare, type ShareProgress, type ShareReport, type ShareTask } from './rebuild-share';
import { rebuildInShares, type RebuildThreads } from './rebuild-threads';
import { allegationView, caseView, inboxAlert, type AllegationView, type CaseView, type InboxAlert } from './view';
import {
  BulkWriter, addInboxAlert, readMarksOf, replaceAllegation, replaceAllegationIn, replaceView, replaceViewIn, storedDeadlinesOf, summaryOf, type QueueChange,
} from './writer';

export interface ProjectorOptions {
  readonly store: EventStore;
  readonly redis: Redis;
  readonly prefix: string;
  readonly deadlines: DeadlineOptions;
  /** Lease lifetime; renewed every third of it. Default 15 s. */
  readonly leaseTtlMs?: number;
  /** Names the holder in the lease value (e.g. the host), never personal data. */
  readonly holder?: string;
  /** Publish each change on the changes channel (the live queue stream); default true. */
  readonly publish?: boolean;
  /** Events per page a rebuild reads (default 5,000). */
  readonly rebuildPageSize?: number;
  /** Cases whose folded state the incremental projector keeps in memory, least recently used evicted first (default 10,000). */
  readonly caseCacheSize?: number;
  /** Most events the incremental projector applies (and checkpoints) together (default 1,000). */
  readonly maxBatch?: number;
  /** How often the incremental projector checks that its checkpoint still exists (default 5 s): Redis restarted empty loses it. */
  readonly checkpointWatchMs?: number;
  /**
   * Rebuild in this many threads (this one and worker threads), each reading, folding and writing
   * its share of the streams: on PostgreSQL only (otherwise, and below 2, the rebuild runs in this
   * thread alone).
   */
  readonly rebuildThreads?: RebuildThreads;
}

export interface RebuildProgress {
  readonly phase: 'reading' | 'writing';
  readonly done: number;
  /** Known in the writing phase (cases and allegations); in the reading phase when the caller gave `totalEvents`. */
  readonly total: number | undefined;
}

/** What a rebuild wrote (see ShareReport: `readMs` is the slowest share's, `writeMs` runs to the moment readers switch to the new generation). */
export interface RebuildReport extends ShareReport {
  /** The generation the rebuild wrote and readers now use. */
  readonly generation: string;
  /** Threads that read and folded the log (1: this one). */
  readonly threads: number;
  /** Milliseconds deleting the generation readers used before, after the switch. */
  readonly deleteMs: number;
}

/** Most events applied together by the incremental projector: one MULTI, then one checkpoint. */
const MAX_BATCH = 1000;

/** The events of one batch, sorted by what they change. */
interface Batch {
  /** Each case the batch touched, with its cached (folded) state. */
  readonly cases: Map<string, CachedCase>;
  readonly alerts: InboxAlert[];
  readonly allegations: Set<string>;
  readonly readMarks: { readonly userKey: string; readonly ids: readonly string[] }[];
}

/** Events per page: 5,000 keeps PostgreSQL on an ordered index scan (pages of ~10% of the log and more get a sort of every remaining row, each page). */
const PAGE = 5000;

/**
 * The read-model projector: open deadlines per team, per IRO and per case, case summaries, the
 * alert inboxes of every recipient with each user's read-marks, and the LADO's open allegations,
 * in Redis under `<prefix>:rm:queues`. Each case's and each allegation's keys are a pure function
 * of its stream, and inbox entries and read-marks a pure function of the alert and read-mark
 * events, so projecting incrementally and rebuilding from position zero give identical contents.
 */
export class QueueProjector {
  /** Generation-free names (namespace, pointer, lease, changes channel); `currentKeys()` names the live generation's keys. */
  readonly keys: ProjectionKeys;
  readonly lease: RedisLease;
  private readonly checkpoints: RedisCheckpointStore;
  /** Folded cases of the incremental projection (emptied when a run starts and after a failed batch). */
  private readonly cache: CaseCache;

  constructor(private readonly options: ProjectorOptions) {
    this.keys = new ProjectionKeys(options.prefix);
    this.cache = new CaseCache(options.caseCacheSize ?? 10_000);
    this.checkpoints = new RedisCheckpointStore({ redis: options.redis, prefix: options.prefix });
    this.lease = new RedisLease({ redis: options.redis, key: this.keys.lease, ttlMs: options.leaseTtlMs ?? 15_000, ...(options.holder ? { holder: options.holder } : {}) });
  }

  /** The keys of the generation readers use now. */
  async currentKeys(): Promise<ProjectionKeys> {
    return this.keys.at((await this.options.redis.get(this.keys.generationPointer)) ?? undefined);
  }

  /** Re-derives one case from its stream and replaces its keys (a fresh read: the case's cached state, if any, is dropped). */
  async projectCase(caseId: string, keys?: ProjectionKeys): Promise<QueueChange> {
    this.cache.delete(caseId);
    const events = await this.options.store.readStream(caseStreamId(caseId));
    const change = await replaceView(this.options.redis, keys ?? (await this.currentKeys()), caseId, caseView(foldCase(events), this.options.deadlines));
    if (this.options.publish !== false && (change.added.length > 0 || change.removed.length > 0)) {
      await this.options.redis.publish(this.keys.changes, JSON.stringify(change));
    }
    return change;
  }

  /** Re-derives one LADO allegation from its stream and replaces its keys (removes them once it is closed). */
  async projectAllegation(allegationId: string, keys?: ProjectionKeys): Promise<void> {
    await replaceAllegation(this.options.redis, keys ?? (await this.currentKeys()), allegationId, await this.allegationViewOf(allegationId));
  }

  private async allegationViewOf(allegationId: string): Promise<AllegationView | undefined> {
    const events = await this.options.store.readStream(allegationStreamId(allegationId));
    const openedAt = events.map(openedAtOf).find((at) => at !== null) ?? null;
    return allegationView(foldAllegation(events), openedAt, this.options.deadlines);
  }

  /** Applies one event of a followed stream to the read model in `keys` (a batch of one). */
  async apply(event: RecordedEvent, keys: ProjectionKeys): Promise<void> {
    await this.applyBatch([event], keys);
  }

  /** What the case cache holds and how the projector has used it (for tests and measurements). */
  cacheStats(): CaseCacheStats {
    return this.cache.stats();
  }

  /**
   * Applies consecutive events of the followed streams to the read model in `keys`. Each case
   * event is folded onto the case's cached state when that state is at the revision just before
   * it (one `evolve`), skipped when the cached state already holds it, and otherwise the case is
   * read from the store once and folded from the start. Then each case the batch touched is
   * written once: in full (deadlines derived, keys replaced) unless only its version changed
   * (alert events), when its summary alone is rewritten. Every write of the batch (case views,
   * inbox alerts, allegations, read-marks) goes in one MULTI, after two pipelined reads of the
   * deadlines stored for the cases written in full. Re-applying a batch gives the same contents.
   * On a failure the cache is emptied (the next events read their cases afresh).
   */
  async applyBatch(events: readonly RecordedEvent[], keys: ProjectionKeys): Promise<void> {
    try {
      await this.writeBatch(await this.foldBatch(events), keys);
    } catch (error) {
      this.cache.clear();
      throw error;
    }
  }

  private async foldBatch(events: readonly RecordedEvent[]): Promise<Batch> {
    const batch: Batch = { cases: new Map(), alerts: [], allegations: new Set(), readMarks: [] };
    for (const event of events) {
      const { streamId } = event;
      if (streamId.startsWith(CASE_STREAM_PREFIX)) {
        const caseId = streamId.slice(CASE_STREAM_PREFIX.length);
        if (isTimescaleAlertType(event.type)) {
          const alert = inboxAlert(event, caseId);
          if (alert !== undefined) batch.alerts.push(alert);
        }
        const entry = await this.foldCaseEvent(caseId, event);
        if (entry !== undefined) batch.cases.set(caseId, entry);
      } else if (streamId.startsWith(ALLEGATION_STREAM_PREFIX)) {
        batch.allegations.add(streamId.slice(ALLEGATION_STREAM_PREFIX.length));
      } else if (streamId.startsWith(INBOX_STREAM_PREFIX) && event.type === INBOX_READ_EVENT) {
        const ids = readMarksOf(event.data);
        if (ids.length > 0) batch.readMarks.push({ userKey: streamId.slice(INBOX_STREAM_PREFIX.length), ids });
      }
    }
    return batch;
  }

  /** Folds one case event into the cache; the entry to write, or undefined when the event was already folded. */
  private async foldCaseEvent(caseId: string, event: RecordedEvent): Promise<CachedCase | undefined> {
    const { cache } = this;
    const cached = cache.get(caseId);
    if (cached !== undefined && event.revision <= cached.revision) {
      cache.counts.skipped++;
      return cached;
    }
    if (cached !== undefined && event.revision === cached.revision + 1) {
      cached.state = evolve(cached.state, event);
      cached.revision = event.revision;
      cache.counts.evolved++;
      return cached;
    }
    if (cached === undefined && event.revision === 0) {
      // The stream's first event: nothing came before it, so there is nothing to read (a catch-up from zero reads no stream).
      const fresh: CachedCase = { state: evolve(initialCaseState, event), revision: 0 };
      cache.counts.evolved++;
      cache.set(caseId, fresh);
      return fresh;
    }
    // Not cached, evicted, or out of step (a revision missing): read the stream once and fold it.
    const stream = await this.options.store.readStream(caseStreamId(caseId));
    const fresh: CachedCase = { state: foldCase(stream), revision: stream[stream.length - 1]?.revision ?? -1 };
    cache.counts.reads++;
    cache.set(caseId, fresh);
    return fresh;
  }

  private async writeBatch(batch: Batch, keys: ProjectionKeys): Promise<void> {
    const { redis, deadlines } = this.options;
    const { cache } = this;
    const full: { caseId: string; entry: CachedCase; state: CaseState; view: CaseView | undefined }[] = [];
    const summaries: { entry: CachedCase; state: CaseState; view: CaseView | undefined }[] = [];
    for (const [caseId, entry] of batch.cases) {
      const { state, written } = entry;
      const here = written !== undefined && written.base === keys.base ? written : undefined;
      if (here !== undefined && here.from === state) continue; // nothing new (a skipped event)
      if (here !== undefined && onlyVersionChanged(here.from, state)) {
        // Deadlines and pathways depend only on what did not change: the summary's version alone moves.
        summaries.push({ entry, state, view: here.view === undefined ? undefined : { ...here.view, version: state.version } });
        cache.counts.summaryOnly++;
      } else {
        full.push({ caseId, entry, state, view: caseView(state, deadlines) });
        cache.counts.derived++;
      }
    }
    const allegationIds = [...batch.allegations];
    const allegations = await Promise.all(allegationIds.map((id) => this.allegationViewOf(id)));
    const before = await storedDeadlinesOf(redis, keys, full.map((c) => c.caseId));
    const tx = redis.multi();
    const changes = full.map((c, i) => replaceViewIn(tx, keys, c.caseId, before[i] ?? [], c.view));
    for (const { view } of summaries) if (view !== undefined) tx.set(keys.summary(view.caseId), summaryOf(view));
    for (const alert of batch.alerts) addInboxAlert(tx, keys, alert);
    allegationIds.forEach((id, i) => replaceAllegationIn(tx, keys, id, allegations[i]));
    for (const { userKey, ids } of batch.readMarks) tx.sadd(keys.inboxRead(userKey), ...ids);
    const results = await tx.exec();
    if (results === null) throw new Error('the read-model transaction was aborted');
    const failed = results.find(([error]) => error !== null);
    if (failed) throw failed[0] as Error;
    for (const c of [...full, ...summaries]) c.entry.written = { view: c.view, from: c.state, base: keys.base };
    const published = changes.filter((change) => change.added.length > 0 || change.removed.length > 0);
    if (this.options.publish !== false && published.length > 0) {
      const pipeline = redis.pipeline();
      for (const change of published) pipeline.publish(this.keys.changes, JSON.stringify(change));
      await pipeline.exec();
    }
  }

  /**
   * Waits for the lease, then projects from the checkpoint into the live generation until
   * `signal` aborts or the lease is lost (then it resolves, and the caller runs it again: it
   * waits for the lease again, and finds the generation a rebuild left).
   */
  async run(signal: AbortSignal): Promise<void> {
    await this.lease.acquire(signal);
    const owned = new AbortController();
    const stop = (): void => owned.abort();
    // An abort that came while the lease was being taken has already fired: act on it now.
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
    const ttl = this.options.leaseTtlMs ?? 15_000;
    const timer = setInterval(() => void this.lease.renew().then((held) => { if (!held) stop(); }, stop), Math.floor(ttl / 3));
    try {
      // What another holder or a rebuild wrote since this process last held the lease is unknown: start cold.
      this.cache.clear();
      const keys = await this.currentKeys();
      await this.follow(keys, owned.signal);
    } finally {
      clearInterval(timer);
      signal.removeEventListener('abort', stop);
      await this.lease.release();
    }
  }

  /**
   * The checkpointed subscription, in batches (`runCheckpointedBatches`): the events the
   * subscription has already read (a page, delivered without waiting on I/O) are applied
   * together, up to `maxBatch`, and only then is the checkpoint saved after the batch's last
   * event (at least once: a batch re-applied after a crash gives the same contents). Redis losing
   * its data (the checkpoint vanishes) stops the run, so that it starts again from nothing.
   */
  private follow(keys: ProjectionKeys, signal: AbortSignal): Promise<void> {
    return runCheckpointedBatches({
      store: this.options.store, checkpoints: this.checkpoints, subscriberId: QUEUES_SUBSCRIBER, filter: { streamPrefixes: STREAM_PREFIXES },
      maxBatch: this.options.maxBatch ?? MAX_BATCH, handle: (batch) => this.applyBatch(batch, keys),
      ...(this.options.checkpointWatchMs === undefined ? {} : { watchMs: this.options.checkpointWatchMs }),
    }, signal);
  }

  /**
   * Rebuilds from position zero into a new generation: folds every case and allegation of the
   * log in memory (see `rebuildShare`), derives each one's view once, writes everything in large
   * pipelines, then moves the generation pointer (readers switch at once, never seeing a
   * half-built generation), saves the checkpoint where reading stopped and deletes the other
   * generations. With `rebuildThreads` on PostgreSQL, the log is cut into shares of whole
   * streams, each read, folded and written by its own thread (this one or a worker) on its own
   * connections, up to the store's head when the rebuild began. The caller holds the lease (see
   * `rebuildWithLease`).
   */
  async rebuild(progress: (p: RebuildProgress) => void = () => undefined, totalEvents?: number): Promise<RebuildReport> {
    const { redis, store } = this.options;
    const started = performance.now();
    const generation = `g${await redis.incr(this.keys.generationCounter)}`;
    const keys = this.keys.at(generation);
    const pageSize = this.options.rebuildPageSize ?? PAGE;
    const threads = this.threadPlan();
    let result: ShareReport;
    try {
      const shown = (p: ShareProgress): void => progress(p.phase === 'reading' ? { ...p, total: totalEvents } : p);
      if (!readsPartitions(store)) {
        const read = (after: Position): Promise<RecordedEvent[]> => store.readAll({ after, maxCount: pageSize });
        result = await rebuildShare(read, new BulkWriter(redis, keys), this.options.deadlines, shown);
      } else if (threads === undefined) {
        // The whole log as one share, without the metadata the fold never reads, up to the head now.
        const upTo = await store.head();
        const read = (after: Position): Promise<EventData[]> =>
          store.readPartitionData({ after, upTo, partition: { index: 0, count: 1 }, filter: { streamPrefixes: STREAM_PREFIXES }, maxCount: pageSize });
        result = { ...(await rebuildShare(read, new BulkWriter(redis, keys), this.options.deadlines, shown)), position: upTo };
      } else {
        const upTo = await store.head();
        const tasks = Array.from({ length: threads.count }, (_, index): ShareTask => ({
          store: threads.store, redisUrl: threads.redisUrl, prefix: this.options.prefix, generation,
          calendar: this.options.deadlines.calendar.input, partition: { index, count: threads.count }, upTo, pageSize,
        }));
        result = { ...(await rebuildInShares(tasks, progress, totalEvents)), position: upTo };
      }
    } catch (error) {
      // Readers never saw this generation: delete what was written of it (a later rebuild would, too).
      await deleteMatching(redis, `${keys.base}:*`, () => true).catch(() => undefined);
      throw error;
    }
    await redis.set(this.keys.generationPointer, generation);
    await this.checkpoints.reset(QUEUES_SUBSCRIBER);
    await this.checkpoints.save(QUEUES_SUBSCRIBER, result.position);
    const live = performance.now();
    await deleteOtherGenerations(redis, keys);
    return {
      events: result.events, cases: result.cases, deadlines: result.deadlines, allegations: result.allegations, alerts: result.alerts,
      position: result.position, generation, threads: threads?.count ?? 1,
      readMs: result.readMs, writeMs: Math.round(live - started) - result.readMs, deleteMs: Math.round(performance.now() - live),
    };
  }

  /** The threads a rebuild may use: only on PostgreSQL (PGlite opens in one place), with the shipped rulebooks (a registry object cannot cross to a thread). */
  private threadPlan(): RebuildThreads | undefined {
    const { rebuildThreads: threads, store, deadlines } = this.options;
    if (threads === undefined || threads.count < 2 || store.kind !== 'postgres' || !readsPartitions(store)) return undefined;
    if (deadlines.rulebooks !== undefined || deadlines.whatIf !== undefined) return undefined;
    return threads;
  }

  /** Takes the lease (asking a running projector to hand it over), rebuilds, and releases it. */
  async rebuildWithLease(signal: AbortSignal, progress?: (p: RebuildProgress) => void, totalEvents?: number): Promise<RebuildReport> {
    const ttl = this.options.leaseTtlMs ?? 15_000;
    await this.lease.requestHandover(ttl * 3);
    const asking = setInterval(() => void this.lease.requestHandover(ttl * 3).catch(() => undefined), ttl);
    try {
      await this.lease.acquire(signal, Math.max(50, Math.floor(ttl / 10)));
    } finally {
      clearInterval(asking);
    }
    const timer = setInterval(() => void this.lease.renew().catch(() => undefined), Math.floor(ttl / 3));
    try {
      return await this.rebuild(progress, totalEvents);
    } finally {
      clearInterval(timer);
      await this.lease.release();
    }
  }
}

/** Deletes every key under `<namespace>:` (SCAN and UNLINK, never FLUSHALL). */
export async function deleteUnder(redis: Redis, namespace: string): Promise<number> {
  return deleteMatching(redis, `${namespace}:*`, () => true);
}

/** Deletes the read model's keys of every generation but `keep`'s (the one before a rebuild, or one a failed rebuild left). */
async function deleteOtherGenerations(redis: Redis, keep: ProjectionKeys): Promise<number> {
  return deleteMatching(redis, `${keep.namespace}:*`, (key) => !key.startsWith(`${keep.base}:`));
}

async function deleteMatching(redis: Redis, pattern: string, wanted: (key: string) => boolean): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
    cursor = next;
    const doomed = found.filter(wanted);
    if (doomed.length > 0) deleted += await redis.unlink(...doomed);
  } while (cursor !== '0');
  return deleted;
}
