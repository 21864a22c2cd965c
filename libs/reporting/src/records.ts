import { londonDateOf } from '@csc/calendar';
import { decodeAllegationEvent, decodeCaseEvent, foldCase, type CaseEvent, type CaseState, type PathwayEventRecorded, type StoredCaseEvent } from '@csc/case';
import type { IsoInstant, LocalDate } from '@workflows/shared';

/** When something happened and when it was recorded, as instants and London dates. */
export interface Dated {
  readonly occurredAt: IsoInstant;
  readonly occurredOn: LocalDate;
  readonly recordedAt: IsoInstant;
  readonly recordedOn: LocalDate;
}

/** A child's case as the reports read it: its folded state and its decoded events, in stream order. */
export interface CaseRecord {
  readonly caseId: string;
  readonly state: CaseState;
  readonly events: readonly CaseEvent[];
}

/** A LADO allegation (`allegation-<id>` stream) as the reports read it: its pathway events. */
export interface AllegationRecord {
  readonly allegationId: string;
  readonly events: readonly PathwayEventRecorded[];
}

/** The case of one stream's stored events (structurally, @csc/event-store's RecordedEvent). */
export function caseRecordOf(stored: readonly StoredCaseEvent[]): CaseRecord {
  const state = foldCase(stored);
  return { caseId: state.caseId ?? '', state, events: stored.map(decodeCaseEvent) };
}

/** The allegation of one `allegation-<id>` stream: its pathway events (other events are ignored). */
export function allegationRecordOf(allegationId: string, stored: readonly StoredCaseEvent[]): AllegationRecord {
  // An allegation stream opens with AllegationOpened (not a case event): decode it as the allegation's.
  const events = stored.map(decodeAllegationEvent).filter((e): e is PathwayEventRecorded => e.type === 'PathwayEventRecorded');
  return { allegationId, events };
}

/** The dates of a pathway event. */
export function datedOf(event: PathwayEventRecorded): Dated {
  return { occurredAt: event.occurredAt, occurredOn: event.event.occurredOn, recordedAt: event.recordedAt, recordedOn: londonDateOf(event.recordedAt) };
}

/** The pathway events of one pathway kind, grouped by instance, each instance's in stream order. */
export function instancesOf(events: readonly CaseEvent[], pathway: string): ReadonlyMap<string, readonly PathwayEventRecorded[]> {
  const byInstance = new Map<string, PathwayEventRecorded[]>();
  for (const event of events) {
    if (event.type !== 'PathwayEventRecorded' || event.pathway !== pathway) continue;
    const list = byInstance.get(event.instanceId) ?? [];
    list.push(event);
    byInstance.set(event.instanceId, list);
  }
  return byInstance;
}

/** A field of a pathway event's own data (the reports read events of several pathways loosely). */
export function field(event: PathwayEventRecorded, name: string): unknown {
  return (event.event as unknown as Record<string, unknown>)[name];
}
