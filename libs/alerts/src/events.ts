import { foldCase, type CaseState, type StoredCaseEvent } from '@csc/case';
import { deterministicEventId } from '@csc/event-store';

/**
 * The alert events this lib appends to a child's case stream (`case-<caseId>`), so that the
 * case history shows every reminder, breach and escalation the engine raised.
 */
export const ALERT_EVENT_TYPES = {
  reminder: 'TimescaleReminderSent',
  breach: 'TimescaleBreached',
  escalation: 'TimescaleEscalated',
} as const;

export type AlertKind = keyof typeof ALERT_EVENT_TYPES;
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[AlertKind];

const TYPES: ReadonlySet<string> = new Set(Object.values(ALERT_EVENT_TYPES));

/** Who an alert is for: references only (an IRO's user id, a team id). */
export interface Recipient {
  readonly kind: 'iro' | 'team' | 'team-manager';
  readonly ref: string;
}

/** The data of an alert event: references and instants, never names. */
export interface AlertEventData {
  readonly [key: string]: string | number | boolean | null | { readonly kind: string; readonly ref: string };
  /** `<deadlineId>/reminder-10`, `<deadlineId>/breach`, `<deadlineId>/escalation`. */
  readonly alertId: string;
  readonly deadlineId: string;
  readonly caseId: string;
  readonly ruleId: string;
  readonly kind: AlertKind;
  readonly workingDaysBefore: number | null;
  /** When the alert was due to go out. */
  readonly scheduledFor: string;
  /** When the engine raised it (the processor's clock). */
  readonly raisedAt: string;
  /** Raised more than the policy's tolerance after `scheduledFor` (a worker or Redis was down). */
  readonly late: boolean;
  readonly lateByMs: number;
  readonly dueInstant: string | null;
  readonly recipient: Recipient;
}

export function isAlertEventType(type: string): type is AlertEventType {
  return TYPES.has(type);
}

/** The event id of an alert: the same however often (and by however many workers) it is raised. */
export function alertEventId(alertId: string): string {
  return deterministicEventId(`alert:${alertId}`);
}

/** A stored event of a case stream (structurally a RecordedEvent). */
export interface CaseStreamEvent extends StoredCaseEvent {
  readonly id: string;
}

export interface FoldedCase {
  readonly state: CaseState;
  /** Ids of the alerts already raised on this stream (their events' `data.alertId`). */
  readonly raised: ReadonlySet<string>;
}

/**
 * Folds a case stream that may hold alert events: `foldCase` reads them as
 * `TimescaleAlertRecorded` (they change no pathway) and keeps their alert ids in
 * `state.alertsRaised`. `from` continues a fold already made of the stream's first events.
 */
export function foldCaseWithAlerts(events: readonly StoredCaseEvent[], from?: CaseState): FoldedCase {
  const state = foldCase(events, from);
  return { state, raised: new Set(state.alertsRaised) };
}
