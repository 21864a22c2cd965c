import { caseStreamId, foldCase, initialCaseState, type CaseState, type DeadlineOptions } from '@csc/case';
import { RedisCheckpointStore, START, runCheckpointed, type EventStore, type Position } from '@csc/event-store';
import type { Redis } from '@csc/redis';
import { ProjectionKeys, QUEUES_SUBSCRIBER } from './keys';
import { RedisLease } from './lease';
import { caseView } from './view';
import { addView, replaceView, type QueueChange } from './writer';

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
}

export interface RebuildProgress {
  readonly phase: 'reading' | 'writing';
  readonly done: number;
  /** Known in the writing phase (cases); in the reading phase when the caller gave `totalEvents`. */
  readonly total: number | undefined;
}

export interface RebuildReport {
  readonly events: number;
  readonly cases: number;
  readonly deadlines: number;
  readonly position: Position;
}

const CASE_PREFIX = 'case-';
const PAGE = 5000;

/**
 * The queue projector: open deadlines per team, per IRO and per case, and case summaries, in
 * Redis under `<prefix>:rm:queues`. Each case's keys are a pure function of its stream, so
 * projecting incrementally (re-deriving a case whenever one of its events arrives) and
 * rebuilding from position zero give identical contents.
 */
export class QueueProjector {
  readonly keys: ProjectionKeys;
  readonly lease: RedisLease;
  private readonly checkpoints: RedisCheckpointStore;

  constructor(private readonly options: ProjectorOptions) {
    this.keys = new ProjectionKeys(options.prefix);
    this.checkpoints = new RedisCheckpointStore({ redis: options.redis, prefix: options.prefix });
    this.lease = new RedisLease({ redis: options.redis, key: this.keys.lease, ttlMs: options.leaseTtlMs ?? 15_000, ...(options.holder ? { holder: options.holder } : {}) });
  }

  /** Re-derives one case from its stream and replaces its keys. */
  async projectCase(caseId: string): Promise<QueueChange> {
    const events = await this.options.store.readStream(caseStreamId(caseId));
    const change = await replaceView(this.options.redis, this.keys, caseId, caseView(foldCase(events), this.options.deadlines));
    if (this.options.publish !== false && (change.added.length > 0 || change.removed.length > 0)) {
      await this.options.redis.publish(this.keys.changes, JSON.stringify(change));
    }
    return change;
  }

  /**
   * Waits for the lease, then projects from the checkpoint until `signal` aborts or the lease is
   * lost (then it resolves, and the caller runs it again: it waits for the lease again).
   */
  async run(signal: AbortSignal): Promise<void> {
    await this.lease.acquire(signal);
    const owned = new AbortController();
    const stop = (): void => owned.abort();
    signal.addEventListener('abort', stop, { once: true });
    const ttl = this.options.leaseTtlMs ?? 15_000;
    const timer = setInterval(() => void this.lease.renew().then((held) => { if (!held) stop(); }, stop), Math.floor(ttl / 3));
    try {
      await runCheckpointed({
        store: this.options.store, checkpoints: this.checkpoints, subscriberId: QUEUES_SUBSCRIBER, filter: { streamPrefixes: [CASE_PREFIX] },
        handle: async (event) => {
          if (owned.signal.aborted) return;
          await this.projectCase(event.streamId.slice(CASE_PREFIX.length));
        },
      }, owned.signal);
    } finally {
      clearInterval(timer);
      signal.removeEventListener('abort', stop);
      await this.lease.release();
    }
  }

  /**
   * Rebuilds from position zero: deletes the namespace and the checkpoint, folds every case
   * stream, writes each case's view and saves the checkpoint where reading stopped. The caller
   * holds the lease (see `rebuildWithLease`).
   */
  async rebuild(progress: (p: RebuildProgress) => void = () => undefined, totalEvents?: number): Promise<RebuildReport> {
    const { redis, store } = this.options;
    await deleteUnder(redis, this.keys.namespace);
    await this.checkpoints.reset(QUEUES_SUBSCRIBER);
    const states = new Map<string, CaseState>();
    let position = START;
    let events = 0;
    // Reads the next page while folding this one: PostgreSQL I/O overlaps the fold.
    let next = store.readAll({ after: position, maxCount: PAGE });
    void next.catch(() => undefined);
    for (;;) {
      const page = await next;
      const last = page[page.length - 1];
      if (last === undefined) break;
      next = store.readAll({ after: last.position, maxCount: PAGE });
      void next.catch(() => undefined);
      for (const event of page) {
        if (!event.streamId.startsWith(CASE_PREFIX)) continue;
        const caseId = event.streamId.slice(CASE_PREFIX.length);
        states.set(caseId, foldCase([event], states.get(caseId) ?? initialCaseState));
      }
      events += page.length;
      position = last.position;
      progress({ phase: 'reading', done: events, total: totalEvents });
    }
    let cases = 0;
    let deadlines = 0;
    let tx = redis.pipeline();
    // One pipeline in flight while the next is built.
    let inflight: Promise<unknown> = Promise.resolve();
    for (const state of states.values()) {
      const view = caseView(state, this.options.deadlines);
      cases++;
      if (view !== undefined) {
        addView(tx, this.keys, view);
        deadlines += view.deadlines.length;
      }
      if (cases % 500 === 0) {
        await inflight;
        inflight = tx.exec();
        tx = redis.pipeline();
        progress({ phase: 'writing', done: cases, total: states.size });
      }
    }
    await inflight;
    await tx.exec();
    progress({ phase: 'writing', done: cases, total: states.size });
    await this.checkpoints.save(QUEUES_SUBSCRIBER, position);
    return { events, cases, deadlines, position };
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
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${namespace}:*`, 'COUNT', 1000);
    cursor = next;
    if (found.length > 0) deleted += await redis.unlink(...found);
  } while (cursor !== '0');
  return deleted;
}
