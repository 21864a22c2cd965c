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
 * A firing job's payload: references and an instant only (no names, no personal data). The
 * processor trusts none of it but the ids: it re-derives the alert from the case's events.
 */
export interface FireJobData {
  readonly caseId: string;
  readonly alertId: string;
  /** When the alert was planned for when the job was added (epoch ms). */
  readonly at: number;
}

/** BullMQ refuses ids with ':' (other than its own 3-part form) and integer ids. */
function safeId(text: string): string {
  return text.replace(/%/g, '%25').replace(/:/g, '%3A');
}

/** The deterministic job id of an alert: `alert/<deadlineId>/<key>`. The time is in the data. */
export function fireJobId(alertId: string): string {
  return `alert/${safeId(alertId)}`;
}

export function fireJobData(alert: PlannedAlert): FireJobData {
  return { caseId: alert.caseId, alertId: alert.alertId, at: alert.at };
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
export const FIRE_JOB_NAME = 'fire';
