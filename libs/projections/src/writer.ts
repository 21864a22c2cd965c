import type { ChainableCommander } from 'ioredis';
import type { Redis } from '@csc/redis';
import type { ProjectionKeys } from './keys';
import type { CaseView, OpenDeadline } from './view';

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

/** Adds a case's view to a pipeline or transaction (assumes nothing of it is stored yet). */
export function addView(tx: ChainableCommander, keys: ProjectionKeys, view: CaseView): void {
  tx.set(keys.summary(view.caseId), JSON.stringify({
    caseId: view.caseId, teamRef: view.teamRef, iroRef: view.iroRef, version: view.version, openPathways: view.openPathways, openDeadlines: view.deadlines.length,
  }));
  for (const d of view.deadlines) {
    tx.hset(keys.deadlines, d.id, JSON.stringify(d));
    tx.zadd(keys.caseDeadlines(view.caseId), score(d), d.id);
    if (d.dueInstant === null) continue;
    for (const queue of queuesOf(d, keys)) tx.zadd(queue, score(d), d.id);
  }
}

/** The deadlines stored for a case now (what the last projection wrote). */
async function storedDeadlines(redis: Redis, keys: ProjectionKeys, caseId: string): Promise<OpenDeadline[]> {
  const ids = await redis.zrange(keys.caseDeadlines(caseId), 0, -1);
  if (ids.length === 0) return [];
  const values = await redis.hmget(keys.deadlines, ...ids);
  return values.flatMap((v) => (v === null ? [] : [JSON.parse(v) as OpenDeadline]));
}

/**
 * Replaces what the projection holds for one case by its new view, in one transaction: the
 * result is exactly what `addView` gives on an empty namespace, whatever was there before.
 */
export async function replaceView(redis: Redis, keys: ProjectionKeys, caseId: string, view: CaseView | undefined): Promise<QueueChange> {
  const before = await storedDeadlines(redis, keys, caseId);
  const tx = redis.multi();
  for (const d of before) {
    tx.hdel(keys.deadlines, d.id);
    for (const queue of queuesOf(d, keys)) tx.zrem(queue, d.id);
  }
  tx.del(keys.caseDeadlines(caseId), keys.summary(caseId));
  if (view !== undefined) addView(tx, keys, view);
  await tx.exec();
  const after = view?.deadlines ?? [];
  const beforeIds = new Set(before.map((d) => d.id));
  const afterIds = new Set(after.map((d) => d.id));
  const refs = [...before, ...after];
  return {
    caseId,
    teams: [...new Set(refs.flatMap((d) => (d.teamRef === null ? [] : [d.teamRef])))].sort(),
    iros: [...new Set(refs.flatMap((d) => (d.owner.kind === 'iro' && d.owner.ref !== null ? [d.owner.ref] : [])))].sort(),
    added: after.filter((d) => !beforeIds.has(d.id) || JSON.stringify(d) !== JSON.stringify(before.find((b) => b.id === d.id))).map((d) => d.id),
    removed: before.filter((d) => !afterIds.has(d.id)).map((d) => d.id),
  };
}
