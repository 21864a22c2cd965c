import type { EventStore } from '@csc/event-store';
import { caseStreamId } from '@csc/case';
import type { FireQueue } from './fire-queue';
import { fireJobId, type FireJob } from './jobs';
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
  const [result] = await applyPlans(deps, [{ caseId, plan }]);
  if (result === undefined) throw new Error(`no sync result for case ${caseId}`);
  return result;
}

/** One case's plan and what its jobs must change to match it. */
export interface JobChanges {
  readonly caseId: string;
  /** Jobs of alerts no longer wanted (met, cancelled, raised). */
  readonly stale: readonly string[];
  /** Jobs of wanted alerts that are at another time: removed, then added again. */
  readonly moved: readonly string[];
  /** The alerts whose jobs are added (the moved ones included). */
  readonly toAdd: readonly PlannedAlert[];
  /** Job ids the case keeps. */
  readonly wanted: readonly string[];
}

/** The job ids a sync of this plan looks up: every alert the case could keep a job for. */
export function candidateJobIds(plan: CasePlan): string[] {
  return candidateAlertIds(plan).map(fireJobId);
}

/** What the case's jobs must change to match `plan`, given the jobs found of its candidates (pure). */
export function jobChanges(caseId: string, plan: CasePlan, existing: ReadonlyMap<string, FireJob>): JobChanges {
  const wanted = new Map<string, PlannedAlert>(plan.next.map((a) => [fireJobId(a.alertId), a]));
  const stale = candidateJobIds(plan).filter((id) => existing.has(id) && !wanted.has(id));
  const moved = new Set([...wanted].filter(([id, a]) => existing.get(id) !== undefined && existing.get(id)?.at !== a.at).map(([id]) => id));
  const toAdd = [...wanted].filter(([id]) => !existing.has(id) || moved.has(id)).map(([, a]) => a);
  return { caseId, stale, moved: [...moved], toAdd, wanted: [...wanted.keys()] };
}

/**
 * Carries out the changes of several cases together: one removal of every stale and moved job,
 * then one bulk add (a moved job is removed before it is added again).
 */
export async function applyChanges(deps: Pick<SyncDependencies, 'jobs' | 'clock'>, changes: readonly JobChanges[]): Promise<SyncResult[]> {
  await deps.jobs.remove(changes.flatMap((c) => [...c.stale, ...c.moved]));
  await deps.jobs.add(changes.flatMap((c) => c.toAdd), deps.clock().getTime());
  return changes.map((c) => ({ caseId: c.caseId, added: c.toAdd.length - c.moved.length, moved: c.moved.length, removed: c.stale.length, jobs: c.wanted }));
}

/** Syncs several cases' jobs to their plans with one (pipelined) look-up of all their candidate jobs. */
export async function applyPlans(deps: SyncDependencies, plans: readonly { readonly caseId: string; readonly plan: CasePlan }[]): Promise<SyncResult[]> {
  const existing = await deps.jobs.existing(plans.flatMap(({ plan }) => candidateJobIds(plan)));
  return applyChanges(deps, plans.map(({ caseId, plan }) => jobChanges(caseId, plan, existing)));
}
