import type { IsoInstant, PathwayEvent } from '@workflows/shared';

/**
 * Events of a child's case stream (`case-<caseId>`). Case-level events hold references only
 * (team, IRO, rulebook name), never names. Every event carries when it happened (`occurredAt`)
 * and when it was recorded (`recordedAt`, the `now` of decide).
 */
interface Recorded {
  readonly occurredAt: IsoInstant;
  readonly recordedAt: IsoInstant;
}

export interface CaseOpened extends Recorded {
  readonly type: 'CaseOpened';
  readonly caseId: string;
  readonly teamRef: string;
  /** The council's rulebook (name): each pathway event records the release it used. */
  readonly rulebook: string;
}

export interface IroAllocated extends Recorded {
  readonly type: 'IroAllocated';
  readonly iroRef: string;
}

export interface IroDeallocated extends Recorded {
  readonly type: 'IroDeallocated';
  readonly iroRef: string;
}

export interface TeamChanged extends Recorded {
  readonly type: 'TeamChanged';
  readonly teamRef: string;
}

/** An instance of another pathway, by reference: what a new instance follows from. */
export interface InstanceLink {
  readonly pathway: string;
  readonly instanceId: string;
}

/** A pathway's event, wrapped with its pathway kind, instance and the rulebook release in force. */
export interface PathwayEventRecorded extends Recorded {
  readonly type: 'PathwayEventRecorded';
  readonly pathway: string;
  readonly instanceId: string;
  /** `enfield@1`: the release that computes the deadlines this event opens (replays pin it). */
  readonly rulebookVersion: string;
  readonly event: PathwayEvent;
  /** On the event that starts an instance: the instance it follows from (a strategy discussion from a referral's decision). */
  readonly linkedTo?: InstanceLink;
}

export type CaseLevelEvent = CaseOpened | IroAllocated | IroDeallocated | TeamChanged;
export type CaseEvent = CaseLevelEvent | PathwayEventRecorded;

const CASE_LEVEL_TYPES: ReadonlySet<string> = new Set<CaseLevelEvent['type']>(['CaseOpened', 'IroAllocated', 'IroDeallocated', 'TeamChanged']);

/**
 * An event as the store holds it (structurally a `RecordedEvent` of @csc/event-store): case-level
 * events under their own type; pathway events under the pathway event's type ('InitialConferenceHeld')
 * with `data = { pathway, instanceId, recordedAt, rulebookVersion, event, linkedTo? }`.
 */
export interface StoredCaseEvent {
  readonly type: string;
  readonly data: unknown;
}

/** The stored form of a case event: its type and JSON data. */
export function encodeCaseEvent(event: CaseEvent): { readonly type: string; readonly data: Record<string, unknown> } {
  if (event.type === 'PathwayEventRecorded') {
    const { pathway, instanceId, recordedAt, rulebookVersion, linkedTo } = event;
    return { type: event.event.type, data: { pathway, instanceId, recordedAt, rulebookVersion, event: event.event, ...(linkedTo === undefined ? {} : { linkedTo }) } };
  }
  const { type, ...data } = event;
  return { type, data };
}

/** Back from the stored form. Trusts the store (events were validated when decided). */
export function decodeCaseEvent(stored: StoredCaseEvent): CaseEvent {
  const data = stored.data as Record<string, unknown>;
  if (CASE_LEVEL_TYPES.has(stored.type)) return { ...data, type: stored.type } as CaseLevelEvent;
  const pathwayData = data as unknown as Omit<PathwayEventRecorded, 'type' | 'occurredAt'>;
  return {
    type: 'PathwayEventRecorded',
    pathway: pathwayData.pathway,
    instanceId: pathwayData.instanceId,
    recordedAt: pathwayData.recordedAt,
    rulebookVersion: pathwayData.rulebookVersion,
    occurredAt: pathwayData.event.occurredAt,
    event: pathwayData.event,
    ...(pathwayData.linkedTo === undefined ? {} : { linkedTo: pathwayData.linkedTo }),
  };
}
