import type { EventStore } from '@csc/event-store';
import { caseStreamId } from '@csc/case';
import type { FireQueue } from './fire-queue';
import { fireJobId } from './jobs';
import { candidateAlertIds, planCase, type CasePlan, type PlanContext, type PlannedAlert } from './plan';

export interface SyncResult {
  readonly caseId: string;
  readonly added: number;
  readonly moved: number;
  readonly removed: number;
  /** Job ids the case keeps after the sync. */
  readonly jobs: readonly string[];
}

export interface SyncDependencies {
  readonly store: EventStore;
  readonly jobs: FireQueue;
  readonly context: PlanContext;
  readonly clock: () => Date;
}

/** Reads a case's stream and plans its alerts. */
export async function loadPlan(store: EventStore, caseId: string, context: PlanContext): Promise<CasePlan> {
  return planCase(await store.readStream(caseStreamId(caseId)), context);
}

/**
 * Makes one case's jobs match its events: one job per deadline for its next alert, at that
 * alert's time. A job at another time is removed then added again (adding an existing job id
 * is a no-op in BullMQ); jobs of alerts no longer wanted (met, cancelled, raised) are removed.
 */
export async function syncCase(deps: SyncDependencies, caseId: string): Promise<SyncResult> {
  const plan = await loadPlan(deps.store, caseId, deps.context);
  return applyPlan(deps, caseId, plan);
}

export async function applyPlan(deps: SyncDependencies, caseId: string, plan: CasePlan): Promise<SyncResult> {
  const wanted = new Map<string, PlannedAlert>(plan.next.map((a) => [fireJobId(a.alertId), a]));
  const candidates = candidateAlertIds(plan).map(fireJobId);
  const existing = await deps.jobs.existing(candidates);
  const stale = candidates.filter((id) => existing.has(id) && !wanted.has(id));
  const moved = [...wanted].filter(([id, a]) => existing.get(id) !== undefined && existing.get(id)?.at !== a.at).map(([id]) => id);
  await deps.jobs.remove([...stale, ...moved]);
  const toAdd = [...wanted].filter(([id]) => !existing.has(id) || moved.includes(id)).map(([, a]) => a);
  await deps.jobs.add(toAdd, deps.clock().getTime());
  return { caseId, added: toAdd.length - moved.length, moved: moved.length, removed: stale.length, jobs: [...wanted.keys()] };
}
