import { START, type EventStore, type Position } from '@csc/event-store';
import type { CaseStreamEvent } from './events';
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

const PAGE = 5000;

async function readCases(store: EventStore, after: Position): Promise<{ cases: Map<string, CaseStreamEvent[]>; position: Position }> {
  const cases = new Map<string, CaseStreamEvent[]>();
  let position = after;
  for (;;) {
    const page = await store.readAll({ after: position, maxCount: PAGE });
    for (const event of page) {
      if (!event.streamId.startsWith('case-')) continue;
      const caseId = event.streamId.slice('case-'.length);
      const list = cases.get(caseId) ?? [];
      list.push({ id: event.id, type: event.type, data: event.data });
      cases.set(caseId, list);
    }
    const last = page[page.length - 1];
    if (last === undefined) return { cases, position };
    position = last.position;
  }
}

/**
 * Rebuilds the set of firing jobs from the events alone (Redis holds nothing the event store
 * cannot give back): plans every case, adds missing jobs, moves jobs at the wrong time, retries
 * failed ones, and removes orphans after re-checking their case against a fresh read. Jobs
 * whose time passed while Redis or the worker was down are added with no delay, so they fire
 * at once and are raised marked late. Finally re-syncs cases written to meanwhile.
 */
export async function reconcile(deps: SyncDependencies, onProgress?: (message: string) => void): Promise<ReconcileReport> {
  const started = performance.now();
  const { cases, position } = await readCases(deps.store, START);
  onProgress?.(`read ${cases.size} cases`);
  const desired = new Map<string, PlannedAlert>();
  const errors: { caseId: string; message: string }[] = [];
  for (const [caseId, events] of cases) {
    try {
      for (const alert of planCase(events, deps.context).next) desired.set(fireJobId(alert.alertId), alert);
    } catch (error) {
      errors.push({ caseId, message: error instanceof Error ? error.message : String(error) });
    }
  }
  onProgress?.(`planned ${desired.size} jobs`);
  const existingIds = new Set((await deps.jobs.allIds()).filter((id) => id.startsWith('alert/')));
  const existing = await deps.jobs.existing([...desired.keys()].filter((id) => existingIds.has(id)));
  const moved = [...existing].filter(([id, data]) => desired.get(id)?.at !== data.at).map(([id]) => id);
  await deps.jobs.remove(moved);
  const toAdd = [...desired].filter(([id]) => !existing.has(id) || moved.includes(id)).map(([, a]) => a);
  const now = deps.clock().getTime();
  await deps.jobs.add(toAdd, now);
  const failed = (await deps.jobs.failedIds()).filter((id) => desired.has(id) && !moved.includes(id));
  const retried = await deps.jobs.retry(failed);
  const removed = await removeOrphans(deps, [...existingIds].filter((id) => !desired.has(id)));
  const { cases: touched, position: last } = await readCases(deps.store, position);
  for (const caseId of touched.keys()) await syncCase(deps, caseId);
  onProgress?.(`added ${toAdd.length}, moved ${moved.length}, removed ${removed}, retried ${retried}`);
  return {
    cases: cases.size, planned: desired.size, added: toAdd.length - moved.length, moved: moved.length, removed, retried,
    overdue: [...desired.values()].filter((a) => a.at <= now).length, errors, position: last, durationMs: Math.round(performance.now() - started),
  };
}

/** Orphans are removed only if a fresh read of their case still does not want them. */
async function removeOrphans(deps: SyncDependencies, orphanIds: readonly string[]): Promise<number> {
  if (orphanIds.length === 0) return 0;
  const data = await deps.jobs.existing(orphanIds);
  const byCase = new Map<string, string[]>();
  for (const [id, job] of data) byCase.set(job.caseId, [...(byCase.get(job.caseId) ?? []), id]);
  let removed = 0;
  for (const [caseId, ids] of byCase) {
    const kept = new Set((await syncCase(deps, caseId)).jobs);
    removed += await deps.jobs.remove(ids.filter((id) => !kept.has(id)));
  }
  return removed;
}
