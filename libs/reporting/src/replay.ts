import { instantToMillis, type WorkingCalendar } from '@csc/calendar';
import { decodeCaseEvent, deadlinesOf, foldCase, pathwayOf, type CaseDeadline, type DeadlineStatus, type StoredCaseEvent } from '@csc/case';
import type { RulebookRegistry } from '@csc/rulebook';
import type { IsoInstant } from '@workflows/shared';

/** A stored event with its envelope (structurally, @csc/event-store's RecordedEvent). */
export interface AuditedEvent extends StoredCaseEvent {
  readonly id: string;
  readonly revision: number;
  readonly metadata: {
    readonly occurredAt: string;
    /** When the store recorded it. */
    readonly recordedAt: string;
    readonly actor: { readonly userId: string; readonly role: string };
    readonly rulebookVersion: string | null;
    readonly hash: string;
  };
}

/** One line of a case's history: who recorded what, when it happened and when it was recorded. */
export interface HistoryEntry {
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly pathway: string | null;
  readonly instanceId: string | null;
  readonly occurredAt: IsoInstant;
  /** When the engine recorded it (decide's clock). */
  readonly recordedAt: IsoInstant;
  /** When the store wrote it (the store's clock). */
  readonly storedAt: IsoInstant;
  readonly actor: { readonly userId: string; readonly role: string };
  readonly rulebookVersion: string | null;
  readonly hash: string;
}

export function caseHistory(events: readonly AuditedEvent[]): readonly HistoryEntry[] {
  return events.map((stored) => {
    const event = decodeCaseEvent(stored);
    const pathway = event.type === 'PathwayEventRecorded' ? event : undefined;
    return {
      revision: stored.revision,
      eventId: stored.id,
      type: stored.type,
      pathway: pathway?.pathway ?? null,
      instanceId: pathway?.instanceId ?? null,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      storedAt: stored.metadata.recordedAt,
      actor: stored.metadata.actor,
      rulebookVersion: pathway?.rulebookVersion ?? stored.metadata.rulebookVersion,
      hash: stored.metadata.hash,
    };
  });
}

export interface ReplayOptions {
  readonly calendar: WorkingCalendar;
  readonly rulebooks?: RulebookRegistry;
}

/** The instants a view is taken at: as things happened by `asOf`, as they were recorded by `knownAt` (default: everything recorded). */
export interface ViewInstants {
  readonly asOf: IsoInstant;
  readonly knownAt?: IsoInstant;
}

export interface CaseView {
  readonly caseId: string;
  readonly asOf: IsoInstant;
  readonly knownAt: IsoInstant | null;
  /** Revisions of the events the view takes in: happened by asOf and recorded by knownAt. */
  readonly revisions: readonly number[];
  readonly teamRef: string | null;
  readonly iroRef: string | null;
  /** Each pathway instance that had begun by asOf, and its state then. */
  readonly instances: readonly { readonly instanceId: string; readonly pathway: string; readonly state: string }[];
  /** Deadlines triggered by asOf, with their status at asOf (each with the rulebook release recorded with its trigger). */
  readonly deadlines: readonly CaseDeadline[];
}

const ms = (instant: IsoInstant): number => instantToMillis(instant);

/**
 * The case as of an instant: what had happened by `asOf`, as it was known at `knownAt` (only
 * events recorded by then). "What was overdue on 3 March as recorded by 10 March" is
 * `caseAsOf(events, { asOf: '2026-03-03T...', knownAt: '2026-03-10T...' })`, then the deadlines
 * with status 'breached'.
 */
export function caseAsOf(events: readonly AuditedEvent[], at: ViewInstants, options: ReplayOptions): CaseView {
  const knownAt = at.knownAt === undefined ? Infinity : ms(at.knownAt);
  const known = events.filter((e) => ms(decodeCaseEvent(e).recordedAt) <= knownAt);
  const happened = known.filter((e) => ms(decodeCaseEvent(e).occurredAt) <= ms(at.asOf));
  const all = foldCase(known);
  const then = foldCase(happened);
  const instances = Object.values(then.instances).map((instance) => ({
    instanceId: instance.instanceId,
    pathway: instance.pathway,
    state: pathwayOf(instance.pathway)?.state(instance.snapshot) ?? 'unknown',
  }));
  return {
    caseId: all.caseId ?? '',
    asOf: at.asOf,
    knownAt: at.knownAt ?? null,
    revisions: happened.map((e) => e.revision),
    teamRef: then.teamRef ?? null,
    iroRef: then.iroRef ?? null,
    instances,
    deadlines: deadlinesOf(all, at.asOf, { calendar: options.calendar, ...(options.rulebooks ? { rulebooks: options.rulebooks } : {}) }),
  };
}

export interface DeadlineChange {
  readonly id: string;
  readonly ruleId: string;
  readonly from: { readonly status: DeadlineStatus; readonly dueDate: string | null } | null;
  readonly to: { readonly status: DeadlineStatus; readonly dueDate: string | null } | null;
}

export interface CaseViewDiff {
  readonly from: ViewInstants;
  readonly to: ViewInstants;
  /** Events in the later view and not the earlier (by revision), and the reverse. */
  readonly eventsAdded: readonly number[];
  readonly eventsRemoved: readonly number[];
  /** Deadlines that appeared, disappeared, or changed status or due date. */
  readonly opened: readonly DeadlineChange[];
  readonly removed: readonly DeadlineChange[];
  readonly changed: readonly DeadlineChange[];
}

const brief = (d: CaseDeadline | undefined) => (d === undefined ? null : { status: d.status, dueDate: d.dueDate });

/** What differs between two views of a case. */
export function diffViews(a: CaseView, b: CaseView): CaseViewDiff {
  const before = new Map(a.deadlines.map((d) => [d.id, d]));
  const after = new Map(b.deadlines.map((d) => [d.id, d]));
  const change = (id: string): DeadlineChange => {
    const d = after.get(id) ?? before.get(id);
    return { id, ruleId: d?.ruleId ?? '', from: brief(before.get(id)), to: brief(after.get(id)) };
  };
  const inA = new Set(a.revisions);
  const inB = new Set(b.revisions);
  return {
    from: { asOf: a.asOf, ...(a.knownAt === null ? {} : { knownAt: a.knownAt }) },
    to: { asOf: b.asOf, ...(b.knownAt === null ? {} : { knownAt: b.knownAt }) },
    eventsAdded: b.revisions.filter((r) => !inA.has(r)),
    eventsRemoved: a.revisions.filter((r) => !inB.has(r)),
    opened: [...after.keys()].filter((id) => !before.has(id)).map(change),
    removed: [...before.keys()].filter((id) => !after.has(id)).map(change),
    changed: [...after.keys()].filter((id) => {
      const [x, y] = [before.get(id), after.get(id)];
      return x !== undefined && y !== undefined && (x.status !== y.status || x.dueDate !== y.dueDate);
    }).map(change),
  };
}
