import type { ChainableCommander } from 'ioredis';
import type { Redis } from '@csc/redis';
import type { ProjectionKeys } from './keys';
import type { AllegationView, CaseView, InboxAlert, OpenDeadline } from './view';

/** A change to the queues, as the live stream publishes it (references only). */
export interface QueueChange {
  readonly caseId: string;
  readonly teams: readonly string[];
  readonly iros: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

const score = (d: OpenDeadline): number | string => (d.dueInstant === null ? '+inf' : Date.parse(d.dueInstant));

function queuesOf(d: OpenDeadline, keys: ProjectionKeys): string[] {
  const queues: string[] = [];
  if (d.teamRef !== null) queues.push(keys.team(d.teamRef));
  if (d.owner.kind === 'iro' && d.owner.ref !== null) queues.push(keys.iro(d.owner.ref));
  return queues;
}

/** The case summary's stored JSON. */
export function summaryOf(view: CaseView): string {
  return JSON.stringify({
    caseId: view.caseId, teamRef: view.teamRef, iroRef: view.iroRef, version: view.version, openPathways: view.openPathways, openDeadlines: view.deadlines.length,
  });
}

/**
 * The stored value of a case's entry in the case deadline index: the JSON array of its open
 * deadline ids, soonest due first (no numeric timescale last), ties by id. Undefined when the case
 * has none (no entry).
 */
export function caseDeadlineIdsOf(view: CaseView): string | undefined {
  if (view.deadlines.length === 0) return undefined;
  const due = (d: OpenDeadline): number => (d.dueInstant === null ? Infinity : Date.parse(d.dueInstant));
  const ordered = view.deadlines.map((d) => ({ id: d.id, due: due(d) })).sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify(ordered.map((d) => d.id));
}

/** The deadline ids of a case deadline index entry (none for a missing entry). */
export function parseCaseDeadlineIds(value: string | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const ids: unknown = JSON.parse(value);
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** Adds a case's view to a pipeline or transaction (assumes nothing of it is stored yet). */
export function addView(tx: ChainableCommander, keys: ProjectionKeys, view: CaseView): void {
  tx.set(keys.summary(view.caseId), summaryOf(view));
  const ids = caseDeadlineIdsOf(view);
  if (ids !== undefined) tx.hset(keys.caseDeadlineIndex, view.caseId, ids);
  for (const d of view.deadlines) {
    tx.hset(keys.deadlines, d.id, JSON.stringify(d));
    if (d.dueInstant === null) continue;
    for (const queue of queuesOf(d, keys)) tx.zadd(queue, score(d), d.id);
  }
}

/** The deadlines stored for a case now (what the last projection wrote). */
async function storedDeadlines(redis: Redis, keys: ProjectionKeys, caseId: string): Promise<OpenDeadline[]> {
  return (await storedDeadlinesOf(redis, keys, [caseId]))[0] ?? [];
}

/** The deadlines stored now for each of `caseIds` (in their order), in two round trips. */
export async function storedDeadlinesOf(redis: Redis, keys: ProjectionKeys, caseIds: readonly string[]): Promise<OpenDeadline[][]> {
  if (caseIds.length === 0) return [];
  const ids = (await redis.hmget(keys.caseDeadlineIndex, ...caseIds)).map(parseCaseDeadlineIds);
  const wanted = ids.flat();
  if (wanted.length === 0) return caseIds.map(() => []);
  const values = await redis.hmget(keys.deadlines, ...wanted);
  const records = new Map<string, OpenDeadline>();
  wanted.forEach((id, i) => {
    const value = values[i];
    if (value !== null && value !== undefined) records.set(id, JSON.parse(value) as OpenDeadline);
  });
  return ids.map((list) => list.flatMap((id) => {
    const record = records.get(id);
    return record === undefined ? [] : [record];
  }));
}

/**
 * Adds to `tx` the commands that replace what the projection holds for one case (`before`, as
 * stored now) by its new view: the result is exactly what `addView` gives on an empty
 * namespace, whatever was there before. Returns the change to publish.
 */
export function replaceViewIn(tx: ChainableCommander, keys: ProjectionKeys, caseId: string, before: readonly OpenDeadline[], view: CaseView | undefined): QueueChange {
  for (const d of before) {
    tx.hdel(keys.deadlines, d.id);
    for (const queue of queuesOf(d, keys)) tx.zrem(queue, d.id);
  }
  tx.del(keys.summary(caseId));
  tx.hdel(keys.caseDeadlineIndex, caseId);
  if (view !== undefined) addView(tx, keys, view);
  const after = view?.deadlines ?? [];
  const beforeById = new Map(before.map((d) => [d.id, d]));
  const afterIds = new Set(after.map((d) => d.id));
  const refs = [...before, ...after];
  return {
    caseId,
    teams: [...new Set(refs.flatMap((d) => (d.teamRef === null ? [] : [d.teamRef])))].sort(),
    iros: [...new Set(refs.flatMap((d) => (d.owner.kind === 'iro' && d.owner.ref !== null ? [d.owner.ref] : [])))].sort(),
    added: after.filter((d) => !beforeById.has(d.id) || JSON.stringify(d) !== JSON.stringify(beforeById.get(d.id))).map((d) => d.id),
    removed: before.filter((d) => !afterIds.has(d.id)).map((d) => d.id),
  };
}

/**
 * Replaces what the projection holds for one case by its new view, in one transaction: the
 * result is exactly what `addView` gives on an empty namespace, whatever was there before.
 */
export async function replaceView(redis: Redis, keys: ProjectionKeys, caseId: string, view: CaseView | undefined): Promise<QueueChange> {
  const before = await storedDeadlines(redis, keys, caseId);
  const tx = redis.multi();
  const change = replaceViewIn(tx, keys, caseId, before, view);
  await tx.exec();
  return change;
}

const allegationScore = (view: AllegationView): number | string => {
  const dues = view.deadlines.flatMap((d) => (d.dueInstant === null ? [] : [Date.parse(d.dueInstant)]));
  return dues.length === 0 ? '+inf' : Math.min(...dues);
};

/** Adds an open allegation's view (assumes nothing of it is stored yet). */
export function addAllegation(tx: ChainableCommander, keys: ProjectionKeys, view: AllegationView): void {
  tx.set(keys.allegation(view.allegationId), JSON.stringify(view));
  tx.zadd(keys.openAllegations, allegationScore(view), view.allegationId);
}

/** Adds to `tx` the commands that replace what the projection holds for one allegation (nothing when it is closed). */
export function replaceAllegationIn(tx: ChainableCommander, keys: ProjectionKeys, allegationId: string, view: AllegationView | undefined): void {
  tx.del(keys.allegation(allegationId)).zrem(keys.openAllegations, allegationId);
  if (view !== undefined) addAllegation(tx, keys, view);
}

/** Replaces what the projection holds for one allegation (nothing when it is closed), in one transaction. */
export async function replaceAllegation(redis: Redis, keys: ProjectionKeys, allegationId: string, view: AllegationView | undefined): Promise<void> {
  const tx = redis.multi();
  replaceAllegationIn(tx, keys, allegationId, view);
  await tx.exec();
}

/** Adds an alert to its recipient's inbox (idempotent). */
export function addInboxAlert(tx: ChainableCommander, keys: ProjectionKeys, alert: InboxAlert): void {
  tx.hset(keys.alerts, alert.eventId, JSON.stringify(alert));
  tx.zadd(keys.inbox(alert.recipient.kind, alert.recipient.ref), Date.parse(alert.scheduledFor), alert.eventId);
}

/** The alert event ids a read-marks event marks read (ignores anything that is not a list of strings). */
export function readMarksOf(data: unknown): string[] {
  const ids = (data as { alertEventIds?: unknown } | null)?.alertEventIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * Writes a whole generation in large pipelines (no MULTI: the generation is not visible until the
 * pointer moves): summaries by MSET, deadline and alert records and the case deadline index by
 * multi-field HSET, queue members grouped per sorted set. Buffering is synchronous (no promise
 * per view); when a pipeline is full (`full`), the caller awaits `flush()`, which sends it while
 * the next is built (one pipeline in flight). Gives exactly the contents the per-case writers give.
 */
export class BulkWriter {
  private pipeline: ChainableCommander;
  private commands = 0;
  private inflight: Promise<unknown> = Promise.resolve();
  private strings: string[] = [];
  private readonly hashes = new Map<string, string[]>();
  private readonly zsets = new Map<string, (string | number)[]>();
  private readonly sets = new Map<string, string[]>();
  private readonly limit: number;
  /** Key names used for every case, built once (a key built anew per use is also hashed anew by each map lookup). */
  private readonly deadlinesKey: string;
  private readonly indexKey: string;
  private readonly queueKeys = new Map<string, string[]>();

  constructor(private readonly redis: Redis, private readonly keys: ProjectionKeys, private readonly batch = 4000, chunk = 1000) {
    this.pipeline = redis.pipeline();
    this.limit = 2 * chunk;
    this.deadlinesKey = keys.deadlines;
    this.indexKey = keys.caseDeadlineIndex;
  }

  /** The queues a deadline is listed in (`queuesOf`), remembered per team and owner. */
  private queuesOf(d: OpenDeadline): string[] {
    const id = `${d.teamRef ?? ''}\u0000${d.owner.kind === 'iro' ? (d.owner.ref ?? '') : ''}`;
    let queues = this.queueKeys.get(id);
    if (queues === undefined) this.queueKeys.set(id, (queues = queuesOf(d, this.keys)));
    return queues;
  }

  /** True when the pipeline being built is full: await `flush()` before buffering more. */
  get full(): boolean {
    return this.commands >= this.batch;
  }

  /** Sends the pipeline built so far, once the one in flight has been answered (and throws what that one failed with). */
  async flush(): Promise<void> {
    const full = this.pipeline;
    this.pipeline = this.redis.pipeline();
    this.commands = 0;
    await this.inflight;
    const done = full.exec().then((results) => {
      const failed = results?.find(([error]) => error !== null);
      if (failed) throw failed[0] as Error;
    });
    done.catch(() => undefined); // awaited (and so thrown) at the next flush or in finish()
    this.inflight = done;
  }

  private string(key: string, value: string): void {
    this.strings.push(key, value);
    if (this.strings.length >= this.limit) {
      this.pipeline.mset(...this.strings);
      this.strings = [];
      this.commands++;
    }
  }

  /** The values buffered for `key` (a new, empty buffer when there are none). */
  private bufferOf<T>(map: Map<string, T[]>, key: string): T[] {
    let list = map.get(key);
    if (list === undefined) map.set(key, (list = []));
    return list;
  }

  /** Writes `key`'s buffer as one command once it is long enough. */
  private spill<T>(map: Map<string, T[]>, key: string, list: T[], write: (key: string, values: T[]) => void): void {
    if (list.length < this.limit) return;
    write(key, list);
    map.delete(key);
    this.commands++;
  }

  /** Buffers one pair (field and value, or score and member) for `key`. */
  private pair<T>(map: Map<string, T[]>, key: string, write: (key: string, values: T[]) => void, a: T, b: T): void {
    const list = this.bufferOf(map, key);
    list.push(a, b);
    this.spill(map, key, list, write);
  }

  private readonly hset = (key: string, values: string[]): void => void this.pipeline.hset(key, ...values);
  private readonly zadd = (key: string, values: (string | number)[]): void => void this.pipeline.zadd(key, ...values);
  private readonly sadd = (key: string, values: string[]): void => void this.pipeline.sadd(key, ...values);

  caseView(view: CaseView): void {
    const { keys } = this;
    this.string(keys.summary(view.caseId), summaryOf(view));
    const ids = caseDeadlineIdsOf(view);
    if (ids !== undefined) this.pair(this.hashes, this.indexKey, this.hset, view.caseId, ids);
    for (const d of view.deadlines) {
      this.pair(this.hashes, this.deadlinesKey, this.hset, d.id, JSON.stringify(d));
      if (d.dueInstant === null) continue;
      const due = Date.parse(d.dueInstant);
      for (const queue of this.queuesOf(d)) this.pair(this.zsets, queue, this.zadd, due, d.id);
    }
  }

  allegation(view: AllegationView): void {
    this.string(this.keys.allegation(view.allegationId), JSON.stringify(view));
    this.pair(this.zsets, this.keys.openAllegations, this.zadd, allegationScore(view), view.allegationId);
  }

  inboxAlert(alert: InboxAlert): void {
    this.pair(this.hashes, this.keys.alerts, this.hset, alert.eventId, JSON.stringify(alert));
    this.pair(this.zsets, this.keys.inbox(alert.recipient.kind, alert.recipient.ref), this.zadd, Date.parse(alert.scheduledFor), alert.eventId);
  }

  readMarks(userKey: string, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const key = this.keys.inboxRead(userKey);
    const list = this.bufferOf(this.sets, key);
    for (const id of ids) list.push(id);
    this.spill(this.sets, key, list, this.sadd);
  }

  /** Writes everything still buffered and waits for every pipeline. */
  async finish(): Promise<void> {
    if (this.strings.length > 0) this.pipeline.mset(...this.strings);
    this.strings = [];
    for (const [key, values] of this.hashes) this.hset(key, values);
    for (const [key, values] of this.zsets) this.zadd(key, values);
    for (const [key, values] of this.sets) this.sadd(key, values);
    this.hashes.clear();
    this.zsets.clear();
    this.sets.clear();
    await this.flush();
    await this.inflight;
  }
}
