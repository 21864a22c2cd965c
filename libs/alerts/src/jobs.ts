import { createHash } from 'node:crypto';
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

/**
 * The deterministic job id of an alert: `a` and 15 base64url characters of the SHA-256 of its
 * alert id (90 bits). Short, so that the job's options stay within the 64 bytes under which
 * Redis keeps a hash in its compact (listpack) form: a job then takes about 300 bytes of Redis
 * instead of about 800. The alert id itself is in the payload.
 */
export function fireJobId(alertId: string): string {
  return `a${createHash('sha256').update(alertId).digest('base64url').slice(0, 15)}`;
}

export function fireJobData(alert: Pick<PlannedAlert, 'alertId' | 'caseId' | 'at'>): FireJobData {
  return !alert.caseId.includes('/') && alert.alertId.startsWith(`${alert.caseId}/`) ? { a: alert.alertId, t: alert.at } : { a: alert.alertId, t: alert.at, c: alert.caseId };
}

/**
 * The job's stored options: its id, a delay from `now`, and its attempts. Nothing else, to stay
 * compact in Redis: the exponential backoff (from 1 s) and removal once completed are set on
 * the job when it is processed (`withRunOptions`), as BullMQ reads them only then. A job whose
 * attempts are spent is kept, failed, and reconciliation sends it round again.
 */
export function fireJobOptions(alert: Pick<PlannedAlert, 'alertId' | 'at'>, now: number, attempts: number): JobsOptions {
  return { jobId: fireJobId(alert.alertId), delay: Math.max(0, alert.at - now), attempts };
}

/** What BullMQ reads of a firing job's options when it finishes or fails it (kept out of Redis). */
export const FIRE_RUN_OPTIONS = { backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true } as const satisfies JobsOptions;

/** Gives a firing job being processed its backoff and removal (in memory only; see fireJobOptions). */
export function withRunOptions<J extends { opts: JobsOptions }>(job: J): J {
  job.opts = { ...job.opts, backoff: job.opts.backoff ?? FIRE_RUN_OPTIONS.backoff, removeOnComplete: job.opts.removeOnComplete ?? FIRE_RUN_OPTIONS.removeOnComplete };
  return job;
}

/** The name of every firing job (the processor switches on the queue, not the name). */
export const FIRE_JOB_NAME = 'f';
