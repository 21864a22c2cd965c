import { caseStreamId, evolve, foldCase, initialCaseState, type CaseState } from '@csc/case';
import type { EventStore, RecordedEvent } from '@csc/event-store';
import { planFolded, type CasePlan, type PlanContext, type PlannedAlert } from './plan';

/** One case as the scheduler last folded it. */
export interface FoldedCaseEntry {
  state: CaseState;
  /** The stream revision of the last event folded into `state` (-1: none). */
  revision: number;
  /** The plan last made of this case (of `plan.folded.state`), reused while only raised alerts change. */
  plan?: CasePlan;
}

export interface CaseFoldStats {
  /** Cases held now. */
  readonly size: number;
  /** Events folded onto a held state (one `evolve`). */
  readonly evolved: number;
  /** Events skipped: the held state already had them (a read had folded them in). */
  readonly skipped: number;
  /** Streams read and folded from the start (not held, evicted, or out of step). */
  readonly reads: number;
  /** Streams read from the held revision on, to see alerts raised since (see `catchUp`). */
  readonly caughtUp: number;
  /** Plans made in full (deadlines derived). */
  readonly planned: number;
  /** Plans that kept the last plan's deadlines because only raised alerts had changed. */
  readonly replanned: number;
}

/**
 * The alert scheduler's folded cases: a bounded map, least recently used evicted first (a `Map`
 * keeps insertion order), of each case's state and the revision it covers. An event at the
 * revision just after the held one is folded on with one `evolve`; an event the held state
 * already covers is skipped; anything else (not held, evicted, a revision missing) reads the
 * stream once and folds it from the start. A fold depends on the events alone, so an entry is
 * right whatever happened to the jobs meanwhile (a reconciliation, another scheduler).
 */
export class CaseFolds {
  private readonly entries = new Map<string, FoldedCaseEntry>();
  private readonly counts = { evolved: 0, skipped: 0, reads: 0, caughtUp: 0, planned: 0, replanned: 0 };

  constructor(readonly limit: number) {}

  get(caseId: string): FoldedCaseEntry | undefined {
    const entry = this.entries.get(caseId);
    if (entry !== undefined) {
      this.entries.delete(caseId);
      this.entries.set(caseId, entry);
    }
    return entry;
  }

  set(caseId: string, entry: FoldedCaseEntry): void {
    this.entries.delete(caseId);
    if (this.limit <= 0) return;
    this.entries.set(caseId, entry);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  stats(): CaseFoldStats {
    return { size: this.entries.size, ...this.counts };
  }

  /**
   * Folds one event of `case-<caseId>` onto `held` (the case's entry, if any): the entry now
   * covering it, and whether the stream was read for it.
   */
  async fold(store: EventStore, caseId: string, event: RecordedEvent, held: FoldedCaseEntry | undefined): Promise<{ entry: FoldedCaseEntry; read: boolean }> {
    if (held !== undefined && event.revision <= held.revision) {
      this.counts.skipped++;
      return { entry: held, read: false };
    }
    if (held !== undefined && event.revision === held.revision + 1) {
      this.counts.evolved++;
      const entry: FoldedCaseEntry = { state: evolve(held.state, event), revision: event.revision, ...(held.plan ? { plan: held.plan } : {}) };
      this.set(caseId, entry);
      return { entry, read: false };
    }
    if (held === undefined && event.revision === 0) {
      // The stream's first event: nothing came before it, so there is nothing to read.
      this.counts.evolved++;
      const entry: FoldedCaseEntry = { state: evolve(initialCaseState, event), revision: 0 };
      this.set(caseId, entry);
      return { entry, read: false };
    }
    const stream = await store.readStream(caseStreamId(caseId));
    this.counts.reads++;
    const entry: FoldedCaseEntry = { state: foldCase(stream), revision: stream[stream.length - 1]?.revision ?? -1 };
    this.set(caseId, entry);
    return { entry, read: true };
  }

  /** Folds in the events of the case's stream after `held.revision` (none: `held` itself). */
  async catchUp(store: EventStore, caseId: string, held: FoldedCaseEntry): Promise<FoldedCaseEntry> {
    const newer = await store.readStream(caseStreamId(caseId), { fromRevision: held.revision + 1 });
    this.counts.caughtUp++;
    const last = newer[newer.length - 1];
    const entry: FoldedCaseEntry = last === undefined ? held : { state: foldCase(newer, held.state), revision: last.revision, ...(held.plan ? { plan: held.plan } : {}) };
    this.set(caseId, entry);
    return entry;
  }

  /** The entry's plan, made once per state: only the next alerts are worked out again when only raised alerts changed. */
  planOf(entry: FoldedCaseEntry, context: PlanContext): CasePlan {
    const previous = entry.plan;
    if (previous !== undefined && previous.folded.state === entry.state) return previous;
    const folded = { state: entry.state, raised: new Set(entry.state.alertsRaised) };
    let plan: CasePlan;
    if (previous !== undefined && onlyRaisedChanged(previous.folded.state, entry.state)) {
      plan = { folded, deadlines: previous.deadlines, alerts: previous.alerts, next: nextAlerts(previous.alerts, folded.raised) };
      this.counts.replanned++;
    } else {
      plan = planFolded(folded, context);
      this.counts.planned++;
    }
    entry.plan = plan;
    return plan;
  }
}

/**
 * True when everything a plan's deadlines and alerts are derived from (case id, opened, team,
 * IRO, the pathway instances) is the very same between the two states: an alert event changes
 * only the version and the alert ids, and `evolve` keeps the rest by reference, so this holds
 * across alert events, and fails for any event that touches an instance, the team or the IRO.
 */
export function onlyRaisedChanged(from: CaseState, to: CaseState): boolean {
  return from.caseId === to.caseId && from.opened === to.opened && from.teamRef === to.teamRef && from.iroRef === to.iroRef && from.instances === to.instances;
}

/**
 * Per deadline, its earliest alert not raised: `planFolded`'s `next`, from the alerts it gave
 * (each deadline's alerts together, in deadline order, sorted by time within a deadline).
 */
export function nextAlerts(alerts: readonly PlannedAlert[], raised: ReadonlySet<string>): PlannedAlert[] {
  const next: PlannedAlert[] = [];
  let deadlineId: string | undefined;
  let found = false;
  for (const alert of alerts) {
    if (alert.deadlineId !== deadlineId) {
      deadlineId = alert.deadlineId;
      found = false;
    }
    if (found || raised.has(alert.alertId)) continue;
    found = true;
    next.push(alert);
  }
  return next;
}
