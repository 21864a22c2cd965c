import { caseStreamId } from '@csc/case';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from '@csc/event-store';
import { ALERT_EVENT_TYPES, alertEventId, type AlertEventData } from './events';
import { AlertConflictError } from './errors';
import type { FireJobData } from './jobs';
import { planCase, type PlanContext, type PlannedAlert } from './plan';

/** An alert as delivered: its event id and the event's data (references only). */
export interface AlertNotice extends AlertEventData {
  readonly eventId: string;
}

export type FireOutcome =
  | { readonly outcome: 'raised'; readonly notice: AlertNotice }
  | { readonly outcome: 'already-raised'; readonly notice: AlertNotice }
  /** The deadline was met, cancelled or its alert is no longer planned: the job does nothing. */
  | { readonly outcome: 'stale'; readonly alertId: string }
  /** The deadline moved later: the alert is now due at `at` (epoch ms). */
  | { readonly outcome: 'not-yet'; readonly alertId: string; readonly at: number };

/** Where raised alerts go to be delivered (enqueueing must be idempotent per event id). */
export interface NoticeSink {
  enqueue(notice: AlertNotice): Promise<void>;
}

export interface ProcessorOptions {
  readonly store: EventStore;
  readonly context: PlanContext;
  readonly clock: () => Date;
  readonly deliveries: NoticeSink;
  /** Re-read-and-retry attempts when another writer appends to the case meanwhile. */
  readonly maxConflictAttempts?: number;
}

const ACTOR = { userId: 'system:alerts', role: 'system' } as const;

function eventOf(alert: PlannedAlert, now: number, toleranceMs: number): NewEvent<AlertEventData> {
  const lateByMs = Math.max(0, now - alert.at);
  const data: AlertEventData = {
    alertId: alert.alertId, deadlineId: alert.deadlineId, caseId: alert.caseId, ruleId: alert.ruleId, kind: alert.kind,
    workingDaysBefore: alert.workingDaysBefore, scheduledFor: new Date(alert.at).toISOString(), raisedAt: new Date(now).toISOString(),
    late: lateByMs > toleranceMs, lateByMs, dueInstant: alert.dueInstant, recipient: alert.recipient,
  };
  return {
    id: alertEventId(alert.alertId),
    type: ALERT_EVENT_TYPES[alert.kind],
    data,
    metadata: { occurredAt: data.scheduledFor, actor: ACTOR, correlationId: alert.alertId, causationId: null, rulebookVersion: alert.rulebookVersion },
  };
}

function noticeOf(event: Pick<RecordedEvent, 'id' | 'data'>): AlertNotice {
  return { ...(event.data as unknown as AlertEventData), eventId: event.id };
}

/**
 * Fires one alert: re-derives it from the case's current events (the job's payload is only a
 * reference), does nothing if the deadline is no longer open or the alert moved later, appends
 * the alert event with a deterministic id at the revision it read (a retry, a second worker or
 * a stale duplicate job never raises it twice), then hands it to delivery. Delivery failing
 * never undoes the event: the job retries and finds the alert already raised.
 */
export class AlertProcessor {
  constructor(private readonly options: ProcessorOptions) {}

  async fire(job: Pick<FireJobData, 'caseId' | 'alertId'>): Promise<FireOutcome> {
    const attempts = this.options.maxConflictAttempts ?? 5;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const events = await this.options.store.readStream(caseStreamId(job.caseId));
      const plan = planCase(events, this.options.context);
      const alert = plan.alerts.find((a) => a.alertId === job.alertId);
      if (alert === undefined) return { outcome: 'stale', alertId: job.alertId };
      const eventId = alertEventId(alert.alertId);
      const earlier = events.find((e) => e.id === eventId);
      if (earlier !== undefined) {
        const notice = noticeOf(earlier);
        await this.options.deliveries.enqueue(notice);
        return { outcome: 'already-raised', notice };
      }
      const now = this.options.clock().getTime();
      if (alert.at > now) return { outcome: 'not-yet', alertId: alert.alertId, at: alert.at };
      const event = eventOf(alert, now, this.options.context.policy.lateToleranceMs);
      try {
        await this.options.store.append(caseStreamId(job.caseId), [event], events.length === 0 ? 'no_stream' : events.length - 1);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) continue;
        throw error;
      }
      const notice = noticeOf(event);
      await this.options.deliveries.enqueue(notice);
      return { outcome: 'raised', notice };
    }
    throw new AlertConflictError(job.alertId, attempts);
  }
}
