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

/** The alert events the engine itself appends to a case stream (libs/alerts raises them). */
export const TIMESCALE_ALERT_TYPES = ['TimescaleReminderSent', 'TimescaleBreached', 'TimescaleEscalated'] as const;
export type TimescaleAlertType = (typeof TIMESCALE_ALERT_TYPES)[number];

/**
 * A reminder, breach or escalation the engine raised about one of the case's deadlines. It changes
 * no pathway: the case keeps the alert's id (so a history shows every alert and none is raised
 * twice), and `data` is kept as stored (references and instants only).
 */
export interface TimescaleAlertRecorded extends Recorded {
  readonly type: 'TimescaleAlertRecorded';
  readonly alertType: TimescaleAlertType;
  readonly alertId: string;
  readonly deadlineId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type CaseLevelEvent = CaseOpened | IroAllocated | IroDeallocated | TeamChanged;
export type CaseEvent = CaseLevelEvent | PathwayEventRecorded | TimescaleAlertRecorded;

const ALERT_TYPES: ReadonlySet<string> = new Set<string>(TIMESCALE_ALERT_TYPES);

export function isTimescaleAlertType(type: string): type is TimescaleAlertType {
  return ALERT_TYPES.has(type);
}

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
  if (event.type === 'TimescaleAlertRecorded') return { type: event.alertType, data: { ...event.data } };
  const { type, ...data } = event;
  return { type, data };
}

/** Back from the stored form. Trusts the store (events were validated when decided). */
export function decodeCaseEvent(stored: StoredCaseEvent): CaseEvent {
  const data = stored.data as Record<string, unknown>;
  if (CASE_LEVEL_TYPES.has(stored.type)) return { ...data, type: stored.type } as CaseLevelEvent;
  if (isTimescaleAlertType(stored.type)) return decodeAlert(stored.type, data);
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

/** An alert event's data holds `raisedAt` (when the engine raised it): it happened and was recorded then. */
function decodeAlert(alertType: TimescaleAlertType, data: Record<string, unknown>): TimescaleAlertRecorded {
  const text = (key: string): string => (typeof data[key] === 'string' ? data[key] : '');
  const raisedAt = text('raisedAt');
  return { type: 'TimescaleAlertRecorded', alertType, alertId: text('alertId'), deadlineId: text('deadlineId'), occurredAt: raisedAt, recordedAt: raisedAt, data };
}
