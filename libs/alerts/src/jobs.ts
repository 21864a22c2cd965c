import type { JobsOptions } from 'bullmq';
import type { PlannedAlert } from './plan';

/** The queue of firing jobs (one delayed job per open deadline: its next alert). */
export const FIRE_QUEUE = 'alerts';
/** The queue of deliveries (one job per alert event, channel and recipient). */
export const DELIVERY_QUEUE = 'alert-delivery';

/** BullMQ's key prefix under the deployment's CSC_REDIS_PREFIX. */
export function bullPrefix(prefix: string): string {
  return `${prefix}:bull`;
}

/**
 * A firing job's payload: references and an instant only (no names, no personal data), with
 * one-letter names because Redis keeps one per open deadline. The processor trusts none of it
 * but the ids: it re-derives the alert from the case's events.
 */
export interface FireJobData {
  /** The alert id, `<deadlineId>/<reminder-10|breach|escalation...>`. */
  readonly a: string;
  /** When the alert was planned for when the job was added (epoch ms). */
  readonly t: number;
  /** The case id, only when the alert id does not start with `<caseId>/` (it always does today). */
  readonly c?: string;
}

/** A firing job's references, read from its payload (also the longer form of earlier versions). */
export interface FireJob {
  readonly caseId: string;
  readonly alertId: string;
  readonly at: number;
}

/** Reads a payload: `{ a, t, c? }`, or `{ caseId, alertId, at }` as jobs added before it was shortened. */
export function fireJobOf(data: FireJobData | FireJob): FireJob {
  if ('alertId' in data) return { caseId: data.caseId, alertId: data.alertId, at: data.at };
  return { caseId: data.c ?? data.a.slice(0, data.a.indexOf('/')), alertId: data.a, at: data.t };
}

/** BullMQ refuses ids with ':' (other than its own 3-part form) and integer ids. */
function safeId(text: string): string {
  return text.replace(/%/g, '%25').replace(/:/g, '%3A');
}

/** The deterministic job id of an alert: `alert/<deadlineId>/<key>`. The time is in the data. */
export function fireJobId(alertId: string): string {
  return `alert/${safeId(alertId)}`;
}

export function fireJobData(alert: Pick<PlannedAlert, 'alertId' | 'caseId' | 'at'>): FireJobData {
  return !alert.caseId.includes('/') && alert.alertId.startsWith(`${alert.caseId}/`) ? { a: alert.alertId, t: alert.at } : { a: alert.alertId, t: alert.at, c: alert.caseId };
}

/** The job's options: a delay from `now`, retries with exponential backoff, removed once done, kept when failed. */
export function fireJobOptions(alert: PlannedAlert, now: number, attempts: number): JobsOptions {
  return {
    jobId: fireJobId(alert.alertId),
    delay: Math.max(0, alert.at - now),
    attempts,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
  };
}

/** The name of every firing job (the processor switches on the queue, not the name). */
export const FIRE_JOB_NAME = 'f';
