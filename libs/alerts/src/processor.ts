import { caseStreamId } from '@csc/case';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from '@csc/event-store';
import { ALERT_EVENT_TYPES, alertEventId, foldCaseWithAlerts, type AlertEventData, type FoldedCase } from './events';
import { AlertConflictError } from './errors';
import type { FireJob } from './jobs';
import { planFolded, type CasePlan, type PlanContext, type PlannedAlert } from './plan';

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
  /** Cases whose fold the processor keeps between firings (default 10,000; 0: none). */
  readonly cacheSize?: number;
}

/** A case as the processor last read it: its fold up to `revision` (-1: no stream), and its plan. */
interface CachedCase {
  readonly revision: number;
  readonly folded: FoldedCase;
  plan?: CasePlan;
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
 *
 * Reading the current state is cheap when the case fired recently: the processor keeps the
 * fold of each case it read (bounded, least recently used first out) with the revision it
 * covers, and reads only the events after it; an event appended by this processor is folded
 * in once its append succeeded at the expected revision. The expected revision still guards
 * every append, so another writer in between is always seen. Firings of one case run one
 * after the other in a process (two deadlines of a case due at the same instant would
 * otherwise conflict).
 */
export class AlertProcessor {
  private readonly cache = new Map<string, CachedCase>();
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly options: ProcessorOptions) {}

  fire(job: Pick<FireJob, 'caseId' | 'alertId'>): Promise<FireOutcome> {
    const before = this.running.get(job.caseId) ?? Promise.resolve();
    const run = before.then(() => this.fireNow(job), () => this.fireNow(job));
    const settled = run.catch(() => undefined);
    this.running.set(job.caseId, settled);
    void settled.then(() => {
      if (this.running.get(job.caseId) === settled) this.running.delete(job.caseId);
    });
    return run;
  }

  private async fireNow(job: Pick<FireJob, 'caseId' | 'alertId'>): Promise<FireOutcome> {
    const attempts = this.options.maxConflictAttempts ?? 5;
    const streamId = caseStreamId(job.caseId);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const current = await this.read(job.caseId);
      const plan = (current.plan ??= planFolded(current.folded, this.options.context));
      const alert = plan.alerts.find((a) => a.alertId === job.alertId);
      if (alert === undefined) return { outcome: 'stale', alertId: job.alertId };
      const eventId = alertEventId(alert.alertId);
      if (plan.folded.raised.has(alert.alertId)) {
        const events = await this.options.store.readStream(streamId);
        const earlier = events.find((e) => e.id === eventId) ?? events.find((e) => (e.data as { alertId?: unknown }).alertId === alert.alertId);
        if (earlier !== undefined) {
          const notice = noticeOf(earlier);
          await this.options.deliveries.enqueue(notice);
          return { outcome: 'already-raised', notice };
        }
        this.cache.delete(job.caseId);
        continue;
      }
      const now = this.options.clock().getTime();
      if (alert.at > now) return { outcome: 'not-yet', alertId: alert.alertId, at: alert.at };
      const event = eventOf(alert, now, this.options.context.policy.lateToleranceMs);
      try {
        const result = await this.options.store.append(streamId, [event], current.revision === -1 ? 'no_stream' : current.revision);
        this.remember(job.caseId, { revision: result.nextExpectedRevision, folded: foldCaseWithAlerts([event], current.folded.state) });
      } catch (error) {
        this.cache.delete(job.caseId);
        if (error instanceof WrongExpectedRevisionError) continue;
        throw error;
      }
      const notice = noticeOf(event);
      await this.options.deliveries.enqueue(notice);
      return { outcome: 'raised', notice };
    }
    throw new AlertConflictError(job.alertId, attempts);
  }

  /** The case's current fold: the cached one brought up to date with the events after it, or a whole read. */
  private async read(caseId: string): Promise<CachedCase> {
    const streamId = caseStreamId(caseId);
    const cached = this.cache.get(caseId);
    if (cached !== undefined) {
      const newer = await this.options.store.readStream(streamId, { fromRevision: cached.revision + 1 });
      const last = newer[newer.length - 1];
      if (last === undefined) return this.remember(caseId, cached);
      return this.remember(caseId, { revision: last.revision, folded: foldCaseWithAlerts(newer, cached.folded.state) });
    }
    const events = await this.options.store.readStream(streamId);
    return this.remember(caseId, { revision: events[events.length - 1]?.revision ?? -1, folded: foldCaseWithAlerts(events) });
  }

  private remember(caseId: string, entry: CachedCase): CachedCase {
    const limit = this.options.cacheSize ?? 10_000;
    this.cache.delete(caseId);
    if (limit <= 0) return entry;
    this.cache.set(caseId, entry);
    if (this.cache.size > limit) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return entry;
  }
}
