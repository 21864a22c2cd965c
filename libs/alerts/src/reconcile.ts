import { START, type EventStore, type Position } from '@csc/event-store';
import type { StoredCaseEvent } from '@csc/case';
import { fireJobId } from './jobs';
import { planCase, type PlannedAlert } from './plan';
import { syncCase, type SyncDependencies } from './sync';

export interface ReconcileReport {
  readonly cases: number;
  /** Jobs that should exist (one per deadline with an alert still to raise). */
  readonly planned: number;
  readonly added: number;
  readonly moved: number;
  readonly removed: number;
  /** Failed firing jobs sent round again. */
  readonly retried: number;
  /** Planned jobs whose time had already passed: they fire at once and are raised marked late. */
  readonly overdue: number;
  /** Cases whose history could not be folded (left as they are), by case id. */
  readonly errors: readonly { readonly caseId: string; readonly message: string }[];
  /** The last event position the reconciliation covered (the scheduler's checkpoint after it). */
  readonly position: Position;
  readonly durationMs: number;
}

/** Events per readAll page: a few big reads of the whole log rather than one read per case. */
const PAGE = 10_000;
/** Progress is reported every this many events read, cases planned and jobs added. */
const REPORT_EVERY = 50_000;

async function readCases(store: EventStore, after: Position, onProgress?: (message: string) => void): Promise<{ cases: Map<string, StoredCaseEvent[]>; position: Position; events: number }> {
  const cases = new Map<string, StoredCaseEvent[]>();
  let position = after;
  let events = 0;
  let reported = 0;
  for (;;) {
    const page = await store.readAll({ after: position, maxCount: PAGE });
    for (const event of page) {
      if (!event.streamId.startsWith('case-')) continue;
      const caseId = event.streamId.slice('case-'.length);
      const list = cases.get(caseId);
      const stored = { type: event.type, data: event.data };
      if (list === undefined) cases.set(caseId, [stored]);
      else list.push(stored);
    }
    const last = page[page.length - 1];
    if (last === undefined) return { cases, position, events };
    position = last.position;
    events += page.length;
    if (events - reported >= REPORT_EVERY) {
      reported = events;
      onProgress?.(`read ${events} events (${cases.size} cases)`);
    }
  }
}

/**
 * Rebuilds the set of firing jobs from the events alone (Redis holds nothing the event store
 * cannot give back): reads the whole log in big pages and folds and plans every case in memory,
 * compares the wanted job set with the queue's ids (one range read per job state, data in
 * pipelined batches), adds what is missing with addBulk in chunks, moves jobs at the wrong
 * time, retries failed ones, and removes orphans in batches after re-checking their case
 * against a fresh read. Jobs whose time passed while Redis or the worker was down are added
 * with no delay, so they fire at once and are raised marked late. Finally re-syncs cases
 * written to meanwhile.
 */
export async function reconcile(deps: SyncDependencies, onProgress?: (message: string) => void): Promise<ReconcileReport> {
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const { cases, position, events } = await readCases(deps.store, START, onProgress);
  onProgress?.(`read ${events} events of ${cases.size} cases in ${elapsed()}`);
  const desired = new Map<string, PlannedAlert>();
  const errors: { caseId: string; message: string }[] = [];
  let planned = 0;
  for (const [caseId, caseEvents] of cases) {
    try {
      for (const alert of planCase(caseEvents, deps.context).next) desired.set(fireJobId(alert.alertId), alert);
    } catch (error) {
      errors.push({ caseId, message: error instanceof Error ? error.message : String(error) });
    }
    cases.delete(caseId);
    if (++planned % REPORT_EVERY === 0) onProgress?.(`planned ${planned} cases (${desired.size} jobs) in ${elapsed()}`);
  }
  onProgress?.(`planned ${desired.size} jobs for ${planned} cases in ${elapsed()}`);
  const existingIds = new Set(await deps.jobs.allIds());
  const existing = await deps.jobs.existing([...desired.keys()].filter((id) => existingIds.has(id)));
  const moved = new Set([...existing].filter(([id, job]) => desired.get(id)?.at !== job.at).map(([id]) => id));
  await deps.jobs.remove([...moved]);
  const toAdd = [...desired].filter(([id]) => !existing.has(id) || moved.has(id)).map(([, a]) => a);
  const now = deps.clock().getTime();
  let reported = 0;
  await deps.jobs.add(toAdd, now, (done) => {
    if (done - reported >= REPORT_EVERY || done === toAdd.length) {
      reported = done;
      onProgress?.(`added ${done}/${toAdd.length} jobs in ${elapsed()}`);
    }
  });
  const failed = (await deps.jobs.failedIds()).filter((id) => desired.has(id) && !moved.has(id));
  const retried = await deps.jobs.retry(failed);
  const removed = await removeOrphans(deps, [...existingIds].filter((id) => !desired.has(id)));
  const { cases: touched, position: last } = await readCases(deps.store, position);
  for (const caseId of touched.keys()) await syncCase(deps, caseId);
  onProgress?.(`added ${toAdd.length - moved.size}, moved ${moved.size}, removed ${removed}, retried ${retried}, re-synced ${touched.size} cases written meanwhile, in ${elapsed()}`);
  let overdue = 0;
  for (const alert of desired.values()) if (alert.at <= now) overdue++;
  return {
    cases: planned, planned: desired.size, added: toAdd.length - moved.size, moved: moved.size, removed, retried,
    overdue, errors, position: last, durationMs: Math.round(performance.now() - started),
  };
}

/** Orphans are removed only if a fresh read of their case still does not want them; 16 cases at a time. */
async function removeOrphans(deps: SyncDependencies, orphanIds: readonly string[]): Promise<number> {
  if (orphanIds.length === 0) return 0;
  const data = await deps.jobs.existing(orphanIds);
  const byCase = new Map<string, string[]>();
  for (const [id, job] of data) {
    const ids = byCase.get(job.caseId);
    if (ids === undefined) byCase.set(job.caseId, [id]);
    else ids.push(id);
  }
  let removed = 0;
  const queue = [...byCase];
  await Promise.all(Array.from({ length: Math.min(16, queue.length) }, async () => {
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      const [caseId, ids] = next;
      const kept = new Set((await syncCase(deps, caseId)).jobs);
      removed += await deps.jobs.remove(ids.filter((id) => !kept.has(id)));
    }
  }));
  return removed;
}
